import { Text, View } from '@tarojs/components';

/** Big tappable chips (single or multiple choice is up to onPick); `itemClassName` is the stable test hook. */
export function Chips<K extends string | number>({
  choices,
  isSelected,
  onPick,
  itemClassName,
}: {
  choices: readonly { key: K; label: string }[];
  isSelected: (key: K) => boolean;
  onPick: (key: K) => void;
  itemClassName: string;
}) {
  return (
    <View className="learn-chips">
      {choices.map((c) => {
        const on = isSelected(c.key);
        return (
          <View
            key={c.key}
            className={`learn-chip ${itemClassName}${on ? ' learn-chip--on' : ''}`}
            data-key={String(c.key)}
            hoverClass="cx-pressed"
            onClick={() => onPick(c.key)}
          >
            {on ? <Text className="learn-chip__check">✓</Text> : null}
            <Text>{c.label}</Text>
          </View>
        );
      })}
    </View>
  );
}

/** A horizontal bar: label, the bar, the value text. */
export function Bar({
  label,
  value,
  max,
  text,
  className,
}: {
  label: string;
  value: number;
  max: number;
  text: string;
  className?: string;
}) {
  const pct = max > 0 ? Math.round((value / max) * 100) : 0;
  return (
    <View className={`learn-bar${className ? ` ${className}` : ''}`}>
      <Text className="learn-bar__label">{label}</Text>
      <View className="learn-bar__track">
        <View className="learn-bar__fill" style={{ width: `${pct}%` }} />
      </View>
      <Text className="learn-bar__value">{text}</Text>
    </View>
  );
}
