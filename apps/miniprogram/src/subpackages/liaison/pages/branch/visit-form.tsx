import {
  LIAISON_VISIT_KIND_LABELS,
  LIAISON_VISIT_KINDS,
  type LiaisonVisit,
  type LiaisonVisitKind,
  RecordLiaisonVisitBody,
  shanghaiDay,
} from '@chuangxing/shared';
import { Button, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ChoiceChips } from '../../../../components/choice-chips';
import { FieldProblem } from '../../../../components/field-problem';
import { useMutation } from '../../../../hooks/use-mutation';
import { api } from '../../../../services/api';
import { newClientId } from '../../../../services/month-nav';
import { serverProblems } from '../../../../services/server-problems';
import { DateField } from '../../../../shared-ui/date-field';

const ignore = () => undefined;

/** A visit to the branch: 摸底调查 or 规划指导, its day (today or before) and what was seen and said. */
export function VisitForm({ branchId, onSaved }: { branchId: string; onSaved: (v: LiaisonVisit) => void }) {
  const today = shanghaiDay();
  const [kind, setKind] = useState<LiaisonVisitKind>();
  const [date, setDate] = useState(today);
  const [notes, setNotes] = useState('');
  // One id per visit being written: a retried send is recognised, a new visit gets a new id.
  const [clientId, setClientId] = useState(newClientId);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const { busy, run } = useMutation({
    onConflict: (failure) => setProblems({ form: failure.message }),
    onError: (failure, body) => setProblems(serverProblems(body, (path) => path.replace(/^(body|params)\./, ''), failure.message)),
  });
  const send = async () => {
    if (busy) return;
    const parsed = RecordLiaisonVisitBody.safeParse({ clientId, kind, date, notes });
    // The server refuses a future day too; said here first, beside the field.
    const future = date > shanghaiDay();
    if (!parsed.success || future) {
      const out: Record<string, string> = future ? { date: '走访日期不能晚于今天' } : {};
      for (const issue of parsed.error?.issues ?? []) {
        const key = String(issue.path[0]);
        if (!out[key]) out[key] = key === 'kind' ? '请选择走访类型' : issue.message;
      }
      return setProblems(out);
    }
    setProblems({});
    const res = await run(() => api.recordLiaisonVisit({ params: { branchId }, body: parsed.data }));
    if (!res) return;
    Taro.showToast({ title: '走访已记录', icon: 'success' }).catch(ignore);
    setNotes('');
    setKind(undefined);
    setClientId(newClientId());
    onSaved(res.body);
  };
  return (
    <View className="cx-card cx-liaison-visit-form">
      <Text className="cx-section-title">记录走访</Text>
      <View className="liaison-field">
        <Text className="liaison-muted">走访类型</Text>
        <ChoiceChips
          itemClassName="cx-liaison-kind"
          choices={LIAISON_VISIT_KINDS.map((k) => ({ key: k, label: LIAISON_VISIT_KIND_LABELS[k] }))}
          isSelected={(k) => k === kind}
          onPick={setKind}
        />
        <FieldProblem text={problems.kind} />
      </View>
      <View className="liaison-field">
        <Text className="liaison-muted">走访日期</Text>
        <DateField className="cx-liaison-date" label="走访日期" value={date} end={today} onChange={setDate} />
        <FieldProblem text={problems.date} />
      </View>
      <View className="liaison-field">
        <Text className="liaison-muted">走访情况</Text>
        <Textarea
          className="liaison-textarea cx-liaison-notes"
          value={notes}
          maxlength={500}
          placeholder="看到了什么、指导了什么"
          aria-label="走访情况"
          onInput={(e) => setNotes(e.detail.value)}
        />
        <FieldProblem text={problems.notes ?? problems.form ?? problems.clientId} className="cx-liaison-visit-problem" />
      </View>
      <Button
        className={`cx-btn cx-btn--primary cx-liaison-visit-submit${busy ? ' cx-btn--disabled' : ''}`}
        disabled={busy || undefined}
        onClick={send}
      >
        {busy ? '正在保存…' : '保存走访记录'}
      </Button>
    </View>
  );
}
