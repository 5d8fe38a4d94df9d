import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sessionStore } from '../../src/services/session-store';
import CreationPlanPage from '../../src/subpackages/creation-plans/pages/edit/index';
import StarMapPage from '../../src/subpackages/rankings/pages/star-map/index';
import { router } from '../mocks/taro';
import { makeBinding, makeMe, makeSession } from '../support/factories';
import { fakeApi } from '../support/fake-api';
import { pick } from '../support/pick';
import { all, asLeader, el, Q, starMap } from '../support/ranking-fixtures';

const YEAR = Number(Q.slice(0, 4));
const type = (target: Element, value: string) => fireEvent.change(target, { target: { value } });
const zero = { threeStar: 0, fourStar: 0, fiveStar: 0 };

const progress = {
  year: YEAR,
  asOf: `${YEAR}-11-20`,
  townships: [
    {
      townshipId: 'wulibao',
      name: '五里堡街道',
      branchCount: 9,
      baseline: { threeStar: 4, fourStar: 2, fiveStar: 1 },
      current: { threeStar: 5, fourStar: 4, fiveStar: 1 },
      targets: { threeStar: 6, fourStar: 4, fiveStar: 1 },
      targetsFrom: 'township',
      fourStarDouble: 4,
    },
    {
      townshipId: 'dehuajie',
      name: '德化街街道',
      branchCount: 8,
      baseline: { threeStar: 3, fourStar: 2, fiveStar: 0 },
      current: { threeStar: 3, fourStar: 3, fiveStar: 0 },
      targets: { threeStar: 4, fourStar: 4, fiveStar: 1 },
      targetsFrom: 'default',
      fourStarDouble: 4,
    },
  ],
};

const asStaff = (townshipId: string) =>
  sessionStore.setSession(
    makeSession({
      me: makeMe({
        bindings: [
          makeBinding({
            bindingId: 'b-staff',
            role: 'township_staff',
            scope: { level: 'township', districtId: 'erqi', townshipIds: [townshipId] },
            scopeLabel: '示例管委会',
          }),
        ],
      }),
    }),
  );

const townshipPlan = {
  year: YEAR,
  townshipId: 'demo-gwh',
  name: '示例管委会',
  version: 0,
  districtTargets: { threeStar: 4, fourStar: 4, fiveStar: 1 },
  baseline: { threeStar: 3, fourStar: 2, fiveStar: 1 },
  targets: { threeStar: 4, fourStar: 4, fiveStar: 1 },
  keyDates: [],
  responsibleUnits: [],
  branches: [{ branchId: 'yingtaogou', name: '樱桃沟社区', baselineLevel: 3, currentLevel: 4, targetLevel: 4 }],
  history: [],
};

describe('星级地图 · 对照目标', () => {
  it('the toggle loads the year’s progress: per goal a bar with baseline, target and ×2 markers, met or not in words', async () => {
    asLeader();
    router.params = { quarter: Q };
    const server = fakeApi({
      [`GET /v1/rankings/${Q}/star-map`]: { status: 200, body: starMap() },
      [`GET /v1/creation-plans/${YEAR}/progress`]: { status: 200, body: progress },
    });
    render(<StarMapPage />);
    await waitFor(() => expect(all('.cx-starmap-township')).toHaveLength(3));
    expect(server.calls(`GET /v1/creation-plans/${YEAR}/progress`)).toHaveLength(0);

    fireEvent.click(all('.cx-starmap-view').find((v) => v.textContent === '对照目标')!);
    await waitFor(() => expect(all('.cx-target-township')).toHaveLength(2));
    const wulibao = el('.cx-target-township[data-township="wulibao"]');
    const four = wulibao.querySelector('.cx-target-goal[data-goal="fourStar"]') as HTMLElement;
    // 四星: 4 now against ×2 of a baseline of 2 → doubled, and the township's target of 4 is met.
    expect(four.querySelector('.cx-target-status')?.textContent).toBe('已达成');
    expect(four.querySelector('.cx-target-line')?.textContent).toBe('基线 2 → 现在 4 · 目标 4 · 翻番线 ×2 = 4（已翻番）');
    expect((four.querySelector('.cx-target-double') as HTMLElement).style.left).toBe(`${(4 / 9) * 100}%`);
    const three = wulibao.querySelector('.cx-target-goal[data-goal="threeStar"]') as HTMLElement;
    expect(three.querySelector('.cx-target-status')?.textContent).toBe('未达成');
    expect(three.querySelector('.cx-target-double')).toBeNull();
    const dehuajie = el('.cx-target-township[data-township="dehuajie"]');
    expect(dehuajie.querySelector('.cx-target-goal[data-goal="fourStar"] .cx-target-line')?.textContent).toContain('还差 1');
    expect(dehuajie.textContent).toContain('默认目标');
    expect(el('.cx-target-district')).toBeTruthy();
  });
});

