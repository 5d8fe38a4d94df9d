import type { Notice, StoredNotice } from './notice';

/** One Put of a DynamoDB transaction, built by the inbox for another feature's transaction. */
export interface StagedWrite {
  Put: {
    TableName: string;
    Item: Record<string, unknown>;
    ConditionExpression?: string;
  };
}

/** The 消息中心 store: each user's notices, and records of notices still to be put in inboxes. */
export interface InboxRepository {
  /** The transaction items that put these notices in their recipients' inboxes (one Put each). */
  noticeWrites(notices: readonly Notice[]): StagedWrite[];
  /** One Put: a record of notices to put in their inboxes right after the transaction (large audiences). */
  fanoutWrite(fanoutId: string, createdAt: string, notices: readonly Notice[]): StagedWrite;
  /** Runs writes built above as one transaction of their own (when no other change goes with them). */
  commit(writes: readonly StagedWrite[]): Promise<void>;
  /**
   * Puts a fan-out record's notices (given, or read back from the record) into their inboxes, leaving any
   * already there as they are, then removes the record. Returns how many notices it held.
   */
  expandFanout(fanoutId: string, notices?: readonly Notice[]): Promise<number>;
  /** Fan-out records created before `before` and still there: their process stopped before expanding them. */
  pendingFanouts(before: string): Promise<string[]>;

  /** Newest first; `cursor` is the `next` of the previous page. Expired notices are left out. */
  page(userId: string, limit: number, cursor?: string): Promise<{ notices: StoredNotice[]; next?: string }>;
  unreadCount(userId: string): Promise<number>;
  /** `missing` when the user has no such notice; `already` when it was read before. */
  markRead(userId: string, noticeId: string, at: string): Promise<'marked' | 'already' | 'missing'>;
  /** Marks every unread notice read; returns how many it marked. */
  markAllRead(userId: string, at: string): Promise<number>;
}
