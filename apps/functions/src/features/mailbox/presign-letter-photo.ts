import { type PresignedUpload, type PresignLetterPhotoBody, UPLOAD_LIMITS } from '@chuangxing/shared';
import { invalid } from '../../platform/kernel/domain-error';
import { shanghaiDay } from '../../platform/kernel/shanghai-time';
import { presignUpload } from '../../platform/storage/presign-upload';
import { uploadFolder } from '../../platform/storage/upload-prefixes';
import type { MailboxPorts } from './mailbox.ports';

/** A presigned POST for one letter photo, filed under the community and day: nothing names the writer. */
export async function presignLetterPhoto(deps: MailboxPorts, body: PresignLetterPhotoBody): Promise<PresignedUpload> {
  const branch = await deps.org.getBranch(body.branchId);
  if (!branch || branch.districtId !== deps.districtId) throw invalid('body.branchId', '请选择要写信的社区');
  return presignUpload(deps, uploadFolder('letter', branch.id, shanghaiDay(deps.clock.now())), body.contentType, UPLOAD_LIMITS.photo);
}
