import { Text, View } from '@tarojs/components';
import { accessibleControl, decorative } from '../../../components/accessible-control';

/** 大字 / 标准字: a big switch at the top of the residents' pages; the same choice as the one in 我的 (app-wide). */
export function LargeTextToggle({ large, onToggle }: { large: boolean; onToggle: () => void }) {
  return (
    <View className="mailbox-toolbar">
      <View
        className={`mailbox-large-toggle cx-large-text${large ? ' is-on' : ''}`}
        hoverClass="cx-pressed"
        {...accessibleControl({ role: 'switch', label: '大字', on: large, onActivate: onToggle })}
      >
        <Text className="mailbox-large-toggle__icon" {...decorative()}>
          {large ? 'A' : 'A+'}
        </Text>
        <Text>{large ? '标准字' : '大字'}</Text>
      </View>
    </View>
  );
}
