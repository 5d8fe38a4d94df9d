import type { LetterRules, Role } from '@chuangxing/shared';
import { forbiddenScope } from '../../platform/kernel/domain-error';
import type { Kernel } from '../../platform/kernel/kernel';
import { bindingsFor, isDistrictAdmin, type Principal } from '../../platform/kernel/principal';
import type { LetterRulesStore } from './rules-repository';

/**
 * Leftover, not a use case of the reports: the mailbox's letter rules, served by rules.routes.ts until the
 * mailbox has its own letter-rules store (then deleted). The daily rules are in manage-daily-rules.ts.
 */
export async function putLetterRules(
  deps: Pick<Kernel, 'districtId' | 'clock'> & { rules: LetterRulesStore },
  principal: Principal,
  allowed: readonly Role[],
  rules: LetterRules,
): Promise<LetterRules> {
  if (!isDistrictAdmin(bindingsFor(principal, allowed), deps.districtId)) throw forbiddenScope();
  await deps.rules.putLetterRules(deps.districtId, rules, principal.user.id, deps.clock.now().toISOString());
  return rules;
}
