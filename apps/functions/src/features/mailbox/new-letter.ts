import { UPLOAD_LIMITS } from '@chuangxing/shared';
import { codeFromRandom } from '../../platform/kernel/random-code';
import { uploadFolder } from '../../platform/storage/upload-prefixes';
import { verifyStoredPhotos } from '../../platform/storage/verify-stored-photos';
import type { Branch } from '../org/org.readers';
import type { Letter } from './letter';
import { letterDeadline } from './letter-deadline';
import type { MailboxPorts } from './mailbox.ports';

/** What a letter says, however it came in (written online or recorded by the station). */
export interface LetterContent {
  category: Letter['category'];
  text: string;
  photos: string[];
  allowPublication: boolean;
}

/** Who wrote it, as the letter keeps it: sealed, hashed or left out (ADR 0004). */
export type LetterWriter = Pick<
  Letter,
  'anonymous' | 'writerName' | 'sealedWriter' | 'writerKey' | 'sealedPhone' | 'sealedName' | 'channel'
>;

/**
 * A new letter to `branch`: its photos checked in storage (uploaded to that community, within the limit), a fresh
 * 查询码 and the acceptance deadline on the working-day calendar.
 */
export async function newLetter(
  deps: MailboxPorts,
  branch: Branch,
  content: LetterContent,
  writer: LetterWriter,
  now: Date,
): Promise<Letter> {
  await verifyStoredPhotos(
    deps.storage,
    uploadFolder('letter', branch.id),
    content.photos.map((key, i) => ({ key, path: `body.photos.${i}`, limit: UPLOAD_LIMITS.photo })),
  );
  return {
    id: deps.ids.next(),
    queryCode: codeFromRandom(deps.randomBytes, 10),
    districtId: branch.districtId,
    townshipId: branch.townshipId,
    branchId: branch.id,
    branchName: branch.name,
    category: content.category,
    text: content.text,
    ...(content.photos.length ? { photos: content.photos } : {}),
    allowPublication: content.allowPublication,
    ...writer,
    status: 'submitted',
    reviewed: false,
    createdAt: now.toISOString(),
    acceptBy: await letterDeadline(deps, now, 'acceptWorkingDays'),
    version: 1,
  };
}
