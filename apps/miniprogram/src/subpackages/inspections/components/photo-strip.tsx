import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ChangeEvent } from 'react';
import { isH5 } from '../../../config/runtime-config';
import type { InspectPhotos } from '../services/photos';

/** Thumbnails with their upload state and the add control (a real file input in H5, chooseMedia in weapp). */
export function PhotoStrip({ photos, branchId, hint }: { photos: InspectPhotos; branchId?: string; hint: string }) {
  const onInput = (e: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(e.currentTarget.files ?? []).slice(0, photos.remaining);
    e.currentTarget.value = '';
    if (branchId && files.length) void photos.addFiles(branchId, files);
  };
  const preview = (url: string) => Taro.previewImage({ urls: photos.photos.map((p) => p.url), current: url }).catch(() => undefined);
  return (
    <View className="inspect-photos">
      <View className="inspect-photos__row">
        {photos.photos.map((p) => (
          <View key={p.id} className={`inspect-photo cx-inspect-photo is-${p.state}`} data-state={p.state}>
            <Image className="inspect-photo__img" src={p.url} mode="aspectFill" onClick={() => preview(p.url)} />
            {p.state !== 'uploaded' ? (
              <Text className="inspect-photo__state">{p.state === 'uploading' ? '上传中' : '上传失败'}</Text>
            ) : null}
            <View className="inspect-photo__remove" onClick={() => photos.remove(p.id)}>
              <Text>×</Text>
            </View>
          </View>
        ))}
        {photos.remaining > 0 && branchId ? (
          isH5() ? (
            <View className="inspect-photo inspect-photo--add">
              <Text className="inspect-photo__plus">+</Text>
              <input className="inspect-photo__file cx-inspect-photo-input" type="file" accept="image/*" multiple onChange={onInput} />
            </View>
          ) : (
            <View
              className="inspect-photo inspect-photo--add cx-inspect-photo-input"
              hoverClass="cx-pressed"
              onClick={() => void photos.pick(branchId)}
            >
              <Text className="inspect-photo__plus">+</Text>
            </View>
          )
        ) : null}
      </View>
      <Text className="inspect-hint">{branchId ? `${photos.photos.length}/9 张 · ${hint}` : '先选择支部，再添加照片'}</Text>
    </View>
  );
}
