import '../zod-config';
import * as z from 'zod/mini';
import { BranchType, Star } from '../enums';
import { Id, IsoDateTime, intParam, QuarterKey } from './common.contract';
import { userText } from './user-text';

/**
 * 每季度一评比: the scoring model (versioned district configuration) and the quarterly rankings computed
 * from it. Scores are 0–100 with two decimals (the server computes in integer hundredths).
 */

/** `2026-Q4` */

export const SCORE_COMPONENTS = ['keyTasks', 'observation', 'dailyReport', 'letters', 'improvement', 'appraisal'] as const;
export const ScoreComponent = z.enum(SCORE_COMPONENTS);
export type ScoreComponent = z.infer<typeof ScoreComponent>;
export const SCORE_COMPONENT_LABELS: Record<ScoreComponent, string> = {
  keyTasks: '重点任务进度',
  observation: '每月观摩评分',
  dailyReport: '每日一报告',
  letters: '来信三率',
  improvement: '进步幅度（比变化）',
  appraisal: '述职评议（比干劲）',
};

const Percent = z.int().check(z.minimum(0, '不能小于 0'), z.maximum(100, '不能大于 100'));

/** The district's scoring rules. Weights are points out of 100; a component without data is left out and the others are scaled up. */
export const ScoringModelContent = z
  .strictObject({
    weights: z.strictObject({ keyTasks: Percent, observation: Percent, dailyReport: Percent, letters: Percent, improvement: Percent }),
    /**
     * 述职评议's share of the total (points out of 100; the five weights share the rest in their proportions). A
     * branch without a closed session that quarter has no such component (无数据, not 0). Absent in models
     * published before it existed: 0.
     */
    appraisalShare: z.optional(z.int().check(z.minimum(0, '不能小于 0'), z.maximum(50, '不宜超过 50'))),
    /** How the 三率 combine into the letters component (sum 100). */
    letterRateWeights: z.strictObject({ response: Percent, resolution: Percent, satisfaction: Percent }),
    /** A late daily report counts for this share of an on-time one. */
    lateReportCreditPercent: Percent,
    /** Points taken off the total per inspection finding still open at quarter end (overdue ones cost `overdueFinding` instead), at most `cap`. */
    deductions: z.strictObject({
      openFinding: z.int().check(z.minimum(0), z.maximum(20)),
      overdueFinding: z.int().check(z.minimum(0), z.maximum(20)),
      cap: Percent,
    }),
    /** A rise of the base score by this many points against the previous quarter earns the full improvement score; a fall as large earns 0. */
    improvementFullScaleDelta: z.int().check(z.minimum(1, '至少为 1'), z.maximum(100)),
    /** A star's key tasks at this average completion show it as 任务已完成 (progress only: stars are awarded through 评星定级). */
    starCompletionPercent: z.int().check(z.minimum(1, '至少为 1'), z.maximum(100)),
    /** Sizes of the honour lists: 十佳, 百优 and 进步最快 (rules the product adds, not the campaign's documents). */
    lists: z.strictObject({
      topTen: z.int().check(z.minimum(1), z.maximum(50)),
      topHundred: z.int().check(z.minimum(1), z.maximum(500)),
      mostImproved: z.int().check(z.minimum(1), z.maximum(100)),
    }),
  })
  .check(
    z.superRefine((m, ctx) => {
      const w = m.weights;
      const sum = w.keyTasks + w.observation + w.dailyReport + w.letters + w.improvement;
      if (sum !== 100) ctx.addIssue({ code: 'custom', path: ['weights'], message: `各项权重之和应为 100（现为 ${sum}）` });
      const r = m.letterRateWeights;
      const rs = r.response + r.resolution + r.satisfaction;
      if (rs !== 100) ctx.addIssue({ code: 'custom', path: ['letterRateWeights'], message: `三率权重之和应为 100（现为 ${rs}）` });
      if (m.deductions.overdueFinding < m.deductions.openFinding) {
        ctx.addIssue({ code: 'custom', path: ['deductions', 'overdueFinding'], message: '逾期未整改的扣分不应少于未整改的扣分' });
      }
      if (m.lists.topHundred < m.lists.topTen)
        ctx.addIssue({ code: 'custom', path: ['lists', 'topHundred'], message: '百优名额不应少于十佳' });
    }),
  );
export type ScoringModelContent = z.infer<typeof ScoringModelContent>;

/** The documented defaults (version 0, in force until the district publishes its own; see docs/ranking.md). */
export const DEFAULT_SCORING_MODEL: ScoringModelContent = {
  weights: { keyTasks: 35, observation: 25, dailyReport: 15, letters: 10, improvement: 15 },
  // A modest share (a rule the product adds; configurable): peers' and residents' judgement beside the facts.
  appraisalShare: 10,
  letterRateWeights: { response: 30, resolution: 30, satisfaction: 40 },
  lateReportCreditPercent: 50,
  deductions: { openFinding: 2, overdueFinding: 5, cap: 20 },
  improvementFullScaleDelta: 20,
  starCompletionPercent: 100,
  // 百优 = 100 would name two thirds of a 153-branch district; 30 is about a fifth. The district sets its own.
  lists: { topTen: 10, topHundred: 30, mostImproved: 10 },
};

