import { Button, Text, View } from '@tarojs/components';
import { openPage } from '../services/navigation';
import { PAGES } from '../services/routes';

/** Shown by pages that need a logged-in user. */
export function SignInNeeded({ text = '请先登录后查看' }: { text?: string }) {
  return (
    <View className="cx-state cx-state--signin">
      <Text className="cx-state__text">{text}</Text>
      <Button className="cx-btn cx-btn--primary" onClick={() => openPage(PAGES.home)}>
        去登录
      </Button>
    </View>
  );
}

/** Shown to residents on pages for Party workers. */
export function BindingNeeded({ text }: { text: string }) {
  return (
    <View className="cx-state cx-state--binding">
      <Text className="cx-state__text">{text}</Text>
      <Button className="cx-btn cx-btn--primary" onClick={() => openPage(PAGES.bind)}>
        绑定身份
      </Button>
    </View>
  );
}
