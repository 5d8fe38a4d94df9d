import { formatShanghaiDate, type MyStarObjection, STAR_LABELS, STAR_OBJECTION_STATUS_LABELS } from '@chuangxing/shared';
import { Text, View } from '@tarojs/components';
import { EmptyView, ErrorView, LoadingView } from '../../../components/state-views';
import type { Resource } from '../../../hooks/use-resource';

/** 我的异议: the caller's own objections with the outcome and the district's reason. */
export function MyObjections({ state, onRetry }: { state: Resource<{ objections: MyStarObjection[] }>; onRetry: () => void }) {
  return (
    <View className="cx-star-mine">
      <Text className="cx-section-title">我的异议</Text>
      {state.kind === 'failed' ? (
        <ErrorView failure={state.failure} onRetry={onRetry} />
      ) : state.kind !== 'ready' ? (
        <LoadingView />
      ) : state.data.objections.length ? (
        state.data.objections.map((o) => (
          <View key={o.id} className={`cx-card stars-mine cx-star-mine-item is-${o.status}`} data-id={o.id} data-status={o.status}>
            <View className="stars-app__head">
              <Text className="stars-app__title">
                {o.branchName} · {STAR_LABELS[o.star]}
              </Text>
              <Text className={`stars-status stars-objection--${o.status} cx-star-mine-status`}>
                {STAR_OBJECTION_STATUS_LABELS[o.status]}
              </Text>
            </View>
            <Text className="stars-hint">
              {formatShanghaiDate(o.createdAt)} {o.anonymous ? '匿名提出' : '署名提出'}：{o.text}
            </Text>
            {o.resolution ? (
              <Text className="stars-hint cx-star-mine-reason">
                处理理由：{o.resolution.reason}（{formatShanghaiDate(o.resolution.at)}）
              </Text>
            ) : (
              <Text className="stars-hint">区委组织部正在核实，处理后这里会显示结果和理由</Text>
            )}
          </View>
        ))
      ) : (
        <EmptyView text="您还没有提出过异议" />
      )}
    </View>
  );
}
