import { renderImage, shareImage as shareCanvasImage } from '../../../services/canvas-image';
import { HONOURS_WIDTH, type HonoursImage, paintHonours } from './draw-honours';
import type { ChartContext } from './paint';

export const HONOURS_CANVAS_ID = 'cx-ranking-share-canvas';

/** The list as an image: a PNG data URL in H5, a temp file path in WeChat (from the page's hidden 2d canvas). */
export function renderHonours(data: HonoursImage): Promise<string> {
  return renderImage<ChartContext>(HONOURS_CANVAS_ID, HONOURS_WIDTH, (ctx, draw) => paintHonours(ctx, data, draw));
}

/** WeChat's share-image sheet (send to a chat, save to album); a PNG download in H5. */
export function shareImage(image: string, fileName: string): Promise<void> {
  return shareCanvasImage(image, fileName, 'cx-ranking-share-link');
}
