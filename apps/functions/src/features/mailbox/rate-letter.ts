import { type MyLetter, RATING_LABELS, type RateLetterBody, ROLE_LABELS, type TimelineEntry } from '@chuangxing/shared';
import { notFound } from '../../platform/kernel/domain-error';
import type { Principal } from '../../platform/kernel/principal';
import { countersFor, type Letter, letterMonth, nextState, tallyOf } from './letter';
import { letterDeadline } from './letter-deadline';
import type { MailboxPorts } from './mailbox.ports';
import { toMyLetter } from './present-letter';

const RESIDENT = ROLE_LABELS.resident;

/** Only the writer rates: 不满意 reopens the letter once (复核); any later rating archives it. */
export async function rateLetter(deps: MailboxPorts, principal: Principal, letterId: string, body: RateLetterBody): Promise<MyLetter> {
  const found = await deps.letters.get(letterId);
  if (!found || found.letter.writerKey !== deps.sealer.keyedHash(principal.user.id)) throw notFound('信件');
  const { letter } = found;
  const state = nextState(letter, { type: 'rate', rating: body.rating });
  const now = deps.clock.now();
  const at = now.toISOString();
  const next: Letter = {
    ...letter,
    ...state,
    rating: body.rating,
    ...(body.comment ? { ratingComment: body.comment } : {}),
    ...(state.status === 'reopened' ? { replyBy: await letterDeadline(deps, now, 'replyWorkingDays') } : {}),
    version: letter.version + 1,
  };
  const entries: TimelineEntry[] = [
    {
      at,
      kind: 'rated',
      actor: RESIDENT,
      text: body.comment ? `${RATING_LABELS[body.rating]}：${body.comment}` : RATING_LABELS[body.rating],
      internal: false,
    },
    state.status === 'reopened'
      ? { at, kind: 'reopened', actor: RESIDENT, text: '居民不满意，进入复核', internal: false }
      : { at, kind: 'archived', actor: RESIDENT, internal: false },
  ];
  const add = countersFor(letter, state, { type: 'rate', rating: body.rating }, at);
  await deps.letters.transition(
    next,
    letter.version,
    entries,
    { at, actor: 'writer', action: 'rate', from: letter.status, to: state.status },
    [{ tally: tallyOf(letter), townshipId: letter.townshipId, branchId: letter.branchId, month: letterMonth(letter), add }],
  );
  return toMyLetter(deps, next, [...found.timeline, ...entries]);
}
