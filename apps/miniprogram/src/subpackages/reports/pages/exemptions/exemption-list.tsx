import { type Exemption, formatShanghaiDateTime } from '@chuangxing/shared';
import { Button, Text, View } from '@tarojs/components';
import { EmptyView } from '../../../../components/state-views';
import { type BranchLabel, dayLabel } from '../../services/exemption-rules';

export type RowState = { kind: 'idle' } | { kind: 'pending' } | { kind: 'failed'; message: string };

/** The branch's name, or its id when the page could not look it up. */
export function branchName(branchId: string, branches: Record<string, BranchLabel>): string {
  return branches[branchId]?.name ?? `支部（编号 ${branchId}）`;
}

function ExemptionRow({
  exemption,
  branches,
  deletable,
  row,
  onDelete,
}: {
  exemption: Exemption;
  branches: Record<string, BranchLabel>;
  deletable: boolean;
  row: RowState;
  onDelete: (exemption: Exemption) => void;
}) {
  const holiday = !exemption.branchId;
  const pending = row.kind === 'pending';
  return (
    <View className="cx-card cx-exemption-item" data-day={exemption.day} data-kind={holiday ? 'holiday' : 'leave'}>
      <View className="manage-item__head">
        <Text className="manage-item__title exemption-item__day">{dayLabel(exemption.day)}</Text>
        <Text className={`cx-tag exemption-kind--${holiday ? 'holiday' : 'leave'}`}>{holiday ? '全区节假日' : '支部请假'}</Text>
      </View>
      {exemption.branchId ? (
        <Text className="manage-item__line exemption-item__branch">{branchName(exemption.branchId, branches)}</Text>
      ) : null}
      <Text className="manage-item__line exemption-item__reason">原因：{exemption.reason}</Text>
      <Text className="manage-item__line exemption-item__when">登记于 {formatShanghaiDateTime(exemption.createdAt)}</Text>
      {row.kind === 'failed' ? <Text className="manage-item__problem">{row.message}</Text> : null}
      {deletable ? (
        <View className="exemption-item__actions">
          <Button
            className={`cx-btn cx-exemption-delete exemption-item__delete${pending ? ' cx-btn--disabled' : ''}`}
            disabled={pending || undefined}
            onClick={() => onDelete(exemption)}
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
  rows,
  mayDelete,
  onDelete,
}: {
  exemptions: readonly Exemption[];
  branches: Record<string, BranchLabel>;
  rows: Record<string, RowState>;
  mayDelete: (exemption: Exemption) => boolean;
  onDelete: (exemption: Exemption) => void;
}) {
  if (exemptions.length === 0) return <EmptyView text="本月没有节假日或请假" />;
  return (
    <View>
      {exemptions.map((e) => (
        <ExemptionRow
          key={e.id}
          exemption={e}
          branches={branches}
          deletable={mayDelete(e)}
          row={rows[e.id] ?? { kind: 'idle' }}
          onDelete={onDelete}
        />
      ))}
    </View>
  );
}
