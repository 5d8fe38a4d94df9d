import type { Star } from '@chuangxing/shared';
import { View } from '@tarojs/components';
import { LEVEL_SEGMENTS } from './liaison-helpers';

/** A branch's level as five bars, the held ones filled; the count is said in words for screen readers. */
export function LevelBars({ stars }: { stars: readonly Star[] }) {
  return (
    <View
      className="liaison-level cx-liaison-level"
      data-level={stars.length}
      role="img"
      aria-label={stars.length ? `已获 ${stars.length} 星` : '尚未获星'}
    >
      {LEVEL_SEGMENTS.map((n) => (
        <View key={n} className={`liaison-level__bar${n <= stars.length ? ' is-held' : ''}`} />
      ))}
    </View>
  );
}
