import { formatShanghaiDateTime, type LetterTracking, QUERY_CODE_LENGTH, QueryCodePath } from '@chuangxing/shared';
import { Button, Input, Text, View } from '@tarojs/components';
import { useEffect, useRef, useState } from 'react';
import { FieldProblem } from '../../../../components/field-problem';
import { api } from '../../../../services/api';
import { failureOf, toFailure } from '../../../../services/api-failure';
import { CategoryTag, LetterStatusChip } from '../../components/status-chip';
import { Timeline } from '../../components/timeline';
import { answerByText } from '../../services/answer-by';

/** What the box shows while typing: the code's characters, upper case, in groups of 4-4-2. */
export function groupAsTyped(value: string): string {
  const plain = value
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '')
    .slice(0, QUERY_CODE_LENGTH);
  return [plain.slice(0, 4), plain.slice(4, 8), plain.slice(8)].filter(Boolean).join('-');
}

/** 查询码 lookup: anyone holding the code sees the status and the public steps (never the text). */
export function TrackBox({ initialCode }: { initialCode?: string }) {
  const [code, setCode] = useState(() => groupAsTyped(initialCode ?? ''));
  const [problem, setProblem] = useState('');
  const [result, setResult] = useState<LetterTracking>();
  const [looking, setLooking] = useState(false);

  const look = async (typed: string = code) => {
    if (looking) return;
    // The contract's own schema: either case, dashes and spaces ignored.
    const parsed = QueryCodePath.safeParse({ code: typed });
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message ?? '请输入 10 位查询码');
      return;
    }
    setLooking(true);
    setProblem('');
    setResult(undefined);
    try {
      const res = await api.trackLetter({ params: { code: parsed.data.code } });
      if (res.status === 200) setResult(res.body);
      else if (res.status === 404) setProblem('没有找到这封信，请核对查询码');
      else setProblem(failureOf(res).message);
    } catch (err) {
      setProblem(toFailure(err).message);
    } finally {
      setLooking(false);
    }
  };

  // A link from a 代录 slip (?code=…) looks the letter up at once, once.
  const opened = useRef(false);
  useEffect(() => {
    if (opened.current || !initialCode) return;
    opened.current = true;
    void look(groupAsTyped(initialCode));
  });

  const due = result ? answerByText(result.answerBy) : undefined;
  return (
    <View className="cx-card mailbox-track">
      <Text className="mailbox-track__hint">输入 10 位查询码，查看信件办理进度（不分大小写，短横线可以不输）</Text>
      <Input
        className="cx-input mailbox-track__input cx-track-code"
        type="text"
        value={code}
        maxlength={QUERY_CODE_LENGTH + 2}
        placeholder="例如 AB3C-D4EF-5G"
        aria-label="查询码"
        onInput={(e) => {
          setCode(groupAsTyped(e.detail.value));
          setProblem('');
        }}
        onConfirm={() => look()}
      />
      <FieldProblem text={problem} className="cx-track-problem" />
      <Button
        className={`cx-btn cx-btn--primary mailbox-track__btn cx-track-submit${looking ? ' cx-btn--disabled' : ''}`}
        disabled={looking || undefined}
        onClick={() => look()}
      >
        {looking ? '正在查询…' : '查询进度'}
      </Button>
      {result ? (
        <View className="mailbox-track__result cx-track-result">
          <View className="mailbox-letter__head">
            <CategoryTag category={result.category} />
            <LetterStatusChip status={result.status} audience="resident" />
          </View>
          <Text className="mailbox-letter__to">写给：{result.branchName}</Text>
          <Text className="mailbox-letter__meta">{formatShanghaiDateTime(result.createdAt)} 寄出</Text>
          {due ? <Text className="mailbox-letter__due cx-letter-due">{due}</Text> : null}
          <Timeline entries={result.timeline} audience="resident" />
        </View>
      ) : null}
    </View>
  );
}
