import Taro from '@tarojs/taro';
import { openImageViewer } from './h5-image-viewer';

/**
 * Shows `current` full screen among `urls`. weapp: WeChat's own viewer. H5: our small viewer, not Taro's
 * previewImage, which brings the Swiper carousel along. The platform test is inline (not isH5()) so that each
 * build drops the other branch, and Swiper with it.
 */
export function previewImages(urls: string[], current: string): Promise<void> {
  // A plain function with if/else: webpack drops only the dead branch of an if (not code after a return), and an
  // async function would be compiled into a state machine that hides the branch from it.
  if (process.env.TARO_ENV === 'h5') {
    openImageViewer(urls, current);
    return Promise.resolve();
  } else return Taro.previewImage({ urls, current }).then(() => undefined);
}
