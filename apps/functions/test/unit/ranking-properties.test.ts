import { DEFAULT_SCORING_MODEL, STAR_SETS, type Star } from '@chuangxing/shared';
import { describe, expect, it } from 'vitest';
import { compareCards, quarterRange, type Scorecard, scoreTownship } from '../../src/features/rankings/ranking';
import type { TownshipQuarterInputs } from '../../src/features/rankings/scoring-inputs';

/** mulberry32: a tiny seeded generator, so every run explores the same cases and a failure reproduces. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)],
  };
}

const range = quarterRange('2026-Q3');
const ctx = { model: structuredClone(DEFAULT_SCORING_MODEL), range, asOfDay: '2026-09-30' };

/** A random township: some branches with no data at all, some with partial data, duplicates of scores likely. */
function township(seed: number, id: string, n: number): { inputs: TownshipQuarterInputs; previous: Map<string, number> } {
  const r = rng(seed);
  const branches = Array.from({ length: n }, (_, i) => ({
    id: `${id}-b${String(i).padStart(3, '0')}`,
    name: `支部${i}`,
    type: r.pick(['rural', 'community'] as const),
    createdAt: '2025-06-01T00:00:00.000Z',
  }));
  const inputs: TownshipQuarterInputs = {
    township: { id, name: id },
    branches,
    reportCounters: {},
    exemptions: [],
    letterCounters: {},
    plans: [],
    observations: [],
    findings: [],
    taskProgress: [],
    holdings: [],
  };
  const previous = new Map<string, number>();
  for (const b of branches) {
    const stars = STAR_SETS[b.type];
    if (r.next() < 0.85) {
      const onTime = r.int(0, 92);
      const late = r.int(0, 92 - onTime);
      inputs.reportCounters[b.id] = { submitted: onTime + late, onTime, late };
    }
    if (r.next() < 0.5) {
      const received = r.int(1, 20);
      const accepted = r.int(0, received);
      const rated = r.int(0, accepted);
      inputs.letterCounters[b.id] = {
        received,
        respondedInTime: r.int(0, received),
        accepted,
        replied: r.int(0, accepted),
        rated,
        satisfied: r.int(0, rated),
      };
    }
    for (let k = r.int(0, 3); k > 0; k--) {
      inputs.observations.push({
        branchId: b.id,
        observationId: `o${k}`,
        month: r.pick(range.months),
        perStar: { [r.pick(stars)]: r.int(0, 100) },
        overall: r.int(0, 20) * 5,
        observerCount: r.int(1, 5),
      });
    }
    for (let k = r.int(0, 3); k > 0; k--) {
      inputs.findings.push({
        branchId: b.id,
        star: r.pick(stars),
        status: r.pick(['open', 'fix_submitted', 'closed'] as const),
        deadline: r.pick(['2026-08-01', '2026-10-30']),
        createdAt: '2026-07-15T00:00:00.000Z',
        closedAt: '2026-08-15T00:00:00.000Z',
        ...(r.next() < 0.2 ? { vetoItemId: 'v1' } : {}),
      });
    }
    // Some awarded stars, some withdrawn before or after the quarter's end.
    for (let k = r.int(0, 3); k > 0; k--) {
      inputs.holdings.push({
        branchId: b.id,
        star: r.pick(stars) as Star,
        heldFrom: r.pick(['2026-01-05', '2026-09-30', '2026-10-01']),
        ...(r.next() < 0.3 ? { withdrawnOn: r.pick(['2026-09-30', '2026-10-01']) } : {}),
      });
    }
    if (r.next() < 0.7) {
      inputs.taskProgress.push({
        branchId: b.id,
        year: 2026,
        tasks: Array.from({ length: r.int(1, 6) }, (_, k) => ({
          taskId: `t${k}`,
          star: r.pick(stars) as Star,
          status: r.pick(['in_progress', 'done', 'not_started'] as const),
          percent: r.int(0, 10) * 10,
          at: '2026-08-01T00:00:00.000Z',
        })),
      });
    }
    if (r.next() < 0.6) previous.set(b.id, r.int(0, 100) * 100);
  }
  return { inputs, previous };
}

function districtOrder(cards: Scorecard[]): string[] {
  return [...cards].sort(compareCards).map((c) => c.branchId);
}

function positionOf(seedCards: Scorecard[], changed: Scorecard): number {
  const others = seedCards.filter((c) => c.branchId !== changed.branchId);
  return districtOrder([...others, changed]).indexOf(changed.branchId);
}

const SEEDS = Array.from({ length: 25 }, (_, i) => 1000 + i * 7919);

