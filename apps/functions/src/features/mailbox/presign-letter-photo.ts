import { type PresignedUpload, type PresignLetterPhotoBody, UPLOAD_LIMITS } from '@chuangxing/shared';
import { unknownReference } from '../../platform/kernel/domain-error';
import { shanghaiDay } from '../../platform/kernel/shanghai-time';
import { presignUpload } from '../../platform/storage/presign-upload';
import { uploadFolder } from '../../platform/storage/upload-prefixes';
import type { MailboxPorts } from './mailbox.ports';

/** A presigned POST for one letter photo, filed under the community and day: nothing names the writer. */
export async function presignLetterPhoto(deps: MailboxPorts, body: PresignLetterPhotoBody): Promise<PresignedUpload> {
  const branch = await deps.org.getBranch(body.branchId);
  if (!branch || branch.districtId !== deps.districtId) throw unknownReference('body.branchId', '没有这个社区，请重新选择');
  return presignUpload(deps, uploadFolder('letter', branch.id, shanghaiDay(deps.clock.now())), body.contentType, UPLOAD_LIMITS.photo);
}
