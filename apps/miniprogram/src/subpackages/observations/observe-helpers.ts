import { addMonths, isMonthKey, monthOf, type ObservationSummary, quarterOf, type StarAggregate, shanghaiDay } from '@chuangxing/shared';

/** The month in the link, else this Shanghai month. */
export function monthParam(param: string | undefined): string {
  return isMonthKey(param) ? param : monthOf(shanghaiDay());
}

export function monthLabel(month: string): string {
  return `${month.slice(0, 4)} 年 ${Number(month.slice(5, 7))} 月`;
}

/** The quarter in the link, else this Shanghai quarter. */
export function quarterParam(param: string | undefined): string {
  return param && /^\d{4}-Q[1-4]$/.test(param) ? param : quarterOf(shanghaiDay());
}

export function quarterLabel(quarter: string): string {
  return `${quarter.slice(0, 4)} 年第 ${quarter.slice(6)} 季度`;
}

export function addQuarters(quarter: string, n: number): string {
  const index = Number(quarter.slice(0, 4)) * 4 + Number(quarter.slice(6)) - 1 + n;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

/** 上月, 本月 and the next two, in order: the months an observation may be planned for (the server's rule). */
export function plannableMonths(today = shanghaiDay()): string[] {
  const current = monthOf(today);
  return [-1, 0, 1, 2].map((n) => addMonths(current, n));
}

/** 待我评分 (assigned), 我组织的 (organiser; may also be assigned), 辖区观摩 (overseen only). */
export function splitObservations(list: ObservationSummary[]) {
  return {
    toScore: list.filter((o) => o.assigned),
    organised: list.filter((o) => o.canManage),
    overseen: list.filter((o) => !o.assigned && !o.canManage),
  };
}

/** A score out of 10 as a bar width. */
export function barPercent(value: number | null): number {
  return value === null ? 0 : Math.max(0, Math.min(100, value * 10));
}

export function formatScore(value: number | null): string {
  return value === null ? '未评' : value.toFixed(2).replace(/\.?0+$/, '');
}

export function trimmedNote(p: StarAggregate): string {
  if (!p.count) return '无人评分';
  return p.trimmed ? `${p.count} 人评分，去掉一个最高分和一个最低分` : `${p.count} 人评分`;
}
