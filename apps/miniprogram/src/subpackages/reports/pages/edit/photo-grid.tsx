import { REPORT_LIMITS } from '@chuangxing/shared';
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ChangeEvent } from 'react';
import { FieldProblem } from '../../../../components/field-problem';
import { isH5 } from '../../../../config/runtime-config';
import type { DraftPhoto } from '../../offline/draft-store';

const STATE_TEXT: Record<DraftPhoto['state'], string> = {
  waiting: '等待上传',
  uploading: '上传中',
  uploaded: '已上传',
  failed: '上传失败',
  lost: '已失效',
};

function PhotoTile({
  photo,
  onPreview,
  onRemove,
  onRetry,
}: {
  photo: DraftPhoto;
  onPreview: () => void;
  onRemove: () => void;
  onRetry: () => void;
}) {
  const done = photo.state === 'uploaded';
  return (
    <View className={`report-photo cx-report-photo is-${photo.state}${done ? ' is-uploaded' : ''}`} data-state={photo.state}>
      {photo.previewUrl ? <Image className="report-photo__img" src={photo.previewUrl} mode="aspectFill" onClick={onPreview} /> : null}
      {!done ? (
        <View className="report-photo__overlay" onClick={photo.state === 'failed' ? onRetry : undefined}>
          <Text className="report-photo__state">{photo.state === 'uploading' ? `${photo.progress ?? 0}%` : STATE_TEXT[photo.state]}</Text>
          {photo.state === 'failed' ? <Text className="report-photo__retry">点击重试</Text> : null}
        </View>
      ) : null}
      <View className="report-photo__remove" hoverClass="cx-pressed" onClick={onRemove}>
        <Text>×</Text>
      </View>
    </View>
  );
}

/**
 * Up to 9 photos: thumbnails with their upload state, and the add control. In weapp the control
 * opens chooseMedia; in H5 it is a real <input type=file> (so browser tests can set files on it).
 */
export function PhotoGrid({
  photos,
  error,
  onPick,
  onFiles,
  onRemove,
  onRetry,
}: {
  photos: DraftPhoto[];
  error?: string;
  onPick: (count: number) => void;
  onFiles: (files: File[]) => void;
  onRemove: (id: string) => void;
  onRetry: (id: string) => void;
}) {
  const remaining = REPORT_LIMITS.photos - photos.length;
  const preview = (photo: DraftPhoto) => {
    const urls = photos.map((p) => p.fullUrl ?? p.previewUrl).filter((u): u is string => !!u);
    const current = photo.fullUrl ?? photo.previewUrl;
    if (current) Taro.previewImage({ urls, current }).catch(() => undefined);
  };
  const onInputChange = (e: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(e.currentTarget.files ?? []).slice(0, remaining);
    e.currentTarget.value = '';
    if (files.length) onFiles(files);
  };
  return (
    <View className="cx-card report-photos-card">
      <View className="report-photos">
        {photos.map((p) => (
          <PhotoTile key={p.id} photo={p} onPreview={() => preview(p)} onRemove={() => onRemove(p.id)} onRetry={() => onRetry(p.id)} />
        ))}
        {remaining > 0 ? (
          isH5() ? (
            <View className="report-photo report-photo-add">
              <Text className="report-photo-add__plus">+</Text>
              <Text className="report-photo-add__text">添加照片</Text>
              <input
                className="report-photo-add__file cx-report-photo-input"
                type="file"
                accept="image/*"
                multiple
                onChange={onInputChange}
              />
            </View>
          ) : (
            <View className="report-photo report-photo-add cx-report-photo-input" hoverClass="cx-pressed" onClick={() => onPick(remaining)}>
              <Text className="report-photo-add__plus">+</Text>
              <Text className="report-photo-add__text">添加照片</Text>
            </View>
          )
        ) : null}
      </View>
      <Text className="report-muted report-photos__hint">
        {photos.length}/{REPORT_LIMITS.photos} 张 · 自动压缩后上传，省流量
      </Text>
      <FieldProblem text={error} />
    </View>
  );
}
