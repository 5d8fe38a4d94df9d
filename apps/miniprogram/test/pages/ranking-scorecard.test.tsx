import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { sessionStore } from '../../src/services/session-store';
import { RADAR_SIZE } from '../../src/subpackages/rankings/charts/paint';
import ScorecardPage from '../../src/subpackages/rankings/pages/scorecard/index';
import { addQuarters } from '../../src/subpackages/rankings/services/quarter';
import { router, taroMock } from '../mocks/taro';
import { makeMe, makeSession } from '../support/factories';
import { errorReply, fakeApi } from '../support/fake-api';
import { secretary } from '../support/home-bindings';
import { all, asLeader, el, fakeCanvasContext, Q, scorecard } from '../support/ranking-fixtures';

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
      'awarded',
      'in_progress',
      'not_started',
      'vetoed',
      'not_started',
    ]);
    expect(all('.cx-scorecard-star-status').map((s) => s.textContent)).toEqual(['已授星', '推进中', '未启动', '否决', '未启动']);
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

  it('我的排名: a secretary without ?quarter= gets the latest published quarter, and links to the township’s list', async () => {
    sessionStore.setSession(makeSession({ me: makeMe({ bindings: [secretary] }) }));
    const last = addQuarters(Q, -1);
    router.params = { branchId: 'wulibao-b1' };
    const server = fakeApi({
      'GET /v1/rankings': { status: 200, body: { quarters: [{ quarter: last, version: 2, publishedAt: '2026-10-02T02:00:00.000Z' }] } },
      [`GET /v1/rankings/${last}/branches/wulibao-b1`]: {
        status: 200,
        body: { ...scorecard(), ranking: { ...scorecard().ranking, quarter: last } },
      },
    });

    render(<ScorecardPage />);
    await waitFor(() => expect(el('.cx-scorecard-branch')?.textContent).toBe('社区1'));
    expect(server.calls(`GET /v1/rankings/${Q}/branches/wulibao-b1`)).toHaveLength(0);
    expect(el('.cx-scorecard-rank').textContent).toBe('2');
    fireEvent.click(all('.cx-ranking-nav').find((n) => n.getAttribute('data-key') === 'list')!);
    expect(taroMock.navigateTo).toHaveBeenLastCalledWith({ url: `/subpackages/rankings/pages/list/index?quarter=${last}` });
    expect(all('.cx-ranking-nav').map((n) => n.getAttribute('data-key'))).not.toContain('review');
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
      // 无数据 is a gap, not a zero: four components have scores, so four dots, none at the radar's centre.
      const radarDots = calls.arcs.filter((a) => a.r === 6);
      expect(radarDots.length).toBe(scorecard().components.filter((c) => c.score !== null).length);
      expect(radarDots.some((d) => Math.abs(d.x - RADAR_SIZE.width / 2) < 1 && Math.abs(d.y - (RADAR_SIZE.height / 2 + 10)) < 1)).toBe(
        false,
      );
    } finally {
      spy.mockRestore();
    }
  });
});
