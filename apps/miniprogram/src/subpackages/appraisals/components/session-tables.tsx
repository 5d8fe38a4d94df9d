import { type AppraisalSession, SCORER_GROUP_LABELS, SCORER_GROUPS } from '@chuangxing/shared';
import { Text, View } from '@tarojs/components';
import { formatScore } from '../appraisal-helpers';

type Results = NonNullable<AppraisalSession['results']>;

/** After close: rank, branch, weighted score, each group's mean and the weight applied (无数据 for the unscored). */
export function ResultsTable({ results }: { results: Results }) {
  const sorted = [...results].sort((a, b) => (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER));
  return (
    <View className="cx-card cx-appr-results">
      <Text className="cx-field__label">评议结果</Text>
      <View className="appr-table">
        <View className="appr-table__row appr-table__head">
          <Text className="appr-table__cell">名次</Text>
          <Text className="appr-table__cell appr-table__cell--wide">支部</Text>
          <Text className="appr-table__cell">得分</Text>
        </View>
        {sorted.map((r) => (
          <View key={r.branchId} className="cx-appr-result" data-branch={r.branchId}>
            <View className="appr-table__row">
              <Text className="appr-table__cell cx-appr-rank">{r.rank ?? '—'}</Text>
              <Text className="appr-table__cell appr-table__cell--wide">{r.branchName}</Text>
              <Text className="appr-table__cell cx-appr-score">{formatScore(r.score)}</Text>
            </View>
            <Text className="appr-meta cx-appr-groups">
              {SCORER_GROUPS.map((g) => `${SCORER_GROUP_LABELS[g]} ${formatScore(r.groups[g])}（权重 ${r.appliedWeights[g]}%）`).join('；')}
            </Text>
          </View>
        ))}
      </View>
    </View>
  );
}

/** While scoring: how many sheets each branch has from each group; counts only, never who scored what. */
export function ProgressTable({ session }: { session: AppraisalSession }) {
  const progress = session.progress ?? [];
  const nameOf = (id: string) => session.branches.find((b) => b.branchId === id)?.branchName ?? id;
  return (
    <View className="cx-card cx-appr-progress">
      <Text className="cx-field__label">评分进度（已收到的评分表份数）</Text>
      <View className="appr-table">
        <View className="appr-table__row appr-table__head">
          <Text className="appr-table__cell appr-table__cell--wide">支部</Text>
          {SCORER_GROUPS.map((g) => (
            <Text key={g} className="appr-table__cell">
              {g === 'committee' ? '党委' : SCORER_GROUP_LABELS[g]}
            </Text>
          ))}
        </View>
        {progress.map((p) => (
          <View key={p.branchId} className="appr-table__row cx-appr-progress-row" data-branch={p.branchId}>
            <Text className="appr-table__cell appr-table__cell--wide">{nameOf(p.branchId)}</Text>
            {SCORER_GROUPS.map((g) => (
              <View key={g} className="appr-table__cell cx-appr-count" data-group={g}>
                <Text>{p[g]} 份</Text>
              </View>
            ))}
          </View>
        ))}
      </View>
    </View>
  );
}

/** The one-time codes for resident representatives (staff only), each marked when taken. */
export function SeatCodes({ seats, redeemUrl }: { seats: NonNullable<AppraisalSession['seats']>; redeemUrl: string }) {
  return (
    <View className="cx-card cx-appr-seats-list">
      <Text className="cx-field__label">
        居民代表评议码（{seats.filter((s) => s.redeemed).length}/{seats.length} 已使用）
      </Text>
      <Text className="appr-hint">每位代表一个码，当面发放；代表在“输入评议码”页输入后即可打分，每个码只能用一次。</Text>
      <View>
        {seats.map((s) => (
          <Text key={s.code} className={`appr-code cx-appr-code${s.redeemed ? ' appr-code--used is-used' : ''}`}>
            {s.code}
            {s.redeemed ? '（已用）' : ''}
          </Text>
        ))}
      </View>
      <Text className="appr-hint cx-appr-redeem-link">代表入口：{redeemUrl}</Text>
    </View>
  );
}
