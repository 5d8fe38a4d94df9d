import Taro from '@tarojs/taro';
import { isH5 } from '../../../config/runtime-config';
import type { ChartContext } from './paint';

/** Device pixels per design pixel of the chart: crisp on phones. */
const SCALE = 2;

export interface CanvasLike {
  width: number;
  height: number;
  getContext(kind: '2d'): unknown;
  toDataURL?(type: string): string;
}

export type Painter = (ctx: ChartContext) => void;

function paintOn(canvas: CanvasLike, size: { width: number; height: number }, pixelRatio: number, paint: Painter) {
  canvas.width = Math.round(size.width * pixelRatio);
  canvas.height = Math.round(size.height * pixelRatio);
  const ctx = canvas.getContext('2d') as ChartContext | null;
  if (!ctx) throw new Error('画布不可用');
  ctx.scale(pixelRatio, pixelRatio);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, size.width, size.height);
  paint(ctx);
}

/** The page's `<Canvas type="2d" id>` node in weapp. */
export function canvasNode(id: string): Promise<{ node: CanvasLike; width: number }> {
  return new Promise((resolve, reject) => {
    try {
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true })
        .exec((res: { node?: CanvasLike; width?: number }[]) =>
          res?.[0]?.node ? resolve({ node: res[0].node, width: res[0].width ?? 0 }) : reject(new Error('画布未就绪，请稍后重试')),
        );
    } catch (err) {
      reject(err instanceof Error ? err : new Error('画布未就绪，请稍后重试'));
    }
  });
}

/**
 * Draws a chart. H5: on an offscreen `<canvas>`, returned as a PNG data URL for an `<Image>`.
 * weapp: straight onto the page's `<Canvas type="2d" id>` node, scaled to its on-screen width; returns ''.
 */
export async function drawChart(id: string, size: { width: number; height: number }, paint: Painter): Promise<string> {
  if (isH5()) {
    const canvas = document.createElement('canvas') as unknown as CanvasLike;
    paintOn(canvas, size, SCALE, paint);
    return canvas.toDataURL ? canvas.toDataURL('image/png') : '';
  }
  // The node exists once WeChat has applied the render; try again briefly before giving up.
  let found: { node: CanvasLike; width: number } | undefined;
  for (let attempt = 0; !found; attempt++) {
    try {
      found = await canvasNode(id);
    } catch (err) {
      if (attempt >= 3) throw err;
      await new Promise((r) => setTimeout(r, 120 * (attempt + 1)));
    }
  }
  const { node, width } = found;
  const dpr = Taro.getSystemInfoSync?.().pixelRatio ?? 2;
  const shown = width || size.width / 2;
  const ratio = (shown / size.width) * dpr;
  paintOn(node, size, ratio, paint);
  return '';
}
