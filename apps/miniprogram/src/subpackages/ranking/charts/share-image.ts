import Taro from '@tarojs/taro';
import { isH5 } from '../../../config/runtime-config';
import { HONOURS_WIDTH, paintHonours, type HonoursImage } from './draw-honours';
import { canvasNode, type CanvasLike } from './render-chart';
import type { ChartContext } from './paint';

/** Device pixels per image pixel: crisp on phones, small enough to share. */
const SCALE = 2;
export const HONOURS_CANVAS_ID = 'cx-ranking-share-canvas';

function paint(canvas: CanvasLike, data: HonoursImage) {
  const measure = canvas.getContext('2d') as ChartContext;
  const height = Math.ceil(paintHonours(measure, data, false));
  canvas.width = HONOURS_WIDTH * SCALE;
  canvas.height = height * SCALE;
  // Resizing resets the context's state, so take it again.
  const ctx = canvas.getContext('2d') as ChartContext;
  ctx.scale(SCALE, SCALE);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, HONOURS_WIDTH, height);
  paintHonours(ctx, data, true);
}

/** The list as an image: a PNG data URL in H5, a temp file path in WeChat (from the page's hidden 2d canvas). */
export async function renderHonours(data: HonoursImage): Promise<string> {
  if (isH5()) {
    const canvas = document.createElement('canvas');
    if (!canvas.getContext('2d')) throw new Error('当前浏览器不支持生成图片');
    paint(canvas, data);
    return canvas.toDataURL('image/png');
  }
  const { node } = await canvasNode(HONOURS_CANVAS_ID);
  paint(node, data);
  const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas: node as unknown as Taro.Canvas, fileType: 'png' });
  return tempFilePath;
}

/** WeChat's share-image sheet (send to a chat, save to album); a PNG download in H5. */
export async function shareImage(image: string, fileName: string): Promise<void> {
  if (isH5()) {
    const a = document.createElement('a');
    a.href = image;
    a.download = fileName;
    a.className = 'cx-ranking-share-link';
    a.click();
    return;
  }
  try {
    await Taro.showShareImageMenu({ path: image });
  } catch {
    await Taro.previewImage({ urls: [image], current: image });
  }
}
