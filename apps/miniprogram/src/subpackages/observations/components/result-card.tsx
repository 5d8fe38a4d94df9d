import { type BranchResult, STAR_LABELS } from '@chuangxing/shared';
import { Text, View } from '@tarojs/components';
import { keyedByContent } from '../../../services/list-keys';
import { barPercent, formatScore, trimmedNote } from '../observe-helpers';

/** A branch's frozen result: overall, observer count, a bar per star and the comments (never who wrote them). */
export function ResultCard({ result, heading }: { result: BranchResult; heading: string }) {
  return (
    <View className="cx-card cx-observe-result" data-branch={result.branchId}>
      <View className="observe-item__head">
        <Text className="observe-item__title">{heading}</Text>
        <Text className="cx-tag observe-status--closed cx-observe-locked">已锁定</Text>
      </View>
      <View className="observe-item__head">
        <Text className="observe-overall cx-observe-overall">{formatScore(result.overall)}</Text>
        <Text className="observe-item__meta cx-observe-observer-count">{result.observerCount} 人评分 · 满分 10</Text>
      </View>
      {result.perStar.map((p) => (
        <View key={p.star} className="observe-bar cx-observe-bar" data-star={p.star} data-value={p.value === null ? '' : String(p.value)}>
          <Text className="observe-bar__label">{STAR_LABELS[p.star]}</Text>
          <View className="observe-bar__track">
            <View className="observe-bar__fill" style={{ width: `${barPercent(p.value)}%` }} />
          </View>
          <Text className="observe-bar__value">{formatScore(p.value)}</Text>
        </View>
      ))}
      <Text className="observe-hint">
        {result.perStar.some((p) => p.trimmed)
          ? '5 人及以上评分的星：去掉一个最高分和一个最低分后取平均'
          : '各星取评分平均值；总分为各星平均'}
      </Text>
      {result.perStar.map((p) =>
        p.count ? null : (
          <Text key={p.star} className="observe-hint">
            {STAR_LABELS[p.star]}：{trimmedNote(p)}
          </Text>
        ),
      )}
      {result.comments.length ? (
        <View className="cx-observe-comments">
          <Text className="cx-field__label">观摩意见</Text>
          {keyedByContent(result.comments, (c) => c).map(({ item: c, key }) => (
            <Text key={key} className="observe-comment cx-observe-comment-text">
              · {c}
            </Text>
          ))}
        </View>
      ) : null}
    </View>
  );
}
