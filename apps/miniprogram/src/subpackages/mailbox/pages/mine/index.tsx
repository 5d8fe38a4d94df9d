import {
  formatShanghaiDateTime,
  LETTER_LIMITS,
  type LetterTracking,
  type MyLetter,
  QueryCodePath,
  RATING_LABELS,
  RATINGS,
  type Rating,
} from '@chuangxing/shared';
import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';
import { accessibleControl } from '../../../../components/accessible-control';
import { FieldProblem } from '../../../../components/field-problem';
import { EmptyView, ResourceView } from '../../../../components/state-views';
import { useMutation } from '../../../../hooks/use-mutation';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { expectStatus, failureOf, fieldErrorsOf, toFailure } from '../../../../services/api-failure';
import { openPage } from '../../../../services/navigation';
import { PAGES } from '../../../../services/routes';
import { LargeTextToggle } from '../../components/large-text-toggle';
import { LetterPhotos } from '../../components/letter-photos';
import { SignInGate } from '../../components/sign-in-gate';
import { CategoryTag, LetterStatusChip } from '../../components/status-chip';
import { Timeline } from '../../components/timeline';
import { pageClass, useLargeText } from '../../services/large-text';
import { useSignedIn } from '../../services/use-signed-in';
import '../../mailbox.css';
import './index.css';

const ignore = () => undefined;

/** 满意 / 基本满意 / 不满意 as three big buttons, an optional comment, then 提交评价. */
function RatingBlock({ letter, onRated, onStale }: { letter: MyLetter; onRated: (letter: MyLetter) => void; onStale: () => void }) {
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

function LetterCard({ letter, onRated, onStale }: { letter: MyLetter; onRated: (letter: MyLetter) => void; onStale: () => void }) {
  const flags = [
    letter.anonymous ? '匿名' : '署名',
    letter.callbackRequested ? '需要回电' : '',
    letter.allowPublication ? '同意公开' : '',
  ].filter(Boolean);
  return (
    <View className="cx-card mailbox-letter cx-myletter-item" data-status={letter.status}>
      <View className="mailbox-letter__head">
        <CategoryTag category={letter.category} />
        <LetterStatusChip status={letter.status} />
      </View>
      <Text className="mailbox-letter__to">写给：{letter.branchName}</Text>
      <Text className="mailbox-letter__meta">
        {formatShanghaiDateTime(letter.createdAt)} · {flags.join(' · ')}
      </Text>
      <Text className="mailbox-letter__text">{letter.text}</Text>
      <LetterPhotos urls={letter.photoUrls} />
      <View className="mailbox-letter__code">
        <Text className="mailbox-letter__code-label">查询码</Text>
        <Text className="mailbox-letter__code-value" userSelect>
          {letter.queryCode}
        </Text>
      </View>
      <Text className="mailbox-subtitle">办理进度</Text>
      <Timeline entries={letter.timeline} />
      {letter.rating && !letter.canRate ? <Text className="mailbox-letter__rated">您的评价：{RATING_LABELS[letter.rating]}</Text> : null}
      {letter.canRate ? <RatingBlock letter={letter} onRated={onRated} onStale={onStale} /> : null}
    </View>
  );
}

/** 查询码 lookup: anyone holding the code sees the status and the public steps (never the text). */
function TrackBox() {
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState('');
  const [result, setResult] = useState<LetterTracking>();
  const [looking, setLooking] = useState(false);

  const look = async () => {
    if (looking) return;
    const parsed = QueryCodePath.safeParse({ code });
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message ?? '请输入 10 位查询码');
      return;
    }
    setLooking(true);
    setProblem('');
    setResult(undefined);
    try {
      const res = await api.trackLetter({ params: { code } });
      if (res.status === 200) setResult(res.body);
      else if (res.status === 404) setProblem('没有找到这封信，请核对查询码');
      else setProblem(failureOf(res).message);
    } catch (err) {
      setProblem(toFailure(err).message);
    } finally {
      setLooking(false);
    }
  };

  return (
    <View className="cx-card mailbox-track">
      <Text className="mailbox-track__hint">输入 10 位查询码，查看信件办理进度</Text>
      <Input
        className="cx-input mailbox-track__input cx-track-code"
        type="text"
        value={code}
        maxlength={10}
        placeholder="例如 AB3CD4EF5G"
        onInput={(e) => {
          setCode(e.detail.value.toUpperCase().replace(/[^0-9A-Z]/g, ''));
          setProblem('');
        }}
        onConfirm={look}
      />
      <FieldProblem text={problem} className="cx-track-problem" />
      <Button
        className={`cx-btn cx-btn--primary mailbox-track__btn cx-track-submit${looking ? ' cx-btn--disabled' : ''}`}
        disabled={looking || undefined}
        onClick={look}
      >
        {looking ? '正在查询…' : '查询进度'}
      </Button>
      {result ? (
        <View className="mailbox-track__result cx-track-result">
          <View className="mailbox-letter__head">
            <CategoryTag category={result.category} />
            <LetterStatusChip status={result.status} />
          </View>
          <Text className="mailbox-letter__to">写给：{result.branchName}</Text>
          <Text className="mailbox-letter__meta">{formatShanghaiDateTime(result.createdAt)} 寄出</Text>
          <Timeline entries={result.timeline} />
        </View>
      ) : null}
    </View>
  );
}

function MyLetters() {
  const session = useSession();
  /** Letters rated on this page, until the list is read again. */
  const [updated, setUpdated] = useState<Record<string, MyLetter>>({});
  const { state, reload } = useResource(async () => {
    const letters = expectStatus(await api.listMyLetters({}), 200).letters;
    setUpdated({});
    return letters;
  }, [session.token]);
  // Back from 写信: read the list again; pull down does the same.
  useDidShow(() => {
    if (state.kind === 'ready') reload();
  });
  usePullDownRefresh(() => {
    reload();
    setTimeout(() => Taro.stopPullDownRefresh(), 300);
  });

  return (
    <View>
      <View className="cx-section-title">用查询码查询</View>
      <TrackBox />
      <View className="cx-section-title">我写的信</View>
      <ResourceView state={state} onRetry={reload}>
        {(letters) =>
          letters.length === 0 ? (
            <EmptyView text="您还没有写过信">
              <Button className="cx-btn cx-btn--primary" onClick={() => openPage(PAGES.writeLetter())}>
                去写信
              </Button>
            </EmptyView>
          ) : (
            <View>
              {[...letters]
                .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
                .map((l) => updated[l.id] ?? l)
                .map((l) => (
                  <LetterCard key={l.id} letter={l} onRated={(next) => setUpdated((u) => ({ ...u, [next.id]: next }))} onStale={reload} />
                ))}
            </View>
          )
        }
      </ResourceView>
    </View>
  );
}

export default function MyLettersPage() {
  const signIn = useSignedIn();
  const [large, toggleLarge] = useLargeText();
  return (
    <View className={pageClass('mailbox-mine', large)}>
      <LargeTextToggle large={large} onToggle={toggleLarge} />
      <SignInGate signIn={signIn}>{() => <MyLetters />}</SignInGate>
    </View>
  );
}
