import type { LetterCategory, LetterStatus } from '@chuangxing/shared';
import { Text } from '@tarojs/components';
import { type Audience, LETTER_CATEGORY_LABELS, statusLabel, statusTone } from '../services/letter-labels';

/** 待受理 / 办理中 / 已答复 / 复核中 / 不予受理 / 已归档; `cx-letter-status` holds exactly the label. */
export function LetterStatusChip({ status, audience }: { status: LetterStatus; audience?: Audience }) {
  return <Text className={`mailbox-status mailbox-status--${statusTone(status)} cx-letter-status`}>{statusLabel(status, audience)}</Text>;
}

export function CategoryTag({ category }: { category: LetterCategory }) {
  return <Text className={`cx-tag mailbox-category mailbox-category--${category}`}>{LETTER_CATEGORY_LABELS[category]}</Text>;
}
