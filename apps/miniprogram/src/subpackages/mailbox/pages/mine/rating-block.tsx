import { LETTER_LIMITS, type MyLetter, RATING_LABELS, RATINGS, type Rating } from '@chuangxing/shared';
import { Button, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { accessibleControl } from '../../../../components/accessible-control';
import { FieldProblem } from '../../../../components/field-problem';
import { useMutation } from '../../../../hooks/use-mutation';
import { api } from '../../../../services/api';
import { fieldErrorsOf } from '../../../../services/api-failure';

const ignore = () => undefined;

/** 满意 / 基本满意 / 不满意 as three big buttons, an optional comment, then 提交评价. */
export function RatingBlock({ letter, onRated, onStale }: { letter: MyLetter; onRated: (letter: MyLetter) => void; onStale: () => void }) {
  const [rating, setRating] = useState<Rating>();
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState('');
  const { busy: sending, run } = useMutation({
    // Already rated (another device) or no longer open to rating: show the latest.
    onConflict: (failure) => {
      Taro.showToast({ title: failure.message, icon: 'none' }).catch(ignore);
      onStale();
    },
    onError: (failure, body) => setProblem(fieldErrorsOf(body).comment ?? failure.message),
  });
  // The one review round (复核) is used: a second 不满意 archives the letter.
  const reviewUsed = letter.reviewed;

  const send = async () => {
    if (sending) return;
    if (!rating) {
      setProblem('请先选择满意、基本满意或不满意');
      return;
    }
    const text = comment.trim();
    setProblem('');
    const res = await run(() => api.rateLetter({ params: { letterId: letter.id }, body: { rating, ...(text ? { comment: text } : {}) } }));
    if (!res) return;
    Taro.showToast({ title: '感谢您的评价', icon: 'success' }).catch(ignore);
    onRated(res.body.letter);
  };

  return (
    <View className="mailbox-rating cx-letter-rating">
      <Text className="mailbox-rating__title">对答复满意吗？</Text>
      <View className="mailbox-rating__options">
        {RATINGS.map((r) => (
          <View
            key={r}
            className={`mailbox-rate mailbox-rate--${r} cx-rate-option${rating === r ? ' is-selected' : ''}`}
            hoverClass="cx-pressed"
            {...accessibleControl({
              on: rating === r,
              onActivate: () => {
                setRating(r);
                setProblem('');
              },
            })}
          >
            <Text>{RATING_LABELS[r]}</Text>
          </View>
        ))}
      </View>
      {rating === 'unsatisfied' ? (
        <Text className="mailbox-rating__hint">
          {reviewUsed ? '这封信已经复核过一次，选择不满意后将归档。' : '选择不满意，这封信会重新办理一次（复核）。'}
        </Text>
      ) : null}
      <View className="mailbox-textarea mailbox-textarea--short cx-rate-comment">
        <Textarea
          className="mailbox-textarea__input"
          value={comment}
          maxlength={LETTER_LIMITS.comment}
          placeholder="还想说点什么（可以不填）"
          onInput={(e) => {
            setComment(e.detail.value);
            setProblem('');
          }}
        />
      </View>
      <FieldProblem text={problem} />
      <Button
        className={`cx-btn cx-btn--primary cx-rate-submit${sending ? ' cx-btn--disabled' : ''}`}
        disabled={sending || undefined}
        onClick={send}
      >
        {sending ? '正在提交…' : '提交评价'}
      </Button>
    </View>
  );
}
