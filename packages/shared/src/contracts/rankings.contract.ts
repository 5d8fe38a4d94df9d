import '../zod-config';
import { ErrorBody } from '../errors';
import { defineRoute, rolesAccess } from '../route';
import { FileBody } from './common.contract';
import {
  AnnotateRankingBody,
  BranchScorecard,
  DistrictRanking,
  Honours,
  PublishedQuarterList,
  PublishRankingBody,
  PublishScoringBody,
  PutScoringDraftBody,
  QuarterPath,
  RankingQuery,
  RankingRun,
  RankingVersion,
  RankingVersionList,
  RankingVersionPath,
  RunRankingBody,
  ScorecardPath,
  ScoringDraft,
  ScoringModel,
  ScoringVersionList,
  ScoringVersionPath,
  StarMap,
  VersionQuery,
} from './rankings.schemas';

/** Who reads the quarterly rankings (each within their townships). */
const RANKING_READERS = ['township_staff', 'leader', 'district_admin'] as const;
/**
 * The published ranking is read in the open (亮赛比, 比学赶超): a branch's secretary and cadres also read their
 * township's list, star map and honours, their own branch's scorecard, and the scoring model they are ranked by.
 */
const PUBLISHED_RANKING_READERS = [...RANKING_READERS, 'secretary', 'cadre'] as const;

/** 每季度一评比: the scoring model and the quarterly rankings. */
export const rankingsRoutes = {
  getScoringModel: defineRoute({
    method: 'GET',
    path: '/v1/scoring',
    summary: '每季度一评比: the scoring model in force (weights, deductions, star rule, list sizes)',
    access: rolesAccess(...PUBLISHED_RANKING_READERS),
    responses: { 200: ScoringModel },
  }),
  listScoringVersions: defineRoute({
    method: 'GET',
    path: '/v1/scoring/versions',
    summary: 'Every published scoring version, newest first',
    access: rolesAccess(...PUBLISHED_RANKING_READERS),
    responses: { 200: ScoringVersionList },
  }),
  getScoringVersion: defineRoute({
    method: 'GET',
    path: '/v1/scoring/versions/{version}',
    summary: 'One published (immutable) scoring version',
    access: rolesAccess(...PUBLISHED_RANKING_READERS),
    params: ScoringVersionPath,
    responses: { 200: ScoringModel },
  }),
  getScoringDraft: defineRoute({
    method: 'GET',
    path: '/v1/scoring/draft',
    summary: 'The district admin’s scoring draft (the model in force when none was saved)',
    access: rolesAccess('district_admin'),
    responses: { 200: ScoringDraft },
  }),
  putScoringDraft: defineRoute({
    method: 'PUT',
    path: '/v1/scoring/draft',
    summary: 'Save the scoring draft (optimistic on its revision)',
    access: rolesAccess('district_admin'),
    body: PutScoringDraftBody,
    responses: { 200: ScoringDraft, 409: ErrorBody },
  }),
  publishScoringModel: defineRoute({
    method: 'POST',
    path: '/v1/scoring/publish',
    summary: 'Publish the scoring draft as the next immutable version',
    access: rolesAccess('district_admin'),
    body: PublishScoringBody,
    responses: { 201: ScoringModel, 409: ErrorBody },
  }),
  runRanking: defineRoute({
    method: 'POST',
    path: '/v1/rankings/{quarter}/runs',
    summary: 'Compute (or resume computing) a draft ranking of the quarter now, as a preview; repeat until complete',
    access: rolesAccess('district_admin'),
    params: QuarterPath,
    body: RunRankingBody,
    responses: { 200: RankingRun, 409: ErrorBody },
  }),
  listPublishedQuarters: defineRoute({
    method: 'GET',
    path: '/v1/rankings',
    summary: 'The quarters of the last two years with a published ranking, newest first (the ranking pages open on the first)',
    access: rolesAccess(...PUBLISHED_RANKING_READERS),
    responses: { 200: PublishedQuarterList },
  }),
  listRankingVersions: defineRoute({
    method: 'GET',
    path: '/v1/rankings/{quarter}/versions',
    summary: 'The versions of a quarter’s ranking, newest first (leaders and staff see the published ones)',
    access: rolesAccess(...PUBLISHED_RANKING_READERS),
    params: QuarterPath,
    responses: { 200: RankingVersionList },
  }),
  getRanking: defineRoute({
    method: 'GET',
    path: '/v1/rankings/{quarter}',
    summary: 'A quarter’s ranking, district order, filterable by township and branch type, paged',
    access: rolesAccess(...PUBLISHED_RANKING_READERS),
    params: QuarterPath,
    query: RankingQuery,
    responses: { 200: DistrictRanking },
  }),
  getBranchScorecard: defineRoute({
    method: 'GET',
    path: '/v1/rankings/{quarter}/branches/{branchId}',
    summary: 'A branch’s scorecard: per-star status, component breakdown, deductions and trend over quarters',
    access: rolesAccess(...PUBLISHED_RANKING_READERS),
    params: ScorecardPath,
    query: VersionQuery,
    responses: { 200: BranchScorecard },
  }),
  getStarMap: defineRoute({
    method: 'GET',
    path: '/v1/rankings/{quarter}/star-map',
    summary: 'Branches at 0–5 stars per township, against last quarter and the plans (三星成片、四星倍增、五星涌现)',
    access: rolesAccess(...PUBLISHED_RANKING_READERS),
    params: QuarterPath,
    query: VersionQuery,
    responses: { 200: StarMap },
  }),
  getHonours: defineRoute({
    method: 'GET',
    path: '/v1/rankings/{quarter}/honours',
    summary: '十佳, 百优 and the most improved branches of the quarter',
    access: rolesAccess(...PUBLISHED_RANKING_READERS),
    params: QuarterPath,
    query: VersionQuery,
    responses: { 200: Honours },
  }),
  annotateRanking: defineRoute({
    method: 'POST',
    path: '/v1/rankings/{quarter}/versions/{version}/annotations',
    summary: 'Annotate a draft ranking (whole or one branch); a published ranking is frozen (409)',
    access: rolesAccess('district_admin'),
    params: RankingVersionPath,
    body: AnnotateRankingBody,
    responses: { 201: RankingVersion, 409: ErrorBody },
  }),
  publishRanking: defineRoute({
    method: 'POST',
    path: '/v1/rankings/{quarter}/versions/{version}/publish',
    summary: 'Publish the reviewed draft: frozen from now on; it replaces the quarter’s earlier published version',
    access: rolesAccess('district_admin'),
    params: RankingVersionPath,
    body: PublishRankingBody,
    responses: { 200: RankingVersion, 409: ErrorBody },
  }),
  exportRanking: defineRoute({
    method: 'GET',
    path: '/v1/rankings/{quarter}/export',
    summary: 'The published ranking (or a named version) as an XLSX workbook',
    access: rolesAccess(...RANKING_READERS),
    params: QuarterPath,
    query: VersionQuery,
    produces: 'xlsx',
    responses: { 200: FileBody },
  }),
} as const;
