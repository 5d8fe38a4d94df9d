import type { Clock } from '../kernel/clock';
import type { IdGenerator } from '../kernel/id-generator';
import type { ConsentStore } from './consent-store';
import type { InboxRepository, StagedWrite } from './inbox-repository';
import { type DispatchReport, type Notice, type NoticeDraft, noticeId } from './notice';
import type { Notifier } from './notifier';
import { pushNotices } from './push-notices';
import type { SubscribeSettings } from './subscribe-settings';

/**
 * Up to this many notices are written straight into the caller's transaction (one Put each, well inside
 * DynamoDB's 100 items with the caller's own). A larger audience (a test scheduled for a whole township's
 * cadres) is written as fan-out records instead, one Put per this many notices, expanded right after.
 */
export const DIRECT_NOTICES = 40;
export const FANOUT_NOTICES = 400;

/** Notices ready to go into a transaction: `writes` are its items, the rest is for `dispatch` after it commits. */
export interface StagedNotices {
  readonly notices: readonly Notice[];
  readonly writes: readonly StagedWrite[];
  readonly fanouts: readonly { id: string; notices: readonly Notice[] }[];
}

/** What a feature's repository takes: the notices' items for its own transaction. */
export type NoticeWrites = Pick<StagedNotices, 'writes'>;

/** How the other features send notices (their *.ports.ts name it `notices`). */
export interface Notices {
  /**
   * Gives each draft its id and time and builds the writes that put it in its recipient's inbox. The
   * caller adds `writes` to the transaction of the event the notices are about, then calls `dispatch`.
   */
  stage(drafts: readonly NoticeDraft[]): StagedNotices;
  /** After the caller's transaction committed: expands fan-out records, then pushes to WeChat where consented. */
  dispatch(staged: StagedNotices): Promise<DispatchReport>;
  /** Notices that are the event themselves (a reminder): written in their own transaction, then dispatched. */
  post(drafts: readonly NoticeDraft[]): Promise<DispatchReport>;
}

export interface NoticesDeps {
  clock: Clock;
  ids: IdGenerator;
  inbox: InboxRepository;
  consents: ConsentStore;
  notifier: Notifier;
  subscribe: SubscribeSettings;
}

export const NO_NOTICES: StagedNotices = { notices: [], writes: [], fanouts: [] };

export function createNotices(deps: NoticesDeps): Notices {
  const stage = (drafts: readonly NoticeDraft[]): StagedNotices => {
    if (drafts.length === 0) return NO_NOTICES;
    const now = deps.clock.now();
    const createdAt = now.toISOString();
    const notices: Notice[] = drafts.map((d) => ({ ...d, id: noticeId(now, deps.ids.next()), createdAt }));
    if (notices.length <= DIRECT_NOTICES) return { notices, writes: deps.inbox.noticeWrites(notices), fanouts: [] };
    const fanouts: { id: string; notices: Notice[] }[] = [];
    for (let i = 0; i < notices.length; i += FANOUT_NOTICES)
      fanouts.push({ id: deps.ids.next(), notices: notices.slice(i, i + FANOUT_NOTICES) });
    return { notices, writes: fanouts.map((f) => deps.inbox.fanoutWrite(f.id, createdAt, f.notices)), fanouts };
  };
  const dispatch = async (staged: StagedNotices): Promise<DispatchReport> => {
    for (const f of staged.fanouts) {
      // The event has committed: a failed expansion must not fail it. The record stays for the scheduled sweep.
      await deps.inbox.expandFanout(f.id, f.notices).catch(() => undefined);
    }
    return pushNotices(deps, staged.notices);
  };
  return {
    stage,
    dispatch,
    async post(drafts) {
      const staged = stage(drafts);
      if (staged.writes.length) await deps.inbox.commit(staged.writes);
      return dispatch(staged);
    },
  };
}

/** How long a fan-out record may wait before the scheduled job expands it (its process must have stopped). */
export const FANOUT_GRACE_MS = 5 * 60_000;

/**
 * The scheduled job's sweep: fan-out records a process left behind (it stopped between its commit and the
 * expansion) are put into the inboxes. They are not pushed: part may have been pushed already, and a second
 * WeChat message is worse than an inbox-only one.
 */
export async function expandLeftoverFanouts(deps: Pick<NoticesDeps, 'inbox' | 'clock'>): Promise<{ fanouts: number; notices: number }> {
  const before = new Date(deps.clock.now().getTime() - FANOUT_GRACE_MS).toISOString();
  const ids = await deps.inbox.pendingFanouts(before);
  let notices = 0;
  for (const id of ids) notices += await deps.inbox.expandFanout(id);
  return { fanouts: ids.length, notices };
}
