import {
  REVIEW_LIMITS,
  REVIEW_LISTS,
  type ReviewHistoryEntry,
  type ReviewItem,
  type ReviewItemActionBody,
  type ReviewItemStatus,
  type ReviewList,
} from '@chuangxing/shared';
import { DomainError, invalid } from '../../platform/kernel/domain-error';

/** A step as stored: with who took it (`by`, a user id; absent on steps kept before ids were), shown under their current name. */
export type StoredHistoryEntry = ReviewHistoryEntry & { by?: string };

/** Resolves a user id to the person's current name, or the name stored with the step. */
export type HistoryNameOf = (userId: string | undefined, stored: string) => string;

/** 学讲评 item as stored: the view adds `carried` and `overdue` for the month it is shown in. */
export interface StoredReviewItem {
  id: string;
  branchId: string;
  townshipId: string;
  period: string;
  list: ReviewList;
  text: string;
  owner: string;
  due?: string;
  status: ReviewItemStatus;
  doneNote?: string;
  doneDay?: string;
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  /** Who made the last change (a retry of it is recognised). */
  updatedBy: string;
  history: StoredHistoryEntry[];
}

export interface Actor {
  userId: string;
  name: string;
  /** ISO instant and its Asia/Shanghai day. */
  at: string;
  today: string;
}

/** A new item; its period may not lie ahead of this month, and its due day not before the period starts. */
export function newReviewItem(
  input: { id: string; branchId: string; townshipId: string; period: string; list: ReviewList; text: string; owner: string; due?: string },
  actor: Actor,
): StoredReviewItem {
  if (input.period > actor.today.slice(0, 7)) throw invalid('params.month', '不能为以后的月份添加清单');
  if (input.due && input.due < `${input.period}-01`) throw invalid('body.due', '完成时限不能早于本月');
  return {
    ...input,
    status: 'open',
    version: 1,
    createdAt: actor.at,
    createdBy: actor.userId,
    updatedAt: actor.at,
    updatedBy: actor.userId,
    history: [{ action: 'created', status: 'open', at: actor.at, by: actor.userId, byName: actor.name }],
  };
}

/** The same add again (a retry): same list, text, owner and due day in the same period. */
export function sameAddition(
  item: StoredReviewItem,
  input: { period: string; list: ReviewList; text: string; owner: string; due?: string },
): boolean {
  return (
    item.period === input.period &&
    item.list === input.list &&
    item.text === input.text &&
    item.owner === input.owner &&
    (item.due ?? '') === (input.due ?? '')
  );
}

/**
 * open → in_progress → done; done → open only with a reason (reopen). Editing the wording is allowed
 * until the item is done. Each step is kept in the history.
 */
export function applyReviewAction(item: StoredReviewItem, action: ReviewItemActionBody, actor: Actor): StoredReviewItem {
  if (item.history.length >= REVIEW_LIMITS.history) throw new DomainError('ILLEGAL_TRANSITION', '这一条的记录已满，请新建一条继续跟踪');
  const step = (status: ReviewItemStatus, kind: ReviewHistoryEntry['action'], note?: string): StoredHistoryEntry => ({
    action: kind,
    status,
    at: actor.at,
    by: actor.userId,
    byName: actor.name,
    ...(note ? { note } : {}),
  });
  const base = { ...item, version: item.version + 1, updatedAt: actor.at, updatedBy: actor.userId };
  switch (action.action) {
    case 'edit': {
      if (item.status === 'done') throw new DomainError('ILLEGAL_TRANSITION', '已解决的条目不能修改，请先重新打开');
      if (action.due && action.due < `${item.period}-01`) throw invalid('body.due', '完成时限不能早于列入的月份');
      return {
        ...base,
        text: action.text,
        owner: action.owner,
        due: action.due ?? undefined,
        history: [...item.history, step(item.status, 'edited')],
      };
    }
    case 'start':
      if (item.status !== 'open')
        throw new DomainError('ILLEGAL_TRANSITION', item.status === 'done' ? '已解决的条目请先重新打开' : '这一条已在解决中');
      return { ...base, status: 'in_progress', history: [...item.history, step('in_progress', 'started', action.note)] };
    case 'done':
      if (item.status === 'done') throw new DomainError('ILLEGAL_TRANSITION', '这一条已经解决');
      return {
        ...base,
        status: 'done',
        doneNote: action.note,
        doneDay: actor.today,
        history: [...item.history, step('done', 'done', action.note)],
      };
    case 'reopen':
      if (item.status !== 'done') throw new DomainError('ILLEGAL_TRANSITION', '只有已解决的条目才能重新打开');
      return {
        ...base,
        status: 'open',
        doneNote: undefined,
        doneDay: undefined,
        history: [...item.history, step('open', 'reopened', action.note)],
      };
  }
}

