import type { ParticipationRow, Role, TestResults } from '@chuangxing/shared';
import { DomainError } from '../../platform/kernel/domain-error';
import type { Principal } from '../../platform/kernel/principal';
import { nameResolver } from '../identity/identity.readers';
import { managedTownships, manages } from './audience';
import type { LearningPorts } from './learning.ports';
import { audienceOf } from './list-audience';
import { reminderNotices } from './test-notices';
import { participation } from './test-result';
import { testStatus } from './test-session';
import { presentSession, townshipNames, visibleSession } from './test-sessions';

/** The session's townships the caller may see results for (a township's staff: only their own). */
async function resultScope(deps: LearningPorts, principal: Principal, allowed: readonly Role[], sessionId: string) {
  const reach = managedTownships(deps.districtId, principal, allowed);
  const s = await visibleSession(deps, sessionId, (x) => x.townshipIds.some((t) => manages(reach, t)));
  return { s, townshipIds: s.townshipIds.filter((t) => manages(reach, t)) };
}

/**
 * 参考率 and scores by township. The denominator is the audience as it is when the results are read
 * (current active bindings of the roles), so a cadre bound after scheduling counts and one revoked does not.
 */
export async function getTestResults(
  deps: LearningPorts,
  principal: Principal,
  allowed: readonly Role[],
  sessionId: string,
): Promise<TestResults> {
  const { s, townshipIds } = await resultScope(deps, principal, allowed, sessionId);
  const now = deps.clock.now();
  const [names, results, audiences, branchLists] = await Promise.all([
    townshipNames(deps),
    deps.learning.tests.listResults(s.id),
    Promise.all(townshipIds.map((t) => audienceOf(deps, t, s.roles))),
    Promise.all(townshipIds.map((t) => deps.org.listBranches(t))),
  ]);
  const branchName = new Map(branchLists.flat().map((b) => [b.id, b.name]));
  const byUser = new Map(results.map((r) => [r.userId, r]));
  const rows: ParticipationRow[] = townshipIds.map((t, i) => ({
    townshipId: t,
    name: names.get(t) ?? t,
    ...participation(
      new Set(audiences[i].keys()),
      results.filter((r) => r.townshipId === t),
      s.passScore,
    ),
  }));
  const everyone = new Set(audiences.flatMap((a) => [...a.keys()]));
  const totals: ParticipationRow = {
    townshipId: 'all',
    name: '合计',
    ...participation(
      everyone,
      results.filter((r) => townshipIds.includes(r.townshipId)),
      s.passScore,
    ),
  };
  const people = townshipIds.flatMap((t, i) =>
    [...audiences[i].values()].map((m) => {
      const r = byUser.get(m.userId);
      return {
        userId: m.userId,
        name: m.name || r?.name || '',
        branchName: branchName.get(m.branchId) ?? '',
        townshipId: t,
        ...(r ? { score: r.bestScore } : {}),
        attempts: r?.attempts ?? 0,
      };
    }),
  );
  people.sort((a, b) => Number(a.score !== undefined) - Number(b.score !== undefined) || a.branchName.localeCompare(b.branchName, 'zh'));
  return { session: presentSession(s, now, await nameResolver(deps.people, [s.createdBy])), townships: rows, totals, people };
}

/** 提醒未参考: one notice to each audience member of the caller's townships who has no submitted attempt. */
export async function remindTestMissing(deps: LearningPorts, principal: Principal, allowed: readonly Role[], sessionId: string) {
  const { s, townshipIds } = await resultScope(deps, principal, allowed, sessionId);
  const now = deps.clock.now();
  if (testStatus(now, s) === 'closed') throw new DomainError('ILLEGAL_TRANSITION', '测试已结束，无需提醒');
  const [results, audiences] = await Promise.all([
    deps.learning.tests.listResults(s.id),
    Promise.all(townshipIds.map((t) => audienceOf(deps, t, s.roles))),
  ]);
  const taken = new Set(results.map((r) => r.userId));
  const missing = new Map<string, { userId: string; name: string }>();
  for (const a of audiences) for (const m of a.values()) if (!taken.has(m.userId)) missing.set(m.userId, m);
  const { sent } = missing.size ? await deps.notices.post(reminderNotices(s, missing.values())) : { sent: 0 };
  return { missing: missing.size, recipients: sent };
}
