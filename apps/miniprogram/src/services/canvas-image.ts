import Taro from '@tarojs/taro';
import { isH5 } from '../config/runtime-config';
import { previewImages } from './image-preview';

/**
 * Canvas pictures shared as images (the board's poster, the ranking's honours list) and the ranking's charts.
 * H5 draws on an offscreen `<canvas>`; weapp on the page's `<Canvas type="2d" id>` node. Used only by the plans
 * (the board's poster) and rankings subpackages, so the build copies it into each of them, never into the main package.
 */
export interface CanvasLike {
  width: number;
  height: number;
  getContext(kind: '2d'): unknown;
  toDataURL?(type: string): string;
}

/** The little of a 2d context this module itself uses; painters bring their own richer context type. */
export interface ScalableContext {
  fillStyle: string | CanvasGradient | CanvasPattern;
  scale(x: number, y: number): void;
  fillRect(x: number, y: number, w: number, h: number): void;
}

/** Device pixels per design pixel of a shared image: crisp on phones, small enough to share. */
export const IMAGE_SCALE = 2;

const NOT_READY = '画布未就绪，请稍后重试';

/** The page's `<Canvas type="2d" id>` node in weapp, with its on-screen width. */
export function canvasNode(id: string): Promise<{ node: CanvasLike; width: number }> {
  return new Promise((resolve, reject) => {
    try {
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true })
        .exec((res: { node?: CanvasLike; width?: number }[]) =>
          res?.[0]?.node ? resolve({ node: res[0].node, width: res[0].width ?? 0 }) : reject(new Error(NOT_READY)),
        );
    } catch (err) {
      reject(err instanceof Error ? err : new Error(NOT_READY));
    }
  });
}

/**
 * Sizes the canvas to `size` × `ratio` device pixels (which resets its context), fills it white and hands the
 * fresh context, scaled to design pixels, to `paint`.
 */
export function paintScaled<C extends ScalableContext>(
  canvas: CanvasLike,
  size: { width: number; height: number },
  ratio: number,
  paint: (ctx: C) => void,
): void {
  canvas.width = Math.round(size.width * ratio);
  canvas.height = Math.round(size.height * ratio);
  const ctx = canvas.getContext('2d') as C | null;
  if (!ctx) throw new Error('画布不可用');
  ctx.scale(ratio, ratio);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, size.width, size.height);
  paint(ctx);
}

/**
 * A picture `width` design pixels wide whose height only the drawing knows: `draw(ctx, false)` is a dry run that
 * answers the height, `draw(ctx, true)` paints. The canvas is sized to the measured height, × `scale`.
 */
export function paintMeasured<C extends ScalableContext>(
  canvas: CanvasLike,
  width: number,
  draw: (ctx: C, paint: boolean) => number,
  scale = IMAGE_SCALE,
): void {
  const height = Math.ceil(draw(canvas.getContext('2d') as C, false));
  paintScaled<C>(canvas, { width, height }, scale, (ctx) => draw(ctx, true));
}

/**
 * The picture as an image: a PNG data URL in H5, a temp file path in WeChat (drawn on the page's 2d canvas
 * `canvasId`, which the page renders only in weapp).
 */
export async function renderImage<C extends ScalableContext>(
  canvasId: string,
  width: number,
  draw: (ctx: C, paint: boolean) => number,
): Promise<string> {
  if (isH5()) {
    const canvas = document.createElement('canvas');
    if (!canvas.getContext('2d')) throw new Error('当前浏览器不支持生成图片');
    paintMeasured(canvas, width, draw);
    return canvas.toDataURL('image/png');
  }
  const { node } = await canvasNode(canvasId);
  paintMeasured(node, width, draw);
  const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas: node as unknown as Taro.Canvas, fileType: 'png' });
  return tempFilePath;
}

/**
 * Save or share an image from renderImage: WeChat's share-image sheet (send to a chat, save to the album), the
 * preview when that sheet is unavailable; a PNG download in H5 (through a link with `linkClassName`, if given).
 */
export async function shareImage(image: string, fileName: string, linkClassName?: string): Promise<void> {
  if (isH5()) {
    const a = document.createElement('a');
    a.href = image;
    a.download = fileName;
    if (linkClassName) a.className = linkClassName;
    a.click();
    return;
  }
  try {
    await Taro.showShareImageMenu({ path: image });
  } catch {
    await previewImages([image], image);
  }
}
