import { Text, View } from '@tarojs/components';
import { accessibleControl, decorative } from '../../../../components/accessible-control';

/** A big yes/no row with a box to tick: a checkbox named by its title and hint. */
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
    <View
      className={`mailbox-toggle ${className}${on ? ' is-on' : ''}`}
      hoverClass="cx-pressed"
      {...accessibleControl({ role: 'checkbox', on, onActivate: onToggle })}
    >
      <Text className="mailbox-toggle__box" {...decorative()}>
        {on ? '✓' : ''}
      </Text>
      <View className="mailbox-toggle__body">
        <Text className="mailbox-toggle__title">{title}</Text>
        <Text className="mailbox-toggle__hint">{hint}</Text>
      </View>
    </View>
  );
}
