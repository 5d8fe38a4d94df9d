import type { FindingStatus, Star } from '@chuangxing/shared';
import type { NoticeWrites } from '../../platform/notify/notices';
import type { StoredFinding, StoredFindingEvent, StoredInspection, StoredInspectionDraft } from './inspection';

/** The compact row the 挂图作战 board and the quarterly ranking read: open findings count against their star. */
export interface FindingFact {
  branchId: string;
  star: Star;
  status: FindingStatus;
  deadline: string;
  createdAt: string;
  closedAt?: string;
  vetoItemId?: string;
}

export interface RecordedSummary {
  id: string;
  branchId: string;
  branchName: string;
  visitedAt: string;
  findings: number;
  recordedAt: string;
}

export interface InspectionRepository {
  /* drafts: always addressed through their author, so no one else's query can return them */
  createDraft(draft: StoredInspectionDraft): Promise<void>;
  getDraft(authorId: string, draftId: string): Promise<StoredInspectionDraft | undefined>;
  /** Conditional on the version the author saw → CONFLICT; a draft that is gone → NOT_FOUND. */
  saveDraft(draft: StoredInspectionDraft, expectedVersion: number): Promise<void>;
  deleteDraft(authorId: string, draftId: string): Promise<void>;
  listDrafts(authorId: string): Promise<StoredInspectionDraft[]>;
  listRecorded(authorId: string): Promise<RecordedSummary[]>;

  /**
   * One transaction: the draft (at `expectedVersion`) is removed, the inspection (id = the draft's) and its
   * findings with their first history entry are written. A retry after success answers `replayed` with what
   * was written; a stale draft → CONFLICT; nothing is written unless everything is (the branch's notices included).
   */
  record(
    draft: { authorId: string; id: string; expectedVersion: number },
    inspection: StoredInspection,
    findings: StoredFinding[],
    events: StoredFindingEvent[],
    notices?: NoticeWrites,
  ): Promise<{ kind: 'recorded' | 'replayed'; inspection: StoredInspection }>;
  getInspection(inspectionId: string): Promise<StoredInspection | undefined>;

  getFinding(findingId: string): Promise<{ finding: StoredFinding; history: StoredFindingEvent[] } | undefined>;
  /** Conditional on `expectedVersion`, with the event and the move's notices in the same transaction → CONFLICT otherwise. */
  transitionFinding(next: StoredFinding, expectedVersion: number, event: StoredFindingEvent, notices?: NoticeWrites): Promise<void>;
  /** One query of the township's findings index. */
  listTownshipFindings(townshipId: string): Promise<StoredFinding[]>;
  /** One query: the township index narrowed to the branch. */
  listBranchFindings(townshipId: string, branchId: string): Promise<StoredFinding[]>;
  /** Compact rows for boards and rankings, same single query. */
  listFindingsForTownship(townshipId: string): Promise<FindingFact[]>;
}
