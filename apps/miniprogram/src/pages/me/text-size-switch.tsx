import { Text, View } from '@tarojs/components';
import { accessibleControl, decorative } from '../../components/accessible-control';
import { isH5 } from '../../config/runtime-config';
import { textSize, useTextSize } from '../../services/text-size';

/** 大字 for every page: follows WeChat's font size until the reader flips it here. */
export function TextSizeSwitch() {
  const { choice, system, large } = useTextSize();
  const following = choice === 'follow';
  let hint = large ? '所有页面使用大字，按钮也更大' : '所有页面使用标准字';
  if (!isH5()) hint = following ? `已跟随微信字体设置（${system ? '大' : '标准'}）` : '已手动设置，不再跟随微信字体';
  return (
    <View className="cx-card me-textsize">
      <View
        className={`me-textsize__row cx-me-large-text${large ? ' is-on' : ''}`}
        hoverClass="cx-pressed"
        {...accessibleControl({
          role: 'switch',
          label: '大字',
          on: large,
          onActivate: () => textSize.choose(large ? 'standard' : 'large'),
        })}
      >
        <View className="me-textsize__body">
          <Text className="me-textsize__title">大字</Text>
          <Text className="me-textsize__hint">{hint}</Text>
        </View>
        <View className="me-textsize__track" {...decorative()}>
          <View className="me-textsize__knob" />
        </View>
      </View>
      {!isH5() && !following ? (
        <View
          className="me-textsize__follow cx-me-follow-wechat"
          hoverClass="cx-pressed"
          {...accessibleControl({ onActivate: () => textSize.choose('follow') })}
        >
          <Text>恢复跟随微信字体</Text>
        </View>
      ) : null}
    </View>
  );
}
