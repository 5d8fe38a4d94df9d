import { type Branch, type CatalogueStar, type InspectionDraft, STAR_LABELS, type Star } from '@chuangxing/shared';
import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { ChoiceChips } from '../../../../components/choice-chips';
import { FieldProblem } from '../../../../components/field-problem';
import { SignInNeeded } from '../../../../components/sign-in-needed';
import { EmptyView, ResourceView } from '../../../../components/state-views';
import { useMutation } from '../../../../hooks/use-mutation';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { expectStatus, fieldErrorsOf } from '../../../../services/api-failure';
import { PAGES } from '../../../../services/routes';
import { PhotoStrip } from '../../components/photo-strip';
import { contentOf, type DraftFinding, formOf, type InspectionForm, inspectorTownships, newFinding, problemAt } from '../../inspect-form';
import { useInspectPhotos } from '../../services/photos';
import '../../inspect.css';

/** 乡镇 chips, then that township's branches: the inspector picks where they went (only townships in their scope). */
function BranchPicker({ townships, onPick }: { townships: { id: string; name: string }[]; onPick: (b: Branch) => void }) {
  const [townshipId, setTownshipId] = useState(townships.length === 1 ? townships[0].id : '');
  const branches = useResource(
    async () => expectStatus(await api.listTownshipBranches({ params: { townshipId } }), 200).branches,
    [townshipId],
    { enabled: Boolean(townshipId) },
  );
  return (
    <View className="inspect-picker">
      <Text className="cx-field__label">乡镇（街道）</Text>
      <ChoiceChips
        itemClassName="cx-inspect-township"
        dataName="id"
        choices={townships.map((t) => ({ key: t.id, label: t.name }))}
        isSelected={(id) => id === townshipId}
        onPick={setTownshipId}
      />
      {townshipId ? (
        <ResourceView state={branches.state} onRetry={branches.reload}>
          {(list) => (
            <View>
              <Text className="cx-field__label">支部</Text>
              {list.length === 0 ? <EmptyView text="这个乡镇（街道）还没有支部" /> : null}
              <ChoiceChips
                itemClassName="cx-inspect-branch"
                dataName="id"
                choices={list.map((b) => ({ key: b.id, label: b.name }))}
                isSelected={() => false}
                onPick={(id) => {
                  const picked = list.find((b) => b.id === id);
                  if (picked) onPick(picked);
                }}
              />
            </View>
          )}
        </ResourceView>
      ) : null}
    </View>
  );
}

