import {
  addDays,
  type FindingInput,
  type InspectionContent,
  type InspectionDraft,
  type Me,
  type Star,
  shanghaiDay,
  shanghaiInstant,
  shanghaiTime,
} from '@chuangxing/shared';

/** What the edit page holds: the date and time as typed (Shanghai), the rest as the contract wants it. */
/** A finding being written: `key` keeps its row (and what is typed in it) when another row is removed. */
export type DraftFinding = FindingInput & { key: string };

export interface InspectionForm {
  branchId: string;
  day: string;
  time: string;
  location: string;
  summary: string;
  findings: DraftFinding[];
}

let findingSeq = 0;
function findingKey(): string {
  findingSeq += 1;
  return `finding-${findingSeq}`;
}

/** 整改时限 proposed for a new finding: a week from today (Asia/Shanghai). */
export const DEFAULT_DEADLINE_DAYS = 7;

export function newFinding(star: Star, today = shanghaiDay()): DraftFinding {
  return { key: findingKey(), star, description: '', owner: '', deadline: addDays(today, DEFAULT_DEADLINE_DAYS) };
}

/** A new visit: now (Shanghai) and nothing else; an existing draft: what was saved. */
export function formOf(draft?: InspectionDraft, now = new Date()): InspectionForm {
  if (!draft) return { branchId: '', day: shanghaiDay(now), time: shanghaiTime(now), location: '', summary: '', findings: [] };
  const at = new Date(draft.content.visitedAt);
  return {
    branchId: draft.content.branchId,
    day: shanghaiDay(at),
    time: shanghaiTime(at),
    location: draft.content.location,
    summary: draft.content.summary,
    findings: draft.content.findings.map((f) => ({ ...f, key: findingKey() })),
  };
}

/** The request content; `undefined` with a message when the date or time cannot be read. */
export function contentOf(form: InspectionForm, photos: string[]): { content?: InspectionContent; problem?: string } {
  if (!form.branchId) return { problem: '请选择走访的支部' };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.day) || !/^([01]\d|2[0-3]):[0-5]\d$/.test(form.time))
    return { problem: '请按 YYYY-MM-DD 和 HH:MM 填写走访时间' };
  const findings = form.findings.map(({ key: _row, vetoItemId, ...rest }) => (vetoItemId ? { ...rest, vetoItemId } : rest));
  return {
    content: {
      branchId: form.branchId,
      visitedAt: shanghaiInstant(form.day, form.time).toISOString(),
      location: form.location,
      photos,
      summary: form.summary,
      findings,
    },
  };
}

/** The townships an inspector's bindings reach: 'all' for a district-wide one. */
export function inspectorTownships(me: Me | undefined): 'all' | string[] {
  const ids = new Set<string>();
  for (const b of me?.bindings ?? []) {
    if (b.revokedAt || b.role !== 'inspector') continue;
    if (b.scope.level === 'district') return 'all';
    if (b.scope.level === 'township') for (const t of b.scope.townshipIds) ids.add(t);
  }
  return [...ids];
}

/** The branch a cadre or secretary files for (they submit fixes there). */
export function ownsBranch(me: Me | undefined, branchId: string): boolean {
  return (me?.bindings ?? []).some(
    (b) => !b.revokedAt && (b.role === 'cadre' || b.role === 'secretary') && b.scope.level === 'branch' && b.scope.branchId === branchId,
  );
}

/** A field message from the server keyed by its path, with or without the `body.` prefix. */
export function problemAt(problems: Record<string, string>, path: string): string | undefined {
  return problems[path] ?? problems[`content.${path}`];
}
