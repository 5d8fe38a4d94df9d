import type { StarApplicationEvent, StarApplicationStatus } from '@chuangxing/shared';
import { Text, View } from '@tarojs/components';
import { decorative } from '../../../components/accessible-control';
import { isH5 } from '../../../config/runtime-config';
import { starSteps, stepsText } from '../services/star-steps';

const MARK: Record<string, string> = { done: '✓', current: '●', todo: '○', returned: '↩', stopped: '×' };

/** 申报 → 初审 → 复审 → 公示 → 授星, each step marked by shape and word as well as colour. */
export function StepIndicator({ status, history }: { status: StarApplicationStatus; history?: readonly StarApplicationEvent[] }) {
  const steps = starSteps(status, history);
  const a11y = isH5() ? { role: 'img', 'aria-label': stepsText(steps) } : {};
  return (
    <View className="stars-steps cx-star-steps" {...a11y}>
      {steps.map((s) => (
        <View key={s.key} className={`stars-step cx-star-step is-${s.state}`} data-step={s.key} data-state={s.state}>
          <Text className="stars-step__mark" {...decorative()}>
            {MARK[s.state]}
          </Text>
          <Text className="stars-step__label" {...decorative()}>
            {s.label}
          </Text>
        </View>
      ))}
    </View>
  );
}
