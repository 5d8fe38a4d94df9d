import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  type CanvasLike,
  canvasNode,
  paintMeasured,
  paintScaled,
  renderImage,
  type ScalableContext,
  shareImage,
} from '../../src/services/canvas-image';
import { taroMock } from '../mocks/taro';

/** A canvas whose 2d context records what happens to it, and which context (before or after a resize) did it. */
function recordingCanvas() {
  const log: string[] = [];
  let generation = 0;
  const canvas: CanvasLike & { toDataURL(type: string): string } = {
    width: 300,
    height: 150,
    getContext() {
      generation += 1;
      const g = generation;
      const ctx: ScalableContext & { fillText(t: string): void } = {
        fillStyle: '#000',
        scale: (x, y) => void log.push(`ctx${g} scale ${x},${y}`),
        fillRect: (x, y, w, h) => void log.push(`ctx${g} fillRect ${String(ctx.fillStyle)} ${x},${y},${w},${h}`),
        fillText: (t) => void log.push(`ctx${g} text ${t}`),
      };
      return ctx;
    },
    toDataURL: (type) => `data:${type};base64,QUJD`,
  };
  return { canvas, log };
}

type Ctx = ScalableContext & { fillText(t: string): void };

/** A drawing 750 wide whose height (3 rows of 40.5) it only knows by laying out: the dry run must not paint. */
const rows = (ctx: Ctx, paint: boolean) => {
  for (const row of ['一', '二', '三']) if (paint) ctx.fillText(row);
  return 3 * 40.5;
};

const t = taroMock as unknown as Record<string, unknown>;
function fakeWeappCanvas(found: unknown[]) {
  t.createSelectorQuery = vi.fn(() => ({
    select: (selector: string) => ({
      fields: () => ({ exec: (cb: (r: unknown[]) => void) => cb(selector === '#cx-test-canvas' ? found : []) }),
    }),
  }));
  t.canvasToTempFilePath = vi.fn(async () => ({ tempFilePath: 'tmp://image.png' }));
}

afterEach(() => {
  delete t.createSelectorQuery;
  delete t.canvasToTempFilePath;
  delete t.showShareImageMenu;
  vi.restoreAllMocks();
});

describe('paintScaled / paintMeasured', () => {
  it('sizes the canvas in device pixels, then paints white and the drawing on the fresh context in design pixels', () => {
    const { canvas, log } = recordingCanvas();
    paintScaled<Ctx>(canvas, { width: 686, height: 560 }, 0.75, (ctx) => ctx.fillText('雷达'));
    expect([canvas.width, canvas.height]).toEqual([515, 420]);
    expect(log).toEqual(['ctx1 scale 0.75,0.75', 'ctx1 fillRect #ffffff 0,0,686,560', 'ctx1 text 雷达']);
  });

  it('measures the height with a dry run, rounds it up and paints at twice the size', () => {
    const { canvas, log } = recordingCanvas();
    paintMeasured<Ctx>(canvas, 750, rows);
    expect([canvas.width, canvas.height]).toEqual([1500, 244]);
    // The dry run's context (1) drew nothing; the one taken after resizing (2) did.
    expect(log).toEqual(['ctx2 scale 2,2', 'ctx2 fillRect #ffffff 0,0,750,122', 'ctx2 text 一', 'ctx2 text 二', 'ctx2 text 三']);
  });

  it('refuses a canvas without a 2d context', () => {
    expect(() => paintScaled({ width: 0, height: 0, getContext: () => null }, { width: 10, height: 10 }, 1, () => undefined)).toThrow(
      '画布不可用',
    );
  });
});

describe('renderImage', () => {
  it("WeChat: draws on the page's 2d canvas node and answers its temp file", async () => {
    const { canvas, log } = recordingCanvas();
    fakeWeappCanvas([{ node: canvas, width: 375 }]);
    await expect(renderImage<Ctx>('cx-test-canvas', 750, rows)).resolves.toBe('tmp://image.png');
    expect(t.canvasToTempFilePath).toHaveBeenCalledWith({ canvas, fileType: 'png' });
    expect(log).toContain('ctx2 text 三');
    expect(await canvasNode('cx-test-canvas')).toEqual({ node: canvas, width: 375 });
  });

  it('WeChat: says so when the canvas is not rendered yet', async () => {
    fakeWeappCanvas([]);
    await expect(renderImage<Ctx>('cx-other-canvas', 750, rows)).rejects.toThrow('画布未就绪，请稍后重试');
    t.createSelectorQuery = vi.fn(() => {
      throw new Error('no page');
    });
    await expect(canvasNode('cx-test-canvas')).rejects.toThrow('no page');
  });

  it('H5: draws on an offscreen canvas and answers a PNG data URL; a browser without 2d canvas is told so', async () => {
    process.env.TARO_ENV = 'h5';
    const { canvas, log } = recordingCanvas();
    const create = document.createElement.bind(document);
    const spy = vi
      .spyOn(document, 'createElement')
      .mockImplementation((tag: string) => (tag === 'canvas' ? (canvas as unknown as HTMLElement) : create(tag)));
    await expect(renderImage<Ctx>('unused', 750, rows)).resolves.toBe('data:image/png;base64,QUJD');
    expect(canvas.height).toBe(244);
    // One context to check for 2d support, one for the dry run, the third after resizing paints.
    expect(log).toContain('ctx3 text 一');
    spy.mockImplementation((tag: string) => (tag === 'canvas' ? ({ getContext: () => null } as unknown as HTMLElement) : create(tag)));
    await expect(renderImage<Ctx>('unused', 750, rows)).rejects.toThrow('当前浏览器不支持生成图片');
  });
});

describe('shareImage', () => {
  it('WeChat: the share-image sheet, else the preview', async () => {
    t.showShareImageMenu = vi.fn(async () => ({ errMsg: 'showShareImageMenu:ok' }));
    await shareImage('tmp://image.png', 'x.png');
    expect(t.showShareImageMenu).toHaveBeenCalledWith({ path: 'tmp://image.png' });
    expect(taroMock.previewImage).not.toHaveBeenCalled();
    t.showShareImageMenu = vi.fn(async () => {
      throw new Error('showShareImageMenu:fail');
    });
    await shareImage('tmp://image.png', 'x.png');
    expect(taroMock.previewImage).toHaveBeenCalledWith({ urls: ['tmp://image.png'], current: 'tmp://image.png' });
  });

  it('H5: a download link with the name (and the class when given)', async () => {
    process.env.TARO_ENV = 'h5';
    const clicked: { href: string; download: string; className: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download, className: this.className });
    });
    await shareImage('data:image/png;base64,QUJD', '海报.png');
    await shareImage('data:image/png;base64,QUJD', '十佳.png', 'cx-ranking-share-link');
    expect(clicked).toEqual([
      { href: 'data:image/png;base64,QUJD', download: '海报.png', className: '' },
      { href: 'data:image/png;base64,QUJD', download: '十佳.png', className: 'cx-ranking-share-link' },
    ]);
  });
});
