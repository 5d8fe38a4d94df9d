import { quarterOf, shanghaiDay } from '@chuangxing/shared';

/**
 * Quarters are Asia/Shanghai quarters, keyed `yyyy-Qn` like the API. Pure helpers, shared by the ranking pages.
 */
const QUARTER = /^(\d{4})-Q([1-4])$/;
const CN = ['一', '二', '三', '四'];

export function isQuarterKey(s: string | undefined): s is string {
  return typeof s === 'string' && QUARTER.test(s);
}

/** The quarter of today in Shanghai (`now` for tests). */
export function currentQuarter(now: number = Date.now()): string {
  return quarterOf(shanghaiDay(now));
}

export function addQuarters(quarter: string, n: number): string {
  const m = QUARTER.exec(quarter);
  if (!m) throw new Error(`not a quarter: ${quarter}`);
  const index = Number(m[1]) * 4 + (Number(m[2]) - 1) + n;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

/** "2026年第四季度" */
export function quarterLabel(quarter: string): string {
  const m = QUARTER.exec(quarter);
  return m ? `${m[1]}年第${CN[Number(m[2]) - 1]}季度` : quarter;
}

/** "26年Q4": short, for chart axes. */
export function quarterShort(quarter: string): string {
  const m = QUARTER.exec(quarter);
  return m ? `${m[1].slice(2)}年Q${m[2]}` : quarter;
}

/** The quarter a page shows: the one asked for when valid and not in the future, else the current one. */
export function quarterParam(param: string | undefined, now: number = Date.now()): string {
  const current = currentQuarter(now);
  return isQuarterKey(param) && param <= current ? param : current;
}

/** How far back the switcher goes. */
export const MAX_QUARTERS_BACK = 8;

/**
 * The quarter a ranking page opens on without `?quarter=`: the latest published one (the job ranks only ended
 * quarters, so the current one is rarely published), else the current quarter and its empty state.
 */
export function openingQuarter(published: readonly { quarter: string }[], now: number = Date.now()): string {
  const current = currentQuarter(now);
  const latest = published.find((p) => isQuarterKey(p.quarter) && p.quarter <= current);
  return latest ? latest.quarter : current;
}
