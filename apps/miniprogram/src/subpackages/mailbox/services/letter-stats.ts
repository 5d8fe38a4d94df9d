import type { LetterRates, LetterStats } from '@chuangxing/shared';

export type CommunityStats = LetterStats['communities'][number];
export type RateCounters = Pick<LetterRates, 'received' | 'respondedInTime' | 'accepted' | 'replied' | 'rated' | 'satisfied'>;
export type RateKind = 'response' | 'resolution' | 'satisfaction';

/** One of the 三率 as a fraction: the page shows the percentage and the raw counts (6/8). */
export interface RatePart {
  kind: RateKind;
  label: string;
  count: number;
  of: number;
}

/** What each rate means, one line each under the header. */
export const RATE_EXPLANATIONS: readonly { kind: RateKind; label: string; text: string }[] = [
  { kind: 'response', label: '响应率', text: '受理期限内受理、不予受理或转办的来信 ÷ 收到的来信' },
  { kind: 'resolution', label: '解决率', text: '已答复的来信 ÷ 已受理的来信' },
  { kind: 'satisfaction', label: '满意率', text: '评价“满意”或“基本满意”的来信 ÷ 已评价的来信' },
];

/** The three fractions of one community (or of a total), from the counters, never from rounded rates. */
export function rateParts(c: RateCounters): RatePart[] {
  return [
    { kind: 'response', label: '响应率', count: c.respondedInTime, of: c.received },
    { kind: 'resolution', label: '解决率', count: c.replied, of: c.accepted },
    { kind: 'satisfaction', label: '满意率', count: c.satisfied, of: c.rated },
  ];
}

/** Whole percent; undefined when nothing was counted (shown as —, not 0%). */
export function percentOf(count: number, of: number): number | undefined {
  return of > 0 ? Math.round((count / of) * 100) : undefined;
}

/**
 * The total over the shown communities: the counters are summed and the rates recomputed from the sums
 * (averaging the communities' rates would weigh a community with 1 letter like one with 100).
 */
export function totalOf(communities: readonly CommunityStats[]): RateCounters {
  const total: RateCounters = { received: 0, respondedInTime: 0, accepted: 0, replied: 0, rated: 0, satisfied: 0 };
  for (const { rates } of communities) {
    total.received += rates.received;
    total.respondedInTime += rates.respondedInTime;
    total.accepted += rates.accepted;
    total.replied += rates.replied;
    total.rated += rates.rated;
    total.satisfied += rates.satisfied;
  }
  return total;
}

/** Most letters first; ties keep the server's order (townships, then branches). */
export function byReceived(communities: readonly CommunityStats[]): CommunityStats[] {
  return communities
    .map((c, i) => ({ c, i }))
    .sort((a, b) => b.c.rates.received - a.c.rates.received || a.i - b.i)
    .map(({ c }) => c);
}

/** 2026年1月 */
export const monthLabel = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
