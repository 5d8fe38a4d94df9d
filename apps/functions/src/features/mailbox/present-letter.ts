import type { CaseLetter, MyLetter, TimelineEntry } from '@chuangxing/shared';
import type { CaseAccess } from './case-access';
import { answerByOf, awaitsConclusion, canSupplement, type Letter, nextState, publicTimeline } from './letter';
import type { MailboxPorts } from './mailbox.ports';

const PHOTO_URL_SECONDS = 15 * 60;
const photoUrls = (deps: Pick<MailboxPorts, 'storage'>, l: Letter) =>
  Promise.all((l.photos ?? []).map((k) => deps.storage.presignGet(k, PHOTO_URL_SECONDS)));

/** The writer's view of their own letter: the public timeline, never the internal notes. */
export async function toMyLetter(deps: Pick<MailboxPorts, 'storage'>, letter: Letter, timeline: TimelineEntry[]): Promise<MyLetter> {
  return {
    id: letter.id,
    queryCode: letter.queryCode,
    branchId: letter.branchId,
    branchName: letter.branchName,
    category: letter.category,
    status: letter.status,
    text: letter.text,
    anonymous: letter.anonymous,
    allowPublication: letter.allowPublication,
    callbackRequested: Boolean(letter.sealedPhone),
    createdAt: letter.createdAt,
    ...(letter.rating ? { rating: letter.rating } : {}),
    canRate: letter.status === 'replied',
    reviewed: letter.reviewed,
    ...withAnswerBy(letter),
    canWithdraw: letter.status === 'submitted',
    canSupplement: canSupplement(letter),
    version: letter.version,
    photoUrls: await photoUrls(deps, letter),
    timeline: publicTimeline(timeline),
  };
}

/** The deadline the community is held to now, if it owes anything. */
export function withAnswerBy(letter: Letter): { answerBy?: MyLetter['answerBy'] } {
  const answerBy = answerByOf(letter);
  return answerBy ? { answerBy } : {};
}

/**
 * Who wrote, as officials see it: a signed letter's name; 匿名 otherwise. A 代录 resident's name is sealed and
 * opened only for the letter's handler (the station that serves them), never for overseers.
 */
async function writerNameFor(deps: Pick<MailboxPorts, 'sealer'>, letter: Letter, access: CaseAccess): Promise<string> {
  if (letter.channel) return letter.sealedName && access.level === 'act' ? deps.sealer.open(letter.sealedName) : '代录来信';
  return letter.anonymous ? '匿名' : letter.writerName;
}

/** An official's view of a case: never the writer's account; the name only when the letter is signed. */
export async function toCaseLetter(
  deps: Pick<MailboxPorts, 'storage' | 'sealer'>,
  letter: Letter,
  timeline: TimelineEntry[],
  access: CaseAccess,
): Promise<CaseLetter> {
  return {
    id: letter.id,
    queryCode: letter.queryCode,
    branchId: letter.branchId,
    branchName: letter.branchName,
    townshipId: letter.townshipId,
    category: letter.category,
    status: letter.status,
    text: letter.text,
    anonymous: letter.anonymous,
    writerName: await writerNameFor(deps, letter, access),
    // The phone goes only to the handler, and only because the writer asked for a call-back.
    ...(letter.sealedPhone && access.level === 'act' ? { callbackPhone: await deps.sealer.open(letter.sealedPhone) } : {}),
    ...(letter.channel ? { channel: letter.channel } : {}),
    ...(letter.channel && letter.sealedName && access.level === 'act' ? { residentName: await deps.sealer.open(letter.sealedName) } : {}),
    createdAt: letter.createdAt,
    acceptBy: letter.acceptBy,
    ...(letter.replyBy ? { replyBy: letter.replyBy } : {}),
    reviewed: letter.reviewed,
    ...(letter.rating ? { rating: letter.rating } : {}),
    version: letter.version,
    photoUrls: await photoUrls(deps, letter),
    timeline,
    actions: access.level === 'act' ? allowedActions(letter) : [],
    ...(letter.category === 'integrity' ? { canConclude: access.level === 'act' && awaitsConclusion(letter) } : {}),
    ...(letter.integrityConclusion ? { integrityConclusion: conclusionOf(letter.integrityConclusion) } : {}),
  };
}

const conclusionOf = ({ outcome, summary, at, byName }: NonNullable<Letter['integrityConclusion']>) => ({ outcome, summary, at, byName });

/** The moves the state machine allows now; 半月谈 takes accepted (or reopened) letters of a community. */
function allowedActions(letter: Letter): CaseLetter['actions'] {
  const moves = (['accept', 'decline', 'transfer', 'note', 'reply'] as const).filter((type) => {
    try {
      nextState(letter, { type });
      return true;
    } catch {
      return false;
    }
  });
  const schedulable = letter.category !== 'integrity' && (letter.status === 'accepted' || letter.status === 'reopened');
  return schedulable ? [...moves, 'schedule'] : moves;
}
