import { AddReviewItemBody, REVIEW_LIST_LABELS, type ReviewItem, type ReviewList } from '@chuangxing/shared';
import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { accessibleControl } from '../../../../components/accessible-control';
import { FieldProblem } from '../../../../components/field-problem';
import { useMutation } from '../../../../hooks/use-mutation';
import { api } from '../../../../services/api';
import { serverProblems } from '../../../../services/server-problems';
import { DateField } from '../../../../shared-ui/date-field';
import { newItemId } from '../../review-helpers';

const ignore = () => undefined;

/** ＋ 添加一条 under a list: the text, 责任人 and an optional 完成时限; closed again once added. */
export function AddItemForm({
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
      <View
        className="review-add-open cx-review-add-open"
        data-list={list}
        hoverClass="cx-pressed"
        {...accessibleControl({ onActivate: () => setOpen(true) })}
      >
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
        <DateField
          className="review-add__field cx-review-add-due"
          label="完成时限"
          placeholder="完成时限（可不填）"
          optional
          value={due}
          onChange={setDue}
        />
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
