import { type MyLetter, ROLE_LABELS, type TimelineEntry } from '@chuangxing/shared';
import { conflict, notFound } from '../../platform/kernel/domain-error';
import type { Principal } from '../../platform/kernel/principal';
import { countersFor, type Letter, letterMonth, nextState, tallyOf } from './letter';
import type { MailboxPorts } from './mailbox.ports';
import { toMyLetter } from './present-letter';

/**
 * 撤回: only the writer (found by the keyed hash of their account, as for the rating), only before anyone
 * accepted, declined or transferred it. The write is conditional on the version the writer saw, so a
 * handler's accept racing it makes exactly one of them win. The letter leaves its community's `received` count.
 */
export async function withdrawLetter(deps: MailboxPorts, principal: Principal, letterId: string, version: number): Promise<MyLetter> {
  const found = await deps.letters.get(letterId);
  if (!found || found.letter.writerKey !== deps.sealer.keyedHash(principal.user.id)) throw notFound('信件');
  const { letter } = found;
  // A retry of a withdrawal whose answer was lost: it is done.
  if (letter.status === 'withdrawn') return toMyLetter(deps, letter, found.timeline);
  const state = nextState(letter, { type: 'withdraw' });
  if (version !== letter.version) throw conflict('这封信刚有变化，请刷新后再看');
  const at = deps.clock.now().toISOString();
  const next: Letter = { ...letter, ...state, version: letter.version + 1 };
  const entry: TimelineEntry = { at, kind: 'withdrawn', actor: ROLE_LABELS.resident, text: '来信人已撤回这封信', internal: false };
  const add = countersFor(letter, state, { type: 'withdraw' }, at);
  await deps.letters.transition(
    next,
    letter.version,
    [entry],
    { at, actor: 'writer', action: 'withdraw', from: letter.status, to: next.status },
    [{ tally: tallyOf(letter), townshipId: letter.townshipId, branchId: letter.branchId, month: letterMonth(letter), add }],
  );
  return toMyLetter(deps, next, [...found.timeline, entry]);
}
