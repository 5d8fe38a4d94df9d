import type { Branch } from '@chuangxing/shared';
import { Button, Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { FieldProblem } from '../../../../components/field-problem';
import { useMutation } from '../../../../hooks/use-mutation';
import { api } from '../../../../services/api';
import { failureOf } from '../../../../services/api-failure';
import { serverProblems } from '../../../../services/server-problems';

const NAME_MAX = 40;

/**
 * 修改名称, with optimistic concurrency: the body carries the version this page showed.
 * The server answers 409 CONFLICT both when someone else changed the branch and when the name is
 * taken in the township; re-reading the branch tells the two apart without parsing messages.
 */
export function RenameForm({
  branch,
  onRenamed,
  onStale,
  onCancel,
}: {
  branch: Branch;
  onRenamed: () => void;
  /** Someone else changed the branch meanwhile: the page reloads it. */
  onStale: () => void;
  onCancel: () => void;
}) {
  const [name, setName] = useState(branch.name);
  const [problem, setProblem] = useState<{ name?: string; form?: string }>({});
  const { busy: submitting, run } = useMutation({
    onConflict: onStale,
    onError: (failure, body) => setProblem(serverProblems(body, ['name'], failure.message)),
  });

  const changedMeanwhile = async () => {
    try {
      const fresh = await api.getBranch({ params: { branchId: branch.id } });
      return fresh.status !== 200 || fresh.body.branch.version !== branch.version;
    } catch {
      return true;
    }
  };

  const submit = async () => {
    if (submitting) return;
    const trimmed = name.trim();
    if (!trimmed) {
      setProblem({ name: '请输入支部名称' });
      return;
    }
    if (trimmed === branch.name) {
      onCancel();
      return;
    }
    setProblem({});
    const res = await run(async () => {
      const answer = await api.renameBranch({ params: { branchId: branch.id }, body: { name: trimmed, version: branch.version } });
      // A 409 with the branch unchanged is the name taken: it belongs next to the name, not a reload.
      if (answer.status === 409 && !(await changedMeanwhile())) {
        setProblem({ name: failureOf(answer).message });
        return undefined;
      }
      return answer;
    });
    if (res) onRenamed();
  };

  return (
    <View className="cx-card cx-branch-rename-form">
      <View className="cx-field">
        <Text className="cx-field__label">新名称</Text>
        <Input
          className="cx-input cx-branch-rename-input"
          type="text"
          value={name}
          maxlength={NAME_MAX}
          placeholder="支部名称"
          onInput={(e) => {
            setName(e.detail.value);
            setProblem({});
          }}
        />
        <FieldProblem text={problem.name} />
      </View>
      {problem.form ? <Text className="cx-form-problem branch-rename__problem">{problem.form}</Text> : null}
      <Button
        className={`cx-btn cx-btn--primary cx-branch-rename-submit${submitting ? ' cx-btn--disabled' : ''}`}
        disabled={submitting || undefined}
        onClick={submit}
      >
        {submitting ? '正在保存…' : '保存'}
      </Button>
      <Button className="cx-btn branch-rename__cancel" onClick={onCancel}>
        取消
      </Button>
    </View>
  );
}
