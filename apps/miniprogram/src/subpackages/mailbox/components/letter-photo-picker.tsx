import { LETTER_LIMITS } from '@chuangxing/shared';
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ChangeEvent } from 'react';
import { FieldProblem } from '../../../components/field-problem';
import { isH5 } from '../../../config/runtime-config';
import type { LetterPhoto } from '../services/use-letter-photos';

const STATE_TEXT: Record<LetterPhoto['state'], string> = {
  waiting: '等待上传',
  uploading: '上传中',
  uploaded: '已上传',
  failed: '上传失败',
};

/**
 * Up to 6 photos for a letter: thumbnails with their upload state, and the add control. In weapp the
 * control opens chooseMedia; in H5 it is a real <input type=file> (so browser tests can set files on it).
 */
export function LetterPhotoPicker({
  photos,
  error,
  onPick,
  onFiles,
  onRemove,
  onRetry,
}: {
  photos: readonly LetterPhoto[];
  error?: string;
  onPick: (count: number) => void;
  onFiles: (files: File[]) => void;
  onRemove: (id: string) => void;
  onRetry: (id: string) => void;
}) {
  const remaining = LETTER_LIMITS.photos - photos.length;
  const preview = (photo: LetterPhoto) => {
    Taro.previewImage({ urls: photos.map((p) => p.localPath), current: photo.localPath }).catch(() => undefined);
  };
  const onInputChange = (e: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(e.currentTarget.files ?? []).slice(0, remaining);
    e.currentTarget.value = '';
    if (files.length) onFiles(files);
  };
  return (
    <View className="mailbox-photo-picker">
      <Text className="mailbox-subtitle">附上照片（可以不加）</Text>
      <View className="mailbox-photos">
        {photos.map((p) => {
          const done = p.state === 'uploaded';
          return (
            <View
              key={p.id}
              className={`mailbox-photo mailbox-photo--upload cx-letter-photo is-${p.state}${done ? ' is-uploaded' : ''}`}
              data-state={p.state}
            >
              <Image className="mailbox-photo__img" src={p.localPath} mode="aspectFill" onClick={() => preview(p)} />
              {!done ? (
                <View className="mailbox-photo__overlay" onClick={p.state === 'failed' ? () => onRetry(p.id) : undefined}>
                  <Text className="mailbox-photo__state">{p.state === 'uploading' ? `${p.progress ?? 0}%` : STATE_TEXT[p.state]}</Text>
                  {p.state === 'failed' ? <Text className="mailbox-photo__retry">点击重试</Text> : null}
                </View>
              ) : null}
              <View className="mailbox-photo__remove" hoverClass="cx-pressed" onClick={() => onRemove(p.id)}>
                <Text>×</Text>
              </View>
            </View>
          );
        })}
        {remaining > 0 ? (
          isH5() ? (
            <View className="mailbox-photo mailbox-photo-add">
              <Text className="mailbox-photo-add__plus">+</Text>
              <Text className="mailbox-photo-add__text">添加照片</Text>
              <input
                className="mailbox-photo-add__file cx-letter-photo-input"
                type="file"
                accept="image/*"
                multiple
                onChange={onInputChange}
              />
            </View>
          ) : (
            <View
              className="mailbox-photo mailbox-photo-add cx-letter-photo-input"
              hoverClass="cx-pressed"
              onClick={() => onPick(remaining)}
            >
              <Text className="mailbox-photo-add__plus">+</Text>
              <Text className="mailbox-photo-add__text">添加照片</Text>
            </View>
          )
        ) : null}
      </View>
      <Text className="mailbox-count mailbox-photos__hint">
        {photos.length}/{LETTER_LIMITS.photos} 张 · 上传前压缩，并去掉拍摄地点、手机型号等信息
      </Text>
      <FieldProblem text={error} />
    </View>
  );
}
