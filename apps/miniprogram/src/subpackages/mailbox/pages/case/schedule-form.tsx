import type { CaseLetter, Meeting } from '@chuangxing/shared';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { accessibleControl } from '../../../../components/accessible-control';
import { ResourceView } from '../../../../components/state-views';
import { useMutation } from '../../../../hooks/use-mutation';
import { useResource } from '../../../../hooks/use-resource';
import { api } from '../../../../services/api';
import { expectStatus, failureOf, fieldErrorsOf } from '../../../../services/api-failure';
import { MeetingDatePicker } from '../../components/meeting-date-picker';
import { meetingDayLabel, meetingDayProblem } from '../../services/meeting-dates';

const ignore = () => undefined;

/** The community's planned meetings, soonest first. */
async function plannedMeetings(branchId: string): Promise<Meeting[]> {
  const { meetings } = expectStatus(await api.listMeetings({ params: { branchId } }), 200);
  return meetings.filter((m) => m.status === 'planned').sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * 列入半月谈: put the letter on a planned 社区半月谈 of its community, or plan one (a date chip or a typed
 * day) and put it there. The agenda call carries the letter's version; a 409 (the letter moved, or it is
 * already on that agenda) reloads the case with the server's words.
 */
export function ScheduleForm({
  letter,
  onDone,
  onStale,
  onCancel,
}: {
  letter: CaseLetter;
  onDone: () => void;
  onStale: (message: string) => void;
  onCancel: () => void;
}) {
  const { state, reload } = useResource(() => plannedMeetings(letter.branchId), [letter.branchId]);
  const [meetingId, setMeetingId] = useState<string>();
  const [day, setDay] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const { busy: sending, run } = useMutation({
    onConflict: (failure) => onStale(`${failure.message}（已刷新）`),
    onError: (failure) => setProblem(failure.message),
  });

  const submit = async (meetings: Meeting[]) => {
    if (sending) return;
    const chosen = meetings.find((m) => m.id === meetingId);
    if (!chosen) {
      const local = meetingDayProblem(day);
      if (local) {
        setProblem(meetingId || day ? local : '请选择一次半月谈，或选一个日期新建');
        return;
      }
    }
    setProblem(undefined);
    const res = await run(async () => {
      let target = chosen;
      if (!target) {
        const created = await api.createMeeting({ params: { branchId: letter.branchId }, body: { date: day ?? '' } });
        // A refused new meeting (a date taken, say) is the date's problem, never a reload.
        if (created.status !== 201) {
          setProblem(fieldErrorsOf(created.body).date ?? failureOf(created).message);
          return undefined;
        }
        target = created.body;
      }
      return api.addToAgenda({ params: { meetingId: target.id }, body: { letterId: letter.id, letterVersion: letter.version } });
    });
    if (!res) return;
    Taro.showToast({ title: '已列入半月谈', icon: 'success' }).catch(ignore);
    onDone();
  };

  return (
    <View className="cx-card mailbox-action-form mailbox-schedule cx-case-form" data-action="schedule">
      <Text className="mailbox-action-form__title">列入社区半月谈</Text>
      <Text className="mailbox-field__note">列入后，来信人能在办理进度中看到“已列入 … 社区半月谈议程”。</Text>
      <ResourceView state={state} onRetry={reload}>
        {(meetings) => (
          <View>
            {meetings.length ? <Text className="mailbox-subtitle">已安排的半月谈</Text> : null}
            {meetings.map((m) => {
              const listed = m.agenda.some((a) => a.letterId === letter.id);
              const on = m.id === meetingId;
              return (
                <View
                  key={m.id}
                  className={`mailbox-meeting-option cx-meeting-option${on ? ' is-selected' : ''}${listed ? ' is-disabled' : ''}`}
                  data-date={m.date}
                  hoverClass={listed ? 'none' : 'cx-pressed'}
                  {...accessibleControl({
                    onActivate: () => {
                      if (listed) return;
                      setMeetingId(m.id);
                      setDay(undefined);
                      setProblem(undefined);
                    },
                  })}
                >
                  <Text className="mailbox-meeting-option__date">
                    {on ? '✓ ' : ''}
                    {meetingDayLabel(m.date)}
                  </Text>
                  <Text className="mailbox-meeting-option__meta">{listed ? '这封信已在议程中' : `议程 ${m.agenda.length} 项`}</Text>
                </View>
              );
            })}
            <Text className="mailbox-subtitle">{meetings.length ? '或者新建一次半月谈' : '还没有安排半月谈，选一个日期新建一次'}</Text>
            <MeetingDatePicker
              value={meetingId ? undefined : day}
              taken={meetings.map((m) => m.date)}
              onChange={(d) => {
                setDay(d);
                setMeetingId(undefined);
                setProblem(undefined);
              }}
            />
            {problem ? <Text className="cx-form-problem cx-case-problem">{problem}</Text> : null}
            <Button
              className={`cx-btn cx-btn--primary mailbox-action-form__confirm cx-case-confirm${sending ? ' cx-btn--disabled' : ''}`}
              disabled={sending || undefined}
              onClick={() => submit(meetings)}
            >
              {sending
                ? '正在提交…'
                : meetingId || !day
                  ? '列入这次半月谈'
                  : meetingDayProblem(day)
                    ? '新建半月谈并列入'
                    : `新建 ${meetingDayLabel(day)} 半月谈并列入`}
            </Button>
          </View>
        )}
      </ResourceView>
      <Button className="cx-btn cx-case-cancel" onClick={onCancel}>
        取消
      </Button>
    </View>
  );
}
