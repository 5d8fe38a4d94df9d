import { Text } from '@tarojs/components';
import { CHIP_LABELS, type ReportChip } from '../offline/report-status';

/** 草稿 / 待发送 / 已提交 / 迟交 (/ 需处理). `cx-report-status` holds exactly the label. */
export function StatusChip({ chip }: { chip: ReportChip }) {
  return <Text className={`report-chip report-status--${chip} cx-report-status`}>{CHIP_LABELS[chip]}</Text>;
}
