import { render, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import StarMapPage from '../../src/subpackages/rankings/pages/star-map/index';
import { router } from '../mocks/taro';
import { fakeApi } from '../support/fake-api';
import { all, asLeader, el, Q, starMap } from '../support/ranking-fixtures';

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
