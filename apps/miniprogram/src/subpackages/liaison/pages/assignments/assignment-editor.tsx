import { AssignLiaisonBody, LIAISON_LIMITS, type LiaisonAssignment } from '@chuangxing/shared';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ChoiceChips } from '../../../../components/choice-chips';
import { FieldProblem } from '../../../../components/field-problem';
import { useMutation } from '../../../../hooks/use-mutation';
import { api } from '../../../../services/api';
import { fieldErrorsOf } from '../../../../services/api-failure';
import { inDistrictOrder } from '../../assignment-gaps';

interface Township {
  id: string;
  name: string;
}

/** The field's problem; a detail naming one township (`townshipIds.3`) says which. */
function townshipsProblem(fields: Record<string, string>, sent: readonly string[], townships: readonly Township[]) {
  const key = Object.keys(fields).find((path) => path === 'townshipIds' || path.startsWith('townshipIds.'));
  if (key === undefined) return undefined;
  const id = sent[Number(key.split('.')[1])];
  const name = key.includes('.') ? townships.find((t) => t.id === id)?.name : undefined;
  return name ? `${name}：${fields[key]}` : fields[key];
}

/**
 * One leader's townships as big multi-select chips, saved on the version read. A 409 goes to the page (which reloads
 * and reopens this editor on the latest assignment); other refusals show by field.
 */
export function AssignmentEditor({
  assignment,
  townships,
  onSaved,
  onCancel,
  onConflict,
}: {
  assignment: LiaisonAssignment;
  townships: readonly Township[];
  onSaved: (saved: LiaisonAssignment) => void;
  onCancel: () => void;
  onConflict: (message: string) => void;
}) {
  const [picked, setPicked] = useState(() => new Set(assignment.townships.map((t) => t.id)));
  const [sent, setSent] = useState<string[]>([]);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string>();
  const { busy, run } = useMutation({
    onConflict: (failure) => onConflict(failure.message),
    onError: (failure, body) => {
      setFields(fieldErrorsOf(body));
      setProblem(failure.message);
    },
  });
  const toggle = (id: string) =>
    setPicked((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const save = async () => {
    const townshipIds = inDistrictOrder(picked, townships);
    const parsed = AssignLiaisonBody.safeParse({ townshipIds, version: assignment.version });
    setSent(townshipIds);
    if (!parsed.success) {
      setFields({ townshipIds: parsed.error.issues[0]?.message ?? '包联乡镇有误' });
      return setProblem(undefined);
    }
    const res = await run(() => api.assignLiaison({ params: { leaderId: assignment.leaderId }, body: parsed.data }));
    if (!res) return;
    setFields({});
    setProblem(undefined);
    Taro.showToast({ title: '已保存', icon: 'success' }).catch(() => undefined);
    onSaved(res.body);
  };
  const fieldProblem = townshipsProblem(fields, sent, townships);
  return (
    <View className="cx-la-editor" data-leader={assignment.leaderId}>
      <Text className="liaison-muted cx-la-editor-count">
        已选 {picked.size} 个乡镇（街道），最多 {LIAISON_LIMITS.townships} 个；再点一次可取消
      </Text>
      <ChoiceChips
        choices={townships.map((t) => ({ key: t.id, label: t.name }))}
        isSelected={(id) => picked.has(id)}
        onPick={toggle}
        itemClassName="cx-la-pick"
      />
      <FieldProblem text={fieldProblem} className="cx-la-field-problem" path="townshipIds" />
      {problem && !fieldProblem ? <Text className="liaison-alert cx-la-problem">{problem}</Text> : null}
      <View className="liaison-row">
        <Button
          className={`cx-btn cx-btn--primary cx-la-save${busy ? ' cx-btn--disabled' : ''}`}
          disabled={busy || undefined}
          aria-label={`保存${assignment.leaderName}的包联乡镇`}
          onClick={save}
        >
          {busy ? '正在保存…' : '保存'}
        </Button>
        <Button className="cx-btn cx-la-cancel" disabled={busy || undefined} aria-label="取消修改" onClick={onCancel}>
          取消
        </Button>
      </View>
    </View>
  );
}
