import type { CreateExemptionBody, Exemption, Role } from '@chuangxing/shared';
import { DomainError, forbiddenScope, invalid, notFound, unknownReference } from '../../platform/kernel/domain-error';
import {
  bindingsFor,
  coversBranch,
  isDistrictAdmin,
  managesTownship,
  type Principal,
  reachableTownships,
} from '../../platform/kernel/principal';
import { shanghaiDay } from '../../platform/kernel/shanghai-time';
import { isWeekend } from '../../platform/kernel/working-calendar';
import type { ReportsPorts } from './reports.ports';
import type { StoredExemption } from './rules-repository';

const present = (e: StoredExemption): Exemption => ({
  id: e.id,
  day: e.day,
  ...(e.branchId ? { branchId: e.branchId } : {}),
  ...(e.kind ? { kind: e.kind } : {}),
  reason: e.reason,
  createdBy: e.createdBy,
  createdAt: e.createdAt,
});

/**
 * Holidays and make-up working days are public to every official; a branch's leave only to those whose scope
 * covers the branch.
 */
export async function listExemptions(
  deps: ReportsPorts,
  principal: Principal,
  allowed: readonly Role[],
  month?: string,
): Promise<Exemption[]> {
  const m = month ?? shanghaiDay(deps.clock.now()).slice(0, 7);
  const bindings = bindingsFor(principal, allowed);
  const reach = reachableTownships(bindings, deps.districtId);
  const all = await deps.rules.listCalendar(deps.districtId, m);
  return all
    .filter((e) => {
      if (!e.branchId) return true;
      // A leave always names its township (createExemption); '' matches no scope, as a missing one would not.
      const leave = { id: e.branchId, districtId: deps.districtId, townshipId: e.townshipId ?? '' };
      if (reach !== 'all' && !reach.has(leave.townshipId)) return false;
      return bindings.some((b) => coversBranch(b, leave));
    })
    .map(present);
}

/**
 * A district holiday or 调休 make-up working day (district admins), or one branch's leave day (the admins of
 * its township). A make-up working day is a weekend day: a weekday is a working day already.
 */
export async function createExemption(
  deps: ReportsPorts,
  principal: Principal,
  allowed: readonly Role[],
  input: CreateExemptionBody,
): Promise<Exemption> {
  const bindings = bindingsFor(principal, allowed);
  let townshipId: string | undefined;
  if (!input.branchId) {
    if (!isDistrictAdmin(bindings, deps.districtId))
      throw new DomainError(
        'FORBIDDEN_ROLE',
        input.kind === 'workday' ? '只有区委组织部管理员可以设置调休上班日' : '只有区委组织部管理员可以设置节假日',
      );
    if (input.kind === 'workday' && !isWeekend(input.day)) throw invalid('body.day', '调休上班日应为周六或周日（工作日本来就要上班）');
  } else {
    const branch = await deps.org.getBranch(input.branchId);
    if (!branch) throw unknownReference('body.branchId', '支部不存在');
    if (!bindings.some((b) => managesTownship(b, deps.districtId, branch.townshipId))) throw forbiddenScope();
    townshipId = branch.townshipId;
  }
  const e: StoredExemption = {
    id: `${input.day}_${input.branchId ?? 'all'}`,
    districtId: deps.districtId,
    day: input.day,
    ...(input.branchId ? { branchId: input.branchId, townshipId } : {}),
    ...(input.kind === 'workday' ? { kind: 'workday' as const } : {}),
    reason: input.reason,
    createdBy: principal.user.id,
    createdAt: deps.clock.now().toISOString(),
  };
  await deps.rules.createExemption(e);
  return present(e);
}

export async function deleteExemption(deps: ReportsPorts, principal: Principal, allowed: readonly Role[], id: string): Promise<Exemption> {
  const bindings = bindingsFor(principal, allowed);
  const existing = (await deps.rules.listCalendar(deps.districtId, id.slice(0, 10))).find((e) => e.id === id);
  if (!existing) throw notFound('免报记录');
  const may = existing.branchId
    ? bindings.some((b) => managesTownship(b, deps.districtId, existing.townshipId ?? ''))
    : isDistrictAdmin(bindings, deps.districtId);
  if (!may) throw forbiddenScope();
  const removed = await deps.rules.deleteExemption(deps.districtId, id);
  if (!removed) throw notFound('免报记录');
  return present(removed);
}
