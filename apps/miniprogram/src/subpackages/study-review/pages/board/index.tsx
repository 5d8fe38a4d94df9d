import {
  AddReviewItemBody,
  formatShanghaiDateTime,
  REVIEW_LIST_LABELS,
  REVIEW_LISTS,
  REVIEW_STATUS_LABELS,
  type ReviewBoard,
  type ReviewItem,
  type ReviewList,
} from '@chuangxing/shared';
import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { FieldProblem } from '../../../../components/field-problem';
import { SignInNeeded } from '../../../../components/sign-in-needed';
import { ResourceView } from '../../../../components/state-views';
import { useMutation } from '../../../../hooks/use-mutation';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { expectStatus, failureError, fieldErrorsOf } from '../../../../services/api-failure';
import { keyedByContent } from '../../../../services/list-keys';
import { serverProblems } from '../../../../services/server-problems';
import { keepsLists, monthLabel, monthParam, newItemId, nextMonth, prevMonth, thisMonth } from '../../review-helpers';
import '../../review.css';

const ignore = () => undefined;

const LIST_HINTS: Record<ReviewList, string> = {
  difficulty: '学习讨论中摆出的困难',
  problem: '讲评中查找出的问题',
  solution: '针对困难和问题提出的办法',
  measure: '落实办法的具体举措',
};

const ACTION_TEXT = { start: '开始解决', done: '标为已解决', reopen: '重新打开', edit: '修改' } as const;
type Action = keyof typeof ACTION_TEXT;
const NOTE_HINT: Record<Action, string> = {
  start: '进展（可不填）',
  done: '怎么解决的（必填）',
  reopen: '重新打开的原因（必填）',
  edit: '',
};

async function loadBoard(branchId: string, month: string): Promise<ReviewBoard> {
  if (!branchId) throw failureError({ status: 404, message: '缺少支部编号' });
  const board = expectStatus(await api.getReviewBoard({ params: { branchId, month } }), 200);
  Taro.setNavigationBarTitle({ title: `${board.branchName} · 学讲评` }).catch(ignore);
  return board;
}

function AddForm({
  branchId,
  month,
  list,
  onAdded,
}: {
  branchId: string;
  month: string;
  list: ReviewList;
  onAdded: (item: ReviewItem) => void;
}) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const { busy, run } = useMutation({
    onError: (failure, body) => setProblems(serverProblems(body, (path) => path.replace(/^params\./, ''), failure.message)),
  });
  /** Kept across retries of the same add, so a retry after a lost answer does not add twice. */
  const [id, setId] = useState(newItemId);

  if (!open)
    return (
      <View className="review-add-open cx-review-add-open" data-list={list} hoverClass="cx-pressed" onClick={() => setOpen(true)}>
        <Text>＋ 添加一条</Text>
      </View>
    );
  const send = async () => {
    if (busy) return;
    const parsed = AddReviewItemBody.safeParse({ id, list, text, owner, ...(due.trim() ? { due: due.trim() } : {}) });
    if (!parsed.success) {
      const out: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0]);
        if (!out[field]) out[field] = issue.message;
      }
      return setProblems(out);
    }
    setProblems({});
    const res = await run(() => api.addReviewItem({ params: { branchId, month }, body: parsed.data }));
    if (!res) return;
    onAdded(res.body);
    setText('');
    setDue('');
    setId(newItemId());
    setOpen(false);
    Taro.showToast({ title: '已添加', icon: 'success' }).catch(ignore);
  };
  return (
    <View className="review-add cx-review-add" data-list={list}>
      <View className="cx-review-add-text">
        <Textarea
          className="review-textarea"
          value={text}
          maxlength={200}
          placeholder={`写下${REVIEW_LIST_LABELS[list].replace('清单', '')}（200 字以内）`}
          onInput={(e) => setText(e.detail.value)}
        />
      </View>
      <FieldProblem text={problems.text} />
      <View className="review-add__row">
        <View className="review-add__field cx-review-add-owner">
          <Input className="cx-input" value={owner} maxlength={20} placeholder="责任人" onInput={(e) => setOwner(e.detail.value)} />
        </View>
        <View className="review-add__field cx-review-add-due">
          <Input
            className="cx-input"
            value={due}
            maxlength={10}
            placeholder="完成时限 YYYY-MM-DD（可不填）"
            onInput={(e) => setDue(e.detail.value)}
          />
        </View>
      </View>
      <FieldProblem text={problems.owner} />
      <FieldProblem text={problems.due} />
      <FieldProblem text={problems.month ?? problems.form ?? problems.id} className="cx-review-add-problem" />
      <View className="review-add__row">
        <Button className="cx-btn review-btn--half" onClick={() => setOpen(false)}>
          取消
        </Button>
        <Button
          className={`cx-btn cx-btn--primary review-btn--half cx-review-add-submit${busy ? ' cx-btn--disabled' : ''}`}
          disabled={busy || undefined}
          onClick={send}
        >
          {busy ? '正在添加…' : '添加'}
        </Button>
      </View>
    </View>
  );
}

