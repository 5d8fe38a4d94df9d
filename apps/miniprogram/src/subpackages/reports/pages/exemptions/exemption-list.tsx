import { type Exemption, formatShanghaiDateTime } from '@chuangxing/shared';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { EmptyView } from '../../../../components/state-views';
import { useMutation } from '../../../../hooks/use-mutation';
import { api } from '../../../../services/api';
import { type BranchLabel, dayLabel, EXEMPTION_KIND_LABELS, exemptionKind } from '../../services/exemption-rules';

const ignore = () => undefined;

/** The branch's name, or its id when the page could not look it up. */
export function branchName(branchId: string, branches: Record<string, BranchLabel>): string {
  return branches[branchId]?.name ?? `支部（编号 ${branchId}）`;
}

/** 删除 after a confirm; a 404 means someone deleted it meanwhile: either way it is gone. */
function ExemptionRow({
  exemption,
  branches,
  deletable,
  onDeleted,
}: {
  exemption: Exemption;
  branches: Record<string, BranchLabel>;
  deletable: boolean;
  onDeleted: (id: string) => void;
}) {
  const kind = exemptionKind(exemption);
  const [problem, setProblem] = useState<string>();
  const { busy: pending, run } = useMutation({
    onError: (failure) => {
      if (failure.status !== 404) return setProblem(failure.message);
      onDeleted(exemption.id);
      Taro.showToast({ title: '该记录已被删除', icon: 'none' }).catch(ignore);
    },
  });

  const remove = async () => {
    if (pending) return;
    const who = exemption.branchId ? branchName(exemption.branchId, branches) : '全区';
    const { confirm } = await Taro.showModal({
      title: '删除免报',
      content:
        kind === 'workday'
          ? `删除后，${dayLabel(exemption.day)}不再算作调休上班日，确定删除吗？`
          : `删除后，${dayLabel(exemption.day)}（${who}）恢复为应报日，确定删除吗？`,
      confirmText: '删除',
      confirmColor: '#b71c1c',
    }).catch(() => ({ confirm: false }));
    if (!confirm) return;
    setProblem(undefined);
    if (!(await run(() => api.deleteExemption({ params: { exemptionId: exemption.id } })))) return;
    onDeleted(exemption.id);
    Taro.showToast({ title: '已删除', icon: 'success' }).catch(ignore);
  };
  return (
    <View className="cx-card cx-exemption-item" data-day={exemption.day} data-kind={kind}>
      <View className="manage-item__head">
        <Text className="manage-item__title exemption-item__day">{dayLabel(exemption.day)}</Text>
        <Text className={`cx-tag exemption-kind--${kind}`}>{EXEMPTION_KIND_LABELS[kind]}</Text>
      </View>
      {exemption.branchId ? (
        <Text className="manage-item__line exemption-item__branch">{branchName(exemption.branchId, branches)}</Text>
      ) : null}
      <Text className="manage-item__line exemption-item__reason">原因：{exemption.reason}</Text>
      <Text className="manage-item__line exemption-item__when">登记于 {formatShanghaiDateTime(exemption.createdAt)}</Text>
      {problem ? <Text className="manage-item__problem">{problem}</Text> : null}
      {deletable ? (
        <View className="exemption-item__actions">
          <Button
            className={`cx-btn cx-exemption-delete exemption-item__delete${pending ? ' cx-btn--disabled' : ''}`}
            disabled={pending || undefined}
            onClick={remove}
          >
            {pending ? '正在删除…' : '删除'}
          </Button>
        </View>
      ) : null}
    </View>
  );
}

export function ExemptionList({
  exemptions,
  branches,
  mayDelete,
  onDeleted,
}: {
  exemptions: readonly Exemption[];
  branches: Record<string, BranchLabel>;
  mayDelete: (exemption: Exemption) => boolean;
  onDeleted: (id: string) => void;
}) {
  if (exemptions.length === 0) return <EmptyView text="本月没有节假日或请假" />;
  return (
    <View>
      {exemptions.map((e) => (
        <ExemptionRow key={e.id} exemption={e} branches={branches} deletable={mayDelete(e)} onDeleted={onDeleted} />
      ))}
    </View>
  );
}
