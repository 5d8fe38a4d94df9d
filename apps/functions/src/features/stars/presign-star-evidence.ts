import { type PresignedUpload, type PresignStarEvidenceBody, type Role, UPLOAD_LIMITS } from '@chuangxing/shared';
import { notFound } from '../../platform/kernel/domain-error';
import { filerBindingFor, type Principal } from '../../platform/kernel/principal';
import { presignUpload } from '../../platform/storage/presign-upload';
import { uploadFolder } from '../../platform/storage/upload-prefixes';
import type { StarsPorts } from './stars.ports';

/** One evidence photo of the secretary's own branch; any other branch does not exist for them. */
export async function presignStarEvidence(
  deps: StarsPorts,
  principal: Principal,
  allowed: readonly Role[],
  body: PresignStarEvidenceBody,
): Promise<PresignedUpload> {
  if (!filerBindingFor(principal, allowed, deps.districtId, body.branchId)) throw notFound('支部');
  return presignUpload(deps, uploadFolder('starEvidence', body.branchId), body.contentType, UPLOAD_LIMITS.photo);
}
