import Taro from '@tarojs/taro';
import type { BranchBoard } from '@chuangxing/shared';
import { isH5 } from '../../../config/runtime-config';
import { paintPoster, POSTER_WIDTH, type PosterContext } from './draw-poster';

/** Device pixels per poster pixel: crisp on phones, small enough to share. */
const SCALE = 2;

export const POSTER_CANVAS_ID = 'cx-poster-canvas';

interface CanvasLike {
  width: number;
  height: number;
  getContext(kind: '2d'): unknown;
}

function paint(canvas: CanvasLike, data: BranchBoard) {
  const measure = canvas.getContext('2d') as PosterContext;
  const height = Math.ceil(paintPoster(measure, data, false));
  canvas.width = POSTER_WIDTH * SCALE;
  canvas.height = height * SCALE;
  // Resizing resets the context's state, so take it again.
  const ctx = canvas.getContext('2d') as PosterContext;
  ctx.scale(SCALE, SCALE);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, POSTER_WIDTH, height);
  paintPoster(ctx, data, true);
}

/** The poster as an image: a PNG data URL in H5, a temp file path in WeChat (from the page's 2d canvas). */
export async function renderPoster(data: BranchBoard): Promise<string> {
  if (isH5()) {
    const canvas = document.createElement('canvas');
    paint(canvas, data);
    return canvas.toDataURL('image/png');
  }
  const canvas = await new Promise<CanvasLike>((resolve, reject) => {
    Taro.createSelectorQuery()
      .select(`#${POSTER_CANVAS_ID}`)
      .fields({ node: true, size: true })
      .exec((res: { node?: CanvasLike }[]) => (res?.[0]?.node ? resolve(res[0].node) : reject(new Error('画布未就绪，请稍后重试'))));
  });
  paint(canvas, data);
  const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas: canvas as unknown as Taro.Canvas, fileType: 'png' });
  return tempFilePath;
}

/** Save or share: WeChat's share-image sheet (send to a chat, save to album); a download in H5. */
export async function sharePoster(image: string, fileName: string): Promise<void> {
  if (isH5()) {
    const a = document.createElement('a');
    a.href = image;
    a.download = fileName;
    a.click();
    return;
  }
  try {
    await Taro.showShareImageMenu({ path: image });
  } catch {
    await Taro.previewImage({ urls: [image], current: image });
  }
}
