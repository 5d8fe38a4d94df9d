import { INSPECTION_LIMITS } from '@chuangxing/shared';
import { PhotoPicker } from '../../../shared-ui/photo-picker';
import type { InspectPhotos } from '../services/photos';

/** A visit's or a fix's photos in the shared picker; photos go up under the branch, so none before it is known. */
export function PhotoStrip({ photos, branchId, hint }: { photos: InspectPhotos; branchId?: string; hint: string }) {
  return (
    <PhotoPicker
      photos={photos.photos.map((p) => ({ id: p.id, src: p.url, state: p.state }))}
      max={INSPECTION_LIMITS.photos}
      tileClassName="cx-inspect-photo"
      inputClassName="cx-inspect-photo-input"
      hint={branchId ? `${photos.photos.length}/${INSPECTION_LIMITS.photos} 张 · ${hint}` : '先选择支部，再添加照片'}
      canAdd={Boolean(branchId)}
      onPick={() => {
        if (branchId) void photos.pick(branchId);
      }}
      onFiles={(files) => {
        if (branchId) void photos.addFiles(branchId, files);
      }}
      onRemove={photos.remove}
    />
  );
}
