import { fireEvent, render, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import HonoursPage from '../../src/subpackages/rankings/pages/honours/index';
import { router, taroMock } from '../mocks/taro';
import { fakeApi } from '../support/fake-api';
import { all, asLeader, el, fakeCanvasContext, honours, Q } from '../support/ranking-fixtures';

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
