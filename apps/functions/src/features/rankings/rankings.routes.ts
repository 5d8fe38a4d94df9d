import type { rankingsRoutes } from '@chuangxing/shared';
import type { RouteImpls } from '../../platform/http/route-context';
import * as rankings from './rankings';
import type { RankingsPorts } from './rankings.ports';
import * as scoring from './scoring-model';

export const rankingsImplementations: RouteImpls<typeof rankingsRoutes, RankingsPorts> = {
  getScoringModel: async ({ deps }) => ({ status: 200, body: await scoring.getScoringModel(deps) }),
  listScoringVersions: async ({ deps }) => ({ status: 200, body: { versions: await scoring.listScoringVersions(deps) } }),
  getScoringVersion: async ({ deps, params }) => ({ status: 200, body: await scoring.getScoringVersion(deps, params.version) }),
  getScoringDraft: async ({ deps, principal, allowed }) => ({ status: 200, body: await scoring.getScoringDraft(deps, principal, allowed) }),
  putScoringDraft: async ({ deps, principal, allowed, body }) => ({
    status: 200,
    body: await scoring.saveScoringDraft(deps, principal, allowed, body.content, body.revision),
  }),
  publishScoringModel: async ({ deps, principal, allowed, body }) => ({
    status: 201,
    body: await scoring.publishScoringModel(deps, principal, allowed, body.revision, body.note),
  }),
  runRanking: async ({ deps, principal, allowed, params }) => ({
    status: 200,
    body: await rankings.runRanking(deps, principal, allowed, params.quarter),
  }),
  listPublishedQuarters: async ({ deps }) => ({ status: 200, body: await rankings.listPublishedQuarters(deps) }),
  listRankingVersions: async ({ deps, principal, allowed, params }) => ({
    status: 200,
    body: await rankings.listRankingVersions(deps, principal, allowed, params.quarter),
  }),
  getRanking: async ({ deps, principal, allowed, params, query }) => ({
    status: 200,
    body: await rankings.getRanking(deps, principal, allowed, params.quarter, query),
  }),
  getBranchScorecard: async ({ deps, principal, allowed, params, query }) => ({
    status: 200,
    body: await rankings.getBranchScorecard(deps, principal, allowed, params.quarter, params.branchId, query.version),
  }),
  getStarMap: async ({ deps, principal, allowed, params, query }) => ({
    status: 200,
    body: await rankings.getStarMap(deps, principal, allowed, params.quarter, query.version),
  }),
  getHonours: async ({ deps, principal, allowed, params, query }) => ({
    status: 200,
    body: await rankings.getHonours(deps, principal, allowed, params.quarter, query.version),
  }),
  annotateRanking: async ({ deps, principal, allowed, params, body }) => ({
    status: 201,
    body: await rankings.annotateRanking(deps, principal, allowed, params.quarter, params.version, body),
  }),
  publishRanking: async ({ deps, principal, allowed, params, body }) => ({
    status: 200,
    body: await rankings.publishRanking(deps, principal, allowed, params.quarter, params.version, body.revision),
  }),
};
