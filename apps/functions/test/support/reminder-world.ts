import type { DailyReport } from '../../src/features/reports/daily-report';
import type { ReminderRunLedger } from '../../src/features/reports/reminder-run-ledger';
import type { Binding } from '../../src/platform/kernel/principal';
import { makeBinding, makeBranch, makePrincipal } from './builders';
import { memoryDeps } from './memory-deps';

/** The reminder tests' world on in-memory fakes (moved here from unit/reminders.test.ts, unchanged but exported). */
export const ALLOWED = ['township_staff', 'district_admin'] as const;
export const staffOf = (t: string) =>
  makePrincipal([{ role: 'township_staff', scope: { level: 'township', districtId: 'erqi', townshipIds: [t] } }], { id: 'staff' });
export const admin = makePrincipal([{ role: 'district_admin', scope: { level: 'district', districtId: 'erqi' } }], { id: 'admin' });

export function filer(
  userId: string,
  branchId: string,
  role: 'cadre' | 'secretary' | 'station_handler' = 'cadre',
  townshipId = 't1',
  extra: Partial<Binding> = {},
): Binding {
  return makeBinding({
    bindingId: `${userId}-${branchId}-${role}`,
    userId,
    role,
    holderName: userId,
    scope: { level: 'branch', districtId: 'erqi', townshipId, branchId },
    ...extra,
  });
}

export function report(branchId: string, day: string, townshipId = 't1', status: 'on_time' | 'late' = 'on_time'): DailyReport {
  const at = `${day}T10:00:00.000Z`;
  return {
    branchId,
    townshipId,
    districtId: 'erqi',
    day,
    status,
    content: { items: [{ star: 'branch_strong', text: '走访' }], counts: {}, problems: '', tomorrowPlan: '', photos: [] },
    version: 1,
    submittedAt: at,
    submittedBy: 'u',
    updatedAt: at,
    updatedBy: 'u',
    lastIdempotencyKey: `key-${branchId}-${day}-0000000`,
  };
}

/** t1: 和平 (missing), 幸福 (filed), 光明 (on leave); t2: 远方 (missing). */
export async function world(now = '2026-11-27T02:00:00.000Z') {
  const m = memoryDeps(now);
  await m.org.createBranch(makeBranch({ id: 'heping', townshipId: 't1', name: '和平社区' }));
  await m.org.createBranch(makeBranch({ id: 'xingfu', townshipId: 't1', name: '幸福社区' }));
  await m.org.createBranch(makeBranch({ id: 'guangming', townshipId: 't1', name: '光明社区' }));
  await m.org.createBranch(makeBranch({ id: 'yuanfang', townshipId: 't2', name: '远方社区' }));
  for (const b of [
    filer('cadre-a', 'heping'),
    filer('secretary-a', 'heping', 'secretary'),
    // the same person as cadre and secretary of one branch: one message
    filer('both', 'heping'),
    filer('both', 'heping', 'secretary'),
    filer('revoked', 'heping', 'cadre', 't1', { revokedAt: '2026-11-01T00:00:00.000Z' }),
    filer('handler', 'heping', 'station_handler'),
    filer('cadre-b', 'xingfu'),
    filer('cadre-c', 'guangming'),
    filer('cadre-far', 'yuanfang', 'cadre', 't2'),
  ])
    m.users.bindings.set(b.bindingId, b);
  // Everyone has said yes to a few daily reminders (the report form asks on 提交).
  for (const u of ['cadre-a', 'secretary-a', 'both', 'revoked', 'handler', 'cadre-b', 'cadre-c', 'cadre-far'])
    m.consents.grant(u, 'daily_reminder', 5);
  await m.reports.create(report('xingfu', '2026-11-27'), {
    version: 1,
    editedBy: 'u',
    editedByName: 'u',
    editedAt: '2026-11-27T10:00:00.000Z',
  });
  await m.rules.createExemption({
    id: 'ex1',
    districtId: 'erqi',
    day: '2026-11-27',
    branchId: 'guangming',
    townshipId: 't1',
    reason: '请假',
    createdBy: 'staff',
    createdAt: now,
  });
  return m;
}

export class MemoryLedger implements ReminderRunLedger {
  runs = new Map<string, { at: string; summary?: Record<string, unknown> }>();
  async claim(d: string, day: string, at: Date) {
    await Promise.resolve();
    if (this.runs.has(`${d}|${day}`)) return false;
    this.runs.set(`${d}|${day}`, { at: at.toISOString() });
    return true;
  }
  async complete(d: string, day: string, summary: Record<string, unknown>) {
    this.runs.get(`${d}|${day}`)!.summary = summary;
  }
}
