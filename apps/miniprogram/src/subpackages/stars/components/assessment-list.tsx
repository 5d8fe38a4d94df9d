import { formatShanghaiDateTime, STAR_EVENT_LABELS, type StarApplicationEvent, type StarAssessmentItem } from '@chuangxing/shared';
import { Image, Text, View } from '@tarojs/components';
import { accessibleControl } from '../../../components/accessible-control';
import { previewImages } from '../../../services/image-preview';
import { answerLabels } from '../services/assessment-draft';

const preview = (urls: string[], current: string) => previewImages(urls, current).catch(() => undefined);

/** The self-assessment as submitted: each item's answer, note, evidence photos and the last return reason. */
export function AssessmentList({ items }: { items: StarAssessmentItem[] }) {
  return (
    <View className="cx-card cx-star-assessment">
      <Text className="cx-section-title">支部自评</Text>
      {items.map((item, i) => {
        const labels = answerLabels(item.kind);
        return (
          <View key={item.itemId} className={`stars-row cx-star-row${item.met ? ' is-met' : ' is-unmet'}`} data-item={item.itemId}>
            <View className="stars-item__head">
              <Text className={`cx-tag stars-kind stars-kind--${item.kind}`}>{item.kind === 'task' ? '重点任务' : '否决项'}</Text>
              <Text className="stars-item__title">
                {i + 1}. {item.title}
              </Text>
            </View>
            <Text className={`stars-answer cx-star-row-answer${item.met ? '' : ' stars-warn'}`}>
              自评：{item.met ? labels.met : labels.unmet}
            </Text>
            {item.note ? <Text className="stars-hint">{item.note}</Text> : null}
            {item.photoUrls.length ? (
              <View className="stars-photos">
                {item.photoUrls.map((u, n) => (
                  <View
                    key={u}
                    className="stars-photo-wrap"
                    {...accessibleControl({ label: `查看第 ${i + 1} 项佐证照片 ${n + 1}`, onActivate: () => preview(item.photoUrls, u) })}
                  >
                    <Image className="stars-photo" src={u} mode="aspectFill" nativeProps={{ alt: `第 ${i + 1} 项佐证照片 ${n + 1}` }} />
                  </View>
                ))}
              </View>
            ) : null}
            {item.returnReason ? <Text className="stars-return-reason cx-star-row-return">退回原因：{item.returnReason}</Text> : null}
          </View>
        );
      })}
    </View>
  );
}

/** Every step with who took it, when, and why; oldest first. */
export function HistoryList({ history, titles }: { history: StarApplicationEvent[]; titles: Map<string, string> }) {
  return (
    <View className="cx-card cx-star-history">
      <Text className="cx-section-title">办理记录</Text>
      {history.map((h) => (
        <View key={`${h.version}-${h.kind}`} className="stars-event cx-star-event" data-kind={h.kind}>
          <Text className="stars-event__head">
            {STAR_EVENT_LABELS[h.kind]} · {h.actorName} · {formatShanghaiDateTime(h.at)}
          </Text>
          {h.note ? <Text className="stars-hint">意见：{h.note}</Text> : null}
          {h.reasons?.map((r) => (
            <Text key={r.itemId} className="stars-hint stars-warn">
              {titles.get(r.itemId) ?? r.itemId}：{r.reason}
            </Text>
          ))}
        </View>
      ))}
    </View>
  );
}
