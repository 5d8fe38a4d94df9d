import type { BranchBoard } from '@chuangxing/shared';
import { renderImage, shareImage } from '../../../services/canvas-image';
import { POSTER_WIDTH, type PosterContext, paintPoster } from './draw-poster';

export const POSTER_CANVAS_ID = 'cx-poster-canvas';

/** The poster as an image: a PNG data URL in H5, a temp file path in WeChat (from the page's 2d canvas). */
export function renderPoster(data: BranchBoard): Promise<string> {
  return renderImage<PosterContext>(POSTER_CANVAS_ID, POSTER_WIDTH, (ctx, draw) => paintPoster(ctx, data, draw));
}

/** Save or share: WeChat's share-image sheet (send to a chat, save to album); a download in H5. */
export function sharePoster(image: string, fileName: string): Promise<void> {
  return shareImage(image, fileName);
}
