import { Image, View } from '@tarojs/components';
import { accessibleControl } from '../../../components/accessible-control';
import { previewImages } from '../../../services/image-preview';

/** The letter's photos (short-lived URLs from the server); a tap opens WeChat's viewer. */
export function LetterPhotos({ urls }: { urls: readonly string[] }) {
  if (!urls.length) return null;
  const all = [...urls];
  return (
    <View className="mailbox-photos cx-letter-photos">
      {all.map((url, i) => (
        <View
          key={url}
          className="mailbox-photo cx-letter-photo"
          {...accessibleControl({ label: `查看照片 ${i + 1}`, onActivate: () => previewImages(all, url).catch(() => undefined) })}
        >
          <Image className="mailbox-photo__img" src={url} mode="aspectFill" lazyLoad nativeProps={{ alt: `来信照片 ${i + 1}` }} />
        </View>
      ))}
    </View>
  );
}
