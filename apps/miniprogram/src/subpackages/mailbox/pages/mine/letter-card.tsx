import { formatQueryCode, formatShanghaiDateTime, type MyLetter, RATING_LABELS } from '@chuangxing/shared';
import { Text, View } from '@tarojs/components';
import { LetterPhotos } from '../../components/letter-photos';
import { CategoryTag, LetterStatusChip } from '../../components/status-chip';
import { Timeline } from '../../components/timeline';
import { answerByText } from '../../services/answer-by';
import { RatingBlock } from './rating-block';
import { SupplementForm, WithdrawButton } from './writer-moves';

/** One of the writer's letters: who it went to, by when the community must answer, its steps and what the writer may do. */
export function LetterCard({
  letter,
  onChanged,
  onStale,
}: {
  letter: MyLetter;
  onChanged: (letter: MyLetter) => void;
  onStale: () => void;
}) {
  const flags = [
    letter.anonymous ? '匿名' : '署名',
    letter.callbackRequested ? '需要回电' : '',
    letter.allowPublication ? '同意公开' : '',
  ].filter(Boolean);
  const due = answerByText(letter.answerBy);
  return (
    <View className="cx-card mailbox-letter cx-myletter-item" data-status={letter.status}>
      <View className="mailbox-letter__head">
        <CategoryTag category={letter.category} />
        <LetterStatusChip status={letter.status} audience="resident" />
      </View>
      <Text className="mailbox-letter__to">写给：{letter.branchName}</Text>
      <Text className="mailbox-letter__meta">
        {formatShanghaiDateTime(letter.createdAt)} · {flags.join(' · ')}
      </Text>
      {due ? <Text className="mailbox-letter__due cx-letter-due">{due}</Text> : null}
      <Text className="mailbox-letter__text">{letter.text}</Text>
      <LetterPhotos urls={letter.photoUrls} />
      <View className="mailbox-letter__code">
        <Text className="mailbox-letter__code-label">查询码</Text>
        <Text className="mailbox-letter__code-value cx-myletter-code" userSelect>
          {formatQueryCode(letter.queryCode)}
        </Text>
      </View>
      <Text className="mailbox-subtitle">办理进度</Text>
      <Timeline entries={letter.timeline} audience="resident" />
      {letter.rating && !letter.canRate ? <Text className="mailbox-letter__rated">您的评价：{RATING_LABELS[letter.rating]}</Text> : null}
      {letter.canRate ? <RatingBlock letter={letter} onRated={onChanged} onStale={onStale} /> : null}
      {letter.canSupplement ? <SupplementForm letter={letter} onDone={onChanged} onStale={onStale} /> : null}
      {letter.canWithdraw ? <WithdrawButton letter={letter} onDone={onChanged} onStale={onStale} /> : null}
    </View>
  );
}
