import type { LetterRules, Role } from '@chuangxing/shared';
import { forbiddenScope } from '../../platform/kernel/domain-error';
import { bindingsFor, isDistrictAdmin, type Principal } from '../../platform/kernel/principal';
import type { MailboxPorts } from './mailbox.ports';

/** The district's mailbox rules (the defaults until an admin saves some): every official may read them. */
export function getLetterRules(deps: Pick<MailboxPorts, 'districtId' | 'letterRules'>): Promise<LetterRules> {
  return deps.letterRules.get(deps.districtId);
}

/** Only the district's admins change them; new deadlines apply to the next move of each letter. */
export async function putLetterRules(
  deps: Pick<MailboxPorts, 'districtId' | 'clock' | 'letterRules'>,
  principal: Principal,
  allowed: readonly Role[],
  rules: LetterRules,
): Promise<LetterRules> {
  if (!isDistrictAdmin(bindingsFor(principal, allowed), deps.districtId)) throw forbiddenScope();
  await deps.letterRules.put(deps.districtId, rules, principal.user.id, deps.clock.now().toISOString());
  return rules;
}