/** A published scoring version: immutable; every ranking records the version it was computed with. */
export const ScoringModel = z.object({ version: z.int(), content: ScoringModelContent, publishedAt: IsoDateTime, note: z.string() });
export type ScoringModel = z.infer<typeof ScoringModel>;
export const ScoringVersionList = z.object({
  versions: z.array(z.object({ version: z.int(), publishedAt: IsoDateTime, note: z.string() })),
});
export const ScoringDraft = z.object({
  revision: z.int(),
  basedOnVersion: z.int(),
  content: ScoringModelContent,
  updatedAt: z.optional(IsoDateTime),
});
export type ScoringDraft = z.infer<typeof ScoringDraft>;
export const PutScoringDraftBody = z.strictObject({ content: ScoringModelContent, revision: z.int().check(z.minimum(0)) });
export const PublishScoringBody = z.strictObject({
  revision: z.int().check(z.minimum(1)),
  note: userText({ min: 2, max: 100, empty: '请填写版本说明' }),
});
export const ScoringVersionPath = z.strictObject({ version: intParam(1) });

/* ---------- rankings ---------- */

/**
 * A star in a quarter's scorecard. `awarded`: the branch held it at the quarter's end (评星定级: applied, reviewed,
 * 公示 and 授星, or the campaign-start baseline), the only status that counts towards its level. The others are
 * progress: `earned` (its key tasks reached the model's completion; the branch may apply), `in_progress`,
 * `not_started`, and `vetoed` (a veto item hit, and not held).
 */
export const STAR_STATUSES = ['awarded', 'earned', 'in_progress', 'not_started', 'vetoed'] as const;
export const StarStatus = z.enum(STAR_STATUSES);
export type StarStatus = z.infer<typeof StarStatus>;
export const STAR_STATUS_LABELS: Record<StarStatus, string> = {
  awarded: '已授星',
  earned: '任务已完成',
  in_progress: '推进中',
  not_started: '未启动',
  vetoed: '否决',
};

export const RANKING_STATUSES = ['computing', 'draft', 'published'] as const;
export const RankingStatus = z.enum(RANKING_STATUSES);
export type RankingStatus = z.infer<typeof RankingStatus>;
export const RANKING_STATUS_LABELS: Record<RankingStatus, string> = { computing: '计算中', draft: '草稿（待发布）', published: '已发布' };

export const RankingAnnotation = z.object({
  id: Id,
  branchId: z.optional(Id),
  branchName: z.optional(z.string()),
  text: z.string(),
  by: z.string(),
  byName: z.string(),
  at: IsoDateTime,
});
export type RankingAnnotation = z.infer<typeof RankingAnnotation>;

/** One computed version of a quarter's ranking. A published one is frozen; a correction is a new version. */
export const RankingVersion = z.object({
  quarter: QuarterKey,
  version: z.int(),
  status: RankingStatus,
  /** The published version leaders see for the quarter. */
  current: z.boolean(),
  trigger: z.enum(['schedule', 'preview']),
  scoringVersion: z.int(),
  /** sha256 over every input the scores were computed from (per township, in order), with the scoring version. */
  inputsHash: z.optional(z.string()),
  townshipsDone: z.int(),
  townshipsTotal: z.int(),
  branchCount: z.int(),
  /** Bumped by each annotation; publishing needs the revision the admin reviewed (409 otherwise). */
  revision: z.int(),
  annotations: z.array(RankingAnnotation),
  createdAt: IsoDateTime,
  publishedAt: z.optional(IsoDateTime),
  publishedBy: z.optional(z.string()),
});
export type RankingVersion = z.infer<typeof RankingVersion>;
/** How far back the published quarters are listed (two years). */
export const PUBLISHED_QUARTERS_BACK = 8;
/** The quarters with a published ranking among the last `PUBLISHED_QUARTERS_BACK`, newest first. */
export const PublishedQuarterList = z.object({
  quarters: z.array(z.object({ quarter: QuarterKey, version: z.int(), publishedAt: IsoDateTime })),
});
export type PublishedQuarterList = z.infer<typeof PublishedQuarterList>;

export const RankingVersionList = z.object({
  quarter: QuarterKey,
  publishedVersion: z.optional(z.int()),
  versions: z.array(RankingVersion),
});

/** One branch in a ranking. `delta`: change of the base score against the previous quarter (null: no previous quarter). */
export const RankingRow = z.object({
  branchId: Id,
  branchName: z.string(),
  branchType: BranchType,
  townshipId: Id,
  townshipName: z.string(),
  total: z.number(),
  base: z.number(),
  delta: z.nullable(z.number()),
  /** 星级: the number of stars earned. */
  level: z.int(),
  districtRank: z.int(),
  townshipRank: z.int(),
  annotations: z.array(z.string()),
});
export type RankingRow = z.infer<typeof RankingRow>;

