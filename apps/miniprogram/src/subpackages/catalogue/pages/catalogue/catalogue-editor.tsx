import {
  type BranchType,
  type Catalogue,
  type CatalogueDraft,
  type CatalogueStar,
  formatShanghaiDateTime,
  STAR_LABELS,
} from '@chuangxing/shared';
import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { accessibleControl } from '../../../../components/accessible-control';
import { FieldProblem } from '../../../../components/field-problem';
import { ResourceView } from '../../../../components/state-views';
import { useMutation } from '../../../../hooks/use-mutation';
import { useResource } from '../../../../hooks/use-resource';
import { api } from '../../../../services/api';
import { expectStatus, fieldError, fieldErrorsOf } from '../../../../services/api-failure';
import { serverProblems } from '../../../../services/server-problems';
import { catalogueProblems, cleanContent, countsOf, newCatalogueId, problemKey, updateStar } from '../../services/catalogue-draft';
import { CatalogueTabs } from './catalogue-view';

const MAX_TASKS = 20;
const MAX_VETOES = 10;
const PUBLISH_WARNING = '发布后不可修改，计划将引用新版本';

type Problems = Record<string, string>;

/** The server's field errors next to their rows (and the note); the server's message when none of them is one. */
const rowOf = (path: string) => (path === 'note' ? 'note' : problemKey(path));

/** The set holding the first row problem, so an error in the other tab is not hidden. */
function typeOfProblems(problems: Problems): BranchType | undefined {
  const key = Object.keys(problems).find((k) => k.startsWith('rural.') || k.startsWith('community.'));
  return key ? (key.split('.')[0] as BranchType) : undefined;
}

/** One star while editing: task titles inline, add and remove tasks and veto items. */
function StarEditor({
  type,
  index,
  star,
  problems,
  onChange,
  newId,
}: {
  type: BranchType;
  index: number;
  star: CatalogueStar;
  problems: Problems;
  onChange: (change: (s: CatalogueStar) => CatalogueStar) => void;
  newId: (kind: 't' | 'v') => string;
}) {
  const at = `${type}.${index}`;
  return (
    <View className="cx-card catalogue-star catalogue-star--edit cx-catalogue-star" data-star={star.star}>
      <View className="catalogue-star__head">
        <Text className="catalogue-star__name">{STAR_LABELS[star.star]}</Text>
        <Text className="catalogue-star__count">{star.tasks.length} 项重点任务</Text>
      </View>
      <Text className="catalogue-subtitle">重点任务</Text>
      {star.tasks.map((task, i) => (
        <View key={task.id} className="catalogue-edit-row cx-catalogue-task" data-id={task.id}>
          <View className="catalogue-edit-row__main">
            <Text className="catalogue-task__no">{i + 1}.</Text>
            <Input
              className="cx-input catalogue-edit-row__input cx-catalogue-task-title"
              type="text"
              value={task.title}
              maxlength={60}
              placeholder="任务名称"
              onInput={(e) =>
                onChange((s) => ({ ...s, tasks: s.tasks.map((t) => (t.id === task.id ? { ...t, title: e.detail.value } : t)) }))
              }
            />
            <View
              className={`catalogue-edit-row__remove cx-catalogue-task-remove${star.tasks.length > 1 ? '' : ' is-disabled'}`}
              hoverClass="cx-pressed"
              {...accessibleControl({
                onActivate: () => star.tasks.length > 1 && onChange((s) => ({ ...s, tasks: s.tasks.filter((t) => t.id !== task.id) })),
              })}
            >
              <Text>删除</Text>
            </View>
          </View>
          <FieldProblem text={problems[`${at}.tasks.${i}`]} />
        </View>
      ))}
      <FieldProblem text={problems[`${at}.tasks`]} />
      {star.tasks.length < MAX_TASKS ? (
        <View
          className="catalogue-edit-add cx-catalogue-task-add"
          hoverClass="cx-pressed"
          {...accessibleControl({ onActivate: () => onChange((s) => ({ ...s, tasks: [...s.tasks, { id: newId('t'), title: '' }] })) })}
        >
          <Text>＋ 添加重点任务</Text>
        </View>
      ) : null}

      <Text className="catalogue-subtitle catalogue-subtitle--veto">否决项</Text>
      {star.vetoes.length === 0 ? <Text className="catalogue-edit-none">无否决项</Text> : null}
      {star.vetoes.map((veto, i) => (
        <View key={veto.id} className="catalogue-edit-row catalogue-edit-row--veto cx-catalogue-veto" data-id={veto.id}>
          <View className="catalogue-edit-row__main">
            <Text className="catalogue-veto__mark">✕</Text>
            <Input
              className="cx-input catalogue-edit-row__input cx-catalogue-veto-text"
              type="text"
              value={veto.text}
              maxlength={100}
              placeholder="否决项内容"
              onInput={(e) =>
                onChange((s) => ({ ...s, vetoes: s.vetoes.map((v) => (v.id === veto.id ? { ...v, text: e.detail.value } : v)) }))
              }
            />
            <View
              className="catalogue-edit-row__remove cx-catalogue-veto-remove"
              hoverClass="cx-pressed"
              {...accessibleControl({ onActivate: () => onChange((s) => ({ ...s, vetoes: s.vetoes.filter((v) => v.id !== veto.id) })) })}
            >
              <Text>删除</Text>
            </View>
          </View>
          <FieldProblem text={problems[`${at}.vetoes.${i}`]} />
        </View>
      ))}
      <FieldProblem text={problems[`${at}.vetoes`]} />
      {star.vetoes.length < MAX_VETOES ? (
        <View
          className="catalogue-edit-add catalogue-edit-add--veto cx-catalogue-veto-add"
          hoverClass="cx-pressed"
          {...accessibleControl({ onActivate: () => onChange((s) => ({ ...s, vetoes: [...s.vetoes, { id: newId('v'), text: '' }] })) })}
        >
          <Text>＋ 添加否决项</Text>
        </View>
      ) : null}
    </View>
  );
}