function FindingEditor({
  index,
  finding,
  stars,
  vetoes,
  problems,
  onChange,
  onRemove,
}: {
  index: number;
  finding: DraftFinding;
  stars: readonly Star[];
  vetoes: CatalogueStar[];
  problems: Record<string, string>;
  onChange: (f: DraftFinding) => void;
  onRemove: () => void;
}) {
  const at = `findings.${index}`;
  const starVetoes = vetoes.find((s) => s.star === finding.star)?.vetoes ?? [];
  return (
    <View className="cx-card inspect-finding-edit cx-inspect-finding" data-index={index}>
      <View className="inspect-item__head">
        <Text className="inspect-item__name">问题 {index + 1}</Text>
        <Text className="inspect-link cx-inspect-finding-remove" onClick={onRemove}>
          移除
        </Text>
      </View>
      <Text className="cx-field__label">涉及星级</Text>
      <ChoiceChips
        itemClassName="cx-inspect-finding-star"
        dataName="star"
        choices={stars.map((s) => ({ key: s, label: STAR_LABELS[s] }))}
        isSelected={(s) => s === finding.star}
        onPick={(s) => onChange({ ...finding, star: s, vetoItemId: undefined })}
      />
      <FieldProblem text={problemAt(problems, `${at}.star`)} />
      <Text className="cx-field__label">问题描述</Text>
      <View className="inspect-textarea cx-inspect-finding-text">
        <Textarea
          className="inspect-textarea__input"
          value={finding.description}
          maxlength={300}
          placeholder="现场发现的问题"
          onInput={(e) => onChange({ ...finding, description: e.detail.value })}
        />
      </View>
      <FieldProblem text={problemAt(problems, `${at}.description`)} />
      <View className="inspect-row">
        <View className="inspect-row__cell">
          <Text className="cx-field__label">整改责任人</Text>
          <View className="cx-inspect-finding-owner">
            <Input
              className="cx-input"
              type="text"
              value={finding.owner}
              maxlength={30}
              placeholder="姓名或职务"
              onInput={(e) => onChange({ ...finding, owner: e.detail.value })}
            />
          </View>
          <FieldProblem text={problemAt(problems, `${at}.owner`)} />
        </View>
        <View className="inspect-row__cell">
          <Text className="cx-field__label">整改时限</Text>
          <View className="cx-inspect-finding-deadline">
            <Input
              className="cx-input"
              type="text"
              value={finding.deadline}
              maxlength={10}
              placeholder="YYYY-MM-DD"
              onInput={(e) => onChange({ ...finding, deadline: e.detail.value })}
            />
          </View>
          <FieldProblem text={problemAt(problems, `${at}.deadline`)} />
        </View>
      </View>
      {starVetoes.length ? (
        <View>
          <Text className="cx-field__label">一票否决项（如触及请选择）</Text>
          <ChoiceChips
            itemClassName="cx-inspect-finding-veto"
            dataName="id"
            // The empty key is 不涉及.
            choices={[{ key: '', label: '不涉及' }, ...starVetoes.map((v) => ({ key: v.id, label: v.text }))]}
            isSelected={(id) => id === (finding.vetoItemId ?? '')}
            onPick={(id) => onChange({ ...finding, vetoItemId: id || undefined })}
          />
          <FieldProblem text={problemAt(problems, `${at}.vetoItemId`)} />
        </View>
      ) : null}
    </View>
  );
}

interface Loaded {
  draft?: InspectionDraft;
  branch?: Branch;
  townships: { id: string; name: string }[];
  catalogue: { rural: CatalogueStar[]; community: CatalogueStar[] };
}

