import type { NoticeKind } from '@chuangxing/shared';
import type { Consent, ConsentChange, ConsentStore } from '../../src/platform/notify/consent-store';
import type { InboxRepository, StagedWrite } from '../../src/platform/notify/inbox-repository';
import { type Notice, type StoredNotice, storedNotice } from '../../src/platform/notify/notice';

const clone = <T>(v: T): T => structuredClone(v);

/** The 消息中心 in memory: `writes` carry the notices themselves, and `commit` stores them. */
export class MemoryInboxRepository implements InboxRepository {
  notices = new Map<string, StoredNotice>();
  fanouts = new Map<string, { createdAt: string; notices: Notice[] }>();

  noticeWrites(notices: readonly Notice[]): StagedWrite[] {
    return notices.map((n) => ({ Put: { TableName: 'memory', Item: { notice: clone(storedNotice(n)) } } }));
  }
  fanoutWrite(fanoutId: string, createdAt: string, notices: readonly Notice[]): StagedWrite {
    return { Put: { TableName: 'memory', Item: { fanout: { id: fanoutId, createdAt, notices: clone([...notices]) } } } };
  }
  async commit(writes: readonly StagedWrite[]) {
    for (const w of writes) {
      const { notice, fanout } = w.Put.Item as { notice?: StoredNotice; fanout?: { id: string; createdAt: string; notices: Notice[] } };
      if (notice && !this.notices.has(notice.id)) this.notices.set(notice.id, notice);
      if (fanout) this.fanouts.set(fanout.id, fanout);
    }
  }
  async expandFanout(fanoutId: string, given?: readonly Notice[]) {
    const notices = given ?? this.fanouts.get(fanoutId)?.notices ?? [];
    for (const n of notices) if (!this.notices.has(n.id)) this.notices.set(n.id, storedNotice(n));
    this.fanouts.delete(fanoutId);
    return notices.length;
  }
  async pendingFanouts(before: string) {
    return [...this.fanouts.entries()].filter(([, f]) => f.createdAt < before).map(([id]) => id);
  }
  /** A user's notices, newest first. */
  of(userId: string): StoredNotice[] {
    return [...this.notices.values()].filter((n) => n.recipientUserId === userId).sort((a, b) => b.id.localeCompare(a.id));
  }
  async page(userId: string, limit: number) {
    return { notices: this.of(userId).slice(0, limit).map(clone) };
  }
  async unreadCount(userId: string) {
    return this.of(userId).filter((n) => !n.readAt).length;
  }
  async markRead(userId: string, noticeId: string, at: string) {
    const n = this.notices.get(noticeId);
    if (!n || n.recipientUserId !== userId) return 'missing' as const;
    if (n.readAt) return 'already' as const;
    n.readAt = at;
    return 'marked' as const;
  }
  async markAllRead(userId: string, at: string) {
    const unread = this.of(userId).filter((n) => !n.readAt);
    for (const n of unread) this.notices.get(n.id)!.readAt = at;
    return unread.length;
  }
}

/** Consents in memory; `grant` sets up what a user's earlier answers left. */
export class MemoryConsentStore implements ConsentStore {
  consents = new Map<string, Consent>();
  private answered = new Set<string>();
  private at(userId: string, kind: NoticeKind): Consent {
    const key = `${userId}|${kind}`;
    let c = this.consents.get(key);
    if (!c) {
      c = { kind, remaining: 0, active: false };
      this.consents.set(key, c);
    }
    return c;
  }
  grant(userId: string, kind: NoticeKind, n = 1) {
    this.at(userId, kind).remaining += n;
  }
  async list(userId: string) {
    return [...this.consents.entries()].filter(([k]) => k.startsWith(`${userId}|`)).map(([, c]) => clone(c));
  }
  async record(userId: string, key: string, changes: readonly ConsentChange[]) {
    if (this.answered.has(`${userId}|${key}`)) return 'replayed' as const;
    this.answered.add(`${userId}|${key}`);
    for (const c of changes) {
      const consent = this.at(userId, c.kind);
      if (c.change === 'grant_once') consent.remaining++;
      else consent.active = c.change === 'long_term_on';
    }
    return 'recorded' as const;
  }
  async spend(userId: string, kind: NoticeKind) {
    const c = this.at(userId, kind);
    if (c.remaining <= 0) return false;
    c.remaining--;
    return true;
  }
  async refund(userId: string, kind: NoticeKind) {
    this.at(userId, kind).remaining++;
  }
  async isActive(userId: string, kind: NoticeKind) {
    return this.at(userId, kind).active;
  }
  async clear(userId: string, kind: NoticeKind) {
    Object.assign(this.at(userId, kind), { remaining: 0, active: false });
  }
}
