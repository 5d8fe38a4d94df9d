import { Text, Textarea, View } from '@tarojs/components';
import { REPORT_LIMITS, STAR_LABELS, type Star } from '@chuangxing/shared';
import type { DraftItem } from '../../offline/draft-store';

/** One item of work: its star (big chips), the key-task slot and the text. */
export function ItemEditor({
  index,
  item,
  stars,
  errors,
  canRemove,
  onChange,
  onRemove,
}: {
  index: number;
  item: DraftItem;
  stars: readonly Star[];
  errors: Record<string, string>;
  canRemove: boolean;
  onChange: (item: DraftItem, field: string) => void;
  onRemove: () => void;
}) {
  const starError = errors[`items.${index}.star`];
  const textError = errors[`items.${index}.text`] ?? errors[`items.${index}`];
  return (
    <View className='cx-card report-item'>
      <View className='report-item__head'>
        <Text className='report-item__title'>第 {index + 1} 项</Text>
        {canRemove ? (
          <View className='report-item__remove' hoverClass='cx-pressed' onClick={onRemove}>
            <Text>删除</Text>
          </View>
        ) : null}
      </View>
      <View className='report-chips report-item__stars'>
        {stars.map((star) => (
          <View
            key={star}
            className={`report-choice cx-report-star-option${item.star === star ? ' is-selected' : ''}`}
            hoverClass='cx-pressed'
            onClick={() => onChange({ ...item, star }, `items.${index}.star`)}
          >
            <Text>{STAR_LABELS[star]}</Text>
          </View>
        ))}
      </View>
      {starError ? <Text className='cx-field__error'>{starError}</Text> : null}
      {/* Key tasks arrive with the star catalogue; until then an item carries no taskId. */}
      <Text className='report-item__task'>重点任务：星级任务库上线后可选</Text>
      <Textarea
        className={`report-textarea cx-report-item-text${index === 0 ? '' : ` cx-report-item-text--${index}`}`}
        value={item.text}
        maxlength={REPORT_LIMITS.itemText}
        placeholder='今天做了什么？如：走访困难群众 5 户，解决用水问题'
        onInput={(e) => onChange({ ...item, text: e.detail.value }, `items.${index}.text`)}
      />
      <View className='report-item__foot'>
        {textError ? <Text className='cx-field__error'>{textError}</Text> : <Text />}
        <Text className='report-counter'>
          {item.text.length}/{REPORT_LIMITS.itemText}
        </Text>
      </View>
    </View>
  );
}
