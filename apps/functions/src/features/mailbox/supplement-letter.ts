import {
  LETTER_LIMITS,
  type MyLetter,
  ROLE_LABELS,
  type SupplementLetterBody,
  type TimelineEntry,
  UPLOAD_LIMITS,
} from '@chuangxing/shared';
import { DomainError, notFound } from '../../platform/kernel/domain-error';
import type { Principal } from '../../platform/kernel/principal';
import { uploadFolder } from '../../platform/storage/upload-prefixes';
import { verifyStoredPhotos } from '../../platform/storage/verify-stored-photos';
import { type Letter, nextState } from './letter';
import type { MailboxPorts } from './mailbox.ports';
import { toMyLetter } from './present-letter';

/**
 * 补充: the writer adds text and photos while the letter is open. It is a public timeline entry (the handler
 * and the writer both see it), the photos join the letter's. Conditional on the version the writer saw: a
 * handler's move racing it makes one of them 409, and the loser sees the other's move first.
 */
export async function supplementLetter(
  deps: MailboxPorts,
  principal: Principal,
  letterId: string,
  body: SupplementLetterBody,
): Promise<MyLetter> {
  const found = await deps.letters.get(letterId);
  if (!found || found.letter.writerKey !== deps.sealer.keyedHash(principal.user.id)) throw notFound('信件');
  const { letter } = found;
  nextState(letter, { type: 'supplement' });
  const count = letter.supplements ?? 0;
  if (count >= LETTER_LIMITS.supplements)
    throw new DomainError('ILLEGAL_TRANSITION', `每封信最多补充 ${LETTER_LIMITS.supplements} 次，如有新的事情请另写一封信`);
  // Photos go through the same presign as the letter's: filed under the letter's community.
  await verifyStoredPhotos(
    deps.storage,
    uploadFolder('letter', letter.branchId),
    body.photos.map((key, i) => ({ key, path: `body.photos.${i}`, limit: UPLOAD_LIMITS.photo })),
  );
  const at = deps.clock.now().toISOString();
  const photos = [...(letter.photos ?? []), ...body.photos];
  const next: Letter = {
    ...letter,
    ...(photos.length ? { photos } : {}),
    supplements: count + 1,
    version: letter.version + 1,
  };
  const withPhotos = body.photos.length ? `（附照片 ${body.photos.length} 张）` : '';
  const entry: TimelineEntry = {
    at,
    kind: 'supplemented',
    actor: ROLE_LABELS.resident,
    text: `${body.text}${withPhotos}`,
    internal: false,
  };
  const audit = { at, actor: 'writer', action: 'supplement', from: letter.status, to: letter.status };
  // Conditional on the version the writer saw (a retry finds its marker first and replays).
  const out = await deps.letters.supplement(next, body.version, entry, audit, body.idempotencyKey);
  if (out === 'replayed') {
    const now = await deps.letters.get(letterId);
    return toMyLetter(deps, now?.letter ?? letter, now?.timeline ?? found.timeline);
  }
  return toMyLetter(deps, next, [...found.timeline, entry]);
}
