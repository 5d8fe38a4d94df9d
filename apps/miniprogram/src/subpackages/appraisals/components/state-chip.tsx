import { APPRAISAL_STATE_LABELS, type AppraisalState } from '@chuangxing/shared';
import { Text } from '@tarojs/components';

/** The session's state as a coloured tag. */
export function StateChip({ state }: { state: AppraisalState }) {
  return <Text className={`cx-tag appr-state--${state} cx-appr-state`}>{APPRAISAL_STATE_LABELS[state]}</Text>;
}
