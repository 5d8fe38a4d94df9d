import type { CaseLetter, IntegrityConclusionBody, Role, TimelineEntry } from '@chuangxing/shared';
import { INTEGRITY_OUTCOME_LABELS, ROLE_LABELS } from '@chuangxing/shared';
import { DomainError, forbiddenRole, notFound } from '../../platform/kernel/domain-error';
import type { Principal } from '../../platform/kernel/principal';
import { accessTo } from './case-access';
import { awaitsConclusion, type Letter } from './letter';
import type { MailboxPorts } from './mailbox.ports';
import { toCaseLetter } from './present-letter';

/**
 * 纪检监察 record, once, what checking a 廉情 letter found. The entry is internal: the writer follows the letter by its
 * replies, and the named community never sees the letter at all. A 属实 case is what a 撤星 can cite (stars feature).
 */
export async function concludeIntegrityCase(
  deps: MailboxPorts,
  principal: Principal,
  allowed: readonly Role[],
  letterId: string,
  body: IntegrityConclusionBody,
): Promise<CaseLetter> {
  const found = await deps.letters.get(letterId);
  const access = found && accessTo(deps, principal, allowed, found.letter);
  if (!found || !access) throw notFound('信件');
  const { letter } = found;
  if (letter.category !== 'integrity' || access.level !== 'act') throw forbiddenRole();
  if (body.version !== letter.version) throw new DomainError('CONFLICT', '这封信刚被他人处理过，请刷新后重试');
  if (letter.integrityConclusion) throw new DomainError('ILLEGAL_TRANSITION', '这封信已有核查结论');
  if (!awaitsConclusion(letter)) throw new DomainError('ILLEGAL_TRANSITION', '请先受理这封信，核查后再填写结论');
  const at = deps.clock.now().toISOString();
  const next: Letter = {
    ...letter,
    integrityConclusion: { outcome: body.outcome, summary: body.summary, at, byId: principal.user.id, byName: principal.user.displayName },
    version: letter.version + 1,
  };
  const entry: TimelineEntry = {
    at,
    kind: 'note',
    actor: ROLE_LABELS[access.binding.role],
    text: `核查结论：${INTEGRITY_OUTCOME_LABELS[body.outcome]}。${body.summary}`,
    internal: true,
  };
  await deps.letters.transition(next, letter.version, [entry], {
    at,
    actor: principal.user.id,
    action: `conclude:${body.outcome}`,
    from: letter.status,
    to: next.status,
  });
  return toCaseLetter(deps, next, [...found.timeline, entry], access);
}
