import type { NoticeKind } from '@chuangxing/shared';

/** A user's WeChat consent for one kind of notice. */
export interface Consent {
  kind: NoticeKind;
  /** One-time consents not yet used (每次同意可发送一条). */
  remaining: number;
  /** A long-term subscription that is on. */
  active: boolean;
  updatedAt?: string;
}

/** One more one-time consent, or a long-term subscription turned on or off. */
export type ConsentChange = { kind: NoticeKind; change: 'grant_once' | 'long_term_on' | 'long_term_off' };

/** Each user's consents per kind, as the mini-program reported them and sends used them. */
export interface ConsentStore {
  list(userId: string): Promise<Consent[]>;
  /**
   * What one wx.requestSubscribeMessage answer changed, in one transaction with a marker for `key`: a retry
   * of the same answer changes nothing again (`replayed`).
   */
  record(userId: string, key: string, changes: readonly ConsentChange[], at: string): Promise<'recorded' | 'replayed'>;
  /** Uses one one-time consent; false (and nothing changed) when none is left. Conditional write. */
  spend(userId: string, kind: NoticeKind, at: string): Promise<boolean>;
  /** Gives back a consent spent on a message WeChat did not take. */
  refund(userId: string, kind: NoticeKind, at: string): Promise<void>;
  isActive(userId: string, kind: NoticeKind): Promise<boolean>;
  /** WeChat said the user refused (43101): nothing left, long-term off. */
  clear(userId: string, kind: NoticeKind, at: string): Promise<void>;
}

/** One-time consents a user may bank per kind. */
export const CONSENT_CAP = 20;
