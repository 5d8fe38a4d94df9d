import type { BranchScorecard, DistrictRanking, Honours, RankingRow, RankingVersion, StarMap, StarMapRow } from '@chuangxing/shared';
import { sessionStore } from '../../src/services/session-store';
import { currentQuarter } from '../../src/subpackages/rankings/services/quarter';
import { makeBinding, makeMe, makeSession } from './factories';

/** What the ranking page tests share: the quarter, a leader and an admin, and the server's ranking bodies. */
export const Q = currentQuarter();
const leader = makeBinding({
  bindingId: 'b-lead',
  role: 'leader',
  scope: { level: 'township', districtId: 'erqi', townshipIds: ['wulibao', 'dehuajie'] },
  scopeLabel: '五里堡街道、德化街街道',
});
const admin = makeBinding({
  bindingId: 'b-adm',
  role: 'district_admin',
  scope: { level: 'district', districtId: 'erqi' },
  scopeLabel: '二七区',
});
export const asLeader = () => sessionStore.setSession(makeSession({ me: makeMe({ bindings: [leader] }) }));
export const asAdmin = () => sessionStore.setSession(makeSession({ me: makeMe({ bindings: [admin] }) }));
export const el = (selector: string) => document.querySelector(selector) as HTMLElement;
export const all = (selector: string) => Array.from(document.querySelectorAll<HTMLElement>(selector));

export function version(partial: Partial<RankingVersion> = {}): RankingVersion {
  return {
    quarter: Q,
    version: 2,
    status: 'published',
    current: true,
    trigger: 'preview',
    scoringVersion: 1,
    inputsHash: 'abcdef0123456789abcdef',
    townshipsDone: 18,
    townshipsTotal: 18,
    branchCount: 150,
    revision: 1,
    annotations: [],
    createdAt: '2026-11-20T02:00:00.000Z',
    publishedAt: '2026-11-21T02:00:00.000Z',
    publishedBy: 'demo-admin',
    ...partial,
  };
}

export function row(i: number, partial: Partial<RankingRow> = {}): RankingRow {
  return {
    branchId: `wulibao-b${i}`,
    branchName: `社区${i}`,
    branchType: 'community',
    townshipId: 'wulibao',
    townshipName: '五里堡街道',
    total: 80 - i,
    base: 78 - i,
    delta: i === 1 ? 3.25 : i === 2 ? -1.5 : null,
    level: i === 1 ? 3 : 1,
    districtRank: i * 2,
    townshipRank: i,
    annotations: [],
    ...partial,
  };
}

export function ranking(rows: RankingRow[], matched = rows.length, offset = 0): DistrictRanking {
  return { ranking: version(), matched, offset, rows };
}

function mapRow(id: string, name: string, levels: number[], partial: Partial<StarMapRow> = {}): StarMapRow {
  return {
    townshipId: id,
    name,
    levels,
    previousLevels: [levels[0] + 1, levels[1], levels[2], Math.max(0, levels[3] - 1), levels[4], levels[5]],
    planTargets: [0, 0, 2, 4, 2, 1],
    goals: {
      threeStarPlus: { now: levels[3] + levels[4] + levels[5], previous: 1, target: 7 },
      fourStar: { now: levels[4], previous: 0, target: 2 },
      fiveStar: { now: levels[5], previous: 0, target: 1 },
    },
    ...partial,
  };
}

export function starMap(): StarMap {
  return {
    ranking: version(),
    previousQuarter: '2026-Q3',
    townships: [
      mapRow('wulibao', '五里堡街道', [5, 2, 1, 1, 0, 0]),
      mapRow('dehuajie', '德化街街道', [4, 2, 2, 0, 0, 0], { previousLevels: null }),
    ],
    totals: mapRow('all', '合计', [9, 4, 3, 1, 0, 0]),
  };
}

export function scorecard(partial: Partial<BranchScorecard> = {}): BranchScorecard {
  return {
    ranking: version(),
    row: row(1, { annotations: ['来信办理突出'] }),
    components: [
      { component: 'keyTasks', score: 60, weight: 35, appliedWeight: 46.67, facts: { tasks: 5, done: 2 } },
      { component: 'observation', score: null, weight: 25, appliedWeight: 0, facts: { visits: 0, observers: 0 } },
      { component: 'dailyReport', score: 90, weight: 15, appliedWeight: 20, facts: { due: 60, onTime: 52, late: 4, missing: 4 } },
      {
        component: 'letters',
        score: 100,
        weight: 10,
        appliedWeight: 13.33,
        facts: { received: 3, responseRate: 100, resolutionRate: 100, satisfactionRate: 100 },
      },
      { component: 'improvement', score: 66.25, weight: 15, appliedWeight: 20, facts: { previousBase: 70, delta: 3.25 } },
    ],
    deductions: { openFindings: 2, overdueFindings: 1, points: 7 },
    stars: [
      {
        star: 'branch_strong',
        status: 'awarded',
        completion: 100,
        tasks: 2,
        doneTasks: 2,
        vetoItemIds: [],
        targeted: true,
        observationScore: 88,
      },
      {
        star: 'business',
        status: 'in_progress',
        completion: 40,
        tasks: 2,
        doneTasks: 0,
        vetoItemIds: [],
        targeted: true,
        observationScore: null,
      },
      {
        star: 'co_build',
        status: 'not_started',
        completion: 0,
        tasks: 0,
        doneTasks: 0,
        vetoItemIds: [],
        targeted: false,
        observationScore: null,
      },
      {
        star: 'safety_law',
        status: 'vetoed',
        completion: 50,
        tasks: 1,
        doneTasks: 0,
        vetoItemIds: ['safety_law-v1'],
        targeted: false,
        observationScore: null,
      },
      {
        star: 'harmony',
        status: 'not_started',
        completion: 0,
        tasks: 0,
        doneTasks: 0,
        vetoItemIds: [],
        targeted: false,
        observationScore: null,
      },
    ],
    targetStars: ['branch_strong', 'business'],
    trend: [
      { quarter: '2026-Q3', total: 70, level: 2, districtRank: 9, townshipRank: 3 },
      { quarter: Q, total: 79, level: 3, districtRank: 2, townshipRank: 1 },
    ],
    ...partial,
  };
}

/** A 2D context that records drawn text. */
export function fakeCanvasContext() {
  const calls = { fillText: [] as string[], arcs: [] as { x: number; y: number; r: number }[] };
  const noop = () => undefined;
  const ctx = {
    fillStyle: '',
    strokeStyle: '',
    font: '',
    lineWidth: 1,
    globalAlpha: 1,
    textAlign: 'left',
    textBaseline: 'top',
    fillRect: noop,
    beginPath: noop,
    moveTo: noop,
    lineTo: noop,
    arc: (x: number, y: number, r: number) => calls.arcs.push({ x, y, r }),
    closePath: noop,
    fill: noop,
    stroke: noop,
    scale: noop,
    fillText: (t: string) => calls.fillText.push(t),
    measureText: (t: string) => ({ width: t.length * 16 }),
  };
  return { ctx, calls };
}

export function honours(): Honours {
  return {
    ranking: version(),
    topTen: [row(1), row(2)],
    topHundred: [row(1), row(2), row(3)],
    mostImproved: [row(1, { delta: 6 })],
  };
}
