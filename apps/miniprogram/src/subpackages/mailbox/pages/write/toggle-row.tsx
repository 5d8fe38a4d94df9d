import { Text, View } from '@tarojs/components';

/** A big yes/no row with a box to tick. */
export function Toggle({
  on,
  title,
  hint,
  className,
  onToggle,
}: {
  on: boolean;
  title: string;
  hint: string;
  className: string;
  onToggle: () => void;
}) {
  return (
    <View className={`mailbox-toggle ${className}${on ? ' is-on' : ''}`} hoverClass="cx-pressed" onClick={onToggle}>
      <Text className="mailbox-toggle__box">{on ? '✓' : ''}</Text>
      <View className="mailbox-toggle__body">
        <Text className="mailbox-toggle__title">{title}</Text>
        <Text className="mailbox-toggle__hint">{hint}</Text>
      </View>
    </View>
  );
}
