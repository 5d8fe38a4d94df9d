import { Text, View } from '@tarojs/components';

export interface Choice<K extends string> {
  key: K;
  label: string;
}

/** Big tappable chips (at least 88px high) instead of a picker wheel: every option stays in sight. */
export function ChoiceChips<K extends string>({
  choices,
  isSelected,
  onPick,
  itemClassName,
}: {
  choices: readonly Choice<K>[];
  isSelected: (key: K) => boolean;
  onPick: (key: K) => void;
  itemClassName: string;
}) {
  return (
    <View className="mailbox-chips">
      {choices.map((choice) => {
        const on = isSelected(choice.key);
        return (
          <View
            key={choice.key}
            className={`mailbox-chip ${itemClassName}${on ? ' mailbox-chip--on is-selected' : ''}`}
            data-key={choice.key}
            hoverClass="cx-pressed"
            onClick={() => onPick(choice.key)}
          >
            {on ? <Text className="mailbox-chip__check">✓</Text> : null}
            <Text>{choice.label}</Text>
          </View>
        );
      })}
    </View>
  );
}
