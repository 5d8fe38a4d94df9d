import {
  type PledgeBoard,
  type PledgeItemInput,
  type PublishPledgesBody,
  pledgeInForce,
  type ReportPledgeProgressBody,
  type Star,
} from '@chuangxing/shared';
import { DomainError, invalid } from '../../platform/kernel/domain-error';

/** 亮承诺 of a branch for a year, as stored (one document, versioned; every revision is a publication). */
export interface StoredPledges {
  branchId: string;
  townshipId: string;
  branchName: string;
  year: number;
  items: PledgeItemInput[];
  version: number;
  publishedAt: string;
  publishedBy: string;
  publishedByName: string;
}

/** 赛实绩: one month's progress against one commitment (versioned; the month's latest word counts). */
export interface StoredPledgeProgress {
  branchId: string;
  townshipId: string;
  year: number;
  month: string;
  itemId: string;
  percent: number;
  text: string;
  version: number;
  at: string;
  by: string;
  byName: string;
}

export interface PledgeActor {
  userId: string;
  name: string;
  /** ISO instant and its Asia/Shanghai day. */
  at: string;
  today: string;
}

/** A commitment counts in a month when it is for the whole year or for that month's quarter. */
export const inForce = (item: Pick<PledgeItemInput, 'period'>, month: string) => pledgeInForce(item.period, month);

/** The version the writer saw must still be the stored one (0: none yet), else a conflict naming `body.version`. */
function expectSeen(current: { version: number } | undefined, seen: number, message: string) {
  if ((current?.version ?? 0) !== seen)
    throw new DomainError('CONFLICT', message, [{ path: 'body.version', code: 'conflict', message: '版本已变化' }]);
}

/**
 * The next publication of a branch's commitments: only for this year or the next (亮承诺 looks ahead, not back), and
 * only for stars of the branch's own star set.
 */
export function publishPledges(
  current: StoredPledges | undefined,
  body: PublishPledgesBody,
  branch: { id: string; townshipId: string; name: string; stars: readonly Star[] },
  year: number,
  actor: PledgeActor,
): StoredPledges {
  const thisYear = Number(actor.today.slice(0, 4));
  if (year < thisYear || year > thisYear + 1) throw invalid('params.year', '只能公开今年或明年的承诺');
  body.items.forEach((item, i) => {
    if (!branch.stars.includes(item.star)) throw invalid(`body.items.${i}.star`, '这颗星不属于本支部的创星类别', 'unknown_star');
  });
  expectSeen(current, body.version, '承诺已被他人修改，请刷新后再改');
  return {
    branchId: branch.id,
    townshipId: branch.townshipId,
    branchName: branch.name,
    year,
    items: body.items,
    version: body.version + 1,
    publishedAt: actor.at,
    publishedBy: actor.userId,
    publishedByName: actor.name,
  };
}

/** The same publication sent again after its answer was lost: one version on, by the same person, same items. */
export const isPublishRetry = (stored: StoredPledges, body: PublishPledgesBody, userId: string) =>
  stored.version === body.version + 1 &&
  stored.publishedBy === userId &&
  stored.items.length === body.items.length &&
  // Field by field: a stored map does not keep its keys' order.
  stored.items.every((s, i) => {
    const b = body.items[i];
    return s.id === b.id && s.star === b.star && s.period === b.period && s.text === b.text && s.measure === b.measure;
  });

/** A month's progress on one commitment: a month of the year that has begun, in the commitment's period. */
export function reportProgress(
  pledges: StoredPledges | undefined,
  current: StoredPledgeProgress | undefined,
  target: { year: number; month: string; itemId: string },
  body: ReportPledgeProgressBody,
  actor: PledgeActor,
): StoredPledgeProgress {
  if (!pledges) throw new DomainError('NOT_FOUND', '本年度还没有公开承诺');
  const item = pledges.items.find((i) => i.id === target.itemId);
  if (!item) throw new DomainError('NOT_FOUND', '这条承诺不存在或已删除');
  if (target.month.slice(0, 4) !== String(target.year)) throw invalid('params.month', '月份不在承诺的年度内');
  if (target.month > actor.today.slice(0, 7)) throw invalid('params.month', '不能填报以后月份的实绩');
  if (!inForce(item, target.month)) throw invalid('params.month', '这条承诺不属于该月所在的季度');
  expectSeen(current, body.version, '本月实绩已被他人更新，请刷新后再填');
  return {
    branchId: pledges.branchId,
    townshipId: pledges.townshipId,
    year: target.year,
    month: target.month,
    itemId: target.itemId,
    percent: body.percent,
    text: body.text,
    version: body.version + 1,
    at: actor.at,
    by: actor.userId,
    byName: actor.name,
  };
}

export const isProgressRetry = (stored: StoredPledgeProgress, body: ReportPledgeProgressBody, userId: string) =>
  stored.version === body.version + 1 && stored.by === userId && stored.percent === body.percent && stored.text === body.text;

/**
 * The township's board for a month: every branch (in the org's order) with the commitments in force that month,
 * each with its latest progress up to the month; a branch's average is over those commitments (unreported: 0).
 */
export function pledgeBoard(
  township: { id: string; name: string },
  month: string,
  branches: { id: string; name: string }[],
  pledges: StoredPledges[],
  progress: StoredPledgeProgress[],
): Omit<PledgeBoard, 'appraisal'> {
  const docs = new Map(pledges.map((p) => [p.branchId, p]));
  const latest = new Map<string, StoredPledgeProgress>();
  for (const p of progress) {
    if (p.month > month) continue;
    const key = `${p.branchId}#${p.itemId}`;
    const seen = latest.get(key);
    if (!seen || seen.month < p.month) latest.set(key, p);
  }
  return {
    township,
    month,
    branches: branches.map((b) => {
      const doc = docs.get(b.id);
      const items = (doc?.items ?? [])
        .filter((i) => inForce(i, month))
        .map((i) => {
          const last = latest.get(`${b.id}#${i.id}`);
          return {
            id: i.id,
            star: i.star,
            period: i.period,
            text: i.text,
            measure: i.measure,
            ...(last ? { latest: { month: last.month, percent: last.percent, text: last.text } } : {}),
            reportedThisMonth: last?.month === month,
          };
        });
      const sum = items.reduce((a, i) => a + (i.latest?.percent ?? 0), 0);
      return {
        branchId: b.id,
        branchName: b.name,
        published: doc !== undefined,
        items,
        averagePercent: items.length ? Math.round(sum / items.length) : 0,
      };
    }),
  };
}
