import { type PresignedUpload, type PresignInspectionPhotoBody, type Role, UPLOAD_LIMITS } from '@chuangxing/shared';
import { forbiddenRole, notFound } from '../../platform/kernel/domain-error';
import { bindingsFor, filerBindingFor, type Principal } from '../../platform/kernel/principal';
import { presignUpload } from '../../platform/storage/presign-upload';
import { uploadFolder } from '../../platform/storage/upload-prefixes';
import { inspectedBranch } from './inspection-scope';
import type { InspectionsPorts } from './inspections.ports';

/** A visit photo (an inspector whose scope covers the branch) or a fix photo (the branch's own cadres and secretary). */
export async function presignInspectionPhoto(
  deps: InspectionsPorts,
  principal: Principal,
  allowed: readonly Role[],
  body: PresignInspectionPhotoBody,
): Promise<PresignedUpload> {
  if (body.purpose === 'inspection') {
    if (!bindingsFor(principal, allowed).some((b) => b.role === 'inspector')) throw forbiddenRole();
    await inspectedBranch(deps, principal, allowed, body.branchId, 'body.branchId');
    return presignUpload(deps, uploadFolder('inspection', body.branchId), body.contentType, UPLOAD_LIMITS.photo);
  }
  if (!filerBindingFor(principal, allowed, deps.districtId, body.branchId)) throw notFound('支部');
  return presignUpload(deps, uploadFolder('inspectionFix', body.branchId), body.contentType, UPLOAD_LIMITS.photo);
}
