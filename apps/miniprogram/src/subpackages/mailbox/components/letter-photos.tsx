import { Image, View } from '@tarojs/components';
import { previewImages } from '../../../services/image-preview';

/** The letter's photos (short-lived URLs from the server); a tap opens WeChat's viewer. */
export function LetterPhotos({ urls }: { urls: readonly string[] }) {
  if (!urls.length) return null;
  const all = [...urls];
  return (
    <View className="mailbox-photos cx-letter-photos">
      {all.map((url) => (
        <View key={url} className="mailbox-photo cx-letter-photo" onClick={() => previewImages(all, url).catch(() => undefined)}>
          <Image className="mailbox-photo__img" src={url} mode="aspectFill" lazyLoad />
        </View>
      ))}
    </View>
  );
}
