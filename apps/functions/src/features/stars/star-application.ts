import type {
  BranchType,
  CatalogueContent,
  FieldError,
  Star,
  StarApplicationStatus,
  StarAssessmentInput,
  StarDecision,
  StarItemKind,
} from '@chuangxing/shared';
import { DomainError } from '../../platform/kernel/domain-error';
import { addDays } from '../../platform/kernel/shanghai-time';

/** One self-assessed catalogue item, as stored (the title is the catalogue's, frozen at the version applied against). */
export interface StoredAssessment {
  itemId: string;
  kind: StarItemKind;
  title: string;
  met: boolean;
  note: string;
  photos: string[];
  returnReason?: string;
}

export interface StoredStarApplication {
  id: string;
  districtId: string;
  townshipId: string;
  branchId: string;
  branchName: string;
  star: Star;
  catalogueVersion: number;
  items: StoredAssessment[];
  status: StarApplicationStatus;
  version: number;
  clientKey: string;
  submittedAt: string;
  submittedBy: string;
  updatedAt: string;
  publicityFrom?: string;
  publicityUntil?: string;
  awardedAt?: string;
  /** Objections filed in 公示 and not yet resolved (written by the objection transactions; 授星 needs 0). */
  openObjections?: number;
}

export type StarEventKind =
  | 'applied'
  | 'resubmitted'
  | 'township_approved'
  | 'township_returned'
  | 'district_approved'
  | 'district_returned'
  | 'awarded'
  | 'objection_upheld';

/** A step of an application's audit trail: written in the same transaction as the version it produced. */
export interface StoredStarEvent {
  at: string;
  version: number;
  kind: StarEventKind;
  actorId: string;
  actorName: string;
  note?: string;
  reasons?: { itemId: string; reason: string }[];
}

/**
 * Who takes a step: the branch's secretary, the township (初审), the star's 专班 (复审) or the district admin (复审
 * as a fallback, and 授星).
 */
export type StarActor = 'secretary' | 'township' | 'taskforce' | 'district';
export type StarMove = StarDecision | 'resubmit';

/** Which actor may make which move in which status, the status it leads to and the event it records. */
type Step = { by: readonly StarActor[]; to: StarApplicationStatus; kind: StarEventKind };
const REVIEWERS: readonly StarActor[] = ['taskforce', 'district'];
const MOVES: Record<StarApplicationStatus, Partial<Record<StarMove, Step>>> = {
  township_review: {
    approve: { by: ['township'], to: 'district_review', kind: 'township_approved' },
    return: { by: ['township'], to: 'returned', kind: 'township_returned' },
  },
  returned: { resubmit: { by: ['secretary'], to: 'township_review', kind: 'resubmitted' } },
  district_review: {
    approve: { by: REVIEWERS, to: 'publicity', kind: 'district_approved' },
    return: { by: REVIEWERS, to: 'returned', kind: 'district_returned' },
  },
  publicity: { award: { by: ['district'], to: 'awarded', kind: 'awarded' } },
  awarded: {},
  // Reached only through an upheld objection (star-objection.ts), and final.
  stopped: {},
};

const STATUS_TEXT: Record<StarApplicationStatus, string> = {
  township_review: '待乡镇初审',
  returned: '已退回',
  district_review: '待区级复审',
  publicity: '公示中',
  awarded: '已授星',
  stopped: '异议成立，终止授星',
};

/** The transition a move makes, or ILLEGAL_TRANSITION (409); FORBIDDEN_ROLE when the move is someone else's. */
export function nextStarStatus(
  status: StarApplicationStatus,
  move: StarMove,
  actor: StarActor,
): { to: StarApplicationStatus; kind: StarEventKind } {
  const step = MOVES[status][move];
  if (!step) throw new DomainError('ILLEGAL_TRANSITION', `申报当前为「${STATUS_TEXT[status]}」，不能进行该操作，请刷新后重试`);
  if (!step.by.includes(actor)) throw new DomainError('FORBIDDEN_ROLE', '这一步不由您审核');
  return { to: step.to, kind: step.kind };
}

/** The moves `actor` may make now (the detail's `actions`). */
export function movesFor(status: StarApplicationStatus, actors: readonly StarActor[]): StarMove[] {
  return (Object.entries(MOVES[status]) as [StarMove, Step][]).filter(([, s]) => s.by.some((a) => actors.includes(a))).map(([m]) => m);
}

