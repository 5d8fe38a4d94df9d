import type { Role } from '@chuangxing/shared';
import { type Binding, bindingsFor, coversTownship, type Principal } from '../../platform/kernel/principal';
import type { Letter } from './letter';
import type { MailboxPorts } from './mailbox.ports';

/** What an official may do with a letter, and through which binding. */
export type CaseAccess = { level: 'act' | 'read'; binding: Binding };

/**
 * 廉情 letters reach only 纪检监察 (never the 督导员, nor the community they name). Other
 * letters are handled by the community's station; township staff and district admins oversee (read only).
 */
export function accessTo(
  deps: Pick<MailboxPorts, 'districtId'>,
  principal: Principal,
  allowed: readonly Role[],
  letter: Letter,
): CaseAccess | undefined {
  const bindings = bindingsFor(principal, allowed);
  if (letter.category === 'integrity') {
    const b = bindings.find((x) => x.role === 'discipline' && coversTownship(x, deps.districtId, letter.townshipId));
    return b ? { level: 'act', binding: b } : undefined;
  }
  const handler = bindings.find((x) => x.role === 'station_handler' && x.scope.level === 'branch' && x.scope.branchId === letter.branchId);
  if (handler) return { level: 'act', binding: handler };
  const overseer = bindings.find(
    (x) => (x.role === 'township_staff' || x.role === 'district_admin') && coversTownship(x, deps.districtId, letter.townshipId),
  );
  return overseer ? { level: 'read', binding: overseer } : undefined;
}
