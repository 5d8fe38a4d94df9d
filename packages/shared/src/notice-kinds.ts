import './zod-config';
import * as z from 'zod/mini';
import { NOTICE_KINDS } from './notice-kind-values';

// The values and labels live in notice-kind-values.ts (no zod); re-exported here so every importer keeps one place.
export { NOTICE_KIND_LABELS, NOTICE_KINDS, RECURRING_NOTICE_KINDS } from './notice-kind-values';

export const NoticeKind = z.enum(NOTICE_KINDS);
export type NoticeKind = z.infer<typeof NoticeKind>;
