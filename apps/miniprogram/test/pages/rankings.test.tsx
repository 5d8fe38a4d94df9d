import type { BranchScorecard, DistrictRanking, Honours, RankingRow, RankingVersion, StarMap, StarMapRow } from '@chuangxing/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { sessionStore } from '../../src/services/session-store';
import HonoursPage from '../../src/subpackages/rankings/pages/honours/index';
import RankingListPage from '../../src/subpackages/rankings/pages/list/index';
import ReviewPage from '../../src/subpackages/rankings/pages/review/index';
import ScorecardPage from '../../src/subpackages/rankings/pages/scorecard/index';
import ScoringPage from '../../src/subpackages/rankings/pages/scoring/index';
import StarMapPage from '../../src/subpackages/rankings/pages/star-map/index';
import { currentQuarter } from '../../src/subpackages/rankings/services/quarter';
import { router, taroMock } from '../mocks/taro';
import { makeBinding, makeMe, makeSession } from '../support/factories';
import { errorReply, fakeApi } from '../support/fake-api';

const Q = currentQuarter();
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
const asLeader = () => sessionStore.setSession(makeSession({ me: makeMe({ bindings: [leader] }) }));
const asAdmin = () => sessionStore.setSession(makeSession({ me: makeMe({ bindings: [admin] }) }));
const el = (selector: string) => document.querySelector(selector) as HTMLElement;
const all = (selector: string) => Array.from(document.querySelectorAll<HTMLElement>(selector));

