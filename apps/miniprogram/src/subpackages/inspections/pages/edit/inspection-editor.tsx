import { type Branch, shanghaiDay } from '@chuangxing/shared';
import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import { accessibleControl } from '../../../../components/accessible-control';
import { FieldProblem } from '../../../../components/field-problem';
import { useMutation } from '../../../../hooks/use-mutation';
import { api } from '../../../../services/api';
import { fieldErrorsOf } from '../../../../services/api-failure';
import { PAGES } from '../../../../services/routes';
import { DateField } from '../../../../shared-ui/date-field';
import { PhotoStrip } from '../../components/photo-strip';
import { contentOf, type DraftFinding, formOf, type InspectionForm, newFinding, problemAt } from '../../inspect-form';
import { useInspectPhotos } from '../../services/photos';
import { BranchPicker } from './branch-picker';
import { FindingEditor } from './finding-editor';
import type { Loaded } from './load-inspection';

/** The visit (branch, time, place, summary, photos) and its findings; 保存草稿, 记录 and 删除草稿. */
export function InspectionEditor({ loaded }: { loaded: Loaded }) {
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
            <Text className="inspect-link cx-inspect-branch-change" {...accessibleControl({ onActivate: () => setPicking(true) })}>
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
            <DateField label="走访日期" value={form.day} end={shanghaiDay()} onChange={(day) => set({ day })} />
          </View>
          <View className="inspect-row__cell cx-inspect-time">
            <Text className="cx-field__label">时间</Text>
            <DateField mode="time" label="走访时间" value={form.time} onChange={(time) => set({ time })} />
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
        <Text className="inspect-link inspect-delete cx-inspect-delete" {...accessibleControl({ onActivate: onDelete })}>
          删除草稿
        </Text>
      ) : null}
    </View>
  );
}
