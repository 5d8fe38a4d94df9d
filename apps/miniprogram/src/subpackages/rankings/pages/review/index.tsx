import {
  type DistrictRanking,
  formatShanghaiDateTime,
  RANKING_STATUS_LABELS,
  type RankingRow,
  type RankingVersion,
} from '@chuangxing/shared';
import { Button, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { accessibleControl } from '../../../../components/accessible-control';
import { FieldProblem } from '../../../../components/field-problem';
import { PageRoot } from '../../../../components/page-root';
import { BindingNeeded, SignInNeeded } from '../../../../components/sign-in-needed';
import { EmptyView, ResourceView } from '../../../../components/state-views';
import { useMutation } from '../../../../hooks/use-mutation';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { expectStatus, fieldErrorsOf, toFailure } from '../../../../services/api-failure';
import { openPage } from '../../../../services/navigation';
import { PAGES } from '../../../../services/routes';
import { QuarterSwitcher, RankRow } from '../../components/bits';
import { downloadRankingXlsx } from '../../services/export-ranking';
import { shortHash } from '../../services/labels';
import { quarterLabel, quarterParam } from '../../services/quarter';
import { runsRankings } from '../../services/ranking-access';
import '../../ranking.css';

const ignore = () => undefined;
/** A run stops between townships when its time budget runs short; the page calls again until complete. */
const MAX_RUN_CALLS = 500;
const PREVIEW_SIZE = 50;

async function exportVersion(quarter: string, version: number) {
  Taro.showLoading({ title: '正在导出' }).catch(ignore);
  try {
    await downloadRankingXlsx(quarter, version);
  } catch (err) {
    Taro.showToast({ title: toFailure(err).message, icon: 'none' }).catch(ignore);
  } finally {
    Taro.hideLoading();
  }
}

function VersionItem({ v, quarter }: { v: RankingVersion; quarter: string }) {
  return (
    <View
      className={`review-version cx-review-version is-${v.status}${v.current ? ' is-current' : ''}`}
      data-version={v.version}
      data-status={v.status}
    >
      <View className="review-version__head">
        <Text className="review-version__title">第 {v.version} 版</Text>
        <Text className={`ranking-status ranking-status--${v.status} cx-review-version-status`}>
          {RANKING_STATUS_LABELS[v.status]}
          {v.current ? ' · 现行' : ''}
        </Text>
      </View>
      <Text className="review-version__line">
        {v.trigger === 'schedule' ? '季度末自动计算' : '手动计算'} ·{' '}
        {v.scoringVersion ? `评分模型第 ${v.scoringVersion} 版` : '默认评分模型'} · {v.branchCount} 个支部
      </Text>
      <Text className="review-version__line cx-review-version-hash">输入摘要 {shortHash(v.inputsHash)}</Text>
      <Text className="review-version__line">
        计算于 {formatShanghaiDateTime(v.createdAt)}
        {v.publishedAt ? ` · 发布于 ${formatShanghaiDateTime(v.publishedAt)}` : ''}
      </Text>
      {v.status === 'computing' ? (
        <Text className="review-version__line">
          已计算 {v.townshipsDone} / {v.townshipsTotal} 个乡镇
        </Text>
      ) : (
        <View
          className="review-version__export cx-review-export"
          hoverClass="cx-pressed"
          {...accessibleControl({ onActivate: () => void exportVersion(quarter, v.version) })}
        >
          <Text>导出 Excel ›</Text>
        </View>
      )}
    </View>
  );
}

/** 审核草稿: the draft's rows, annotations (whole ranking or one branch), then 发布 after a confirm. */
function DraftReview({ quarter, draft, onChanged }: { quarter: string; draft: RankingVersion; onChanged: () => void }) {
  const [version, setVersion] = useState(draft);
  const [branch, setBranch] = useState<RankingRow | undefined>();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState('');
  const { busy, run } = useMutation({ onError: (failure) => setProblem(failure.message) });
  const preview = useResource(
    async (): Promise<DistrictRanking> =>
      expectStatus(await api.getRanking({ params: { quarter }, query: { version: draft.version, offset: 0, limit: PREVIEW_SIZE } }), 200),
    [quarter, draft.version],
  );

  const names = new Map(preview.state.kind === 'ready' ? preview.state.data.rows.map((r) => [r.branchId, r.branchName] as const) : []);

  const annotate = async () => {
    if (busy) return;
    if (!text.trim()) {
      setProblem('请填写批注');
      return;
    }
    setProblem('');
    const res = await run(
      () =>
        api.annotateRanking({
          params: { quarter, version: version.version },
          body: { text: text.trim(), revision: version.revision, ...(branch ? { branchId: branch.branchId } : {}) },
        }),
      {
        onConflict: (failure) => {
          setProblem(`${failure.message}。已重新加载，请核对后再批注`);
          onChanged();
        },
        onError: (failure, body) => {
          const fields = fieldErrorsOf(body);
          setProblem(fields.text ?? fields.branchId ?? failure.message);
        },
      },
    );
    if (!res) return;
    setVersion(res.body);
    setText('');
    setBranch(undefined);
    preview.reload();
    Taro.showToast({ title: '已添加批注', icon: 'success' }).catch(ignore);
  };

  const publish = async () => {
    if (busy) return;
    const { confirm } = await Taro.showModal({
      title: '发布排名',
      content: `发布${quarterLabel(quarter)}第 ${version.version} 版排名？发布后各级领导和乡镇即可查看，且不可再修改（更正需重新计算新版本）。`,
      confirmText: '发布',
      cancelText: '取消',
    });
    if (!confirm) return;
    setProblem('');
    const res = await run(
      () => api.publishRanking({ params: { quarter, version: version.version }, body: { revision: version.revision } }),
      {
        onConflict: (failure) => {
          setProblem(`${failure.message}。已重新加载`);
          onChanged();
        },
      },
    );
    if (!res) return;
    Taro.showToast({ title: '已发布', icon: 'success' }).catch(ignore);
    onChanged();
  };

  return (
    <View className="cx-card review-draft cx-review-draft" data-version={version.version}>
      <Text className="ranking-card-title">审核第 {version.version} 版草稿</Text>
      <Text className="ranking-muted">点支部可对该支部批注；不选支部则批注整个排名。批注随排名发布。</Text>
      {version.annotations.length ? (
        <View className="review-annotations">
          {version.annotations.map((a) => (
            <View key={a.id} className="review-annotation cx-review-annotation" data-branch={a.branchId ?? ''}>
              {a.branchId ? `【${a.branchName ?? names.get(a.branchId) ?? a.branchId}】` : '【整体】'}
              {a.text}（{a.byName}）
            </View>
          ))}
        </View>
      ) : null}
      <ResourceView state={preview.state} onRetry={preview.reload}>
        {(data) => (
          <View className="review-rows">
            <Text className="ranking-muted">
              共 {data.matched} 个支部{data.matched > data.rows.length ? `，以下为前 ${data.rows.length} 名（完整名单请导出 Excel）` : ''}
            </Text>
            {data.rows.map((row) => (
              <View key={row.branchId} className={branch?.branchId === row.branchId ? 'review-row is-selected' : 'review-row'}>
                <RankRow
                  row={row}
                  quarter={quarter}
                  version={version.version}
                  onTap={(r) => setBranch(branch?.branchId === r.branchId ? undefined : r)}
                />
              </View>
            ))}
          </View>
        )}
      </ResourceView>
      <View className="review-annotate">
        <Text className="cx-field__label cx-review-target">批注对象：{branch ? branch.branchName : '整个排名'}</Text>
        {branch ? (
          <View
            className="ranking-link cx-review-open-scorecard"
            hoverClass="cx-pressed"
            {...accessibleControl({ onActivate: () => openPage(PAGES.rankingScorecard(quarter, branch.branchId, version.version)) })}
          >
            <Text>查看该支部成绩单 ›</Text>
          </View>
        ) : null}
        <Textarea
          className="cx-input review-annotate__text cx-review-annotation-text"
          value={text}
          maxlength={200}
          placeholder="例如：该社区本季度来信办理突出，建议通报表扬"
          onInput={(e) => setText(e.detail.value)}
        />
        <FieldProblem text={problem} className="cx-review-problem" />
        <Button
          className={`cx-btn cx-review-annotate${busy ? ' cx-btn--disabled' : ''}`}
          disabled={busy || undefined}
          onClick={() => void annotate()}
        >
          添加批注
        </Button>
        <Button
          className={`cx-btn cx-btn--primary cx-review-publish${busy ? ' cx-btn--disabled' : ''}`}
          disabled={busy || undefined}
          onClick={() => void publish()}
        >
          发布第 {version.version} 版
        </Button>
      </View>
    </View>
  );
}

function Review({ quarter }: { quarter: string }) {
  const versions = useResource(async () => expectStatus(await api.listRankingVersions({ params: { quarter } }), 200), [quarter]);
  const [progress, setProgress] = useState<{ done: number; total: number } | undefined>();
  const [runProblem, setRunProblem] = useState('');

  const computing = useMutation({
    onError: (failure, body) =>
      // No answer mid-run: what is computed is kept, and the next run carries on from there.
      setRunProblem(body === undefined ? `${failure.message}（已算完的乡镇会保留，再点一次继续）` : failure.message),
  });
  const run = async () => {
    if (progress) return;
    setRunProblem('');
    setProgress({ done: 0, total: 0 });
    // A run stops between townships when its time budget runs short: call again until it is complete.
    const res = await computing.run(async () => {
      for (let i = 0; i < MAX_RUN_CALLS; i++) {
        const answer = await api.runRanking({ params: { quarter }, body: {} });
        if (answer.status !== 200 || answer.body.complete) return answer;
        setProgress({ done: answer.body.ranking.townshipsDone, total: answer.body.ranking.townshipsTotal });
      }
      return undefined;
    });
    setProgress(undefined);
    versions.reload();
    if (res?.body.complete) Taro.showToast({ title: `第 ${res.body.ranking.version} 版已算完`, icon: 'success' }).catch(ignore);
  };

  return (
    <ResourceView state={versions.state} onRetry={versions.reload}>
      {(list) => {
        const computing = list.versions.find((v) => v.status === 'computing');
        const newest = list.versions[0];
        const draft = newest?.status === 'draft' ? newest : undefined;
        return (
          <View>
            <View className="cx-card review-run">
              <Text className="ranking-card-title">计算排名</Text>
              <Text className="ranking-muted">
                按现行评分模型计算{quarterLabel(quarter)}各支部得分，生成新的草稿版本；已发布的版本不受影响。
              </Text>
              {progress ? (
                <Text className="review-progress cx-review-progress">
                  正在计算… 已计算 {progress.done} / {progress.total || '—'} 个乡镇
                </Text>
              ) : null}
              <FieldProblem text={runProblem} className="cx-review-run-problem" />
              <Button
                className={`cx-btn cx-btn--primary cx-review-run${progress ? ' cx-btn--disabled' : ''}`}
                disabled={Boolean(progress) || undefined}
                onClick={() => void run()}
              >
                {progress
                  ? '计算中…'
                  : computing
                    ? `继续计算（已 ${computing.townshipsDone} / ${computing.townshipsTotal}）`
                    : draft || list.publishedVersion
                      ? '重新计算（生成新版本）'
                      : '计算本季度排名'}
              </Button>
            </View>
            {draft && !progress ? (
              <DraftReview key={`${draft.version}-${draft.revision}`} quarter={quarter} draft={draft} onChanged={versions.reload} />
            ) : null}
            <View className="cx-section-title">版本记录</View>
            {list.versions.length ? (
              <View className="cx-card review-versions">
                {list.versions.map((v) => (
                  <VersionItem key={v.version} v={v} quarter={quarter} />
                ))}
              </View>
            ) : (
              <EmptyView text="本季度还没有计算过排名" />
            )}
            <View
              className="ranking-link cx-review-scoring"
              hoverClass="cx-pressed"
              {...accessibleControl({ onActivate: () => openPage(PAGES.scoringModel) })}
            >
              <Text>评分模型（权重、扣分、星级规则、榜单名额）›</Text>
            </View>
          </View>
        );
      }}
    </ResourceView>
  );
}

/** 评比管理 (district admins): `?quarter=` */
export default function ReviewPage() {
  const { params } = useRouter();
  const session = useSession();
  const [quarter, setQuarter] = useState(() => quarterParam(params.quarter));
  if (!session.token)
    return (
      <PageRoot>
        <SignInNeeded />
      </PageRoot>
    );
  if (!runsRankings(session.me))
    return (
      <PageRoot>
        <BindingNeeded text="评比管理仅限区委组织部管理员" />
      </PageRoot>
    );
  return (
    <PageRoot className="ranking-page cx-review-page">
      <QuarterSwitcher quarter={quarter} onChange={setQuarter} />
      <Review key={quarter} quarter={quarter} />
      <View
        className="ranking-link cx-review-ranking"
        hoverClass="cx-pressed"
        {...accessibleControl({ onActivate: () => openPage(PAGES.ranking(quarter)) })}
      >
        <Text>查看已发布的排名 ›</Text>
      </View>
    </PageRoot>
  );
}