function ItemCard({
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
      <View className="review-item__history-toggle cx-review-history-toggle" onClick={() => setHistory(!history)}>
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
              onClick={() => choose(a)}
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
                <View className="review-add__field">
                  <Input
                    className="cx-input"
                    value={due}
                    maxlength={10}
                    placeholder="完成时限 YYYY-MM-DD"
                    onInput={(e) => setDue(e.detail.value)}
                  />
                </View>
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

/**
 * 学讲评 (`?branchId=&month=`): the branch's 困难清单, 问题清单, 办法清单 and 举措清单 for a month, with the
 * still-open items of earlier months (往期). Its own cadres and secretary add and work through the items;
 * township staff, leaders, inspectors and the district read.
 */
export default function ReviewBoardPage() {
  const { params } = useRouter();
  const session = useSession();
  const signedIn = Boolean(session.token);
  const branchId = params.branchId ?? '';
  const [month, setMonth] = useState(() => monthParam(params.month));
  /** Items changed or added on this page since the load (the list index may lag a moment behind a write). */
  const [changed, setChanged] = useState<Record<string, ReviewItem>>({});
  const [notice, setNotice] = useState<string>();
  const { state, reload } = useResource(
    async () => {
      const board = await loadBoard(branchId, month);
      setChanged({});
      return board;
    },
    [branchId, month, session.token],
    { enabled: signedIn },
  );

  if (!signedIn)
    return (
      <View className="cx-page review">
        <SignInNeeded />
      </View>
    );
  const keep = (item: ReviewItem) => {
    setNotice(undefined);
    setChanged((c) => ({ ...c, [item.id]: { ...item, carried: item.period < month } }));
  };
  const stale = (message: string) => {
    setNotice(message);
    reload();
  };
  return (
    <View className="cx-page review">
      <View className="review-month cx-review-month">
        <View className="review-month__step cx-review-prev" hoverClass="cx-pressed" onClick={() => setMonth(prevMonth(month))}>
          <Text>‹ 上月</Text>
        </View>
        <Text className="review-month__label cx-review-month-label">{monthLabel(month)}</Text>
        {month < thisMonth() ? (
          <View className="review-month__step cx-review-next" hoverClass="cx-pressed" onClick={() => setMonth(nextMonth(month))}>
            <Text>下月 ›</Text>
          </View>
        ) : (
          <View className="review-month__step review-month__step--off" />
        )}
      </View>
      {notice ? (
        <View className="cx-card review-notice cx-review-notice">
          <Text>{notice}</Text>
        </View>
      ) : null}
      <ResourceView state={state} onRetry={reload}>
        {(board) => {
          const writer = keepsLists(session.me, board.branchId);
          const loadedIds = new Set(board.items.map((i) => i.id));
          const items = [
            ...board.items.map((i) => changed[i.id] ?? i),
            ...Object.values(changed).filter((i) => !loadedIds.has(i.id) && i.period === month),
          ];
          return (
            <View>
              <View className="cx-card review-intro">
                <Text className="review-intro__name">{board.branchName}</Text>
                <Text className="review-intro__text">
                  学文件、讲体会、评自己和他人，形成四张清单，一项一项解决、一件一件攻克。未解决的往期条目会一直留在清单上。
                </Text>
              </View>
              {REVIEW_LISTS.map((list) => {
                const rows = items.filter((i) => i.list === list);
                const open = rows.filter((i) => i.status !== 'done').length;
                return (
                  <View key={list} className="review-list cx-review-list" data-list={list}>
                    <View className="cx-section-title">
                      {REVIEW_LIST_LABELS[list]}（未解决 {open} / 共 {rows.length}）
                    </View>
                    <View className="cx-card">
                      <Text className="review-list__hint">{LIST_HINTS[list]}</Text>
                      {rows.length ? (
                        rows.map((item) => (
                          <ItemCard
                            key={`${item.id}-${item.version}`}
                            branchId={board.branchId}
                            item={item}
                            writer={writer}
                            onChanged={keep}
                            onStale={stale}
                          />
                        ))
                      ) : (
                        <Text className="review-list__empty cx-review-list-empty">
                          {writer ? '还没有条目，点下方添加' : '本月还没有条目'}
                        </Text>
                      )}
                      {writer ? <AddForm branchId={board.branchId} month={month} list={list} onAdded={keep} /> : null}
                    </View>
                  </View>
                );
              })}
            </View>
          );
        }}
      </ResourceView>
    </View>
  );
}
