import type { NoticeKind } from '@chuangxing/shared';
import { defineEntity } from '../dynamodb/entity';
import type { Consent } from './consent-store';
import type { Notice, StoredNotice } from './notice';

/**
 * 消息中心 on the single table. Access patterns (pk / sk, or index):
 * - a user's notices, newest first:       INBOX#{u} / N#{noticeId}          ttl: a year
 * - a user's unread notices (sparse):     gsi1: INBOX#{u}#UNREAD / {noticeId}   (the keys go when it is read)
 * - a user's WeChat consent per kind:     INBOX#{u} / CONSENT#{kind}
 * - a recorded consent answer (retries):   INBOX#{u} / ANSWER#{key}            ttl: two days
 * - notices still to be put in inboxes:   NOTICEFAN#{id} / FANOUT; gsi1: NOTICEFAN / {createdAt}#{id}
 * A notice id starts with its epoch milliseconds, so the sort key orders the inbox by time.
 */
const inboxPk = (userId: string) => `INBOX#${userId}`;
const unreadPk = (userId: string) => `INBOX#${userId}#UNREAD`;
const FANOUTS = 'NOTICEFAN';

export interface StoredFanout {
  id: string;
  createdAt: string;
  notices: Notice[];
}

export const inboxEntities = {
  notice: defineEntity<StoredNotice, { userId: string; id: string }>({
    name: 'notice',
    key: ({ userId, id }) => ({ pk: inboxPk(userId), sk: `N#${id}` }),
    index: (n) => (n.readAt ? undefined : { gsi1pk: unreadPk(n.recipientUserId), gsi1sk: n.id }),
    fields: ['id', 'recipientUserId', 'kind', 'title', 'body', 'page', 'createdAt', 'readAt'],
  }),
  consent: defineEntity<Consent, { userId: string; kind: NoticeKind }>({
    name: 'notice-consent',
    key: ({ userId, kind }) => ({ pk: inboxPk(userId), sk: `CONSENT#${kind}` }),
    fields: ['kind', 'remaining', 'active', 'updatedAt'],
  }),
  /** Marks a consent answer as recorded, so a retried request changes nothing twice. */
  answer: defineEntity<{ at: string }, { userId: string; key: string }>({
    name: 'notice-consent-answer',
    key: ({ userId, key }) => ({ pk: inboxPk(userId), sk: `ANSWER#${key}` }),
    fields: ['at'],
  }),
  fanout: defineEntity<StoredFanout, { id: string }>({
    name: 'notice-fanout',
    key: ({ id }) => ({ pk: `NOTICEFAN#${id}`, sk: 'FANOUT' }),
    index: (f) => ({ gsi1pk: FANOUTS, gsi1sk: `${f.createdAt}#${f.id}` }),
    fields: ['id', 'createdAt', 'notices'],
  }),
};

/** The partitions the inbox queries. */
export const inboxPartitions = {
  /** A user's notices (sort keys `N#…`) and consents (`CONSENT#…`). */
  inbox: inboxPk,
  noticePrefix: 'N#',
  consentPrefix: 'CONSENT#',
  /** gsi1: a user's unread notices. */
  unread: unreadPk,
  /** gsi1: fan-out records not yet expanded, oldest first. */
  fanouts: FANOUTS,
};
