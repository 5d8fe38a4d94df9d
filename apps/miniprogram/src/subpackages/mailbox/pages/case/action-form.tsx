import { type CaseLetter, LETTER_LIMITS, LetterActionBody } from '@chuangxing/shared';
import { Button, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ChoiceChips } from '../../../../components/choice-chips';
import { FieldProblem } from '../../../../components/field-problem';
import { useMutation } from '../../../../hooks/use-mutation';
import { api } from '../../../../services/api';
import { serverProblems } from '../../../../services/server-problems';
import { CommunityPicker, type PickedCommunity } from '../../components/community-picker';
import { ACTION_LABELS, type LetterAction } from '../../services/letter-access';

const ignore = () => undefined;

/** What each action's confirm button says. */
const CONFIRM_LABELS: Record<LetterAction, string> = {
  accept: '确认受理',
  decline: '确认不予受理',
  transfer: '确认转办',
  note: '保存备注',
  reply: '发送答复',
};

const DONE_TOASTS: Record<LetterAction, string> = {
  accept: '已受理',
  decline: '已不予受理',
  transfer: '已转办',
  note: '已备注',
  reply: '已答复',
};

type Field = 'text' | 'toBranchId' | 'form';
type Problems = Partial<Record<Field, string>>;

/** The body's fields → the form's: note / reason / text all live in the one text box. */
function fieldOf(path: string): Field {
  const head = path.split('.')[0];
  if (head === 'toBranchId') return 'toBranchId';
  if (head === 'note' || head === 'reason' || head === 'text') return 'text';
  return 'form';
}

function problemsOf(paths: Record<string, string>): Problems {
  const out: Problems = {};
  for (const [path, message] of Object.entries(paths)) {
    const field = fieldOf(path);
    if (!out[field]) out[field] = message;
  }
  return out;
}

function bodyFor(action: LetterAction, version: number, text: string, internal: boolean, to?: PickedCommunity): unknown {
  const t = text.trim();
  switch (action) {
    case 'accept':
      return { action, version, ...(t ? { note: t } : {}) };
    case 'decline':
      return { action, version, reason: t };
    case 'transfer':
      return { action, version, toBranchId: to?.id ?? '', reason: t };
    case 'note':
      return { action, version, text: t, internal };
    case 'reply':
      return { action, version, text: t };
  }
}

const PLACEHOLDERS: Record<LetterAction, string> = {
  accept: '受理说明（可以不填），来信人能看到',
  decline: '不予受理的原因（必填），例如重复来信、不属于本社区事项',
  transfer: '转办原因（必填），来信人能看到',
  note: '办理情况，例如已约定社区半月谈讨论',
  reply: '答复内容（至少 5 个字），来信人能看到',
};

/**
 * One action's form. The body carries the version the page showed; a 409 means the letter changed
 * meanwhile (someone else acted), and the page reloads it.
 */
export function ActionForm({
  letter,
  action,
  onDone,
  onStale,
  onCancel,
}: {
  letter: CaseLetter;
  action: LetterAction;
  onDone: (letter: CaseLetter) => void;
  onStale: (message: string) => void;
  onCancel: () => void;
}) {
  const [text, setText] = useState('');
  const [internal, setInternal] = useState(true);
  const [to, setTo] = useState<PickedCommunity>();
  const [problems, setProblems] = useState<Problems>({});
  const { busy: sending, run } = useMutation({
    // CONFLICT: someone else acted first. ILLEGAL_TRANSITION: the status moved on. Either way, show the latest.
    onConflict: (failure) => onStale(failure.code === 'ILLEGAL_TRANSITION' ? `${failure.message}（已刷新）` : '已被他人处理，已刷新'),
    onError: (failure, body) => setProblems(serverProblems(body, fieldOf, failure.message)),
  });

  const submit = async () => {
    if (sending) return;
    const candidate = bodyFor(action, letter.version, text, internal, to);
    const local: Problems = {};
    if (action === 'transfer' && !to) local.toBranchId = '请选择转办的社区';
    const parsed = LetterActionBody.safeParse(candidate);
    if (!parsed.success) {
      const paths: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const path = issue.path.join('.');
        if (!(path in paths)) paths[path] = issue.message;
      }
      for (const [f, m] of Object.entries(problemsOf(paths))) {
        if (!local[f as Field]) local[f as Field] = m;
      }
    }
    if (Object.keys(local).length || !parsed.success) {
      setProblems(local);
      return;
    }
    setProblems({});
    const res = await run(() => api.actOnCase({ params: { letterId: letter.id }, body: parsed.data }));
    if (!res) return;
    Taro.showToast({ title: DONE_TOASTS[action], icon: 'success' }).catch(ignore);
    onDone(res.body.letter);
  };

  const max =
    action === 'reply' ? LETTER_LIMITS.reply : action === 'decline' || action === 'transfer' ? LETTER_LIMITS.reason : LETTER_LIMITS.comment;
  return (
    <View className="cx-card mailbox-action-form cx-case-form" data-action={action}>
      <Text className="mailbox-action-form__title">{ACTION_LABELS[action]}</Text>
      {action === 'transfer' ? (
        <View className="cx-field">
          <Text className="cx-field__label">转给哪个社区</Text>
          <CommunityPicker selected={to?.id} initialTownshipId={letter.townshipId} exclude={letter.branchId} onPick={setTo} />
          <FieldProblem text={problems.toBranchId} />
        </View>
      ) : null}
      {action === 'note' ? (
        <View className="cx-field">
          <ChoiceChips
            itemClassName="cx-case-note-visibility"
            choices={[
              { key: 'internal', label: '内部备注（来信人看不到）' },
              { key: 'public', label: '公开进展（来信人能看到）' },
            ]}
            isSelected={(k) => (k === 'internal') === internal}
            onPick={(k) => setInternal(k === 'internal')}
          />
        </View>
      ) : null}
      <View
        className={`mailbox-textarea${action === 'reply' ? ' mailbox-textarea--letter cx-case-reply-text' : ' mailbox-textarea--short'} cx-case-text`}
      >
        <Textarea
          className="mailbox-textarea__input"
          value={text}
          maxlength={max}
          placeholder={PLACEHOLDERS[action]}
          onInput={(e) => {
            setText(e.detail.value);
            setProblems((p) => ({ ...p, text: undefined, form: undefined }));
          }}
        />
      </View>
      <FieldProblem text={problems.text} />
      {problems.form ? <Text className="cx-form-problem cx-case-problem">{problems.form}</Text> : null}
      <Button
        className={`cx-btn cx-btn--primary mailbox-action-form__confirm cx-case-confirm${sending ? ' cx-btn--disabled' : ''}`}
        disabled={sending || undefined}
        onClick={submit}
      >
        {sending ? '正在提交…' : CONFIRM_LABELS[action]}
      </Button>
      <Button className="cx-btn cx-case-cancel" onClick={onCancel}>
        取消
      </Button>
    </View>
  );
}