describe('创建规划 editor', () => {
  it('township staff edit targets, key dates (date wheel), units and branch levels; the contract checks before sending', async () => {
    asStaff('demo-gwh');
    router.params = { year: String(YEAR), townshipId: 'demo-gwh' };
    const server = fakeApi({
      [`GET /v1/creation-plans/${YEAR}/townships/demo-gwh`]: { status: 200, body: townshipPlan },
      [`PUT /v1/creation-plans/${YEAR}/townships/demo-gwh`]: (req) => {
        const b = req.body as typeof townshipPlan;
        return {
          status: 200,
          body: { ...townshipPlan, ...b, version: 1, history: [{ version: 1, at: `${YEAR}-11-20T02:00:00.000Z`, byName: '王主任' }] },
        };
      },
    });
    render(<CreationPlanPage />);
    await waitFor(() => expect(all('.cx-cplan-number')).toHaveLength(3));
    expect(el('.cx-cplan-target[data-goal="fourStar"]').textContent).toContain('区级目标 4');
    expect(el('.cx-cplan-target[data-goal="threeStar"]').textContent).toContain('三星成片（三星及以上支部数）');

    type(all('.cx-cplan-number')[0], '6');
    fireEvent.click(el('.cx-cplan-add-date'));
    // A key date without a name or date is caught here.
    fireEvent.click(el('.cx-cplan-save'));
    expect(await screen.findByText('请填写节点名称')).toBeTruthy();
    expect(server.calls(`PUT /v1/creation-plans/${YEAR}/townships/demo-gwh`)).toHaveLength(0);

    type(el('.cx-cplan-keydate input'), '年中观摩');
    pick(el('.cx-cplan-date'), `${YEAR}-07-15`);
    fireEvent.click(el('.cx-cplan-add-unit'));
    type(el('.cx-cplan-unit input'), '管委会党工委');
    fireEvent.click(el('.cx-cplan-more'));
    fireEvent.click(el('.cx-cplan-save'));
    await waitFor(() => expect(server.calls(`PUT /v1/creation-plans/${YEAR}/townships/demo-gwh`)).toHaveLength(1));
    expect(server.calls(`PUT /v1/creation-plans/${YEAR}/townships/demo-gwh`)[0].body).toEqual({
      targets: { threeStar: 6, fourStar: 4, fiveStar: 1 },
      keyDates: [{ name: '年中观摩', date: `${YEAR}-07-15` }],
      responsibleUnits: ['管委会党工委'],
      branchTargets: [{ branchId: 'yingtaogou', level: 5 }],
      version: 0,
    });
    await waitFor(() => expect(el('.cx-cplan-history').textContent).toContain('第 1 版'));
  });

  it('another township’s staff read the plan without any edit control; a server field error shows at its field', async () => {
    asStaff('wulibao');
    router.params = { year: String(YEAR), townshipId: 'demo-gwh' };
    fakeApi({ [`GET /v1/creation-plans/${YEAR}/townships/demo-gwh`]: { status: 200, body: { ...townshipPlan, targets: zero } } });
    render(<CreationPlanPage />);
    await waitFor(() => expect(all('.cx-cplan-number')).toHaveLength(3));
    expect(document.querySelector('.cx-cplan-save')).toBeNull();
    expect(document.querySelector('.cx-cplan-add-date')).toBeNull();
    expect(el('.cx-cplan-level').textContent).toBe('目标 4 星');
  });
});
