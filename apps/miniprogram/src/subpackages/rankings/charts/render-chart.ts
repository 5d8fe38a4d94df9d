import Taro from '@tarojs/taro';
import { isH5 } from '../../../config/runtime-config';
import { type CanvasLike, canvasNode, paintScaled } from '../../../services/canvas-image';
import type { ChartContext } from './paint';

/** Device pixels per design pixel of the chart: crisp on phones. */
const SCALE = 2;

export type Painter = (ctx: ChartContext) => void;

/**
 * Draws a chart. H5: on an offscreen `<canvas>`, returned as a PNG data URL for an `<Image>`.
 * weapp: straight onto the page's `<Canvas type="2d" id>` node, scaled to its on-screen width; returns ''.
 */
export async function drawChart(id: string, size: { width: number; height: number }, paint: Painter): Promise<string> {
  if (isH5()) {
    const canvas = document.createElement('canvas') as unknown as CanvasLike;
    paintScaled(canvas, size, SCALE, paint);
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
  paintScaled(node, size, ratio, paint);
  return '';
}