/** The loaded draft: edit, 保存草稿 (with its revision), 发布新版本 (with a note, after a confirm). */
function DraftForm({
  draft,
  notice,
  onStale,
  onPublished,
  onClose,
}: {
  draft: CatalogueDraft;
  notice?: string;
  /** 409: someone saved or published meanwhile; the page reloads the draft and shows the server's message. */
  onStale: (message: string) => void;
  onPublished: (catalogue: Catalogue) => void;
  onClose: () => void;
}) {
  const [content, setContent] = useState(draft.content);
  const [revision, setRevision] = useState(draft.revision);
  const [updatedAt, setUpdatedAt] = useState(draft.updatedAt);
  const [dirty, setDirty] = useState(false);
  const [type, setType] = useState<BranchType>('rural');
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const { pending: busy, run } = useMutation<'save' | 'publish'>({
    onConflict: (failure) => onStale(failure.message),
    onError: (failure, body) => showProblems(serverProblems(body, rowOf, failure.message)),
  });
  const counts = countsOf(content);

  const change = (star: CatalogueStar['star'], edit: (s: CatalogueStar) => CatalogueStar) => {
    setContent((c) => updateStar(c, type, star, edit));
    setDirty(true);
    setProblems((p): Problems => (p.note ? { note: p.note } : {}));
  };
  const showProblems = (next: Problems) => {
    setProblems(next);
    const where = typeOfProblems(next);
    if (where) setType(where);
  };

  const save = async () => {
    if (busy) return;
    const body = { content: cleanContent(content), revision };
    const local = catalogueProblems(body.content);
    if (Object.keys(local).length) {
      showProblems(local);
      return;
    }
    setProblems({});
    const res = await run(() => api.putCatalogueDraft({ body }), { label: 'save' });
    if (!res) return;
    setContent(res.body.content);
    setRevision(res.body.revision);
    setUpdatedAt(res.body.updatedAt);
    setDirty(false);
    Taro.showToast({ title: '草稿已保存', icon: 'success' }).catch(() => undefined);
  };

  const publish = async () => {
    if (busy) return;
    if (dirty) {
      setProblems({ form: '有未保存的修改，请先保存草稿再发布' });
      return;
    }
    const text = note.trim();
    if (text.length < 2) {
      setProblems({ note: '请填写版本说明' });
      return;
    }
    const { confirm } = await Taro.showModal({ title: '发布新版本', content: PUBLISH_WARNING, confirmText: '发布', cancelText: '再看看' });
    if (!confirm) return;
    setProblems({});
    const res = await run(() => api.publishCatalogue({ body: { revision, note: text } }), {
      label: 'publish',
      onError: (failure, body) => {
        const noteProblem = fieldError(fieldErrorsOf(body), 'note');
        setProblems(noteProblem ? { note: noteProblem } : serverProblems(body, rowOf, failure.message));
      },
    });
    if (res) onPublished(res.body);
  };

  const close = async () => {
    if (dirty) {
      const { confirm } = await Taro.showModal({
        title: '退出编辑',
        content: '有未保存的修改，退出后将丢失。',
        confirmText: '退出',
        cancelText: '继续编辑',
      });
      if (!confirm) return;
    }
    onClose();
  };

  return (
    <View className="catalogue-editor cx-catalogue-editor">
      <View className="cx-card catalogue-head">
        <Text className="catalogue-head__title">编辑草稿</Text>
        <Text className="manage-item__line">
          基于第 {draft.basedOnVersion} 版{updatedAt ? ` · 草稿保存于 ${formatShanghaiDateTime(updatedAt)}` : ' · 尚未保存过草稿'}
        </Text>
        <Text className="manage-item__line catalogue-head__counts cx-catalogue-live-counts">
          当前：农村 {counts.rural} 项 · 社区 {counts.community} 项{dirty ? '（未保存）' : ''}
        </Text>
      </View>
      {notice ? (
        <View className="cx-card catalogue-notice cx-catalogue-notice">
          <Text className="catalogue-notice__title">{notice}</Text>
          <Text className="catalogue-notice__text">已重新载入最新草稿，请在此基础上修改。</Text>
        </View>
      ) : null}
      <Text className="manage-hint">
        修改先保存为草稿，发布后成为新版本；已发布的版本不可修改。“支部过硬星”和“平安法治星”在农村和社区中分别编辑。
      </Text>
      <CatalogueTabs type={type} counts={counts} onPick={setType} />
      {content[type].map((star, i) => (
        <StarEditor
          key={`${type}-${star.star}`}
          type={type}
          index={i}
          star={star}
          problems={problems}
          onChange={(edit) => change(star.star, edit)}
          newId={(kind) => newCatalogueId(content, star.star, kind)}
        />
      ))}

      {problems.form ? <Text className="cx-form-problem catalogue-problem cx-catalogue-problem">{problems.form}</Text> : null}
      <Button
        className={`cx-btn cx-btn--primary cx-catalogue-save${busy === 'save' ? ' cx-btn--disabled' : ''}`}
        disabled={busy === 'save' || undefined}
        onClick={save}
      >
        {busy === 'save' ? '正在保存…' : '保存草稿'}
      </Button>

      <View className="cx-card catalogue-publish">
        <View className="cx-field">
          <Text className="cx-field__label">版本说明</Text>
          <Text className="manage-note">发布前必填，例如“2026 年度创星标准”</Text>
          <Input
            className="cx-input cx-catalogue-note"
            type="text"
            value={note}
            maxlength={100}
            placeholder="版本说明"
            onInput={(e) => {
              setNote(e.detail.value);
              setProblems((p) => ({ ...p, note: '' }));
            }}
          />
          <FieldProblem text={problems.note} />
        </View>
        <Text className="catalogue-publish__warning">{PUBLISH_WARNING}。</Text>
        <Button
          className={`cx-btn cx-catalogue-publish${busy === 'publish' ? ' cx-btn--disabled' : ''}`}
          disabled={busy === 'publish' || undefined}
          onClick={publish}
        >
          {busy === 'publish' ? '正在发布…' : '发布新版本'}
        </Button>
      </View>
      <Button className="cx-btn cx-catalogue-cancel" onClick={close}>
        退出编辑
      </Button>
    </View>
  );
}

/** 编辑草稿 (district admins): loads the working draft; a 409 reloads it with the server's message. */
export function CatalogueEditor({ onPublished, onClose }: { onPublished: (catalogue: Catalogue) => void; onClose: () => void }) {
  const [notice, setNotice] = useState<string>();
  const [loads, setLoads] = useState(0);
  const { state, reload } = useResource(async () => expectStatus(await api.getCatalogueDraft({}), 200), [loads]);
  return (
    <ResourceView state={state} onRetry={reload}>
      {(draft) => (
        <DraftForm
          key={`${loads}-${draft.revision}`}
          draft={draft}
          notice={notice}
          onStale={(message) => {
            setNotice(message);
            setLoads((n) => n + 1);
          }}
          onPublished={onPublished}
          onClose={onClose}
        />
      )}
    </ResourceView>
  );
}