/** Every key task and veto item of the star in a catalogue version, in catalogue order. */
export function catalogueItems(
  content: CatalogueContent,
  type: BranchType,
  star: Star,
): { itemId: string; kind: StarItemKind; title: string }[] {
  const entry = content[type].find((s) => s.star === star);
  if (!entry) return [];
  return [
    ...entry.tasks.map((t) => ({ itemId: t.id, kind: 'task' as const, title: t.title })),
    ...entry.vetoes.map((v) => ({ itemId: v.id, kind: 'veto' as const, title: v.text })),
  ];
}

/**
 * The self-assessment checked against the catalogue: every item of the star exactly once, with its right kind,
 * nothing foreign. Answers the items in catalogue order with their titles, or VALIDATION_FAILED naming each fault.
 */
export function checkAssessment(
  catalogue: { itemId: string; kind: StarItemKind; title: string }[],
  input: StarAssessmentInput[],
  path = 'body.items',
): StoredAssessment[] {
  const errors: FieldError[] = [];
  if (!catalogue.length) errors.push({ path: 'body.star', code: 'not_in_set', message: '该星不在本支部的星级体系内' });
  const byId = new Map(catalogue.map((c) => [c.itemId, c]));
  const seen = new Map<string, StarAssessmentInput>();
  input.forEach((item, i) => {
    const c = byId.get(item.itemId);
    if (!c) errors.push({ path: `${path}.${i}.itemId`, code: 'unknown_item', message: '不是该星现行标准中的条目' });
    else if (seen.has(item.itemId)) errors.push({ path: `${path}.${i}.itemId`, code: 'duplicate_item', message: '同一条目只能自评一次' });
    else if (c.kind !== item.kind) errors.push({ path: `${path}.${i}.kind`, code: 'wrong_kind', message: '条目类型不符' });
    seen.set(item.itemId, item);
  });
  for (const c of catalogue) {
    if (!seen.has(c.itemId))
      errors.push({ path, code: 'missing_item', message: `缺少对「${c.title.slice(0, 20)}」的自评（须逐条对照全部任务和否决项）` });
  }
  if (errors.length) throw new DomainError('VALIDATION_FAILED', '自评须覆盖该星的全部重点任务和一票否决项', errors);
  return catalogue.map((c) => {
    const item = seen.get(c.itemId) as StarAssessmentInput;
    return { itemId: c.itemId, kind: c.kind, title: c.title, met: item.met, note: item.note, photos: item.photos };
  });
}

/** Return reasons must name items of the application; each lands on its item (earlier reasons are cleared). */
export function applyReturnReasons(items: StoredAssessment[], reasons: { itemId: string; reason: string }[]): StoredAssessment[] {
  const ids = new Set(items.map((i) => i.itemId));
  const errors: FieldError[] = reasons.flatMap((r, i) =>
    ids.has(r.itemId) ? [] : [{ path: `body.reasons.${i}.itemId`, code: 'unknown_item', message: '不是本申报的条目' }],
  );
  if (errors.length) throw new DomainError('VALIDATION_FAILED', '退回原因须对应申报条目', errors);
  const byId = new Map(reasons.map((r) => [r.itemId, r.reason]));
  return items.map(({ returnReason: _old, ...item }) => (byId.has(item.itemId) ? { ...item, returnReason: byId.get(item.itemId) } : item));
}

// The kernel has no working-day calendar of its own: weekends plus the district's holidays (the reports' exemption
// list, which the mailbox's SLAs and the plans' schedules also use) make a working day here.
export function isWorkingDay(day: string, holidays: ReadonlySet<string>): boolean {
  const w = new Date(`${day}T00:00:00Z`).getUTCDay();
  return w !== 0 && w !== 6 && !holidays.has(day);
}

/** 公示 runs from the first working day after approval through `workingDays` working days. */
export function publicityWindow(approvedOn: string, workingDays: number, holidays: ReadonlySet<string>): { from: string; until: string } {
  let day = approvedOn;
  let from = '';
  for (let counted = 0; counted < workingDays; ) {
    day = addDays(day, 1);
    if (!isWorkingDay(day, holidays)) continue;
    if (!from) from = day;
    counted++;
  }
  return { from, until: day };
}

/** The months whose holidays a 公示 starting after `day` can meet (working days ≤ 30 never span more than three). */
export function monthsAhead(day: string): string[] {
  return [...new Set([0, 31, 62].map((n) => addDays(day, n).slice(0, 7)))];
}

/** 授星 only once the last day of 公示 has passed (Asia/Shanghai). */
export function publicityEnded(app: Pick<StoredStarApplication, 'publicityUntil'>, today: string): boolean {
  return Boolean(app.publicityUntil && app.publicityUntil < today);
}
