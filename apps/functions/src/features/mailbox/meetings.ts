import { type Meeting, ROLE_LABELS, type Role } from '@chuangxing/shared';
import { DomainError, invalid, notFound } from '../../platform/kernel/domain-error';
import { bindingsFor, managesTownship, type Principal } from '../../platform/kernel/principal';
import { daysBetween, shanghaiDay } from '../../platform/kernel/shanghai-time';
import { accessTo } from './case-access';
import { nextState } from './letter';
import type { StoredMeeting } from './letter-repository';
import type { MailboxPorts } from './mailbox.ports';

const present = (m: StoredMeeting): Meeting => ({
  id: m.id,
  branchId: m.branchId,
  branchName: m.branchName,
  date: m.date,
  status: m.status,
  agenda: m.agenda,
  ...(m.minutes ? { minutes: m.minutes } : {}),
  version: m.version,
});

/** The community's own station handler or secretary runs its 半月谈. */
function ownBinding(principal: Principal, allowed: readonly Role[], branchId: string) {
  return bindingsFor(principal, allowed).find((b) => b.scope.level === 'branch' && b.scope.branchId === branchId);
}

export async function listMeetings(
  deps: MailboxPorts,
  principal: Principal,
  allowed: readonly Role[],
  branchId: string,
): Promise<Meeting[]> {
  const branch = await deps.org.getBranch(branchId);
  const may =
    branch &&
    (ownBinding(principal, allowed, branchId) ||
      bindingsFor(principal, allowed).some((b) => managesTownship(b, deps.districtId, branch.townshipId)));
  if (!may) throw notFound('社区');
  return (await deps.letters.listMeetings(branchId)).map(present);
}

export async function createMeeting(
  deps: MailboxPorts,
  principal: Principal,
  allowed: readonly Role[],
  branchId: string,
  date: string,
): Promise<Meeting> {
  const branch = await deps.org.getBranch(branchId);
  if (!branch || !ownBinding(principal, allowed, branchId)) throw notFound('社区');
  const now = deps.clock.now();
  const ahead = daysBetween(shanghaiDay(now), date);
  if (Number.isNaN(ahead) || ahead < 0 || ahead > 60) throw invalid('body.date', '会议日期应在今天到 60 天之内');
  const m: StoredMeeting = {
    id: deps.ids.next(),
    branchId,
    branchName: branch.name,
    townshipId: branch.townshipId,
    date,
    status: 'planned',
    agenda: [],
    version: 1,
    createdBy: principal.user.id,
    createdAt: now.toISOString(),
  };
  await deps.letters.createMeeting(m);
  return present(m);
}

/** 社区半月谈: an accepted letter of this community goes on a planned meeting's agenda; the writer sees it. */
export async function addToAgenda(
  deps: MailboxPorts,
  principal: Principal,
  allowed: readonly Role[],
  meetingId: string,
  letterId: string,
  letterVersion: number,
): Promise<Meeting> {
  const meeting = await deps.letters.getMeeting(meetingId);
  if (!meeting || !ownBinding(principal, allowed, meeting.branchId)) throw notFound('会议');
  if (meeting.status !== 'planned') throw new DomainError('ILLEGAL_TRANSITION', '会议已召开，不能再添加议题');
  const found = await deps.letters.get(letterId);
  const access = found && accessTo(deps, principal, allowed, found.letter);
  if (!found || !access || access.level !== 'act' || found.letter.branchId !== meeting.branchId) throw notFound('信件');
  const { letter } = found;
  if (letter.version !== letterVersion) throw new DomainError('CONFLICT', '这封信刚被他人处理过，请刷新后重试');
  if (letter.status !== 'accepted' && letter.status !== 'reopened')
    throw new DomainError('ILLEGAL_TRANSITION', '只有已受理的信件可以列入半月谈');
  if (meeting.agenda.some((a) => a.letterId === letterId)) throw new DomainError('CONFLICT', '该信件已在议程中');
  nextState(letter, { type: 'note' });
  const at = deps.clock.now().toISOString();
  const next = { ...letter, version: letter.version + 1 };
  const entry = {
    at,
    kind: 'note' as const,
    actor: ROLE_LABELS[access.binding.role],
    text: `已列入 ${meeting.date} 社区半月谈议程`,
    internal: false,
  };
  const nextMeeting: StoredMeeting = {
    ...meeting,
    agenda: [...meeting.agenda, { letterId, queryCode: letter.queryCode, category: letter.category, excerpt: letter.text.slice(0, 60) }],
    version: meeting.version + 1,
  };
  await deps.letters.scheduleOnAgenda(nextMeeting, meeting.version, next, letter.version, entry, {
    at,
    actor: principal.user.id,
    action: 'schedule',
    from: letter.status,
    to: letter.status,
  });
  return present(nextMeeting);
}

/** The meeting is held: minutes recorded, and every letter discussed shows it on its timeline. */
export async function recordMinutes(
  deps: MailboxPorts,
  principal: Principal,
  allowed: readonly Role[],
  meetingId: string,
  minutes: string,
  version: number,
): Promise<Meeting> {
  const meeting = await deps.letters.getMeeting(meetingId);
  const own = meeting && ownBinding(principal, allowed, meeting.branchId);
  if (!meeting || !own) throw notFound('会议');
  if (meeting.version !== version) throw new DomainError('CONFLICT', '会议刚被他人修改，请刷新后重试');
  if (meeting.status !== 'planned') throw new DomainError('ILLEGAL_TRANSITION', '会议纪要已记录');
  const at = deps.clock.now().toISOString();
  const letters = await Promise.all(meeting.agenda.map((a) => deps.letters.get(a.letterId)));
  const entries = letters.flatMap((f) =>
    f
      ? [
          {
            letterId: f.letter.id,
            letterVersion: f.letter.version,
            entry: {
              at,
              kind: 'note' as const,
              actor: ROLE_LABELS[own.role],
              text: `已在 ${meeting.date} 社区半月谈上协商讨论`,
              internal: false,
            },
          },
        ]
      : [],
  );
  const next: StoredMeeting = { ...meeting, status: 'held', minutes, version: meeting.version + 1 };
  await deps.letters.recordMinutes(next, meeting.version, entries);
  return present(next);
}
