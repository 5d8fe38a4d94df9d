import { STAR_APPLICATION_LIMITS, type StarAssessmentInput } from '@chuangxing/shared';
import { Button, Text, Textarea, View } from '@tarojs/components';
import { useEffect, useRef, useState } from 'react';
import { ChoiceChips } from '../../../components/choice-chips';
import { FieldProblem } from '../../../components/field-problem';
import { PhotoPicker } from '../../../shared-ui/photo-picker';
import { answerLabels, assessmentOf, type DraftItem, type DraftProblems } from '../services/assessment-draft';
import { useEvidencePhotos } from '../services/evidence-photos';

type KeysOf = () => string[] | undefined;

function ItemRow({
  item,
  index,
  branchId,
  problem,
  onChange,
  register,
}: {
  item: DraftItem;
  index: number;
  branchId: string;
  problem?: string;
  onChange: (patch: Partial<DraftItem>) => void;
  register: (itemId: string, keys: KeysOf) => void;
}) {
  const photos = useEvidencePhotos(branchId, item.photos);
  register(item.itemId, photos.keys);
  const labels = answerLabels(item.kind);
  return (
    <View className={`cx-card stars-item cx-star-item${problem ? ' has-problem' : ''}`} data-item={item.itemId} data-kind={item.kind}>
      <View className="stars-item__head">
        <Text className={`cx-tag stars-kind stars-kind--${item.kind}`}>{item.kind === 'task' ? '重点任务' : '否决项'}</Text>
        <Text className="stars-item__title cx-star-item-title">
          {index + 1}. {item.title}
        </Text>
      </View>
      {item.returnReason ? <Text className="stars-return-reason cx-star-item-return">退回原因：{item.returnReason}</Text> : null}
      <ChoiceChips
        choices={[
          { key: 'met', label: labels.met },
          { key: 'unmet', label: labels.unmet },
        ]}
        isSelected={(k) => (item.met === undefined ? false : (k === 'met') === item.met)}
        onPick={(k) => onChange({ met: k === 'met' })}
        itemClassName="cx-star-item-answer"
        dataName="answer"
      />
      <Text className="cx-field__label stars-item__label">情况说明</Text>
      <View className="stars-textarea cx-star-item-note">
        <Textarea
          className="stars-textarea__input"
          value={item.note}
          maxlength={STAR_APPLICATION_LIMITS.note}
          placeholder="做了什么、有哪些佐证（可不填）"
          nativeProps={{ 'aria-label': `第 ${index + 1} 项情况说明` }}
          onInput={(e) => onChange({ note: e.detail.value })}
        />
      </View>
      <PhotoPicker
        photos={photos.photos.map((p) => ({ id: p.id, src: p.url, state: p.state }))}
        max={photos.max}
        tileClassName="cx-star-photo"
        inputClassName="cx-star-photo-input"
        hint={`${photos.photos.length}/${photos.max} 张 · 佐证照片`}
        onPick={() => void photos.pick()}
        onFiles={(files) => void photos.addFiles(files)}
        onRemove={photos.remove}
      />
      <FieldProblem text={problem} className="cx-star-item-problem" path={item.itemId} />
    </View>
  );
}

/**
 * 自评: every key task and veto item of the star, each answered with a note and evidence photos. Nothing is sent
 * until every item is answered and every photo stored.
 */
export function AssessmentForm({
  branchId,
  initial,
  busy,
  submitLabel,
  onSubmit,
}: {
  branchId: string;
  initial: DraftItem[];
  busy: boolean;
  submitLabel: string;
  onSubmit: (items: StarAssessmentInput[]) => void;
}) {
  const [items, setItems] = useState(initial);
  const [problems, setProblems] = useState<DraftProblems>({});
  const keys = useRef(new Map<string, KeysOf>());
  useEffect(() => setItems(initial), [initial]);
  const register = (itemId: string, k: KeysOf) => keys.current.set(itemId, k);
  const patch = (itemId: string, p: Partial<DraftItem>) => {
    setItems((list) => list.map((i) => (i.itemId === itemId ? { ...i, ...p } : i)));
    setProblems((all) => {
      const { [itemId]: _, ...rest } = all;
      return rest;
    });
  };
  const submit = () => {
    const result = assessmentOf(items, (id) => keys.current.get(id)?.() ?? []);
    if ('problems' in result) return setProblems(result.problems);
    setProblems({});
    onSubmit(result.items);
  };
  const count = Object.keys(problems).length;
  const answered = items.filter((i) => i.met !== undefined).length;
  return (
    <View className="stars-form cx-star-form">
      <Text className="stars-hint">
        共 {items.length} 项，已自评 {answered} 项。请逐条对照标准自评；否决项选“未触发”表示没有出现该情况。
      </Text>
      {items.map((item, i) => (
        <ItemRow
          key={item.itemId}
          item={item}
          index={i}
          branchId={branchId}
          problem={problems[item.itemId]}
          onChange={(p) => patch(item.itemId, p)}
          register={register}
        />
      ))}
      {count ? <Text className="cx-form-problem cx-star-form-problem">还有 {count} 项需要补全，请看标红的项目</Text> : null}
      <Button
        className={`cx-btn cx-btn--primary cx-star-submit${busy ? ' cx-btn--disabled' : ''}`}
        disabled={busy || undefined}
        onClick={submit}
      >
        {busy ? '正在提交…' : submitLabel}
      </Button>
    </View>
  );
}
