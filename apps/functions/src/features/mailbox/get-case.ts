import type { CaseLetter, Role } from '@chuangxing/shared';
import { notFound } from '../../platform/kernel/domain-error';
import type { Principal } from '../../platform/kernel/principal';
import { accessTo } from './case-access';
import type { MailboxPorts } from './mailbox.ports';
import { toCaseLetter } from './present-letter';

/** One case with its whole timeline, internal notes included; a letter out of reach does not exist (404). */
export async function getCase(deps: MailboxPorts, principal: Principal, allowed: readonly Role[], letterId: string): Promise<CaseLetter> {
  const found = await deps.letters.get(letterId);
  const access = found && accessTo(deps, principal, allowed, found.letter);
  if (!found || !access) throw notFound('信件');
  return toCaseLetter(deps, found.letter, found.timeline, access);
}
