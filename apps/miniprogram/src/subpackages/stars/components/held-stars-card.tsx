import { type BranchHeldStars, STAR_LABELS } from '@chuangxing/shared';
import { Text, View } from '@tarojs/components';

/** 本社区的星级: the stars the community's branch holds now (its level), since when, and any it lost (撤星). */
export function HeldStarsCard({ data }: { data: BranchHeldStars }) {
  return (
    <View className="cx-card cx-star-held" data-level={data.level}>
      <Text className="cx-section-title cx-star-held-title">
        {data.branchName || '本社区'}现为{data.level ? ` ${data.level} 星` : '尚无星级'}
      </Text>
      <View role="img" aria-label={`${data.level} 星`}>
        <Text className="stars-hint cx-star-held-stars">{'★'.repeat(data.level) + '☆'.repeat(Math.max(0, 5 - data.level))}</Text>
      </View>
      {data.held.map((h) => (
        <Text key={h.star} className="stars-hint cx-star-held-item" data-star={h.star}>
          {STAR_LABELS[h.star]}：{h.heldFrom} 起{h.basis === 'baseline' ? '（创建之初已达到）' : '（评星定级授予）'}
        </Text>
      ))}
      {data.withdrawn.map((h) => (
        <Text key={`${h.star}-${h.withdrawnOn}`} className="stars-hint cx-star-held-withdrawn" data-star={h.star}>
          {STAR_LABELS[h.star]}：{h.withdrawnOn} 撤星
        </Text>
      ))}
    </View>
  );
}
