import { type CaseLetter, type LetterActionBody, ROLE_LABELS, type Role, type TimelineEntry } from '@chuangxing/shared';
import { DomainError, forbiddenRole, invalid, notFound, unknownReference } from '../../platform/kernel/domain-error';
import type { Principal } from '../../platform/kernel/principal';
import { accessTo } from './case-access';
import { countersFor, type Letter, type LetterEvent, letterMonth, nextState, tallyOf } from './letter';
import { letterDeadline } from './letter-deadline';
import { writerNotice } from './letter-notices';
import type { MailboxPorts } from './mailbox.ports';
import { toCaseLetter } from './present-letter';

/** Accept, decline, transfer, note or reply: the state machine decides what is legal, the version who wins. */
export async function actOnCase(
  deps: MailboxPorts,
  principal: Principal,
  allowed: readonly Role[],
  letterId: string,
  body: LetterActionBody,
): Promise<CaseLetter> {
  const found = await deps.letters.get(letterId);
  const access = found && accessTo(deps, principal, allowed, found.letter);
  if (!found || !access) throw notFound('信件');
  if (access.level !== 'act') throw forbiddenRole();
  const { letter } = found;
  if (body.version !== letter.version) throw new DomainError('CONFLICT', '这封信刚被他人处理过，请刷新后重试');
  const event: LetterEvent = { type: body.action };
  const state = nextState(letter, event);
  const now = deps.clock.now();
  const at = now.toISOString();
  const actor = ROLE_LABELS[access.binding.role];
  let next: Letter = { ...letter, ...state, version: letter.version + 1 };
  let entry: TimelineEntry;
  switch (body.action) {
    case 'accept':
      next = { ...next, replyBy: await letterDeadline(deps, now, 'replyWorkingDays') };
      entry = { at, kind: 'accepted', actor, ...(body.note ? { text: body.note } : {}), internal: false };
      break;
    case 'decline':
      entry = { at, kind: 'declined', actor, text: body.reason, internal: false };
      break;
    case 'transfer': {
      const to = await deps.org.getBranch(body.toBranchId);
      if (!to || to.districtId !== deps.districtId) throw unknownReference('body.toBranchId', '转办对象不存在');
      if (to.id === letter.branchId) throw invalid('body.toBranchId', '不能转给本单位');
      next = {
        ...next,
        branchId: to.id,
        branchName: to.name,
        townshipId: to.townshipId,
        acceptBy: await letterDeadline(deps, now, 'acceptWorkingDays'),
      };
      delete next.replyBy;
      entry = { at, kind: 'transferred', actor, text: `转至${to.name}：${body.reason}`, internal: false };
      break;
    }
    case 'note':
      entry = { at, kind: 'note', actor, text: body.text, internal: body.internal };
      break;
    case 'reply':
      next = { ...next, lastReply: body.text, repliedAt: at };
      entry = { at, kind: 'replied', actor, text: body.text, internal: false };
      break;
  }
  const month = letterMonth(letter);
  const tally = tallyOf(letter);
  const counters = [{ tally, townshipId: letter.townshipId, branchId: letter.branchId, month, add: countersFor(letter, next, event, at) }];
  // The receiving community counts the letter as received too (a 廉情 letter, in the supervisors' tally only).
  if (body.action === 'transfer')
    counters.push({ tally, townshipId: next.townshipId, branchId: next.branchId, month, add: { received: 1 } });
  // The writer hears of acceptance, transfer and reply, in the same transaction as the move. A 代录 letter has
  // no writer account to tell: its resident follows it by the 查询码.
  const action = body.action;
  const notices = deps.notices.stage(
    (action === 'accept' || action === 'transfer' || action === 'reply') && letter.sealedWriter
      ? [
          writerNotice(await deps.sealer.open(letter.sealedWriter), letter, {
            action,
            at,
            toBranchName: next.branchName,
            autoArchiveDays: (await deps.letterRules.get(deps.districtId)).autoArchiveDays,
          }),
        ]
      : [],
  );
  await deps.letters.transition(
    next,
    letter.version,
    [entry],
    { at, actor: principal.user.id, action: body.action, from: letter.status, to: next.status },
    counters,
    notices,
  );
  await deps.notices.dispatch(notices);
  return toCaseLetter(deps, next, [...found.timeline, entry], access);
}
