import { FINDING_STATUS_LABELS, type FindingStatus, formatShanghaiDate, type StarReviewContext } from '@chuangxing/shared';
import { Text, View } from '@tarojs/components';
import { ResourceView } from '../../../components/state-views';
import { useResource } from '../../../hooks/use-resource';
import { api } from '../../../services/api';
import { expectStatus } from '../../../services/api-failure';

const pct = (rate: number) => `${Math.round(rate * 100)}%`;

/** What the product already knows of the branch and this star, beside the self-assessment (reviewers only). */
export function ReviewContextPanel({ context }: { context: StarReviewContext }) {
  const { observations, findings, vetoHits, reportItems, letters } = context;
  return (
    <View className="cx-card stars-context cx-star-context">
      <Text className="cx-section-title">平时掌握的情况</Text>
      <View className="stars-context__block cx-star-context-observations">
        <Text className="stars-context__title">观摩得分（本季度和上季度）</Text>
        {observations.length ? (
          observations.map((o) => (
            <Text key={o.observationId} className="stars-hint">
              {o.month} · {o.title}：{o.value === null ? '未评分' : `${o.value} 分`}
            </Text>
          ))
        ) : (
          <Text className="stars-hint">没有观摩记录</Text>
        )}
      </View>
      <View className="stars-context__block cx-star-context-findings">
        <Text className="stars-context__title">问题清单</Text>
        <Text className={`stars-hint${findings.overdue ? ' stars-warn' : ''}`}>
          未销号 {findings.open} 项，其中超期 {findings.overdue} 项；已销号 {findings.closed} 项
        </Text>
      </View>
      <View className="stars-context__block cx-star-context-vetoes">
        <Text className="stars-context__title">否决项问题</Text>
        {vetoHits.length ? (
          vetoHits.map((v) => (
            <Text key={v.findingId} className="stars-hint stars-warn cx-star-veto-hit">
              {v.vetoText}（{formatShanghaiDate(v.createdAt)}，{FINDING_STATUS_LABELS[v.status as FindingStatus] ?? v.status}）
            </Text>
          ))
        ) : (
          <Text className="stars-hint">没有涉及否决项的问题</Text>
        )}
      </View>
      <View className="stars-context__block cx-star-context-reports">
        <Text className="stars-context__title">日报中与本星相关的工作（近 90 天）</Text>
        {reportItems.length ? (
          reportItems.slice(0, 10).map((r) => (
            <Text key={`${r.day}-${r.taskId ?? ''}-${r.text}`} className="stars-hint">
              {r.day}：{r.text}
            </Text>
          ))
        ) : (
          <Text className="stars-hint">近 90 天日报中没有标注本星的工作</Text>
        )}
      </View>
      <View className="stars-context__block cx-star-context-letters">
        <Text className="stars-context__title">清风邮局三率（本季度和上季度）</Text>
        <Text className="stars-hint">
          {letters
            ? `来信 ${letters.received} 件 · 响应率 ${pct(letters.responseRate)} · 办结率 ${pct(letters.resolutionRate)} · 满意率 ${pct(letters.satisfactionRate)}`
            : '这段时间没有来信'}
        </Text>
      </View>
    </View>
  );
}

/**
 * The review context of an application, read from its own route (served apart from the application) when the
 * detail says the caller oversees the branch; read again when the application moves to another version.
 */
export function ReviewContextSection({ applicationId, version }: { applicationId: string; version: number }) {
  const { state, reload } = useResource(
    async () => expectStatus(await api.getStarReviewContext({ params: { applicationId } }), 200),
    [applicationId, version],
  );
  return (
    <ResourceView state={state} onRetry={reload}>
      {(context) => <ReviewContextPanel context={context} />}
    </ResourceView>
  );
}
