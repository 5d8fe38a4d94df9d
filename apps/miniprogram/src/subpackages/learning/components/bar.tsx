import { Text, View } from '@tarojs/components';

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
