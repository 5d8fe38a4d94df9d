import { BRANCH_TYPE_LABELS, BRANCH_TYPES, type BranchType } from '@chuangxing/shared';
import { Button, Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { accessibleControl } from '../../../../components/accessible-control';
import { FieldProblem } from '../../../../components/field-problem';
import { useMutation } from '../../../../hooks/use-mutation';
import { api } from '../../../../services/api';
import { serverProblems } from '../../../../services/server-problems';

const NAME_MAX = 40;

interface Problems {
  name?: string;
  type?: string;
  form?: string;
}

/** 新增支部: a name and 农村 / 社区; calls createBranch. The server refuses a name already in the township (409). */
export function NewBranchForm({ townshipId, onCreated, onCancel }: { townshipId: string; onCreated: () => void; onCancel: () => void }) {
  const [name, setName] = useState('');
  const [type, setType] = useState<BranchType>();
  const [problems, setProblems] = useState<Problems>({});
  const { busy: submitting, run } = useMutation({
    onError: (failure, body) =>
      // A 409 is a name already taken in this township: it belongs next to the name.
      setProblems(failure.status === 409 ? { name: failure.message } : serverProblems(body, ['name', 'type'], failure.message)),
  });

  const submit = async () => {
    if (submitting) return;
    const trimmed = name.trim();
    const local: Problems = {};
    if (!trimmed) local.name = '请输入支部名称';
    else if (trimmed.length > NAME_MAX) local.name = `名称不能超过 ${NAME_MAX} 个字`;
    if (!type) local.type = '请选择农村或社区';
    if (local.name || local.type || !type) {
      setProblems(local);
      return;
    }
    setProblems({});
    if (await run(() => api.createBranch({ params: { townshipId }, body: { name: trimmed, type } }))) onCreated();
  };

  return (
    <View className="cx-card cx-branch-form">
      <View className="cx-field">
        <Text className="cx-field__label">支部名称</Text>
        <Input
          className="cx-input cx-branch-name"
          type="text"
          value={name}
          maxlength={NAME_MAX}
          placeholder="例如 建新南街社区"
          onInput={(e) => {
            setName(e.detail.value);
            setProblems((p) => ({ ...p, name: undefined, form: undefined }));
          }}
        />
        <FieldProblem text={problems.name} />
      </View>
      <View className="cx-field">
        <Text className="cx-field__label">类型</Text>
        <View className="township-filter branch-form__types">
          {BRANCH_TYPES.map((t) => (
            <View
              key={t}
              className={`township-filter__item cx-branch-type${type === t ? ' township-filter__item--active' : ''}`}
              {...accessibleControl({
                onActivate: () => {
                  setType(t);
                  setProblems((p) => ({ ...p, type: undefined, form: undefined }));
                },
              })}
            >
              <Text>{BRANCH_TYPE_LABELS[t]}</Text>
            </View>
          ))}
        </View>
        <FieldProblem text={problems.type} />
      </View>
      {problems.form ? <Text className="cx-form-problem branch-form__problem">{problems.form}</Text> : null}
      <Button
        className={`cx-btn cx-btn--primary cx-branch-submit${submitting ? ' cx-btn--disabled' : ''}`}
        disabled={submitting || undefined}
        onClick={submit}
      >
        {submitting ? '正在保存…' : '保存'}
      </Button>
      <Button className="cx-btn branch-form__cancel" onClick={onCancel}>
        取消
      </Button>
    </View>
  );
}
