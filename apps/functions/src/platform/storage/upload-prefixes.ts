import type { FeatureName } from '@chuangxing/shared';

/**
 * Every key prefix a client may upload under, by the API function that presigns it. Presigned POSTs and GETs
 * are signed with that function's role, so CDK grants each role exactly these prefixes (infra reads this
 * list): an upload under a prefix missing here would be refused by S3 in production.
 */
export const UPLOAD_PREFIXES = {
  dailyReport: 'daily-report/',
  letter: 'letter/',
  planEvidence: 'plan-evidence/',
  inspection: 'inspection/',
  inspectionFix: 'inspection-fix/',
  news: 'news/',
  starEvidence: 'star-evidence/',
} as const;

/** Which API function (route context) presigns which prefixes. */
export const UPLOAD_PREFIXES_BY_CONTEXT = {
  core: [
    UPLOAD_PREFIXES.dailyReport,
    UPLOAD_PREFIXES.letter,
    UPLOAD_PREFIXES.planEvidence,
    UPLOAD_PREFIXES.inspection,
    UPLOAD_PREFIXES.inspectionFix,
  ],
  learning: [UPLOAD_PREFIXES.news],
  rankings: [],
} as const;

/** A kind of upload: its key prefix is UPLOAD_PREFIXES[kind]. */
export type UploadKind = keyof typeof UPLOAD_PREFIXES;

/**
 * Where an upload of `kind` lives: `{prefix}{scope…}/`, the scope naming what it belongs to (a branch and day,
 * a plan year). Presigning files uploads there and verification accepts only keys there.
 */
export function uploadFolder(kind: UploadKind, ...scope: string[]): string {
  return `${UPLOAD_PREFIXES[kind]}${scope.map((s) => `${s}/`).join('')}`;
}

/** Which feature presigns (and verifies) which prefixes; CDK grants each API function its features' prefixes. */
export const UPLOAD_PREFIXES_BY_FEATURE: Partial<Record<FeatureName, readonly string[]>> = {
  reports: [UPLOAD_PREFIXES.dailyReport],
  mailbox: [UPLOAD_PREFIXES.letter],
  plans: [UPLOAD_PREFIXES.planEvidence],
  inspections: [UPLOAD_PREFIXES.inspection, UPLOAD_PREFIXES.inspectionFix],
  news: [UPLOAD_PREFIXES.news],
  stars: [UPLOAD_PREFIXES.starEvidence],
};
