import { COUNT_KEYS, type DailyReport, REPORT_LIMITS, ReportContent, type ReportDetail, type Star } from '@chuangxing/shared';
import type { CountKey, DraftPhoto, ReportDraft } from '../offline/draft-store';
import { newLocalId } from '../offline/ports';

export type DraftInput = Omit<ReportDraft, 'revision' | 'updatedAt'>;
/** What ReportContent accepts (before its defaults are applied). */
export type ContentInput = {
  items: { star: Star; taskId?: string; text: string }[];
  counts: Partial<Record<CountKey, number>>;
  problems: string;
  tomorrowPlan: string;
  photos: { key: string; thumbKey?: string }[];
};

export const COUNT_MAX = 100_000;

export function newItem(star?: Star) {
  return { id: newLocalId(), star, text: '' };
}

/** A fresh form: one empty item. */
export function emptyDraft(branchId: string, day: string): DraftInput {
  return { branchId, day, items: [newItem()], counts: {}, problems: '', tomorrowPlan: '', photos: [] };
}

/** The filed report as a form to edit (photos are already on the server). */
export function draftFromReport(detail: Pick<ReportDetail, 'report' | 'photoUrls'>): DraftInput {
  const { report, photoUrls } = detail;
  const c = report.content;
  return {
    branchId: report.branchId,
    day: report.day,
    items: c.items.map((i) => ({ id: newLocalId(), star: i.star, ...(i.taskId ? { taskId: i.taskId } : {}), text: i.text })),
    counts: { ...c.counts },
    problems: c.problems,
    tomorrowPlan: c.tomorrowPlan,
    photos: c.photos.map(
      (p, i): DraftPhoto => ({
        id: newLocalId(),
        key: p.key,
        thumbKey: p.thumbKey,
        contentType: p.key.endsWith('.png') ? 'image/png' : p.key.endsWith('.webp') ? 'image/webp' : 'image/jpeg',
        previewUrl: photoUrls[i]?.thumbUrl ?? photoUrls[i]?.url,
        fullUrl: photoUrls[i]?.url,
        state: 'uploaded',
      }),
    ),
    baseVersion: report.version,
  };
}

/** The body content of a draft. Only uploaded photos have keys; callers check that all are uploaded. */
export function contentOf(draft: Pick<ReportDraft, 'items' | 'counts' | 'problems' | 'tomorrowPlan' | 'photos'>): ContentInput {
  const counts: Partial<Record<CountKey, number>> = {};
  for (const k of COUNT_KEYS) {
    const v = draft.counts[k];
    if (typeof v === 'number' && Number.isFinite(v)) counts[k] = v;
  }
  return {
    items: draft.items.map((i) => ({ star: i.star as Star, ...(i.taskId ? { taskId: i.taskId } : {}), text: i.text.trim() })),
    counts,
    problems: draft.problems.trim(),
    tomorrowPlan: draft.tomorrowPlan.trim(),
    photos: draft.photos.flatMap((p) => (p.key ? [p.thumbKey ? { key: p.key, thumbKey: p.thumbKey } : { key: p.key }] : [])),
  };
}

const canonical = (c: ContentInput | DailyReport['content']) =>
  JSON.stringify({
    items: c.items.map((i) => [i.star, i.taskId ?? null, i.text.trim()]),
    counts: COUNT_KEYS.map((k) => c.counts[k] ?? null),
    problems: c.problems.trim(),
    tomorrowPlan: c.tomorrowPlan.trim(),
    photos: c.photos.map((p) => p.key),
  });

/** Does the draft say something else than the filed report? (Pending photos count as a change.) */
export function differsFrom(draft: ReportDraft, report: DailyReport | undefined): boolean {
  if (!report) return true;
  if (draft.photos.some((p) => !p.key)) return true;
  return canonical(contentOf(draft)) !== canonical(report.content);
}

/**
 * Field problems before sending, with the contract's own limits and messages. Keys are form paths:
 * "items", "items.0.star", "items.0.text", "counts.peopleServed", "problems", "tomorrowPlan", "photos".
 */
export function validateDraft(draft: ReportDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  draft.items.forEach((item, i) => {
    if (!item.star) errors[`items.${i}.star`] = '请选择星级';
  });
  for (const k of COUNT_KEYS) {
    const v = draft.counts[k];
    if (v !== undefined && (!Number.isInteger(v) || v < 0)) errors[`counts.${k}`] = '请填写 0 或正整数';
    else if (v !== undefined && v > COUNT_MAX) errors[`counts.${k}`] = '数值过大';
  }
  if (draft.photos.length > REPORT_LIMITS.photos) errors.photos = `最多 ${REPORT_LIMITS.photos} 张照片`;
  const parsed = ReportContent.safeParse(contentOf(draft));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.join('.');
      const key = path === '' ? 'items' : path;
      if (!(key in errors)) errors[key] = issue.message;
    }
  }
  return errors;
}

/**
 * The server's field errors (paths below the body, as fieldErrorsOf gives them) as form paths:
 * "content.items.0.text" → "items.0.text"; "params.day" stays (a day too old or in the future).
 */
export function formErrorsOf(fields: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(fields ?? {})) {
    const key = path.replace(/^content\.?/, '') || 'form';
    if (!(key in out)) out[key] = message;
  }
  return out;
}
