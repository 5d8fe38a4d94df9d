import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { accessibleControl } from '../../../../components/accessible-control';
import type { Field, Problems } from './letter-draft';

/** The element each field's problem scrolls to (the step's title, so the step reads from its start). */
export const FIELD_ANCHORS: Record<Exclude<Field, 'form'>, string> = {
  community: 'letter-step-community',
  category: 'letter-step-category',
  text: 'letter-step-text',
  photos: 'letter-step-text',
  anonymous: 'letter-step-anonymous',
  phone: 'letter-step-phone',
};

const FIELD_NAMES: Record<Exclude<Field, 'form'>, string> = {
  community: '写给哪个社区',
  category: '反映什么事',
  text: '信的内容',
  photos: '照片',
  anonymous: '匿名还是署名',
  phone: '手机号',
};

/** The form's order, top to bottom. */
const ORDER: readonly Exclude<Field, 'form'>[] = ['community', 'category', 'text', 'photos', 'anonymous', 'phone'];

/** The topmost field with a problem (the one to scroll to). */
export function firstProblemField(problems: Problems): Exclude<Field, 'form'> | undefined {
  return ORDER.find((f) => problems[f]);
}

/**
 * Next to 寄出: what still needs doing, each item a link back up to its step. Nothing when all is well, so a
 * reader who never scrolls up still learns why the letter did not go.
 */
export function ProblemSummary({ problems }: { problems: Problems }) {
  const fields = ORDER.filter((f) => problems[f]);
  if (!fields.length) return null;
  return (
    <View className="mailbox-summary cx-letter-summary" role="alert">
      <Text className="mailbox-summary__title">还有 {fields.length} 处需要修改：</Text>
      {fields.map((f) => (
        <Text
          key={f}
          className="mailbox-summary__item cx-letter-summary-item"
          {...accessibleControl({
            role: 'link',
            onActivate: () => Taro.pageScrollTo({ selector: `#${FIELD_ANCHORS[f]}`, duration: 200 }).catch(() => undefined),
          })}
        >
          {FIELD_NAMES[f]}：{problems[f]}
        </Text>
      ))}
    </View>
  );
}
