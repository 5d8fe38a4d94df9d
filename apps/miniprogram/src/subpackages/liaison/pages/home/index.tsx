import { LIAISON_VISIT_KIND_LABELS, type LiaisonTownship, STAR_APPLICATION_STATUS_LABELS, STAR_LABELS } from '@chuangxing/shared';
import { Text, View } from '@tarojs/components';
import { accessibleControl } from '../../../../components/accessible-control';
import { PageRoot } from '../../../../components/page-root';
import { SignInNeeded } from '../../../../components/sign-in-needed';
import { StarChips } from '../../../../components/star-chips';
import { EmptyView, ResourceView } from '../../../../components/state-views';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { expectStatus } from '../../../../services/api-failure';
import { keyedByContent } from '../../../../services/list-keys';
import { openPage } from '../../../../services/navigation';
import { PAGES } from '../../../../services/routes';
import { LevelBars } from '../../level-bars';
import { levelSummary } from '../../liaison-helpers';
import '../../liaison.css';

function TownshipSection({ township }: { township: LiaisonTownship }) {
  const review = township.underReview;
  return (
    <View className="cx-card cx-liaison-township" data-id={township.id}>
      <Text className="liaison-title">{township.name}</Text>
      <Text className="liaison-muted cx-liaison-levels">{levelSummary(township)}</Text>

      <Text className="cx-section-title">评星进度</Text>
      <Text className="liaison-text cx-liaison-review">
        待初审 {review.township_review} · 待复审 {review.district_review} · 公示中 {review.publicity}
      </Text>
      {review.items.map((a) => (
        <Text key={a.id} className="liaison-muted cx-liaison-review-item">
          {a.branchName} · {STAR_LABELS[a.star]} · {STAR_APPLICATION_STATUS_LABELS[a.status]}
        </Text>
      ))}

      <Text className="cx-section-title">五星候选</Text>
      {township.candidates.length ? (
        township.candidates.map((c) => (
          <View key={c.branchId} className="liaison-list cx-liaison-candidate" data-id={c.branchId}>
            <Text className="liaison-text">{c.branchName}</Text>
            <Text className="liaison-muted">长板：{c.strengths}</Text>
            <Text className="liaison-muted">短板：{c.weaknesses}</Text>
            <Text className="liaison-muted">底板：{c.baseline}</Text>
          </View>
        ))
      ) : (
        <Text className="liaison-muted">还没有五星候选</Text>
      )}

      <Text className="cx-section-title">逾期问题</Text>
      {township.overdueFindings.length ? (
        keyedByContent(township.overdueFindings, (f) => `${f.branchId}-${f.star}-${f.deadline}`).map(({ item: f, key }) => (
          <Text key={key} className="liaison-alert cx-liaison-overdue">
            {f.branchName} · {STAR_LABELS[f.star]} · 整改期限 {f.deadline}
          </Text>
        ))
      ) : (
        <Text className="liaison-muted">没有逾期未改的问题</Text>
      )}

      <Text className="cx-section-title">各支部（点击记录走访）</Text>
      <View className="liaison-list">
        {township.branches.map((b) => (
          <View
            key={b.id}
            className="liaison-branch cx-liaison-branch"
            data-id={b.id}
            hoverClass="cx-pressed"
            {...accessibleControl({ onActivate: () => openPage(PAGES.liaisonBranch(b.id)) })}
          >
            <View className="liaison-row">
              <Text className="liaison-text">{b.name}</Text>
              <LevelBars stars={b.stars} />
              {b.candidate ? <Text className="liaison-tag">五星候选</Text> : null}
              {b.overdueFindings ? <Text className="liaison-tag">逾期 {b.overdueFindings}</Text> : null}
            </View>
            {b.stars.length ? <StarChips stars={b.stars} /> : null}
          </View>
        ))}
      </View>

      <Text className="cx-section-title">最近走访</Text>
      {township.recentVisits.length ? (
        township.recentVisits.map((v) => (
          <Text key={v.id} className="liaison-muted cx-liaison-visit">
            {v.date} · {v.branchName} · {LIAISON_VISIT_KIND_LABELS[v.kind]} · {v.leaderName}：{v.notes}
          </Text>
        ))
      ) : (
        <Text className="liaison-muted">还没有走访记录</Text>
      )}
    </View>
  );
}

/** 我包联的乡镇: each assigned township's levels, applications under review, 五星 candidates, overdue findings and visits. */
export default function LiaisonHomePage() {
  const session = useSession();
  const { state, reload } = useResource(async () => expectStatus(await api.getMyLiaison({}), 200), [], {
    enabled: Boolean(session.token),
  });
  if (!session.token)
    return (
      <PageRoot>
        <SignInNeeded />
      </PageRoot>
    );
  return (
    <PageRoot className="cx-liaison-page">
      <ResourceView state={state} onRetry={reload}>
        {(home) =>
          home.townships.length ? (
            <View>
              {home.townships.map((t) => (
                <TownshipSection key={t.id} township={t} />
              ))}
            </View>
          ) : (
            <EmptyView text="区委组织部还没有给您安排包联乡镇（街道）" />
          )
        }
      </ResourceView>
    </PageRoot>
  );
}
