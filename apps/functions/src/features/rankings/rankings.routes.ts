import type { Routes } from '@chuangxing/shared';
import type { RouteImpl } from '../../platform/http/route-context';
import { exportRanking as exportUseCase } from './export-ranking';
import * as rankings from './rankings';
import * as scoring from './scoring-model';

export const getScoringModel: RouteImpl<Routes['getScoringModel']> = async ({ deps }) => ({
  status: 200,
  body: await scoring.getScoringModel(deps),
});

export const listScoringVersions: RouteImpl<Routes['listScoringVersions']> = async ({ deps }) => ({
  status: 200,
  body: { versions: await scoring.listScoringVersions(deps) },
});

export const getScoringVersion: RouteImpl<Routes['getScoringVersion']> = async ({ deps, params }) => ({
  status: 200,
  body: await scoring.getScoringVersion(deps, params.version),
});

export const getScoringDraft: RouteImpl<Routes['getScoringDraft']> = async ({ deps, principal, allowed }) => ({
  status: 200,
  body: await scoring.getScoringDraft(deps, principal, allowed),
});

export const putScoringDraft: RouteImpl<Routes['putScoringDraft']> = async ({ deps, principal, allowed, body }) => ({
  status: 200,
  body: await scoring.saveScoringDraft(deps, principal, allowed, body.content, body.revision),
});

export const publishScoringModel: RouteImpl<Routes['publishScoringModel']> = async ({ deps, principal, allowed, body }) => ({
  status: 201,
  body: await scoring.publishScoringModel(deps, principal, allowed, body.revision, body.note),
});

export const runRanking: RouteImpl<Routes['runRanking']> = async ({ deps, principal, allowed, params }) => ({
  status: 200,
  body: await rankings.runRanking(deps, principal, allowed, params.quarter),
});

export const listRankingVersions: RouteImpl<Routes['listRankingVersions']> = async ({ deps, principal, allowed, params }) => ({
  status: 200,
  body: await rankings.listRankingVersions(deps, principal, allowed, params.quarter),
});

export const getRanking: RouteImpl<Routes['getRanking']> = async ({ deps, principal, allowed, params, query }) => ({
  status: 200,
  body: await rankings.getRanking(deps, principal, allowed, params.quarter, query),
});

export const getBranchScorecard: RouteImpl<Routes['getBranchScorecard']> = async ({ deps, principal, allowed, params, query }) => ({
  status: 200,
  body: await rankings.getBranchScorecard(deps, principal, allowed, params.quarter, params.branchId, query.version),
});

export const getStarMap: RouteImpl<Routes['getStarMap']> = async ({ deps, principal, allowed, params, query }) => ({
  status: 200,
  body: await rankings.getStarMap(deps, principal, allowed, params.quarter, query.version),
});

export const getHonours: RouteImpl<Routes['getHonours']> = async ({ deps, principal, allowed, params, query }) => ({
  status: 200,
  body: await rankings.getHonours(deps, principal, allowed, params.quarter, query.version),
});

export const annotateRanking: RouteImpl<Routes['annotateRanking']> = async ({ deps, principal, allowed, params, body }) => ({
  status: 201,
  body: await rankings.annotateRanking(deps, principal, allowed, params.quarter, params.version, body),
});

export const publishRanking: RouteImpl<Routes['publishRanking']> = async ({ deps, principal, allowed, params, body }) => ({
  status: 200,
  body: await rankings.publishRanking(deps, principal, allowed, params.quarter, params.version, body.revision),
});

/** The edge sends `base64` as the workbook's bytes (produces: 'file'). */
export const exportRanking: RouteImpl<Routes['exportRanking']> = async ({ deps, principal, allowed, params, query }) => {
  const file = await exportUseCase(deps, principal, allowed, params.quarter, query.version);
  return { status: 200, body: { filename: file.filename, contentType: file.contentType, base64: file.bytes.toString('base64') } };
};
