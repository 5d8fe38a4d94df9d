import '../zod-config';
import * as z from 'zod/mini';
import { Id, IsoDateTime } from './common.contract';
import { DayKey } from './daily-report.contract';

export const PHOTO_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
/** Limits after client-side compression: a phone photo is resized to ≤ 1280 px (~150–300 KB). */
export const UPLOAD_LIMITS = {
  photo: 2 * 1024 * 1024,
  thumb: 200 * 1024,
} as const;

export const PresignPhotoBody = z.strictObject({
  branchId: Id,
  day: DayKey,
  variant: z.enum(['photo', 'thumb']),
  contentType: z.enum(PHOTO_CONTENT_TYPES),
  /** Bytes the client is about to send; refused up front when over the limit. */
  size: z.int().check(z.minimum(1), z.maximum(UPLOAD_LIMITS.photo)),
});
export type PresignPhotoBody = z.infer<typeof PresignPhotoBody>;

/** A browser-style presigned POST: send `fields` then the file as multipart/form-data to `url`. */
export const PresignedUpload = z.object({
  key: z.string(),
  url: z.string(),
  fields: z.record(z.string(), z.string()),
  maxBytes: z.int(),
  expiresAt: IsoDateTime,
});
export type PresignedUpload = z.infer<typeof PresignedUpload>;