export const RankingQuery = z.strictObject({
  /** Default: the published version in force (district admins may name a draft). */
  version: z.optional(intParam(1)),
  townshipId: z.optional(Id),
  branchType: z.optional(BranchType),
  offset: z._default(intParam(0), 0),
  limit: z._default(intParam(1, 200), 50),
});
export const VersionQuery = z.strictObject({ version: z.optional(intParam(1)) });

export const DistrictRanking = z.object({
  ranking: RankingVersion,
  /** Rows matching the filter (and the caller's townships), before paging. */
  matched: z.int(),
  offset: z.int(),
  rows: z.array(RankingRow),
});
export type DistrictRanking = z.infer<typeof DistrictRanking>;

export const ComponentBreakdown = z.object({
  component: ScoreComponent,
  /** 0–100; null when the branch had no data for it this quarter (its weight went to the others). */
  score: z.nullable(z.number()),
  weight: z.int(),
  /** The weight actually applied after leaving out components without data. */
  appliedWeight: z.number(),
  /** The counts the score came from, e.g. { due: 90, onTime: 80, late: 5 }. */
  facts: z.record(z.string(), z.nullable(z.number())),
});
export type ComponentBreakdown = z.infer<typeof ComponentBreakdown>;

export const StarScorecard = z.object({
  star: Star,
  status: StarStatus,
  /** Average completion of the star's key tasks (0–100). */
  completion: z.number(),
  tasks: z.int(),
  doneTasks: z.int(),
  /** Veto items (否决项) that blocked the star this quarter. */
  vetoItemIds: z.array(z.string()),
  targeted: z.boolean(),
  observationScore: z.nullable(z.number()),
});

export const BranchScorecard = z.object({
  ranking: RankingVersion,
  row: RankingRow,
  components: z.array(ComponentBreakdown),
  deductions: z.object({ openFindings: z.int(), overdueFindings: z.int(), points: z.number() }),
  stars: z.array(StarScorecard),
  /** The stars of the branch's approved 创星计划 (empty without one). */
  targetStars: z.array(Star),
  /** The published rankings of up to the last four quarters, oldest first (this one included). */
  trend: z.array(z.object({ quarter: QuarterKey, total: z.number(), level: z.int(), districtRank: z.int(), townshipRank: z.int() })),
});
export type BranchScorecard = z.infer<typeof BranchScorecard>;

/** Branches at 0–5 stars (index = level). */
const LevelCounts = z.array(z.int());
export const StarMapRow = z.object({
  townshipId: Id,
  name: z.string(),
  levels: LevelCounts,
  /** The previous quarter's published ranking (null when there is none). */
  previousLevels: z.nullable(LevelCounts),
  /** From the approved 创星计划: branches by their target level. */
  planTargets: LevelCounts,
  /** 三星成片、四星倍增、五星涌现: branches at ≥3, at 4 and at 5 stars now, last quarter and in the plans. */
  goals: z.object({
    threeStarPlus: z.object({ now: z.int(), previous: z.nullable(z.int()), target: z.int() }),
    fourStar: z.object({ now: z.int(), previous: z.nullable(z.int()), target: z.int() }),
    fiveStar: z.object({ now: z.int(), previous: z.nullable(z.int()), target: z.int() }),
  }),
});
export type StarMapRow = z.infer<typeof StarMapRow>;
export const StarMap = z.object({
  ranking: RankingVersion,
  previousQuarter: QuarterKey,
  townships: z.array(StarMapRow),
  totals: StarMapRow,
});
export type StarMap = z.infer<typeof StarMap>;

/** 十佳, 百优 and 进步最快, district-wide (a leader sees the entries of their townships, ranks unchanged). */
export const Honours = z.object({
  ranking: RankingVersion,
  topTen: z.array(RankingRow),
  topHundred: z.array(RankingRow),
  mostImproved: z.array(RankingRow),
});
export type Honours = z.infer<typeof Honours>;

export const QuarterPath = z.strictObject({ quarter: QuarterKey });
export const RankingVersionPath = z.strictObject({ quarter: QuarterKey, version: intParam(1) });
export const ScorecardPath = z.strictObject({ quarter: QuarterKey, branchId: Id });

export const RunRankingBody = z.strictObject({});
export const RankingRun = z.object({ ranking: RankingVersion, complete: z.boolean() });
export const AnnotateRankingBody = z.strictObject({
  text: userText({ min: 1, max: 200, empty: '请填写批注', multiline: true }),
  branchId: z.optional(Id),
  revision: z.int().check(z.minimum(0)),
});
export const PublishRankingBody = z.strictObject({ revision: z.int().check(z.minimum(0)) });

/** Who reads the quarterly rankings (each within their townships). */
export const RANKING_READERS = ['township_staff', 'leader', 'district_admin'] as const;
