import type { MyLetter } from '@chuangxing/shared';
import type { Principal } from '../../platform/kernel/principal';
import type { MailboxPorts } from './mailbox.ports';
import { toMyLetter } from './present-letter';

/** The caller's own letters, found by the keyed hash of their account (never stored in clear). */
export async function listMyLetters(deps: MailboxPorts, principal: Principal): Promise<MyLetter[]> {
  const mine = await deps.letters.listByWriter(deps.sealer.keyedHash(principal.user.id));
  return Promise.all(mine.map(({ letter, timeline }) => toMyLetter(deps, letter, timeline)));
}