function version(partial: Partial<RankingVersion> = {}): RankingVersion {
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

function row(i: number, partial: Partial<RankingRow> = {}): RankingRow {
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

function ranking(rows: RankingRow[], matched = rows.length, offset = 0): DistrictRanking {
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

function starMap(): StarMap {
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

describe('季度排名', () => {
  it('a leader: his townships as filter chips, the rows with rank, stars, total and change; filters and 加载更多 page through the server', async () => {
    asLeader();
    const page1 = Array.from({ length: 20 }, (_, i) => row(i + 1));
    const server = fakeApi({
      [`GET /v1/rankings/${Q}/star-map`]: { status: 200, body: starMap() },
      [`GET /v1/rankings/${Q}`]: (req) => {
        const q = new URL(req.url).searchParams;
        if (q.get('townshipId') === 'dehuajie')
          return {
            status: 200,
            body: ranking([
              row(3, { branchId: 'dehuajie-b1', branchName: '德化社区', townshipId: 'dehuajie', townshipName: '德化街街道' }),
            ]),
          };
        if (q.get('offset') === '20') return { status: 200, body: ranking([row(21), row(22)], 22, 20) };
        return { status: 200, body: ranking(page1, 22) };
      },
    });

    render(<RankingListPage />);
    await waitFor(() => expect(all('.cx-ranking-row')).toHaveLength(20));
    expect(el('.cx-ranking-quarter').getAttribute('data-quarter')).toBe(Q);
    const first = all('.cx-ranking-row')[0];
    expect(first.querySelector('.cx-ranking-rank')?.textContent).toBe('2');
    expect(first.querySelector('.cx-ranking-branch')?.textContent).toBe('社区1');
    expect(first.querySelector('.cx-ranking-township')?.textContent).toBe('五里堡街道');
    expect(first.querySelector('.cx-ranking-stars')?.textContent).toBe('★★★☆☆');
    expect(first.querySelector('.cx-ranking-total')?.textContent).toBe('79.0');
    expect(first.querySelector('.cx-ranking-delta')?.textContent).toBe('↑3.3');
    expect(all('.cx-ranking-row')[1].querySelector('.cx-ranking-delta')?.getAttribute('data-kind')).toBe('down');
    expect(all('.cx-ranking-row')[2].querySelector('.cx-ranking-delta')?.textContent).toBe('新上榜');
    expect(el('.cx-ranking-matched').textContent).toContain('共 22 个支部');

    // 加载更多 asks for the next page and appends it.
    fireEvent.click(el('.cx-ranking-more'));
    await waitFor(() => expect(all('.cx-ranking-row')).toHaveLength(22));
    expect(new URL(server.calls(`GET /v1/rankings/${Q}`)[1].url).searchParams.get('limit')).toBe('20');
    expect(el('.cx-ranking-more')).toBeNull();
    expect(screen.getByText('已显示全部')).toBeTruthy();

    // Only the townships the server shows him.
    await waitFor(() => expect(all('.cx-ranking-filter-township').map((c) => c.textContent)).toEqual(['全部', '五里堡街道', '德化街街道']));
    fireEvent.click(all('.cx-ranking-filter-township')[2]);
    await waitFor(() => expect(all('.cx-ranking-row').map((r) => r.getAttribute('data-township'))).toEqual(['dehuajie']));
    fireEvent.click(all('.cx-ranking-filter-type').find((c) => c.textContent === '社区')!);
    await waitFor(() => expect(server.calls(`GET /v1/rankings/${Q}`)).toHaveLength(4));
    const last = new URL(server.calls(`GET /v1/rankings/${Q}`)[3].url).searchParams;
    expect([last.get('townshipId'), last.get('branchType'), last.get('offset')]).toEqual(['dehuajie', 'community', '0']);

    // Tap → the branch's scorecard in this quarter.
    await waitFor(() => expect(all('.cx-ranking-row')).toHaveLength(1));
    fireEvent.click(all('.cx-ranking-row')[0]);
    expect(taroMock.navigateTo).toHaveBeenLastCalledWith({
      url: `/subpackages/rankings/pages/scorecard/index?quarter=${Q}&branchId=dehuajie-b1`,
    });
  });

  it('nothing published: 本季度排名尚未发布; a district admin is sent to 评比管理; the previous quarter is one tap away', async () => {
    asAdmin();
    const server = fakeApi({
      [`GET /v1/rankings/${Q}`]: errorReply(404, 'NOT_FOUND', '本季度已发布的排名不存在'),
      [`GET /v1/rankings/${Q}/star-map`]: errorReply(404, 'NOT_FOUND', '本季度已发布的排名不存在'),
    });

    render(<RankingListPage />);
    expect(await screen.findByText('本季度排名尚未发布，可在评比管理中计算、审核后发布')).toBeTruthy();
    fireEvent.click(el('.cx-ranking-go-review'));
    expect(taroMock.navigateTo).toHaveBeenLastCalledWith({ url: `/subpackages/rankings/pages/review/index?quarter=${Q}` });
    expect(el('.cx-ranking-next').className).toContain('is-disabled');
    fireEvent.click(el('.cx-ranking-prev'));
    await waitFor(() =>
      expect(server.sent.some((r) => r.path !== `/v1/rankings/${Q}` && /\/v1\/rankings\/\d{4}-Q[1-4]$/.test(r.path))).toBe(true),
    );
  });

  it('a leader without anything published sees the empty state without the admin button; a resident is asked to bind', async () => {
    asLeader();
    fakeApi({
      [`GET /v1/rankings/${Q}`]: errorReply(404, 'NOT_FOUND', 'x'),
      [`GET /v1/rankings/${Q}/star-map`]: errorReply(404, 'NOT_FOUND', 'x'),
    });
    render(<RankingListPage />);
    expect(await screen.findByText('本季度排名尚未发布，发布后即可查看')).toBeTruthy();
    expect(el('.cx-ranking-go-review')).toBeNull();
  });

  it('other failures show the server’s message with 重试', async () => {
    asLeader();
    fakeApi({
      [`GET /v1/rankings/${Q}`]: [errorReply(500, 'INTERNAL', '服务暂时不可用'), { status: 200, body: ranking([row(1)]) }],
      [`GET /v1/rankings/${Q}/star-map`]: { status: 200, body: starMap() },
    });
    render(<RankingListPage />);
    fireEvent.click(await screen.findByText('重试'));
    await waitFor(() => expect(all('.cx-ranking-row')).toHaveLength(1));
  });
});

function scorecard(partial: Partial<BranchScorecard> = {}): BranchScorecard {
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
        status: 'earned',
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

describe('支部成绩单', () => {
  it('header, the five stars with status and veto, the component bars with weights and facts, deductions and the trend', async () => {
    asLeader();
    router.params = { quarter: Q, branchId: 'wulibao-b1' };
    const server = fakeApi({ [`GET /v1/rankings/${Q}/branches/wulibao-b1`]: { status: 200, body: scorecard() } });

    render(<ScorecardPage />);
    await waitFor(() => expect(el('.cx-scorecard-branch')?.textContent).toBe('社区1'));
    expect(server.calls(`GET /v1/rankings/${Q}/branches/wulibao-b1`)[0].url).not.toContain('version');
    expect(el('.cx-scorecard-total').textContent).toBe('79.0');
    expect(el('.cx-scorecard-rank').textContent).toBe('2');
    expect(el('.cx-scorecard-delta').textContent).toBe('↑3.3');
    expect(el('.cx-scorecard-annotation').textContent).toBe('评比批注：来信办理突出');
    expect(taroMock.setNavigationBarTitle).toHaveBeenCalledWith({ title: '社区1 · 成绩单' });

    // The radar's canvas (weapp) and what it shows in words.
    expect(el('#cx-scorecard-radar-canvas')).toBeTruthy();
    expect(all('.cx-scorecard-star').map((s) => s.getAttribute('data-status'))).toEqual([
      'earned',
      'in_progress',
      'not_started',
      'vetoed',
      'not_started',
    ]);
    expect(all('.cx-scorecard-star-status').map((s) => s.textContent)).toEqual(['已达标', '推进中', '未启动', '否决', '未启动']);
    expect(el('.cx-scorecard-star[data-star="branch_strong"]').textContent).toContain('完成度 100.0% · 重点任务 2/2 项 · 观摩 88.0 分');
    expect(el('.cx-scorecard-star[data-star="branch_strong"]').textContent).toContain('（计划目标）');
    expect(el('.cx-scorecard-veto').textContent).toContain('safety_law-v1');

    const comp = (c: string) => el(`.cx-scorecard-component[data-component="${c}"]`);
    expect(comp('keyTasks').querySelector('.cx-scorecard-component-score')?.textContent).toBe('60.0 分');
    expect(comp('keyTasks').textContent).toContain('权重 35%（实际计入 46.7%） · 重点任务 5 项，已完成 2 项');
    expect(comp('observation').className).toContain('is-empty');
    expect(comp('observation').textContent).toContain('无数据');
    expect(comp('dailyReport').textContent).toContain('应报 60 天：按时 52、迟交 4、未报 4');
    expect(comp('improvement').textContent).toContain('上季度基础分 70，变化 3.25');
    expect((comp('dailyReport').querySelector('.ranking-bar__fill') as HTMLElement).style.width).toBe('90%');
    expect(el('.cx-scorecard-deductions').textContent).toContain('督导问题未整改 2 项（其中逾期 1 项），扣 7.0 分');

    expect(all('.cx-scorecard-trend-row').map((r) => r.getAttribute('data-quarter'))).toEqual(['2026-Q3', Q]);
    expect(all('.cx-scorecard-trend-row')[0].textContent).toBe('2026年第三季度：70.0 分 · 2 星 · 全区第 9 名');
  });

  it('a branch outside the leader’s townships: 无权查看或不存在', async () => {
    asLeader();
    router.params = { quarter: Q, branchId: 'demo-xz1-b01' };
    fakeApi({ [`GET /v1/rankings/${Q}/branches/demo-xz1-b01`]: errorReply(404, 'NOT_FOUND', '支部不存在') });
    render(<ScorecardPage />);
    expect(await screen.findByText('无权查看或不存在')).toBeTruthy();
  });

  it('H5: the radar is drawn on a canvas made through document and shown as an image', async () => {
    process.env.TARO_ENV = 'h5';
    asLeader();
    router.params = { quarter: Q, branchId: 'wulibao-b1', version: '3' };
    const server = fakeApi({ [`GET /v1/rankings/${Q}/branches/wulibao-b1`]: { status: 200, body: scorecard() } });
    const { ctx, calls } = fakeCanvasContext();
    const create = document.createElement.bind(document);
    const spy = vi.spyOn(document, 'createElement').mockImplementation((tag: string) => {
      if (tag !== 'canvas') return create(tag);
      return { width: 0, height: 0, getContext: () => ctx, toDataURL: () => 'data:image/png;base64,QUJD' } as unknown as HTMLElement;
    });
    try {
      render(<ScorecardPage />);
      await waitFor(() => expect(all('.ranking-chart__image')).toHaveLength(2));
      expect(new URL(server.sent[0].url).searchParams.get('version')).toBe('3');
      expect((all('.ranking-chart__image')[0] as HTMLImageElement).getAttribute('src')).toBe('data:image/png;base64,QUJD');
      // The radar's spokes (a component without data says so) and the trend's values were drawn.
      expect(calls.fillText).toEqual(
        expect.arrayContaining(['重点任务', '月度观摩', '无数据', '每日报告', '90.0', '来信三率', '进步幅度', '70.0', '79.0']),
      );
    } finally {
      spy.mockRestore();
    }
  });
});

/** A 2D context that records drawn text. */
function fakeCanvasContext() {
  const calls = { fillText: [] as string[] };
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
    arc: noop,
    closePath: noop,
    fill: noop,
    stroke: noop,
    scale: noop,
    fillText: (t: string) => calls.fillText.push(t),
    measureText: (t: string) => ({ width: t.length * 16 }),
  };
  return { ctx, calls };
}

describe('星级地图', () => {
  it('per township: stacked bars now / last quarter / plan, and the three goals', async () => {
    asLeader();
    router.params = { quarter: Q };
    fakeApi({ [`GET /v1/rankings/${Q}/star-map`]: { status: 200, body: starMap() } });

    render(<StarMapPage />);
    await waitFor(() => expect(all('.cx-starmap-township')).toHaveLength(3));
    expect(el('.cx-starmap-total').textContent).toContain('合计');
    const wulibao = el('.cx-starmap-township[data-township="wulibao"]');
    const now = wulibao.querySelector('.cx-starmap-bar[data-kind="now"]') as HTMLElement;
    // 5 + 2 + 1 + 1 branches: four segments, widths as shares of 9.
    const segs = Array.from(now.querySelectorAll<HTMLElement>('.starmap-bar__seg'));
    expect(segs.map((s) => s.getAttribute('data-level'))).toEqual(['0', '1', '2', '3']);
    expect(parseFloat(segs[0].style.width)).toBeCloseTo((5 / 9) * 100, 3);
    expect(wulibao.querySelector('.cx-starmap-bar[data-kind="previous"]')).toBeTruthy();
    expect(wulibao.querySelector('.cx-starmap-bar[data-kind="plan"]')).toBeTruthy();
    const goal = wulibao.querySelector('.cx-starmap-goal[data-goal="threeStarPlus"]') as HTMLElement;
    expect(goal.querySelector('.cx-starmap-goal-now')?.textContent).toBe('1');
    expect(goal.textContent).toContain('上季度 1');
    expect(goal.textContent).toContain('计划 7');
    expect(el('.cx-starmap-township[data-township="dehuajie"]').textContent).toContain('上季度无排名');
  });
});

function honours(): Honours {
  return {
    ranking: version(),
    topTen: [row(1), row(2)],
    topHundred: [row(1), row(2), row(3)],
    mostImproved: [row(1, { delta: 6 })],
  };
}

describe('十佳百优', () => {
  it('tabs switch the lists; 生成分享图片 draws the list on the page’s 2d canvas and opens WeChat’s share sheet', async () => {
    asLeader();
    router.params = { quarter: Q };
    fakeApi({ [`GET /v1/rankings/${Q}/honours`]: { status: 200, body: honours() } });
    const { ctx, calls } = fakeCanvasContext();
    const node = { width: 0, height: 0, getContext: () => ctx };
    const t = taroMock as unknown as Record<string, unknown>;
    t.createSelectorQuery = vi.fn(() => ({
      select: () => ({ fields: () => ({ exec: (cb: (r: unknown[]) => void) => cb([{ node, width: 375 }]) }) }),
    }));
    t.canvasToTempFilePath = vi.fn(async () => ({ tempFilePath: 'tmp://honours.png' }));
    t.showShareImageMenu = vi.fn(async () => ({ errMsg: 'showShareImageMenu:ok' }));
    try {
      render(<HonoursPage />);
      await waitFor(() => expect(all('.cx-honours-tab').map((c) => c.textContent)).toEqual(['十佳（2）', '百优（3）', '进步最快（1）']));
      expect(all('.cx-honours-list .cx-ranking-row')).toHaveLength(2);
      fireEvent.click(all('.cx-honours-tab')[2]);
      await waitFor(() => expect(el('.cx-honours-list').getAttribute('data-list')).toBe('mostImproved'));
      expect(el('.cx-honours-list .cx-ranking-rank').textContent).toBe('1');

      fireEvent.click(el('.cx-ranking-share-generate'));
      await waitFor(() => expect(el('.cx-ranking-share-image')).toBeTruthy());
      expect(el('.cx-ranking-share-image').getAttribute('src')).toBe('tmp://honours.png');
      expect(calls.fillText).toEqual(expect.arrayContaining(['进步最快', '社区1', '↑6.0']));
      expect(node.width).toBe(1500);
      fireEvent.click(el('.cx-ranking-share'));
      await waitFor(() => expect(t.showShareImageMenu).toHaveBeenCalledWith({ path: 'tmp://honours.png' }));
    } finally {
      delete t.createSelectorQuery;
      delete t.canvasToTempFilePath;
      delete t.showShareImageMenu;
    }
  });
});

describe('评比管理', () => {
  it('runs the computation until complete with 已计算 N / M 个乡镇, then reviews the draft: annotate a branch, publish after a confirm', async () => {
    asAdmin();
    router.params = { quarter: Q };
    const draft = version({ version: 3, status: 'draft', current: false, revision: 0, publishedAt: undefined, publishedBy: undefined });
    let stage: 'none' | 'draft' | 'annotated' | 'published' = 'none';
    let releaseSecond: () => void = () => undefined;
    const secondCall = new Promise<void>((r) => (releaseSecond = r));
    const server = fakeApi({
      [`GET /v1/rankings/${Q}/versions`]: () => ({
        status: 200,
        body: {
          quarter: Q,
          ...(stage === 'published' ? { publishedVersion: 3 } : {}),
          versions:
            stage === 'none'
              ? []
              : [
                  stage === 'published'
                    ? version({ version: 3 })
                    : stage === 'annotated'
                      ? {
                          ...draft,
                          revision: 1,
                          annotations: [
                            {
                              id: 'a1',
                              branchId: 'wulibao-b1',
                              text: '表现突出',
                              by: 'demo-admin',
                              byName: '孙管理员',
                              at: draft.createdAt,
                            },
                          ],
                        }
                      : draft,
                ],
        },
      }),
      [`POST /v1/rankings/${Q}/runs`]: [
        {
          status: 200,
          body: { ranking: version({ version: 3, status: 'computing', townshipsDone: 7, townshipsTotal: 18 }), complete: false },
        },
        async () => {
          await secondCall;
          stage = 'draft';
          return { status: 200, body: { ranking: draft, complete: true } };
        },
      ],
      [`GET /v1/rankings/${Q}`]: { status: 200, body: { ...ranking([row(1), row(2)]), ranking: draft } },
      [`POST /v1/rankings/${Q}/versions/3/annotations`]: (req) => {
        stage = 'annotated';
        return {
          status: 201,
          body: {
            ...draft,
            revision: 1,
            annotations: [{ id: 'a1', ...(req.body as object), by: 'demo-admin', byName: '孙管理员', at: draft.createdAt }],
          },
        };
      },
      [`POST /v1/rankings/${Q}/versions/3/publish`]: () => {
        stage = 'published';
        return { status: 200, body: version({ version: 3 }) };
      },
    });

    render(<ReviewPage />);
    expect(await screen.findByText('本季度还没有计算过排名')).toBeTruthy();
    fireEvent.click(el('.cx-review-run'));
    await waitFor(() => expect(el('.cx-review-progress')?.textContent).toContain('已计算 7 / 18 个乡镇'));
    releaseSecond();
    await waitFor(() => expect(el('.cx-review-draft')).toBeTruthy());
    expect(server.calls(`POST /v1/rankings/${Q}/runs`)).toHaveLength(2);
    expect(server.calls(`POST /v1/rankings/${Q}/runs`)[0].body).toEqual({});
    expect(el('.cx-review-version').getAttribute('data-status')).toBe('draft');
    expect(el('.cx-review-version-hash').textContent).toBe('输入摘要 abcdef012345');
    expect(el('.cx-review-version').textContent).toContain('评分模型第 1 版');
    // The draft's rows come from the named version.
    await waitFor(() => expect(all('.cx-review-draft .cx-ranking-row')).toHaveLength(2));
    expect(new URL(server.calls(`GET /v1/rankings/${Q}`)[0].url).searchParams.get('version')).toBe('3');

    // Empty annotation: checked here.
    fireEvent.click(el('.cx-review-annotate'));
    expect(await screen.findByText('请填写批注')).toBeTruthy();
    fireEvent.click(all('.cx-review-draft .cx-ranking-row')[0]);
    expect(el('.cx-review-target').textContent).toBe('批注对象：社区1');
    fireEvent.change(el('.cx-review-annotation-text'), { target: { value: ' 表现突出 ' } });
    fireEvent.click(el('.cx-review-annotate'));
    await waitFor(() => expect(server.calls(`POST /v1/rankings/${Q}/versions/3/annotations`)).toHaveLength(1));
    expect(server.calls(`POST /v1/rankings/${Q}/versions/3/annotations`)[0].body).toEqual({
      text: '表现突出',
      revision: 0,
      branchId: 'wulibao-b1',
    });
    await waitFor(() => expect(el('.cx-review-annotation')?.textContent).toContain('表现突出'));

    fireEvent.click(el('.cx-review-publish'));
    await waitFor(() => expect(server.calls(`POST /v1/rankings/${Q}/versions/3/publish`)).toHaveLength(1));
    expect(taroMock.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '发布排名', confirmText: '发布' }));
    expect(server.calls(`POST /v1/rankings/${Q}/versions/3/publish`)[0].body).toEqual({ revision: 1 });
    await waitFor(() => expect(el('.cx-review-version-status')?.textContent).toBe('已发布 · 现行'));
    expect(el('.cx-review-draft')).toBeNull();
  });

  it('cancelling the confirm publishes nothing; a stale revision (409) says so and reloads', async () => {
    asAdmin();
    router.params = { quarter: Q };
    const draft = version({ version: 4, status: 'draft', current: false, revision: 2 });
    const server = fakeApi({
      [`GET /v1/rankings/${Q}/versions`]: { status: 200, body: { quarter: Q, versions: [draft] } },
      [`GET /v1/rankings/${Q}`]: { status: 200, body: { ...ranking([row(1)]), ranking: draft } },
      [`POST /v1/rankings/${Q}/versions/4/publish`]: errorReply(409, 'STALE_VERSION', '排名已被他人批注'),
    });
    render(<ReviewPage />);
    await waitFor(() => expect(el('.cx-review-publish')).toBeTruthy());
    taroMock.showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' });
    fireEvent.click(el('.cx-review-publish'));
    await waitFor(() => expect(taroMock.showModal).toHaveBeenCalledTimes(1));
    expect(server.calls(`POST /v1/rankings/${Q}/versions/4/publish`)).toHaveLength(0);
    fireEvent.click(el('.cx-review-publish'));
    await waitFor(() => expect(server.calls(`POST /v1/rankings/${Q}/versions/4/publish`)).toHaveLength(1));
    await waitFor(() => expect(server.calls(`GET /v1/rankings/${Q}/versions`).length).toBeGreaterThan(1));
  });

  it('not for leaders', () => {
    asLeader();
    const server = fakeApi({});
    render(<ReviewPage />);
    expect(screen.getByText('评比管理仅限区委组织部管理员')).toBeTruthy();
    expect(server.sent).toHaveLength(0);
  });
});

describe('评分模型', () => {
  const model = { version: 1, content: defaultContent(), publishedAt: '2026-10-01T00:00:00.000Z', note: '首版' };
  function defaultContent() {
    return {
      weights: { keyTasks: 35, observation: 25, dailyReport: 15, letters: 10, improvement: 15 },
      letterRateWeights: { response: 30, resolution: 30, satisfaction: 40 },
      lateReportCreditPercent: 50,
      deductions: { openFinding: 2, overdueFinding: 5, cap: 20 },
      improvementFullScaleDelta: 20,
      starCompletionPercent: 100,
      lists: { topTen: 10, topHundred: 100, mostImproved: 10 },
    };
  }
  const field = (path: string) => el(`.cx-scoring-field[data-path="${path}"] input`) as HTMLInputElement;

  it('the admin edits weights: a wrong sum is caught here; 保存草稿 sends the content with the revision; a 409 shows the reload hint', async () => {
    asAdmin();
    let draftRevision = 3;
    const server = fakeApi({
      'GET /v1/scoring': { status: 200, body: model },
      'GET /v1/scoring/versions': { status: 200, body: { versions: [{ version: 1, publishedAt: model.publishedAt, note: '首版' }] } },
      'GET /v1/scoring/draft': () => ({ status: 200, body: { revision: draftRevision, basedOnVersion: 1, content: defaultContent() } }),
      'PUT /v1/scoring/draft': [
        (req) => ({ status: 200, body: { revision: 4, basedOnVersion: 1, content: (req.body as { content: unknown }).content } }),
        errorReply(409, 'STALE_VERSION', '草稿已被修改'),
      ],
    });

    render(<ScoringPage />);
    await waitFor(() => expect(field('weights.keyTasks')).toBeTruthy());
    expect(el('.cx-scoring-version').textContent).toBe('现行第 1 版');
    expect(el('.cx-scoring-history').textContent).toContain('首版');

    fireEvent.change(field('weights.keyTasks'), { target: { value: '40' } });
    expect(el('.cx-scoring-weight-sum').textContent).toBe('（合计 105）');
    fireEvent.click(el('.cx-scoring-save'));
    expect(await screen.findByText('各项权重之和应为 100（现为 105）')).toBeTruthy();
    expect(server.calls('PUT /v1/scoring/draft')).toHaveLength(0);

    fireEvent.change(field('weights.improvement'), { target: { value: '10' } });
    fireEvent.click(el('.cx-scoring-save'));
    await waitFor(() => expect(server.calls('PUT /v1/scoring/draft')).toHaveLength(1));
    const sent = server.calls('PUT /v1/scoring/draft')[0].body as { revision: number; content: { weights: Record<string, number> } };
    expect(sent.revision).toBe(3);
    expect(sent.content.weights).toEqual({ keyTasks: 40, observation: 25, dailyReport: 15, letters: 10, improvement: 10 });

    fireEvent.change(field('lists.topTen'), { target: { value: '12' } });
    fireEvent.click(el('.cx-scoring-save'));
    await waitFor(() => expect(el('.cx-scoring-stale')).toBeTruthy());
    expect((server.calls('PUT /v1/scoring/draft')[1].body as { revision: number }).revision).toBe(4);
    expect(el('.cx-scoring-stale').textContent).toContain('请重新加载后再改');
    draftRevision = 9;
    fireEvent.click(el('.cx-scoring-reload'));
    await waitFor(() => expect(el('.cx-scoring-editor')?.getAttribute('data-revision')).toBe('9'));
    expect(field('weights.keyTasks').value).toBe('35');
  });

  it('发布新版本 needs a note, saves an unsaved draft first, then publishes with its revision', async () => {
    asAdmin();
    const server = fakeApi({
      'GET /v1/scoring': { status: 200, body: model },
      'GET /v1/scoring/versions': { status: 200, body: { versions: [] } },
      'GET /v1/scoring/draft': { status: 200, body: { revision: 0, basedOnVersion: 1, content: defaultContent() } },
      'PUT /v1/scoring/draft': (req) => ({
        status: 200,
        body: { revision: 1, basedOnVersion: 1, content: (req.body as { content: unknown }).content },
      }),
      'POST /v1/scoring/publish': { status: 201, body: { ...model, version: 2 } },
    });
    render(<ScoringPage />);
    await waitFor(() => expect(el('.cx-scoring-publish')).toBeTruthy());
    fireEvent.click(el('.cx-scoring-publish'));
    expect(await screen.findByText('请填写版本说明（至少 2 个字）')).toBeTruthy();
    fireEvent.change(el('.cx-scoring-note'), { target: { value: '提高进步权重' } });
    fireEvent.click(el('.cx-scoring-publish'));
    await waitFor(() => expect(server.calls('POST /v1/scoring/publish')).toHaveLength(1));
    expect(server.calls('PUT /v1/scoring/draft')).toHaveLength(1);
    expect(server.calls('POST /v1/scoring/publish')[0].body).toEqual({ revision: 1, note: '提高进步权重' });
  });

  it('a leader reads the model in force, without the editor', async () => {
    asLeader();
    const server = fakeApi({
      'GET /v1/scoring': { status: 200, body: model },
      'GET /v1/scoring/versions': { status: 200, body: { versions: [] } },
    });
    render(<ScoringPage />);
    await waitFor(() => expect(el('.cx-scoring-model')).toBeTruthy());
    expect(el('.cx-scoring-model').textContent).toContain('重点任务进度 35分');
    expect(el('.cx-scoring-editor')).toBeNull();
    expect(server.calls('GET /v1/scoring/draft')).toHaveLength(0);
  });
});
