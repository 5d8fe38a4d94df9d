import type { CatalogueStar, StarAssessmentInput, StarAssessmentItem, StarItemKind } from '@chuangxing/shared';

/** One row of the 自评 form: a key task or a veto item, with what the secretary chose so far. */
export interface DraftItem {
  itemId: string;
  kind: StarItemKind;
  title: string;
  /** undefined until 达标 or 未达标 is chosen: no answer is assumed. */
  met?: boolean;
  note: string;
  /** Photos already stored (a resubmission keeps them). */
  photos: { key: string; url: string }[];
  /** Why the last 退回 named this item. */
  returnReason?: string;
}

/** Every key task, then every veto item of the star in the catalogue in force. */
export function draftFromCatalogue(star: CatalogueStar): DraftItem[] {
  return [
    ...star.tasks.map((t) => ({ itemId: t.id, kind: 'task' as const, title: t.title, note: '', photos: [] })),
    ...star.vetoes.map((v) => ({ itemId: v.id, kind: 'veto' as const, title: v.text, note: '', photos: [] })),
  ];
}

/** A returned application's self-assessment, to revise and submit again. */
export function draftFromApplication(items: readonly StarAssessmentItem[]): DraftItem[] {
  return items.map((i) => ({
    itemId: i.itemId,
    kind: i.kind,
    title: i.title,
    met: i.met,
    note: i.note,
    photos: i.photos.map((key, n) => ({ key, url: i.photoUrls[n] ?? '' })),
    returnReason: i.returnReason,
  }));
}

/** The two answers, worded for the kind: a veto item "met" means it is not triggered. */
export function answerLabels(kind: StarItemKind): { met: string; unmet: string } {
  return kind === 'task' ? { met: '达标', unmet: '未达标' } : { met: '未触发', unmet: '已触发' };
}

export type DraftProblems = Record<string, string>;

/**
 * The body's items, or the problem of each item left without an answer or with photos not yet stored. `photoKeys`
 * answers an item's stored keys, or undefined while one is still uploading or failed.
 */
export function assessmentOf(
  items: readonly DraftItem[],
  photoKeys: (itemId: string) => string[] | undefined,
): { items: StarAssessmentInput[] } | { problems: DraftProblems } {
  const problems: DraftProblems = {};
  const out: StarAssessmentInput[] = [];
  for (const item of items) {
    const keys = photoKeys(item.itemId);
    if (item.met === undefined) problems[item.itemId] = `请选择${answerLabels(item.kind).met}或${answerLabels(item.kind).unmet}`;
    else if (!keys) problems[item.itemId] = '照片还在上传或上传失败，请稍候或移除失败的照片';
    else out.push({ itemId: item.itemId, kind: item.kind, met: item.met, note: item.note.trim(), photos: keys });
  }
  return Object.keys(problems).length ? { problems } : { items: out };
}
