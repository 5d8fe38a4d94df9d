import { Image, Text, View } from '@tarojs/components';
import type { ChangeEvent } from 'react';
import { accessibleControl } from '../components/accessible-control';
import { FieldProblem } from '../components/field-problem';
import { isH5 } from '../config/runtime-config';
import { PrivacyPopup } from './privacy-popup';
import './photo-picker.css';
import { previewImages } from '../services/image-preview';

export type PickedPhotoState = 'waiting' | 'uploading' | 'uploaded' | 'failed' | 'lost';

/** One tile: what it shows and how its upload is going. */
export interface PickedPhoto {
  id: string;
  /** The picture on the tile (a local file, an object URL or a stored photo's URL); none once it is lost. */
  src?: string;
  /** A larger picture for the preview, when the tile shows a thumbnail. */
  fullSrc?: string;
  state: PickedPhotoState;
  /** 0–100 while uploading. */
  progress?: number;
}

const STATE_TEXT: Record<PickedPhotoState, string> = {
  waiting: '等待上传',
  uploading: '上传中',
  uploaded: '已上传',
  failed: '上传失败',
  lost: '已失效',
};

function Tile({
  photo,
  index,
  className,
  onPreview,
  onRemove,
  onRetry,
}: {
  photo: PickedPhoto;
  /** 1-based, for the names a screen reader reads (照片 2). */
  index: number;
  className: string;
  onPreview: () => void;
  onRemove: () => void;
  onRetry?: () => void;
}) {
  const done = photo.state === 'uploaded';
  const retry = photo.state === 'failed' ? onRetry : undefined;
  return (
    <View className={`photo-picker__tile ${className} is-${photo.state}${done ? ' is-uploaded' : ''}`} data-state={photo.state}>
      {photo.src ? (
        <View className="photo-picker__img-wrap" {...accessibleControl({ label: `查看照片 ${index}`, onActivate: onPreview })}>
          <Image className="photo-picker__img" src={photo.src} mode="aspectFill" nativeProps={{ alt: `照片 ${index}` }} />
        </View>
      ) : null}
      {done ? null : (
        <View
          className="photo-picker__overlay"
          {...(retry ? accessibleControl({ label: `重新上传照片 ${index}`, onActivate: retry }) : {})}
        >
          <Text className="photo-picker__state">
            {photo.state === 'uploading' && photo.progress !== undefined ? `${photo.progress}%` : STATE_TEXT[photo.state]}
          </Text>
          {retry ? <Text className="photo-picker__retry">点击重试</Text> : null}
        </View>
      )}
      <View
        className="photo-picker__remove cx-photo-remove"
        hoverClass="cx-pressed"
        {...accessibleControl({ label: `删除照片 ${index}`, onActivate: onRemove })}
      >
        <Text>×</Text>
      </View>
    </View>
  );
}

/**
 * Photos with their upload state and the add tile, up to `max`. In weapp the add tile calls `onPick` (chooseMedia);
 * in H5 it holds a real `<input type=file>` (so browser tests can set files on it) and hands the files to `onFiles`.
 * `tileClassName` is each tile's stable hook; `inputClassName` the input's in H5 and the add tile's in weapp.
 */
export function PhotoPicker({
  photos,
  max,
  tileClassName,
  inputClassName,
  addClassName,
  hint,
  error,
  canAdd = true,
  adding = false,
  onPick,
  onFiles,
  onRemove,
  onRetry,
}: {
  photos: readonly PickedPhoto[];
  max: number;
  tileClassName: string;
  inputClassName: string;
  /** A stable hook on the add tile in both builds. */
  addClassName?: string;
  /** Below the tiles. */
  hint?: string;
  error?: string;
  /** False hides the add tile (e.g. before the branch the photos are filed under is known). */
  canAdd?: boolean;
  /** Photos being prepared or uploaded before they get a tile. */
  adding?: boolean;
  onPick: (count: number) => void;
  onFiles: (files: File[]) => void;
  onRemove: (id: string) => void;
  onRetry?: (id: string) => void;
}) {
  const remaining = max - photos.length;
  const preview = (photo: PickedPhoto) => {
    const urls = photos.map((p) => p.fullSrc ?? p.src).filter((u): u is string => Boolean(u));
    const current = photo.fullSrc ?? photo.src;
    if (current) previewImages(urls, current).catch(() => undefined);
  };
  const onInputChange = (e: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(e.currentTarget.files ?? []).slice(0, remaining);
    // Cleared so that picking the same file again still fires a change.
    e.currentTarget.value = '';
    if (files.length) onFiles(files);
  };
  const addText = adding ? '上传中…' : '添加照片';
  const add = (() => {
    if (!canAdd || remaining <= 0) return null;
    if (isH5())
      return (
        <View className={`photo-picker__tile photo-picker__add${addClassName ? ` ${addClassName}` : ''}`}>
          <Text className="photo-picker__plus">+</Text>
          <Text className="photo-picker__add-text">{addText}</Text>
          <input
            className={`photo-picker__file ${inputClassName}`}
            type="file"
            accept="image/*"
            multiple
            aria-label={`${addText}（还可添加 ${remaining} 张）`}
            onChange={onInputChange}
          />
        </View>
      );
    return (
      <View
        className={`photo-picker__tile photo-picker__add ${inputClassName}${addClassName ? ` ${addClassName}` : ''}`}
        hoverClass="cx-pressed"
        {...accessibleControl({ label: addText, onActivate: () => onPick(remaining) })}
      >
        <Text className="photo-picker__plus">+</Text>
        <Text className="photo-picker__add-text">{addText}</Text>
      </View>
    );
  })();
  return (
    <View className="photo-picker">
      <View className="photo-picker__tiles">
        {photos.map((p, i) => (
          <Tile
            key={p.id}
            photo={p}
            index={i + 1}
            className={tileClassName}
            onPreview={() => preview(p)}
            onRemove={() => onRemove(p.id)}
            onRetry={onRetry ? () => onRetry(p.id) : undefined}
          />
        ))}
        {add}
      </View>
      {hint ? <Text className="photo-picker__hint">{hint}</Text> : null}
      <FieldProblem text={error} />
      {/* Picking photos is what asks for the 隐私保护指引: the popup lives with the picker on every page that has one. */}
      <PrivacyPopup />
    </View>
  );
}
