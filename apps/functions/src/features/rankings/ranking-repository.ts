import type { RankingAnnotation, RankingStatus, ScoringModelContent, StarMapRow } from '@chuangxing/shared';
import type { NoticeWrites } from '../../platform/notify/notices';
import type { DocumentDraft, PublishedVersion, VersionedDocumentStore } from '../../platform/versioning/versioned-document';
import type { Scorecard } from './ranking';

/** A published version of the scoring model (immutable; a ranking names the version it used). */
export type StoredScoringModel = PublishedVersion<ScoringModelContent>;
export type StoredScoringDraft = DocumentDraft<ScoringModelContent>;

/** The district's scoring model: a versioned document (draft → publish). */
export type ScoringModelStore = VersionedDocumentStore<ScoringModelContent>;

export interface StoredRankingHeader {
  quarter: string;
  version: number;
  status: RankingStatus;
  trigger: 'schedule' | 'preview';
  scoringVersion: number;
  /** The model the run uses, copied in so a resumed run scores exactly as it started. */
  model: ScoringModelContent;
  /** Shards of the run, in order (fixed when the run starts). */
  townshipIds: string[];
  /** Last day counted as due for daily reports (fixed when the run starts). */
  asOfDay: string;
  inputsHash?: string;
  branchCount: number;
  revision: number;
  annotations: RankingAnnotation[];
  createdAt: string;
  createdBy: string;
  publishedAt?: string;
  publishedBy?: string;
}

/** A row of the district order (written once all shards are done). Scores in hundredths. */
export interface OrderRow {
  branchId: string;
  branchName: string;
  branchType: 'rural' | 'community';
  townshipId: string;
  townshipName: string;
  total: number;
  base: number;
  delta: number | null;
  level: number;
  districtRank: number;
  townshipRank: number;
}

/** What the finalize step needs of a scorecard (kept next to the cards, so it reads far less into memory). */
export type ShardRow = Omit<OrderRow, 'districtRank'> & { targetLevel: number };

export interface RankingSummary {
  inputsHash: string;
  branchCount: number;
  order: OrderRow[];
  /** districtRank by branch, per township (for the scorecard and township filters). */
  ranksByTownship: Record<string, Record<string, number>>;
  lists: { topTen: OrderRow[]; topHundred: OrderRow[]; mostImproved: OrderRow[] };
  starMap: StarMapRow[];
}

export interface RankingRepository {
  /* rankings: DIST#{d}#RANK#{quarter} */
  latestRun(districtId: string, quarter: string): Promise<StoredRankingHeader | undefined>;
  getRun(districtId: string, quarter: string, version: number): Promise<StoredRankingHeader | undefined>;
  listRuns(districtId: string, quarter: string): Promise<StoredRankingHeader[]>;
  publishedVersion(districtId: string, quarter: string): Promise<number | undefined>;
  /** The PUBLISHED pointers of these quarters, in the order asked, those without one left out. */
  publishedQuarters(districtId: string, quarters: string[]): Promise<{ quarter: string; version: number; publishedAt: string }[]>;
  /** Conditional: the version is new and the LATEST pointer still at `previousLatest` (0: none) → CONFLICT. */
  createRun(districtId: string, header: StoredRankingHeader, previousLatest: number): Promise<void>;
  /** Townships whose shard (checkpoint) is written. */
  doneTownships(districtId: string, quarter: string, version: number): Promise<Set<string>>;
  /**
   * The township's scorecards, atomically, only while the run is computing. Writing a shard that exists is a
   * no-op (a retry); a run that is no longer computing → CONFLICT.
   */
  putShard(districtId: string, quarter: string, version: number, townshipId: string, cards: Scorecard[], inputsHash: string): Promise<void>;
  /** Every shard's cards (townshipIds: only those), with each township's inputs hash. */
  readShards(
    districtId: string,
    quarter: string,
    version: number,
    townshipIds?: string[],
  ): Promise<{ townshipId: string; hash: string; cards: Scorecard[] }[]>;
  /** Only the compact rows of every shard (for the district order). */
  readShardRows(districtId: string, quarter: string, version: number): Promise<{ townshipId: string; hash: string; rows: ShardRow[] }[]>;
  /** Writes the district order, ranks, lists and star map, then computing → draft. Idempotent for a retry. */
  finalize(districtId: string, quarter: string, version: number, summary: RankingSummary): Promise<void>;
  readOrder(districtId: string, quarter: string, version: number): Promise<OrderRow[]>;
  readRanks(districtId: string, quarter: string, version: number, townshipId: string): Promise<Record<string, number>>;
  readLists(districtId: string, quarter: string, version: number): Promise<RankingSummary['lists']>;
  readStarMap(districtId: string, quarter: string, version: number): Promise<StarMapRow[]>;
  /** Conditional on status draft and `expectedRevision` → CONFLICT / ILLEGAL_TRANSITION. */
  annotate(districtId: string, quarter: string, version: number, annotation: RankingAnnotation, expectedRevision: number): Promise<void>;
  /** draft → published (conditional on revision); the quarter's PUBLISHED pointer moves to it, the leaders' notices with it. */
  publish(
    districtId: string,
    quarter: string,
    version: number,
    expectedRevision: number,
    at: string,
    by: string,
    previousPublished: number,
    notices?: NoticeWrites,
  ): Promise<void>;
}
