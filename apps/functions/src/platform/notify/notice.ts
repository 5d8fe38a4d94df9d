import type { NoticeKind } from '@chuangxing/shared';
import type { NoticeFields } from './notice-templates';

/** Notices stay in the inbox for a year (DynamoDB TTL). */
export const NOTICE_TTL_SECONDS = 365 * 86_400;

/** What a feature hands over: who hears what, which page it opens, and the values its WeChat template shows. */
export type NoticeDraft = {
  [K in NoticeKind]: {
    kind: K;
    recipientUserId: string;
    /** Shown by the local outbox only; never stored in the inbox. */
    recipientName?: string;
    title: string;
    body: string;
    /** The mini-program page the notice is about (no leading slash). */
    page: string;
    /** Sent with the subscribe message only; the inbox keeps title and body. */
    fields: NoticeFields<K>;
  };
}[NoticeKind];

/** A draft with its id and time: stored in the recipient's inbox, maybe pushed to WeChat. */
export type Notice = NoticeDraft & { id: string; createdAt: string };

/** What the inbox keeps of a notice (the template values are not kept: a letter's query code stays out). */
export interface StoredNotice {
  id: string;
  recipientUserId: string;
  kind: NoticeKind;
  title: string;
  body: string;
  page: string;
  createdAt: string;
  readAt?: string;
}

/** `{13-digit epoch ms}-{id}`: sorts by time within the inbox. */
export function noticeId(at: Date, id: string): string {
  return `${String(at.getTime()).padStart(13, '0')}-${id}`;
}

export function storedNotice(n: Notice): StoredNotice {
  return { id: n.id, recipientUserId: n.recipientUserId, kind: n.kind, title: n.title, body: n.body, page: n.page, createdAt: n.createdAt };
}

/** Why a notice did (sent) or did not reach WeChat; whatever the outcome it is in the inbox. */
export type PushOutcome =
  /** WeChat (or, locally, the outbox) took it. */
  | 'sent'
  /** The recipient has no consent left for its kind. */
  | 'no_consent'
  /** This environment has no template for its kind. */
  | 'no_template'
  /** The values would fail WeChat's keyword rules (a bug, logged by the count). */
  | 'invalid_data'
  /** WeChat says the user turned the subscription off (43101): their consent is cleared. */
  | 'refused'
  /** No openid (never logged in through WeChat), or the send failed: the consent is given back. */
  | 'failed';

export interface PushResult {
  noticeId: string;
  recipientUserId: string;
  kind: NoticeKind;
  outcome: PushOutcome;
}

export interface DispatchReport {
  results: PushResult[];
  /** How many went out (outcome `sent`). */
  sent: number;
}

export function reportOf(results: PushResult[]): DispatchReport {
  return { results, sent: results.filter((r) => r.outcome === 'sent').length };
}
