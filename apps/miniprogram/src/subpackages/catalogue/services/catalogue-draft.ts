import { type BranchType, CatalogueContent, type CatalogueStar, type Star } from '@chuangxing/shared';

export type CatalogueCounts = Record<BranchType, number>;

/** 农村 29 项: the key tasks of a star set (what the server's `counts` are), live while editing. */
export function countsOf(content: CatalogueContent): CatalogueCounts {
  const count = (stars: readonly CatalogueStar[]) => stars.reduce((n, s) => n + s.tasks.length, 0);
  return { rural: count(content.rural), community: count(content.community) };
}

function allIds(content: CatalogueContent): Set<string> {
  return new Set([...content.rural, ...content.community].flatMap((s) => [...s.tasks.map((t) => t.id), ...s.vetoes.map((v) => v.id)]));
}

/** A new task (`t`) or veto (`v`) id: `${star}-t${Date.now().toString(36)}`, with a suffix if two are made in the same millisecond. */
export function newCatalogueId(content: CatalogueContent, star: Star, kind: 't' | 'v', now = Date.now()): string {
  const taken = allIds(content);
  const base = `${star}-${kind}${now.toString(36)}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}${n}`;
  return id;
}

/** One star of one set changed by `change` (the content stays immutable). */
export function updateStar(
  content: CatalogueContent,
  type: BranchType,
  star: Star,
  change: (s: CatalogueStar) => CatalogueStar,
): CatalogueContent {
  return { ...content, [type]: content[type].map((s) => (s.star === star ? change(s) : s)) };
}

/** Trimmed texts, as the contract checks them. */
export function cleanContent(content: CatalogueContent): CatalogueContent {
  const clean = (stars: readonly CatalogueStar[]) =>
    stars.map((s) => ({
      star: s.star,
      tasks: s.tasks.map((t) => ({ id: t.id, title: t.title.trim() })),
      vetoes: s.vetoes.map((v) => ({ id: v.id, text: v.text.trim() })),
    }));
  return { rural: clean(content.rural), community: clean(content.community) };
}

/**
 * Problem keys: "rural.0.tasks.2.title" (a task's title), "rural.0.tasks" (the star's list), "rural.0.vetoes.1.text";
 * anything else (star order, duplicate ids) is "form". Paths are ours or the server's ("body.content.…").
 */
export function problemKey(path: string): string {
  const rest = path.replace(/^(body\.)?content\.?/, '');
  const m = /^(rural|community)\.(\d+)\.(tasks|vetoes)(?:\.(\d+)(?:\.(title|text|id))?)?/.exec(rest);
  if (!m) return 'form';
  if (m[4] === undefined) return `${m[1]}.${m[2]}.${m[3]}`;
  return `${m[1]}.${m[2]}.${m[3]}.${m[4]}`;
}

/** The contract's own check before sending; empty when the content may go out. */
export function catalogueProblems(content: CatalogueContent): Record<string, string> {
  const parsed = CatalogueContent.safeParse(content);
  const out: Record<string, string> = {};
  if (parsed.success) return out;
  for (const issue of parsed.error.issues) {
    const key = problemKey(issue.path.join('.'));
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}
