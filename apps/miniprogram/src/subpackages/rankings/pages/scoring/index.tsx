import { formatShanghaiDate, type ScoringDraft, type ScoringModel } from '@chuangxing/shared';
import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { FieldProblem } from '../../../../components/field-problem';
import { PageRoot } from '../../../../components/page-root';
import { BindingNeeded, SignInNeeded } from '../../../../components/sign-in-needed';
import { ResourceView } from '../../../../components/state-views';
import { useMutation } from '../../../../hooks/use-mutation';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { expectStatus, type Failure, fieldErrorsOf } from '../../../../services/api-failure';
import { readsRankings, runsRankings } from '../../services/ranking-access';
import {
  checkScoring,
  contentOf,
  groupSum,
  SCORING_FIELDS,
  SCORING_GROUPS,
  type ScoringValues,
  valuesOf,
} from '../../services/scoring-form';
import '../../ranking.css';

const ignore = () => undefined;

/** The model in force, read-only: every field with its value. */
function ModelView({ model }: { model: ScoringModel }) {
  const values = valuesOf(model.content);
  return (
    <View className="cx-card scoring-model cx-scoring-model" data-version={model.version}>
      <Text className="ranking-card-title cx-scoring-version">{model.version ? `现行第 ${model.version} 版` : '现行：默认评分模型'}</Text>
      <Text className="ranking-muted">
        {model.version ? `发布于 ${formatShanghaiDate(model.publishedAt)}` : '区里尚未发布自己的评分模型'}
        {model.note ? ` · ${model.note}` : ''}
      </Text>
      {SCORING_GROUPS.map((g) => (
        <View key={g.key} className="scoring-view-group">
          <Text className="scoring-view-group__title">{g.title}</Text>
          <Text className="scoring-view-group__line">
            {SCORING_FIELDS.filter((f) => f.group === g.key)
              .map((f) => `${f.label} ${values[f.path]}${f.unit}`)
              .join(' · ')}
          </Text>
        </View>
      ))}
    </View>
  );
}

/** The draft (district admins): 保存草稿 with its revision, 发布新版本 with a note after a confirm; 409 → reload hint. */
function DraftEditor({ draft, onReload, onPublished }: { draft: ScoringDraft; onReload: () => void; onPublished: () => void }) {
  const [values, setValues] = useState<ScoringValues>(() => valuesOf(draft.content));
  const [revision, setRevision] = useState(draft.revision);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState('');
  const [stale, setStale] = useState('');
  const [dirty, setDirty] = useState(false);
  const { busy, run } = useMutation({
    onConflict: (failure) => setStale(`${failure.message}：评分模型草稿已被他人修改或已发布，请重新加载后再改`),
    onError: (failure) => setProblem(failure.message),
  });

  const set = (path: string, v: string) => {
    setValues({ ...values, [path]: v });
    setDirty(true);
  };

  /** The save request, or undefined when the local check fails (its problems are shown). */
  const saveRequest = () => {
    const local = checkScoring(values);
    setErrors(local);
    setProblem('');
    if (Object.keys(local).length) {
      setProblem('有几项需要修改，见标红处');
      return undefined;
    }
    return api.putScoringDraft({ body: { content: contentOf(values), revision } });
  };
  /** The server's field errors of a refused save, next to their fields. */
  const saveRefused = (failure: Failure, body?: unknown) => {
    const fields = fieldErrorsOf(body);
    setErrors(Object.fromEntries(Object.entries(fields).map(([k, m]) => [k.replace(/^content\./, ''), m])));
    setProblem(failure.message);
  };
  const saved = (draft: ScoringDraft) => {
    setRevision(draft.revision);
    setDirty(false);
  };

  const onSave = async () => {
    if (busy) return;
    const res = await run(async () => saveRequest(), { onError: saveRefused });
    if (!res) return;
    saved(res.body);
    Taro.showToast({ title: '草稿已保存', icon: 'success' }).catch(ignore);
  };

  const onPublish = async () => {
    if (busy) return;
    if (note.trim().length < 2) {
      setProblem('请填写版本说明（至少 2 个字）');
      return;
    }
    const { confirm } = await Taro.showModal({
      title: '发布评分模型',
      content: '发布后，此后计算的排名都按新模型计分；已计算的版本不变。确定发布吗？',
      confirmText: '发布',
      cancelText: '取消',
    });
    if (!confirm) return;
    // An unsaved draft is saved first; a refused save is reported as one.
    let saving = false;
    const res = await run(
      async () => {
        let rev = revision;
        if (dirty || revision === 0) {
          saving = true;
          const draft = await saveRequest();
          if (draft?.status !== 200) return draft;
          saved(draft.body);
          saving = false;
          rev = draft.body.revision;
        }
        return api.publishScoringModel({ body: { revision: rev, note: note.trim() } });
      },
      { onError: (failure, body) => (saving ? saveRefused(failure, body) : setProblem(fieldErrorsOf(body).note ?? failure.message)) },
    );
    if (res?.status !== 201) return;
    Taro.showToast({ title: `第 ${res.body.version} 版已发布`, icon: 'success' }).catch(ignore);
    onPublished();
  };

  const weightSum = groupSum(values, 'weights');
  const rateSum = groupSum(values, 'letterRateWeights');
  return (
    <View className="cx-card scoring-editor cx-scoring-editor" data-revision={revision}>
      <Text className="ranking-card-title">编辑草稿</Text>
      <Text className="ranking-muted">
        基于{draft.basedOnVersion ? `第 ${draft.basedOnVersion} 版` : '默认评分模型'}
        {draft.updatedAt ? ` · 上次保存 ${formatShanghaiDate(draft.updatedAt)}` : ''}
      </Text>
      {stale ? (
        <View className="scoring-stale cx-scoring-stale">
          <Text className="scoring-stale__text">{stale}</Text>
          <Button className="cx-btn cx-scoring-reload" onClick={onReload}>
            重新加载
          </Button>
        </View>
      ) : null}
      {SCORING_GROUPS.map((g) => (
        <View key={g.key} className="scoring-group" data-group={g.key}>
          <Text className="scoring-group__title">
            {g.title}
            {g.key === 'weights' ? (
              <Text className={`scoring-sum cx-scoring-weight-sum${weightSum === 100 ? '' : ' is-off'}`}>（合计 {weightSum}）</Text>
            ) : null}
            {g.key === 'letters' ? (
              <Text className={`scoring-sum cx-scoring-rate-sum${rateSum === 100 ? '' : ' is-off'}`}>（合计 {rateSum}）</Text>
            ) : null}
          </Text>
          <Text className="scoring-group__hint">{g.hint}</Text>
          {g.key === 'weights' ? <FieldProblem text={errors.weights} className="cx-scoring-error" path="weights" /> : null}
          {g.key === 'letters' ? (
            <FieldProblem text={errors.letterRateWeights} className="cx-scoring-error" path="letterRateWeights" />
          ) : null}
          {SCORING_FIELDS.filter((f) => f.group === g.key).map((f) => (
            <View key={f.path} className="scoring-field cx-scoring-field" data-path={f.path}>
              <Text className="scoring-field__label">{f.label}</Text>
              <Input
                className="cx-input scoring-field__input"
                type="number"
                value={values[f.path]}
                onInput={(e) => set(f.path, e.detail.value)}
              />
              <Text className="scoring-field__unit">{f.unit}</Text>
              <FieldProblem text={errors[f.path]} className="scoring-field__error cx-scoring-error" path={f.path} />
            </View>
          ))}
        </View>
      ))}
      {problem ? <Text className="cx-form-problem cx-scoring-problem">{problem}</Text> : null}
      <Button
        className={`cx-btn cx-scoring-save${busy ? ' cx-btn--disabled' : ''}`}
        disabled={busy || undefined}
        onClick={() => void onSave()}
      >
        保存草稿
      </Button>
      <View className="cx-field scoring-note">
        <Text className="cx-field__label">版本说明</Text>
        <Input
          className="cx-input cx-scoring-note"
          value={note}
          maxlength={100}
          placeholder="例如：提高进步幅度权重"
          onInput={(e) => setNote(e.detail.value)}
        />
      </View>
      <Button
        className={`cx-btn cx-btn--primary cx-scoring-publish${busy ? ' cx-btn--disabled' : ''}`}
        disabled={busy || undefined}
        onClick={() => void onPublish()}
      >
        发布新版本
      </Button>
    </View>
  );
}

