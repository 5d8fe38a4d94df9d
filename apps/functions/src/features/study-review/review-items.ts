import type { AddReviewItemBody, ReviewBoard, ReviewItem, ReviewItemActionBody, Role, TownshipReviewSummary } from '@chuangxing/shared';
import { DomainError, forbiddenScope, notFound } from '../../platform/kernel/domain-error';
import {
  bindingsFor,
  coversBranch,
  coversTownship,
  filerBindingFor,
  isDistrictAdmin,
  type Principal,
} from '../../platform/kernel/principal';
import { shanghaiDay } from '../../platform/kernel/shanghai-time';
import { nameResolver } from '../identity/identity.readers';
import type { Branch } from '../org/org.readers';
import {
  type Actor,
  applyReviewAction,
  historyPeople,
  isRetryOf,
  monthBoard,
  newReviewItem,
  type StoredReviewItem,
  sameAddition,
  summarize,
  viewOf,
} from './study-review';
import type { StudyReviewPorts } from './study-review.ports';

/** Branches read at once for a township summary (one index query each). */
const SUMMARY_CONCURRENCY = 8;

/**
 * The branch, when one of the caller's bindings (of the route's roles) covers it. Out of scope → 403; an
 * unknown branch is 404 only for district-wide callers, so nobody else learns which branch ids exist.
 */
async function branchInScope(deps: StudyReviewPorts, principal: Principal, allowed: readonly Role[], branchId: string): Promise<Branch> {
  const bindings = bindingsFor(principal, allowed);
  const branch = await deps.org.getBranch(branchId);
  if (branch && bindings.some((b) => coversBranch(b, branch))) return branch;
  if (!branch && bindings.some((b) => b.scope.level === 'district' && b.scope.districtId === deps.districtId)) throw notFound('支部');
  throw forbiddenScope();
}

/** Only the branch's own cadres and secretary write its lists. */
async function ownBranch(deps: StudyReviewPorts, principal: Principal, allowed: readonly Role[], branchId: string): Promise<Branch> {
  if (!filerBindingFor(principal, allowed, deps.districtId, branchId)) throw forbiddenScope();
  const branch = await deps.org.getBranch(branchId);
  if (!branch) throw notFound('支部');
  return branch;
}

function actorOf(deps: StudyReviewPorts, principal: Principal): Actor {
  const now = deps.clock.now();
  return { userId: principal.user.id, name: principal.user.displayName, at: now.toISOString(), today: shanghaiDay(now) };
}

/** One item as shown in `month`, its history under each person's current name. */
async function shown(deps: StudyReviewPorts, item: StoredReviewItem, month: string, today: string) {
  return viewOf(item, month, today, await nameResolver(deps.people, historyPeople([item])));
}

export async function getReviewBoard(
  deps: StudyReviewPorts,
  principal: Principal,
  allowed: readonly Role[],
  branchId: string,
  month: string,
): Promise<ReviewBoard> {
  const branch = await branchInScope(deps, principal, allowed, branchId);
  const items = await deps.reviews.forMonth(branchId, month);
  return {
    branchId,
    branchName: branch.name,
    townshipId: branch.townshipId,
    month,
    items: monthBoard(items, month, shanghaiDay(deps.clock.now()), await nameResolver(deps.people, historyPeople(items))),
  };
}

/** Adds an item under the client's id; the same add retried answers the item it made the first time. */
export async function addReviewItem(
  deps: StudyReviewPorts,
  principal: Principal,
  allowed: readonly Role[],
  branchId: string,
  month: string,
  body: AddReviewItemBody,
): Promise<ReviewItem> {
  const branch = await ownBranch(deps, principal, allowed, branchId);
  const actor = actorOf(deps, principal);
  const input = {
    id: body.id,
    branchId,
    townshipId: branch.townshipId,
    period: month,
    list: body.list,
    text: body.text,
    owner: body.owner,
    ...(body.due ? { due: body.due } : {}),
  };
  const item = newReviewItem(input, actor);
  try {
    await deps.reviews.create(item);
    return shown(deps, item, month, actor.today);
  } catch (err) {
    if (!(err instanceof DomainError) || err.code !== 'CONFLICT') throw err;
    const existing = await deps.reviews.get(branchId, body.id);
    if (existing && sameAddition(existing, input)) return shown(deps, existing, month, actor.today);
    throw err;
  }
}

export async function actOnReviewItem(
  deps: StudyReviewPorts,
  principal: Principal,
  allowed: readonly Role[],
  branchId: string,
  itemId: string,
  body: ReviewItemActionBody,
): Promise<ReviewItem> {
  await ownBranch(deps, principal, allowed, branchId);
  const item = await deps.reviews.get(branchId, itemId);
  if (!item) throw notFound('清单条目');
  const actor = actorOf(deps, principal);
  if (item.version !== body.version) {
    // A retry of the change that already went through answers the item as it is; anything else is stale.
    if (isRetryOf(item, body, principal.user.id)) return shown(deps, item, actor.today.slice(0, 7), actor.today);
    throw new DomainError('CONFLICT', '这一条已被他人修改，请刷新后重试');
  }
  const next = applyReviewAction(item, body, actor);
  await deps.reviews.put(next, item.version);
  return shown(deps, next, actor.today.slice(0, 7), actor.today);
}

/** Per branch of the township: open / done per list in the month's view, and the overdue open items. O(branches) queries. */
export async function getTownshipReviewSummary(
  deps: StudyReviewPorts,
  principal: Principal,
  allowed: readonly Role[],
  townshipId: string,
  month: string,
): Promise<TownshipReviewSummary> {
  const bindings = bindingsFor(principal, allowed);
  const township = await deps.org.getTownship(deps.districtId, townshipId);
  if (!township) {
    if (isDistrictAdmin(bindings, deps.districtId) || bindings.some((b) => b.scope.level === 'district')) throw notFound('乡镇（街道）');
    throw forbiddenScope();
  }
  if (!bindings.some((b) => coversTownship(b, deps.districtId, townshipId))) throw forbiddenScope();
  const branches = (await deps.org.listBranches(townshipId)).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  const today = shanghaiDay(deps.clock.now());
  const rows: TownshipReviewSummary['branches'] = new Array(branches.length);
  for (let start = 0; start < branches.length; start += SUMMARY_CONCURRENCY) {
    const slice = branches.slice(start, start + SUMMARY_CONCURRENCY);
    const lists = await Promise.all(slice.map((b) => deps.reviews.forMonth(b.id, month)));
    slice.forEach((b, k) => {
      rows[start + k] = { branchId: b.id, branchName: b.name, ...summarize(lists[k], month, today) };
    });
  }
  return { township: { id: township.id, name: township.name }, month, branches: rows };
}
