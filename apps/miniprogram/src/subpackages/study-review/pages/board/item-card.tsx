import { formatShanghaiDateTime, REVIEW_STATUS_LABELS, type ReviewItem } from '@chuangxing/shared';
import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { accessibleControl } from '../../../../components/accessible-control';
import { FieldProblem } from '../../../../components/field-problem';
import { useMutation } from '../../../../hooks/use-mutation';
import { api } from '../../../../services/api';
import { fieldErrorsOf } from '../../../../services/api-failure';
import { keyedByContent } from '../../../../services/list-keys';
import { DateField } from '../../../../shared-ui/date-field';
import { monthLabel } from '../../review-helpers';

const ACTION_TEXT = { start: '开始解决', done: '标为已解决', reopen: '重新打开', edit: '修改' } as const;
type Action = keyof typeof ACTION_TEXT;
const NOTE_HINT: Record<Action, string> = {
  start: '进展（可不填）',
  done: '怎么解决的（必填）',
  reopen: '重新打开的原因（必填）',
  edit: '',
};

/** One item of a list: its status, history and, for the branch's own cadres, the moves it allows (with a note where needed). */
export function ItemCard({
  branchId,
  item,
  writer,
  onChanged,
  onStale,
}: {
  branchId: string;
  item: ReviewItem;
  writer: boolean;
  onChanged: (i: ReviewItem) => void;
  onStale: (m: string) => void;
}) {
  const [action, setAction] = useState<Action>();
  const [note, setNote] = useState('');
  const [text, setText] = useState(item.text);
  const [owner, setOwner] = useState(item.owner);
  const [due, setDue] = useState(item.due ?? '');
  const [problem, setProblem] = useState<string>();
  const { busy, run: send } = useMutation({
    onConflict: (failure) => {
      // Only CONFLICT (someone else edited it) reloads; another 409 (the item moved on) is said here.
      if (failure.code === 'CONFLICT') onStale('这一条已被他人修改，已刷新为最新内容');
      else setProblem(failure.message);
    },
    onError: (failure, body) => setProblem(Object.values(fieldErrorsOf(body))[0] ?? failure.message),
  });
  const [history, setHistory] = useState(false);

  const choose = (a: Action) => {
    setAction(a === action ? undefined : a);
    setProblem(undefined);
    setNote('');
  };
  const run = async () => {
    if (!action || busy) return;
    const trimmed = note.trim();
    if ((action === 'done' || action === 'reopen') && !trimmed) return setProblem(`${NOTE_HINT[action].replace('（必填）', '')}不能为空`);
    const body =
      action === 'edit'
        ? { action, version: item.version, text: text.trim(), owner: owner.trim(), due: due.trim() || null }
        : action === 'start'
          ? { action, version: item.version, ...(trimmed ? { note: trimmed } : {}) }
          : { action, version: item.version, note: trimmed };
    setProblem(undefined);
    const res = await send(() => api.actOnReviewItem({ params: { branchId, itemId: item.id }, body }));
    if (!res) return;
    setAction(undefined);
    onChanged(res.body);
  };

  const actions: Action[] =
    item.status === 'open' ? ['start', 'done', 'edit'] : item.status === 'in_progress' ? ['done', 'edit'] : ['reopen'];
  return (
    <View
      className={`review-item cx-review-item is-${item.status}${item.overdue ? ' review-item--overdue is-overdue' : ''}`}
      data-id={item.id}
      data-status={item.status}
    >
      <View className="review-item__head">
        <Text className={`cx-tag review-status--${item.status} cx-review-item-status`}>{REVIEW_STATUS_LABELS[item.status]}</Text>
        {item.carried ? <Text className="cx-tag review-carried cx-review-carried">往期 · {monthLabel(item.period)}</Text> : null}
        {item.overdue ? <Text className="cx-tag review-overdue cx-review-overdue">已逾期</Text> : null}
      </View>
      <Text className="review-item__text cx-review-item-text">{item.text}</Text>
      <Text className="review-item__meta">
        责任人：{item.owner}
        {item.due ? ` · 时限：${item.due}` : ''}
      </Text>
      {item.status === 'done' ? (
        <Text className="review-item__done cx-review-done-note">
          {item.doneDay} 解决：{item.doneNote}
        </Text>
      ) : null}
      <View
        className="review-item__history-toggle cx-review-history-toggle"
        {...accessibleControl({ onActivate: () => setHistory(!history) })}
      >
        <Text>{history ? '收起记录' : `处理记录（${item.history.length}）`}</Text>
      </View>
      {history ? (
        <View className="review-history cx-review-history">
          {keyedByContent(item.history, (h) => `${h.at}:${h.action}`).map(({ item: h, key }) => (
            <Text key={key} className="review-history__row">
              {formatShanghaiDateTime(h.at)} {h.byName}{' '}
              {{ created: '列入清单', edited: '修改', started: '开始解决', done: '解决', reopened: '重新打开' }[h.action]}
              {h.note ? `：${h.note}` : ''}
            </Text>
          ))}
        </View>
      ) : null}
      {writer ? (
        <View className="review-item__actions">
          {actions.map((a) => (
            <View
              key={a}
              className={`review-action cx-review-action-${a}${action === a ? ' review-action--on' : ''}`}
              hoverClass="cx-pressed"
              {...accessibleControl({ onActivate: () => choose(a) })}
            >
              <Text>{ACTION_TEXT[a]}</Text>
            </View>
          ))}
        </View>
      ) : null}
      {writer && action ? (
        <View className="review-item__panel">
          {action === 'edit' ? (
            <View>
              <View className="cx-review-edit-text">
                <Textarea className="review-textarea" value={text} maxlength={200} onInput={(e) => setText(e.detail.value)} />
              </View>
              <View className="review-add__row">
                <View className="review-add__field">
                  <Input className="cx-input" value={owner} maxlength={20} placeholder="责任人" onInput={(e) => setOwner(e.detail.value)} />
                </View>
                <DateField
                  className="review-add__field cx-review-edit-due"
                  label="完成时限"
                  placeholder="完成时限"
                  optional
                  value={due}
                  onChange={setDue}
                />
              </View>
            </View>
          ) : (
            <View className="cx-review-action-note">
              <Textarea
                className="review-textarea"
                value={note}
                maxlength={200}
                placeholder={NOTE_HINT[action]}
                onInput={(e) => setNote(e.detail.value)}
              />
            </View>
          )}
          <FieldProblem text={problem} />
          <Button
            className={`cx-btn cx-btn--primary cx-review-action-confirm${busy ? ' cx-btn--disabled' : ''}`}
            disabled={busy || undefined}
            onClick={run}
          >
            {busy ? '正在保存…' : `确认${ACTION_TEXT[action]}`}
          </Button>
        </View>
      ) : null}
    </View>
  );
}
