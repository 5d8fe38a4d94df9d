import { Text, View } from '@tarojs/components';

/** 大字 / 标准字: a big switch at the top of the residents' pages. */
export function LargeTextToggle({ large, onToggle }: { large: boolean; onToggle: () => void }) {
  return (
    <View className="mailbox-toolbar">
      <View className={`mailbox-large-toggle cx-large-text${large ? ' is-on' : ''}`} hoverClass="cx-pressed" onClick={onToggle}>
        <Text className="mailbox-large-toggle__icon">{large ? 'A' : 'A+'}</Text>
        <Text>{large ? '标准字' : '大字'}</Text>
      </View>
    </View>
  );
}
