import { Text, View } from '@tarojs/components';
import { accessibleControl, decorative } from './accessible-control';
import './choice-chips.css';

export interface Choice<K extends string | number> {
  key: K;
  label: string;
  /** Shown but not pickable (e.g. a meeting the letter is already on). */
  disabled?: boolean;
}

/**
 * Big tappable chips (at least 88px high) instead of a picker wheel: every option stays in sight.
 * Single or multiple choice is up to `isSelected` and `onPick`. Each chip carries `itemClassName` (its stable hook),
 * `is-selected` when chosen, `is-disabled`, and its key as `data-<dataName>` (`data-key` by default). A chosen chip
 * shows ✓ unless `check` is false (filters and tabs, where the colour says enough). Each chip is a toggle button
 * (aria-pressed) with a tab stop in H5.
 */
export function ChoiceChips<K extends string | number>({
  choices,
  isSelected,
  onPick,
  itemClassName,
  className,
  dataName = 'key',
  check = true,
}: {
  choices: readonly Choice<K>[];
  isSelected: (key: K) => boolean;
  onPick: (key: K) => void;
  itemClassName: string;
  className?: string;
  dataName?: string;
  check?: boolean;
}) {
  return (
    <View className={`cx-chips${className ? ` ${className}` : ''}`}>
      {choices.map((choice) => {
        const on = isSelected(choice.key);
        const data = { [`data-${dataName}`]: String(choice.key) };
        return (
          <View
            key={choice.key}
            className={`cx-chip ${itemClassName}${on ? ' cx-chip--on is-selected' : ''}${choice.disabled ? ' is-disabled' : ''}`}
            {...data}
            hoverClass={choice.disabled ? 'none' : 'cx-pressed'}
            {...accessibleControl({ label: choice.label, on, disabled: choice.disabled, onActivate: () => onPick(choice.key) })}
          >
            {on && check ? (
              <Text className="cx-chip__check" {...decorative()}>
                ✓
              </Text>
            ) : null}
            <Text className="cx-chip__label">{choice.label}</Text>
          </View>
        );
      })}
    </View>
  );
}
