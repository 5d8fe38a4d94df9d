import { shanghaiDay } from '@chuangxing/shared';
import { Text, View } from '@tarojs/components';
import { accessibleControl } from '../../../components/accessible-control';

/** Last year, this year, next year: plans are yearly. */
export function YearSwitcher({ year, onChange }: { year: number; onChange: (year: number) => void }) {
  const now = Number(shanghaiDay().slice(0, 4));
  const canBack = year > 2020;
  const canForward = year < now + 1;
  return (
    <View className="cx-card board-year">
      <View
        className={`board-year__btn cx-board-year-prev${canBack ? '' : ' is-disabled'}`}
        hoverClass="cx-pressed"
        {...accessibleControl({ onActivate: () => canBack && onChange(year - 1) })}
      >
        <Text>‹ {year - 1}</Text>
      </View>
      <Text className="board-year__label cx-board-year">{year} 年</Text>
      <View
        className={`board-year__btn cx-board-year-next${canForward ? '' : ' is-disabled'}`}
        hoverClass="cx-pressed"
        {...accessibleControl({ onActivate: () => canForward && onChange(year + 1) })}
      >
        <Text>{year + 1} ›</Text>
      </View>
    </View>
  );
}