describe('ranking properties (seeded random districts)', () => {
  it.each(SEEDS)('seed %i: township and district rankings are permutations of the branches, in a deterministic order', (seed) => {
    const r = rng(seed);
    const towns = Array.from({ length: r.int(1, 5) }, (_, t) => township(seed + t, `t${t}`, r.int(0, 40)));
    const cards = towns.flatMap(({ inputs, previous }) => {
      const scored = scoreTownship(ctx, inputs, previous);
      expect(scored.map((c) => c.townshipRank)).toEqual(scored.map((_, k) => k + 1));
      expect(scored.map((c) => c.branchId).sort()).toEqual(inputs.branches.map((b) => b.id).sort());
      return scored;
    });
    const order = districtOrder(cards);
    expect([...order].sort()).toEqual(cards.map((c) => c.branchId).sort());
    expect(new Set(order).size).toBe(order.length);
    // Any input order gives the same ranking.
    const shuffled = [...cards].sort(() => r.next() - 0.5);
    expect(districtOrder(shuffled)).toEqual(order);
    for (const c of cards) {
      expect(c.total).toBeGreaterThanOrEqual(0);
      expect(c.total).toBeLessThanOrEqual(10000);
      expect(c.level).toBe(c.stars.filter((s) => s.status === 'awarded').length);
      // Awarded is exactly what the branch held on the quarter's last day, whatever its key tasks say.
      const heldAtEnd = new Set(
        towns
          .flatMap((t) => t.inputs.holdings)
          .filter((h) => h.branchId === c.branchId && h.heldFrom <= range.end && !(h.withdrawnOn && h.withdrawnOn <= range.end))
          .map((h) => h.star),
      );
      expect(new Set(c.stars.filter((s) => s.status === 'awarded').map((s) => s.star))).toEqual(
        new Set(c.stars.map((s) => s.star).filter((s) => heldAtEnd.has(s))),
      );
    }
  });

  type Bump = { name: string; apply: (i: TownshipQuarterInputs, prev: Map<string, number>, b: string) => boolean };
  const bumps: Bump[] = [
    {
      name: 'a late report becomes on time',
      apply: (i, _p, b) => {
        const c = i.reportCounters[b];
        if (!c || c.late === 0) return false;
        i.reportCounters[b] = { ...c, late: c.late - 1, onTime: c.onTime + 1 };
        return true;
      },
    },
    {
      name: 'one more report filed',
      apply: (i, _p, b) => {
        const c = i.reportCounters[b] ?? { submitted: 0, onTime: 0, late: 0 };
        i.reportCounters[b] = { ...c, submitted: c.submitted + 1, onTime: c.onTime + 1 };
        return true;
      },
    },
    {
      name: 'a better observation score',
      apply: (i, _p, b) => {
        const o = i.observations.find((x) => x.branchId === b && x.overall < 100);
        if (!o) return false;
        o.overall = Math.min(100, o.overall + 15);
        return true;
      },
    },
    {
      name: 'key-task progress',
      apply: (i, _p, b) => {
        const t = i.taskProgress.find((x) => x.branchId === b)?.tasks.find((x) => x.status !== 'done' && x.percent < 100);
        if (!t) return false;
        t.percent = Math.min(100, t.percent + 30);
        return true;
      },
    },
    {
      name: 'one more satisfied rating',
      apply: (i, _p, b) => {
        const c = i.letterCounters[b];
        if (!c || (c.satisfied ?? 0) >= (c.rated ?? 0)) return false;
        c.satisfied = (c.satisfied ?? 0) + 1;
        return true;
      },
    },
    {
      name: 'a finding closed in time',
      apply: (i, _p, b) => {
        const f = i.findings.find((x) => x.branchId === b && x.status !== 'closed' && !x.vetoItemId);
        if (!f) return false;
        f.status = 'closed';
        return true;
      },
    },
    {
      name: 'a weaker previous quarter (more improvement)',
      apply: (_i, p, b) => {
        const v = p.get(b);
        if (v === undefined || v === 0) return false;
        p.set(b, Math.max(0, v - 1500));
        return true;
      },
    },
  ];

  it.each(bumps.map((b) => [b.name, b] as const))('monotonic: %s never lowers the total nor the rank', (_name, bump) => {
    let tried = 0;
    for (const seed of SEEDS) {
      const { inputs, previous } = township(seed, 't0', 30);
      const before = scoreTownship(ctx, inputs, previous);
      for (const b of inputs.branches) {
        const changed = structuredClone(inputs);
        const prev = new Map(previous);
        if (!bump.apply(changed, prev, b.id)) continue;
        tried++;
        const after = scoreTownship(ctx, changed, prev).find((c) => c.branchId === b.id)!;
        const old = before.find((c) => c.branchId === b.id)!;
        expect(after.total).toBeGreaterThanOrEqual(old.total);
        expect(positionOf(before, after)).toBeLessThanOrEqual(positionOf(before, old));
      }
    }
    expect(tried).toBeGreaterThan(20);
  });
});
