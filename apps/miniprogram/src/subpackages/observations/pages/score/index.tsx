import { type BranchScore, OBSERVATION_STATUS_LABELS, type ObservationDetail, STAR_LABELS, type Star } from '@chuangxing/shared';
import { Button, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { accessibleControl } from '../../../../components/accessible-control';
import { PageRoot } from '../../../../components/page-root';
import { SignInNeeded } from '../../../../components/sign-in-needed';
import { EmptyView, ResourceView } from '../../../../components/state-views';
import { useMutation } from '../../../../hooks/use-mutation';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { expectStatus, failureError } from '../../../../services/api-failure';
import { openPage } from '../../../../services/navigation';
import { PAGES } from '../../../../services/routes';
import { monthLabel } from '../../observe-helpers';
import '../../observe.css';

const SCALE = Array.from({ length: 11 }, (_, i) => i);
type Branch = ObservationDetail['branches'][number];

/** One branch's sheet: a 0–10 row per star of its set, a comment, 保存 with 已保存 feedback. */
function BranchSheet({
  observationId,
  branch,
  saved,
  onClosed,
}: {
  observationId: string;
  branch: Branch;
  saved?: BranchScore;
  onClosed: (message: string) => void;
}) {
  const [scores, setScores] = useState<Partial<Record<Star, number>>>(() =>
    Object.fromEntries((saved?.scores ?? []).map((s) => [s.star, s.score])),
  );
  const [comment, setComment] = useState(saved?.comment ?? '');
  const [savedAt, setSavedAt] = useState(saved?.updatedAt);
  const [dirty, setDirty] = useState(false);
  const [problem, setProblem] = useState<string>();
  const { busy, run } = useMutation({
    // Locked meanwhile: the page reloads and says so.
    onConflict: (failure) => onClosed(failure.message),
    onError: (failure) => setProblem(failure.message),
  });

  const pick = (star: Star, score: number) => {
    setScores({ ...scores, [star]: score });
    setDirty(true);
  };

  const save = async () => {
    if (busy) return;
    const sheet = branch.stars.flatMap((star) => {
      const score = scores[star];
      return score === undefined ? [] : [{ star, score }];
    });
    if (!sheet.length) return setProblem('请至少为一颗星打分');
    setProblem(undefined);
    const res = await run(() =>
      api.scoreObservationBranch({ params: { observationId, branchId: branch.branchId }, body: { scores: sheet, comment } }),
    );
    if (!res) return;
    setSavedAt(res.body.updatedAt);
    setDirty(false);
    Taro.showToast({ title: '已保存', icon: 'success' }).catch(() => undefined);
  };

  const missing = branch.stars.filter((s) => scores[s] === undefined).length;
  return (
    <View className="cx-card cx-observe-sheet" data-branch={branch.branchId}>
      <View className="observe-item__head">
        <Text className="observe-item__title">{branch.name}</Text>
        <Text className={`cx-tag cx-tag--${branch.type}`}>{branch.type === 'rural' ? '农村' : '社区'}</Text>
      </View>
      <Text className="observe-hint">每颗星 0–10 分，点数字打分{missing ? `；还有 ${missing} 颗星未打分` : ''}</Text>
      {branch.stars.map((star) => (
        <View key={star} className="observe-star">
          <Text className="observe-star__label">{STAR_LABELS[star]}</Text>
          <View className="observe-scale">
            {SCALE.map((n) => (
              <View
                key={n}
                className={`observe-scale__item cx-observe-score${scores[star] === n ? ' observe-scale__item--on is-selected' : ''}`}
                data-star={star}
                data-score={String(n)}
                hoverClass="cx-pressed"
                {...accessibleControl({ onActivate: () => pick(star, n) })}
              >
                <Text>{n}</Text>
              </View>
            ))}
          </View>
        </View>
      ))}
      <View className="observe-textarea cx-observe-comment">
        <Textarea
          className="observe-textarea__input"
          value={comment}
          maxlength={300}
          placeholder="观摩意见：亮点、问题和建议（支部看到时不显示评分人）"
          onInput={(e) => {
            setComment(e.detail.value);
            setDirty(true);
          }}
        />
      </View>
      {problem ? <Text className="cx-form-problem cx-observe-problem">{problem}</Text> : null}
      {savedAt && !dirty ? <Text className="observe-saved cx-observe-saved">✓ 已保存</Text> : null}
      <Button
        className={`cx-btn cx-btn--primary cx-observe-save${busy ? ' cx-btn--disabled' : ''}`}
        disabled={busy || undefined}
        onClick={save}
      >
        {savedAt ? '保存修改' : '保存评分'}
      </Button>
    </View>
  );
}

/** 观摩评分 (`?id=`): an assigned observer scores each branch while the observation is open; re-saving overwrites. */
export default function ScoreObservationPage() {
  const { params } = useRouter();
  const session = useSession();
  const signedIn = Boolean(session.token);
  const id = params.id ?? '';
  const [closedNotice, setClosedNotice] = useState<string>();
  const { state, reload } = useResource(
    async () => {
      if (!id) throw failureError({ status: 404, message: '缺少观摩编号' });
      return expectStatus(await api.getObservation({ params: { observationId: id } }), 200);
    },
    [id, session.token],
    { enabled: signedIn },
  );

  if (!signedIn)
    return (
      <PageRoot className="observe">
        <SignInNeeded />
      </PageRoot>
    );
  return (
    <PageRoot className="observe">
      <ResourceView state={state} onRetry={reload}>
        {(obs) => {
          const mine = (branchId: string) => obs.scores.find((s) => s.branchId === branchId && s.observerId === session.me?.user.id);
          const locked = obs.status === 'closed' || Boolean(closedNotice);
          return (
            <View>
              <View className="cx-card">
                <View className="observe-item__head">
                  <Text className="observe-item__title">{obs.title}</Text>
                  <Text className={`cx-tag observe-status--${locked ? 'closed' : 'open'} cx-observe-status`}>
                    {OBSERVATION_STATUS_LABELS[locked ? 'closed' : obs.status]}
                  </Text>
                </View>
                <Text className="observe-item__meta">
                  {monthLabel(obs.month)} · {obs.organiserLabel}
                </Text>
                <Text className="observe-hint">评分期间只能看到自己的评分，锁定后公布结果。</Text>
              </View>
              {closedNotice ? <Text className="cx-form-problem cx-observe-problem">{closedNotice}</Text> : null}
              {!obs.assigned ? (
                <EmptyView text="您不是这次观摩的评分人员">
                  <Button className="cx-btn" onClick={() => openPage(PAGES.observationResults(obs.id))}>
                    查看结果
                  </Button>
                </EmptyView>
              ) : locked ? (
                <EmptyView text="评分已结束，锁定后的结果可以查看">
                  <Button
                    className="cx-btn cx-btn--primary cx-observe-open-results"
                    onClick={() => openPage(PAGES.observationResults(obs.id))}
                  >
                    查看结果
                  </Button>
                </EmptyView>
              ) : (
                obs.branches.map((b) => (
                  <BranchSheet key={b.branchId} observationId={obs.id} branch={b} saved={mine(b.branchId)} onClosed={setClosedNotice} />
                ))
              )}
            </View>
          );
        }}
      </ResourceView>
    </PageRoot>
  );
}
