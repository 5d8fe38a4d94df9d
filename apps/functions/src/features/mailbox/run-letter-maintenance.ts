import type { TimelineEntry } from '@chuangxing/shared';
import { DomainError } from '../../platform/kernel/domain-error';
import { activeBindings } from '../../platform/kernel/principal';
import type { Notification } from '../../platform/notify/notifier';
import { isOverdue, type Letter, nextState } from './letter';
import type { MailboxPorts } from './mailbox.ports';

export interface LetterMaintenanceSummary {
  archived: number;
  flagged: number;
  notified: number;
}

const SYSTEM = '系统';

/**
 * The letters' clock, run by the scheduled job: a reply left unrated for 7 days is archived, and a letter
 * past its deadline is flagged to the township once (督办). Reads the open queues only, township by
 * township; a letter someone changed meanwhile is skipped (its version moved on) and seen next run.
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
    const flagged: Letter[] = [];
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
      try {
        await deps.letters.transition(next, letter.version, [entry], {
          at,
          actor: 'system',
          action: stale ? 'expire' : 'flag_overdue',
          from: letter.status,
          to: next.status,
        });
      } catch (err) {
        if (err instanceof DomainError) continue;
        throw err;
      }
      if (stale) summary.archived++;
      else {
        summary.flagged++;
        flagged.push(letter);
      }
    }
    if (flagged.length) summary.notified += await notifyOverseers(deps, t.id, flagged);
  }
  return summary;
}

/** Township staff hear about their communities' letters; inspectors about 廉情 ones. Names only, never writers. */
async function notifyOverseers(deps: MailboxPorts, townshipId: string, letters: Letter[]): Promise<number> {
  const bindings = activeBindings(await deps.users.listBindings(deps.districtId, townshipId));
  const messages: Notification[] = [];
  for (const [role, group] of [
    ['township_staff', letters.filter((l) => l.category !== 'integrity')],
    ['inspector', letters.filter((l) => l.category === 'integrity')],
  ] as const) {
    if (group.length === 0) continue;
    const branches = [...new Set(group.map((l) => l.branchName))].join('、');
    for (const b of bindings.filter((x) => x.role === role)) {
      messages.push({
        recipientUserId: b.userId,
        recipientName: b.holderName ?? '',
        title: '来信督办',
        body: `${branches}有 ${group.length} 封来信超过办理时限`,
        page: 'subpackages/mailbox/pages/cases/index',
      });
    }
  }
  if (messages.length === 0) return 0;
  return (await deps.notifier.send(messages)).sent;
}
