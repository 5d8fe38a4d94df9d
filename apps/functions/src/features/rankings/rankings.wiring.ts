import type { ScoringModelContent } from '@chuangxing/shared';
import { DynamoVersionedDocumentStore } from '../../platform/dynamodb/versioned-document.dynamodb';
import type { Wiring } from '../../platform/wiring';
import { appraisalResultsReader } from '../appraisals/appraisals.wiring';
import { bindingReader, peopleReader } from '../identity/identity.wiring';
import { noticesPort } from '../inbox/inbox.wiring';
import { findingsReader } from '../inspections/inspections.wiring';
import { letterCountersReader } from '../mailbox/mailbox.wiring';
import { observationResultsReader } from '../observations/observations.wiring';
import { orgReader } from '../org/org.wiring';
import { approvedPlansReader, taskStateReader } from '../plans/plans.wiring';
import { dailyRulesReader, holidayReader, quarterStatsReader } from '../reports/reports.wiring';
import { heldStarsReader } from '../stars/held-stars.wiring';
import type { RankingRepository, ScoringModelStore } from './ranking-repository';
import { DynamoRankingRepository } from './ranking-repository.dynamodb';
import { scoringModelEntities } from './rankings.entities';
import type { RankingsPorts } from './rankings.ports';
import { type RankingExportReader, rankingForExport } from './rankings.readers';
import { type ScoringReaders, TownshipInputs } from './township-inputs';

export const scoringModelStore = (w: Pick<Wiring, 'doc' | 'table' | 'once'>): ScoringModelStore =>
  w.once(
    'scoring-models',
    () =>
      new DynamoVersionedDocumentStore<ScoringModelContent>(w.doc, w.table, scoringModelEntities, {
        publishConflict: '评分办法已有更新的版本或草稿已变更，请刷新后重试',
      }),
  );

export const rankingRepository = (w: Pick<Wiring, 'doc' | 'table' | 'once'>): RankingRepository =>
  w.once('rankings', () => new DynamoRankingRepository(w.doc, w.table));

/** Every input of a shard, through the readers the owning features export. */
export const scoringReaders = (w: Wiring): ScoringReaders => ({
  org: orgReader(w),
  reportStats: quarterStatsReader(w),
  holidays: holidayReader(w),
  letterCounters: letterCountersReader(w),
  approvedPlans: approvedPlansReader(w),
  taskStates: taskStateReader(w),
  observationResults: observationResultsReader(w),
  findings: findingsReader(w),
  heldStars: heldStarsReader(w),
  appraisals: appraisalResultsReader(w),
});

export const rankingsPorts = (w: Wiring): RankingsPorts => ({
  ...w.kernel,
  people: peopleReader(w),
  rankings: rankingRepository(w),
  scoringModels: scoringModelStore(w),
  scoringInputs: w.once('scoring-inputs', () => new TownshipInputs(scoringReaders(w))),
  rules: dailyRulesReader(w),
  org: orgReader(w),
  users: bindingReader(w),
  notices: noticesPort(w),
});

/** The ranking as the export reads it (the same access rules as the rankings' own reads). */
export const rankingExportReader = (w: Wiring): RankingExportReader => {
  const deps = { districtId: w.kernel.districtId, rankings: rankingRepository(w), people: peopleReader(w) };
  return { forExport: (principal, allowed, quarter, version) => rankingForExport(deps, principal, allowed, quarter, version) };
};
