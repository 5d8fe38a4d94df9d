import type { DailyRules, Role } from '@chuangxing/shared';
import { forbiddenScope } from '../../platform/kernel/domain-error';
import { bindingsFor, isDistrictAdmin, type Principal } from '../../platform/kernel/principal';
import type { ReportsPorts } from './reports.ports';

/** The district's deadline, backfill window and reminder time (the defaults until an admin saves some). */
export function getDailyRules(deps: Pick<ReportsPorts, 'districtId' | 'rules'>): Promise<DailyRules> {
  return deps.rules.getDailyRules(deps.districtId);
}

export async function putDailyRules(
  deps: ReportsPorts,
  principal: Principal,
  allowed: readonly Role[],
  rules: DailyRules,
): Promise<DailyRules> {
  if (!isDistrictAdmin(bindingsFor(principal, allowed), deps.districtId)) throw forbiddenScope();
  await deps.rules.putDailyRules(deps.districtId, rules, principal.user.id, deps.clock.now().toISOString());
  return rules;
}