const ACTION_ENTRY = { edit: 'edited', start: 'started', done: 'done', reopen: 'reopened' } as const;

/**
 * The same action sent again by the same person after its answer was lost: the item is exactly one version
 * past what the request saw, and that last step is this action with the same content.
 */
export function isRetryOf(item: StoredReviewItem, action: ReviewItemActionBody, userId: string): boolean {
  const last = item.history[item.history.length - 1];
  if (item.version !== action.version + 1 || item.updatedBy !== userId || last?.action !== ACTION_ENTRY[action.action]) return false;
  if (action.action === 'edit') return item.text === action.text && item.owner === action.owner && (item.due ?? null) === action.due;
  return (last.note ?? '') === (action.note ?? '');
}

export const isOverdue = (item: Pick<StoredReviewItem, 'status' | 'due'>, today: string) =>
  item.status !== 'done' && !!item.due && item.due < today;

/**
 * What a month shows: the items listed in it, and those of earlier months still open (往期). Items listed
 * later are not shown; an earlier item done before the month began is not shown either.
 */
export function inMonthView(item: Pick<StoredReviewItem, 'period' | 'status' | 'doneDay'>, month: string): boolean {
  if (item.period > month) return false;
  if (item.period === month) return true;
  return item.status !== 'done' || (item.doneDay ?? '').slice(0, 7) >= month;
}

/** Every user id an item's history names (for one batch read of their names). */
export const historyPeople = (items: StoredReviewItem[]) => items.flatMap((i) => i.history.map((h) => h.by));

export function viewOf(item: StoredReviewItem, month: string, today: string, nameOf: HistoryNameOf = (_, stored) => stored): ReviewItem {
  return {
    id: item.id,
    branchId: item.branchId,
    period: item.period,
    list: item.list,
    text: item.text,
    owner: item.owner,
    ...(item.due ? { due: item.due } : {}),
    status: item.status,
    ...(item.doneNote ? { doneNote: item.doneNote } : {}),
    ...(item.doneDay ? { doneDay: item.doneDay } : {}),
    version: item.version,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    history: item.history.map(({ by, ...h }) => ({ ...h, byName: nameOf(by, h.byName) })),
    carried: item.period < month,
    overdue: isOverdue(item, today),
  };
}

/** The month's view, by list (困难, 问题, 办法, 举措), 往期 first, then in the order they were listed. */
export function monthBoard(items: StoredReviewItem[], month: string, today: string, nameOf?: HistoryNameOf): ReviewItem[] {
  const order = (l: ReviewList) => REVIEW_LISTS.indexOf(l);
  return items
    .filter((i) => inMonthView(i, month))
    .sort(
      (a, b) =>
        order(a.list) - order(b.list) ||
        a.period.localeCompare(b.period) ||
        a.createdAt.localeCompare(b.createdAt) ||
        a.id.localeCompare(b.id),
    )
    .map((i) => viewOf(i, month, today, nameOf));
}

export interface BranchReviewCounts {
  lists: Record<ReviewList, { open: number; done: number }>;
  overdue: { id: string; list: ReviewList; text: string; owner: string; due: string }[];
}

/** Per list: the month view's items not done and done; and the open ones past their due day, oldest due first. */
export function summarize(items: StoredReviewItem[], month: string, today: string): BranchReviewCounts {
  const lists = Object.fromEntries(REVIEW_LISTS.map((l) => [l, { open: 0, done: 0 }])) as BranchReviewCounts['lists'];
  const overdue: BranchReviewCounts['overdue'] = [];
  for (const i of items) {
    if (!inMonthView(i, month)) continue;
    if (i.status === 'done') lists[i.list].done += 1;
    else lists[i.list].open += 1;
    if (isOverdue(i, today) && i.due) overdue.push({ id: i.id, list: i.list, text: i.text, owner: i.owner, due: i.due });
  }
  overdue.sort((a, b) => a.due.localeCompare(b.due) || a.id.localeCompare(b.id));
  return { lists, overdue };
}