function Editor({ loaded }: { loaded: Loaded }) {
  const [form, setForm] = useState<InspectionForm>(() => formOf(loaded.draft));
  const [branch, setBranch] = useState<Branch | undefined>(loaded.branch);
  const [picking, setPicking] = useState(!loaded.branch);
  const [draft, setDraft] = useState<{ id: string; version: number } | undefined>(
    loaded.draft && { id: loaded.draft.id, version: loaded.draft.version },
  );
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string>();
  const { pending: busy, run } = useMutation<'save' | 'record' | 'delete'>({
    onError: (failure, body) => {
      if (body !== undefined) setProblems(fieldErrorsOf(body));
      setProblem(failure.message);
    },
  });
  const loadedDraft = loaded.draft;
  const photos = useInspectPhotos(
    'inspection',
    loadedDraft ? loadedDraft.content.photos.map((key, i) => ({ key, url: loadedDraft.photoUrls[i] ?? '' })) : [],
  );
  /** The content last saved: 记录 skips an unchanged save, so a retry after a lost answer goes straight to record. */
  const savedContent = useRef(loaded.draft ? JSON.stringify(contentOf(formOf(loaded.draft), loaded.draft.content.photos).content) : '');
  const set = (patch: Partial<InspectionForm>) => setForm((f) => ({ ...f, ...patch }));
  const setFinding = (f: DraftFinding) => set({ findings: form.findings.map((x) => (x.key === f.key ? f : x)) });

  /**
   * Saves (creates the draft the first time) when the content changed since the last save. Answers the draft's id and
   * version as a 200, the refused save's own answer, or undefined when it cannot go yet (the problem is shown).
   */
  const save = async () => {
    const keys = photos.keys();
    if (!keys) {
      setProblem('照片还在上传或上传失败，请稍候或移除失败的照片');
      return undefined;
    }
    const { content, problem: local } = contentOf(form, keys);
    if (!content) {
      setProblem(local);
      return undefined;
    }
    if (draft && JSON.stringify(content) === savedContent.current) return { status: 200 as const, body: draft };
    const res = draft
      ? await api.saveInspectionDraft({ params: { draftId: draft.id }, body: { content, version: draft.version } })
      : await api.createInspectionDraft({ body: { content } });
    if (res.status !== 200 && res.status !== 201) return res;
    const next = { id: res.body.id, version: res.body.version };
    savedContent.current = JSON.stringify(content);
    setDraft(next);
    setProblems({});
    setProblem(undefined);
    return { status: 200 as const, body: next };
  };

  const onSave = async () => {
    if (busy) return;
    if (await run(save, { label: 'save' })) Taro.showToast({ title: '草稿已保存', icon: 'success' }).catch(() => undefined);
  };

  const onRecord = async () => {
    const ok = await Taro.showModal({
      title: '记录督导',
      content: '记录后支部将收到通知，问题进入支部的问题清单。确定记录吗？',
      confirmText: '记录',
    }).then(
      (r) => r.confirm,
      () => false,
    );
    if (!ok || busy) return;
    const res = await run(
      async () => {
        const saved = await save();
        if (saved?.status !== 200) return saved;
        return api.recordInspection({ params: { draftId: saved.body.id }, body: { version: saved.body.version } });
      },
      { label: 'record' },
    );
    if (!res) return;
    Taro.showToast({ title: '已记录，已通知支部', icon: 'success' }).catch(() => undefined);
    Taro.redirectTo({ url: PAGES.findings(res.body.branchId) }).catch(() => undefined);
  };

  const onDelete = async () => {
    if (!draft) return;
    const ok = await Taro.showModal({ title: '删除草稿', content: '删除后不能恢复', confirmText: '删除' }).then(
      (r) => r.confirm,
      () => false,
    );
    if (!ok || busy) return;
    const res = await run(() => api.deleteInspectionDraft({ params: { draftId: draft.id } }), {
      label: 'delete',
      onError: (failure) => setProblem(failure.message),
    });
    if (res) Taro.navigateBack().catch(() => undefined);
  };

  const stars = branch?.stars ?? [];
  return (
    <View>
      <View className="cx-card">
        <Text className="cx-field__label">走访支部</Text>
        {branch && !picking ? (
          <View className="inspect-item__head">
            <Text className="inspect-item__name cx-inspect-branch-name">{branch.name}</Text>
            <Text className="inspect-link cx-inspect-branch-change" onClick={() => setPicking(true)}>
              更换
            </Text>
          </View>
        ) : (
          <BranchPicker
            townships={loaded.townships}
            onPick={(b) => {
              if (b.id !== form.branchId && photos.photos.length) photos.clear();
              setBranch(b);
              setPicking(false);
              set({
                branchId: b.id,
                findings: form.findings.map((f) => (b.stars.includes(f.star) ? f : { ...f, star: b.stars[0], vetoItemId: undefined })),
              });
            }}
          />
        )}
        <FieldProblem text={problemAt(problems, 'branchId')} />
        <View className="inspect-row">
          <View className="inspect-row__cell cx-inspect-day">
            <Text className="cx-field__label">走访日期</Text>
            <Input
              className="cx-input"
              type="text"
              value={form.day}
              maxlength={10}
              placeholder="YYYY-MM-DD"
              onInput={(e) => set({ day: e.detail.value })}
            />
          </View>
          <View className="inspect-row__cell cx-inspect-time">
            <Text className="cx-field__label">时间</Text>
            <Input
              className="cx-input"
              type="text"
              value={form.time}
              maxlength={5}
              placeholder="HH:MM"
              onInput={(e) => set({ time: e.detail.value })}
            />
          </View>
        </View>
        <FieldProblem text={problemAt(problems, 'visitedAt')} />
        <Text className="cx-field__label">走访地点</Text>
        <View className="cx-inspect-location">
          <Input
            className="cx-input"
            type="text"
            value={form.location}
            maxlength={100}
            placeholder="如：村党群服务中心、某小区"
            onInput={(e) => set({ location: e.detail.value })}
          />
        </View>
        <FieldProblem text={problemAt(problems, 'location')} />
        <Text className="cx-field__label">走访情况</Text>
        <View className="inspect-textarea cx-inspect-summary">
          <Textarea
            className="inspect-textarea__input"
            value={form.summary}
            maxlength={1000}
            placeholder="看了什么、问了谁、总体情况"
            onInput={(e) => set({ summary: e.detail.value })}
          />
        </View>
        <FieldProblem text={problemAt(problems, 'summary')} />
        <Text className="cx-field__label">现场照片</Text>
        <PhotoStrip photos={photos} branchId={branch?.id} hint="上传前压缩，并去掉拍摄地点等信息" />
        <FieldProblem text={problemAt(problems, 'photos')} />
      </View>

      <Text className="cx-section-title">发现的问题（{form.findings.length}）</Text>
      {form.findings.map((f, i) => (
        <FindingEditor
          key={f.key}
          index={i}
          finding={f}
          stars={stars}
          vetoes={branch ? loaded.catalogue[branch.type] : []}
          problems={problems}
          onChange={setFinding}
          onRemove={() => set({ findings: form.findings.filter((x) => x.key !== f.key) })}
        />
      ))}
      {branch ? (
        <Button className="cx-btn cx-inspect-add-finding" onClick={() => set({ findings: [...form.findings, newFinding(stars[0])] })}>
          + 添加问题
        </Button>
      ) : null}

      {problem ? <Text className="cx-form-problem cx-inspect-problem">{problem}</Text> : null}
      <View className="inspect-actions">
        <Button
          className={`cx-btn cx-inspect-save${busy ? ' cx-btn--disabled' : ''}`}
          disabled={Boolean(busy) || undefined}
          onClick={onSave}
        >
          {busy === 'save' ? '正在保存…' : '保存草稿'}
        </Button>
        <Button
          className={`cx-btn cx-btn--primary cx-inspect-record${busy ? ' cx-btn--disabled' : ''}`}
          disabled={Boolean(busy) || undefined}
          onClick={onRecord}
        >
          {busy === 'record' ? '正在记录…' : '记录'}
        </Button>
      </View>
      <Text className="inspect-hint">草稿只有您自己能看到；点“记录”后，支部才会收到通知和问题清单。</Text>
      {draft ? (
        <Text className="inspect-link inspect-delete cx-inspect-delete" onClick={onDelete}>
          删除草稿
        </Text>
      ) : null}
    </View>
  );
}

