import { STAR_LABELS, type Star } from '@chuangxing/shared';
import { Text, View } from '@tarojs/components';

/** A branch's five stars as compact chips. */
export function StarChips({ stars }: { stars: readonly Star[] }) {
  return (
    <View className="cx-stars">
      {stars.map((s) => (
        <Text key={s} className="cx-star-chip">
          {STAR_LABELS[s]}
        </Text>
      ))}
    </View>
  );
}