function Versions() {
  const { state, reload } = useResource(async () => expectStatus(await api.listScoringVersions({}), 200), []);
  return (
    <ResourceView state={state} onRetry={reload}>
      {({ versions }) => (
        <View>
          <View className="cx-section-title">历史版本</View>
          <View className="cx-card">
            {versions.length ? (
              versions.map((v) => (
                <View key={v.version} className="scoring-history cx-scoring-history" data-version={v.version}>
                  第 {v.version} 版 · {formatShanghaiDate(v.publishedAt)} · {v.note}
                </View>
              ))
            ) : (
              <Text className="ranking-muted">尚未发布过，现行为默认评分模型</Text>
            )}
          </View>
        </View>
      )}
    </ResourceView>
  );
}

/** 评分模型: the model in force for every ranking reader; district admins edit the draft and publish it. */
export default function ScoringPage() {
  const session = useSession();
  const admin = runsRankings(session.me);
  const [loads, setLoads] = useState(0);
  const model = useResource(async () => expectStatus(await api.getScoringModel({}), 200), [loads], {
    enabled: Boolean(session.token) && readsRankings(session.me),
  });
  const draft = useResource(async () => expectStatus(await api.getScoringDraft({}), 200), [loads], {
    enabled: Boolean(session.token) && admin,
  });
  if (!session.token)
    return (
      <PageRoot>
        <SignInNeeded />
      </PageRoot>
    );
  if (!readsRankings(session.me))
    return (
      <PageRoot>
        <BindingNeeded text="评分模型供支部书记、村（社区）干部、乡镇（街道）工作人员、县级领导和区委组织部查看" />
      </PageRoot>
    );
  return (
    <PageRoot className="ranking-page cx-scoring-page">
      <ResourceView state={model.state} onRetry={model.reload}>
        {(m) => <ModelView model={m} />}
      </ResourceView>
      {admin ? (
        <ResourceView state={draft.state} onRetry={draft.reload}>
          {(d) => (
            <DraftEditor
              key={`${loads}-${d.revision}`}
              draft={d}
              onReload={() => setLoads((n) => n + 1)}
              onPublished={() => setLoads((n) => n + 1)}
            />
          )}
        </ResourceView>
      ) : null}
      <Versions key={loads} />
    </PageRoot>
  );
}
