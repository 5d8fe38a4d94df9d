import { type PresignedUpload, type PresignPhotoBody, type Role, UPLOAD_LIMITS } from '@chuangxing/shared';
import { DomainError, invalid, notFound } from '../../platform/kernel/domain-error';
import { filerBindingFor, type Principal } from '../../platform/kernel/principal';
import { presignUpload } from '../../platform/storage/presign-upload';
import { uploadFolder } from '../../platform/storage/upload-prefixes';
import { assertFileable } from './daily-report';
import type { ReportsPorts } from './reports.ports';

/**
 * A presigned POST for one photo (or thumbnail) of a branch's report: only the branch's own cadres and
 * secretary, only for a day they may still file, and only up to the variant's size limit. The key is
 * fresh (`daily-report/{branch}/{day}/{ULID}.{ext}`), so an upload can never overwrite another photo.
 */
export async function presignPhoto(
  deps: ReportsPorts,
  principal: Principal,
  allowed: readonly Role[],
  body: PresignPhotoBody,
): Promise<PresignedUpload> {
  if (!filerBindingFor(principal, allowed, deps.districtId, body.branchId)) throw notFound('支部');

  const now = deps.clock.now();
  try {
    assertFileable(body.day, now, await deps.rules.getDailyRules(deps.districtId));
  } catch (err) {
    // The day arrives in the body here, not in the path.
    if (err instanceof DomainError && err.details) {
      throw new DomainError(
        err.code,
        err.message,
        err.details.map((d) => (d.path === 'params.day' ? { ...d, path: 'body.day' } : d)),
      );
    }
    throw err;
  }

  const maxBytes = UPLOAD_LIMITS[body.variant];
  if (body.size > maxBytes) {
    const what = body.variant === 'thumb' ? '缩略图' : '照片';
    throw invalid('body.size', `${what}不能超过 ${Math.round(maxBytes / 1024)} KB`, 'too_big');
  }

  return presignUpload(deps, uploadFolder('dailyReport', body.branchId, body.day), body.contentType, maxBytes);
}
