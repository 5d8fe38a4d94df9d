import { Text, View } from '@tarojs/components';

export interface Choice<K extends string | number> {
  key: K;
  label: string;
}

/**
 * Big tappable chips for a short list of choices: easier on a phone than a picker wheel, and every
 * option stays visible. Single or multiple choice is up to `onPick`.
 */
export function ChoiceChips<K extends string | number>({
  choices,
  isSelected,
  onPick,
  className,
  itemClassName,
}: {
  choices: readonly Choice<K>[];
  isSelected: (key: K) => boolean;
  onPick: (key: K) => void;
  className?: string;
  itemClassName: string;
}) {
  return (
    <View className={`admin-chips${className ? ` ${className}` : ''}`}>
      {choices.map((choice) => {
        const on = isSelected(choice.key);
        return (
          <View
            key={choice.key}
            className={`admin-chip ${itemClassName}${on ? ' admin-chip--on' : ''}`}
            hoverClass="cx-pressed"
            onClick={() => onPick(choice.key)}
          >
            {on ? <Text className="admin-chip__check">✓</Text> : null}
            <Text className="admin-chip__label">{choice.label}</Text>
          </View>
        );
      })}
    </View>
  );
}
