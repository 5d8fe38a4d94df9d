import type { TimelineEntry } from '@chuangxing/shared';
import { DomainError } from '../../platform/kernel/domain-error';
import { activeBindings, type Binding } from '../../platform/kernel/principal';
import { isOverdue, type Letter, nextState } from './letter';
import { overdueNotices } from './letter-notices';
import type { MailboxPorts } from './mailbox.ports';

export interface LetterMaintenanceSummary {
  archived: number;
  flagged: number;
  /** 督办 notices that also went out on WeChat (all of them are in the overseers' 消息中心). */
  notified: number;
}

const SYSTEM = '系统';

/**
 * The letters' clock, run by the scheduled job: a reply left unrated for 7 days is archived, and a letter
 * past its deadline is flagged to the township once (督办), the overseers' notices written with the flag.
 * Reads the open queues only, township by township; a letter someone changed meanwhile is skipped (its
 * version moved on) and seen next run.
 */
export async function runLetterMaintenance(deps: MailboxPorts): Promise<LetterMaintenanceSummary> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const summary: LetterMaintenanceSummary = { archived: 0, flagged: 0, notified: 0 };
  const [townships, rules] = await Promise.all([deps.org.listTownships(deps.districtId), deps.letterRules.get(deps.districtId)]);
  for (const t of townships) {
    const open = (
      await Promise.all([
        deps.letters.listCases({ kind: 'township', townshipId: t.id }, true),
        deps.letters.listCases({ kind: 'integrity', townshipId: t.id }, true),
      ])
    ).flat();
    // Township staff and 纪检监察 to tell: read once per township, and only when a letter is flagged.
    let overseers: Promise<Binding[]> | undefined;
    for (const letter of open) {
      const stale =
        letter.status === 'replied' &&
        letter.repliedAt &&
        now.getTime() - Date.parse(letter.repliedAt) > rules.autoArchiveDays * 86_400_000;
      let next: Letter | undefined;
      let entry: TimelineEntry | undefined;
      if (stale) {
        next = { ...letter, ...nextState(letter, { type: 'expire' }), version: letter.version + 1 };
        entry = { at, kind: 'archived', actor: SYSTEM, text: `答复后 ${rules.autoArchiveDays} 天未评价，自动归档`, internal: false };
      } else if (isOverdue(letter, now) && !letter.overdueFlaggedAt) {
        next = { ...letter, overdueFlaggedAt: at, version: letter.version + 1 };
        entry = { at, kind: 'note', actor: SYSTEM, text: '已超过办理时限，提请督办', internal: true };
      }
      if (!next || !entry) continue;
      if (!stale) overseers ??= deps.users.listBindings(deps.districtId, t.id).then(activeBindings);
      const notices = deps.notices.stage(stale ? [] : overdueNotices(letter, (await overseers) ?? [], at));
      try {
        await deps.letters.transition(
          next,
          letter.version,
          [entry],
          { at, actor: 'system', action: stale ? 'expire' : 'flag_overdue', from: letter.status, to: next.status },
          [],
          notices,
        );
      } catch (err) {
        if (err instanceof DomainError) continue;
        throw err;
      }
      if (stale) summary.archived++;
      else {
        summary.flagged++;
        summary.notified += (await deps.notices.dispatch(notices)).sent;
      }
    }
  }
  return summary;
}