async function load(draftId: string | undefined, inspector: ReturnType<typeof inspectorTownships>): Promise<Loaded> {
  const [draft, tree, catalogue] = await Promise.all([
    draftId ? api.getInspectionDraft({ params: { draftId } }).then((r) => expectStatus(r, 200)) : Promise.resolve(undefined),
    api.getOrgTree({}).then((r) => expectStatus(r, 200)),
    api.getCatalogue({}).then((r) => expectStatus(r, 200)),
  ]);
  const branch = draft ? expectStatus(await api.getBranch({ params: { branchId: draft.content.branchId } }), 200).branch : undefined;
  const townships = tree.townships.filter((t) => inspector === 'all' || inspector.includes(t.id)).map((t) => ({ id: t.id, name: t.name }));
  return { draft, branch, townships, catalogue: catalogue.content };
}

/** 新建 / 编辑督导记录 (`?id=` a draft of the caller's): the visit, its photos and its findings; 保存草稿 or 记录. */
export default function InspectionEditPage() {
  const { params } = useRouter();
  const session = useSession();
  const signedIn = Boolean(session.token);
  const draftId = params.id || undefined;
  const { state, reload } = useResource(() => load(draftId, inspectorTownships(session.me)), [draftId, session.token], {
    enabled: signedIn,
  });
  if (!signedIn)
    return (
      <View className="cx-page inspect">
        <SignInNeeded />
      </View>
    );
  return (
    <View className="cx-page inspect">
      <ResourceView state={state} onRetry={reload}>
        {(loaded) => <Editor key={loaded.draft?.id ?? 'new'} loaded={loaded} />}
      </ResourceView>
    </View>
  );
}
