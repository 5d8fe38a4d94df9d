import { type Meeting, RecordMinutesBody } from '@chuangxing/shared';
import { Button, Text, Textarea, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { accessibleControl } from '../../../../components/accessible-control';
import { ChoiceChips } from '../../../../components/choice-chips';
import { PageRoot } from '../../../../components/page-root';
import { SignInNeeded } from '../../../../components/sign-in-needed';
import { EmptyView, ResourceView } from '../../../../components/state-views';
import { useMutation } from '../../../../hooks/use-mutation';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { expectStatus, fieldErrorsOf } from '../../../../services/api-failure';
import { openPage } from '../../../../services/navigation';
import { PAGES } from '../../../../services/routes';
import { CommunityPicker } from '../../components/community-picker';
import { MeetingDatePicker } from '../../components/meeting-date-picker';
import { CategoryTag } from '../../components/status-chip';
import { meetingBranches, runsMeetings } from '../../services/letter-access';
import { meetingDayLabel, meetingDayProblem } from '../../services/meeting-dates';
import '../../mailbox.css';
import './index.css';

const ignore = () => undefined;
/** RecordMinutesBody's upper limit. */
const MINUTES_MAX = 5000;

/** Planned meetings first, then the held ones; newest first within each. */
function meetingOrder(meetings: readonly Meeting[]): Meeting[] {
  return [...meetings].sort((a, b) => (a.status === b.status ? b.date.localeCompare(a.date) : a.status === 'planned' ? -1 : 1));
}

function MinutesForm({
  meeting,
  text,
  onText,
  onSaved,
  onStale,
}: {
  meeting: Meeting;
  text: string;
  onText: (text: string) => void;
  onSaved: (meeting: Meeting) => void;
  onStale: (message: string) => void;
}) {
  const [problem, setProblem] = useState<string>();
  const { busy: sending, run } = useMutation({
    // Someone else changed the meeting (an agenda item, or the minutes): show the latest, keep the text.
    onConflict: (failure) => onStale(`${failure.message}（已刷新，您写的纪要还在）`),
    onError: (failure, body) => setProblem(fieldErrorsOf(body).minutes ?? failure.message),
  });

  const save = async () => {
    if (sending) return;
    const parsed = RecordMinutesBody.safeParse({ minutes: text, version: meeting.version });
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message ?? '请填写会议纪要');
      return;
    }
    setProblem(undefined);
    const res = await run(() => api.recordMinutes({ params: { meetingId: meeting.id }, body: parsed.data }));
    if (!res) return;
    Taro.showToast({ title: '纪要已保存', icon: 'success' }).catch(ignore);
    onSaved(res.body);
  };

  return (
    <View className="mailbox-minutes-form">
      <Text className="mailbox-subtitle">记录纪要</Text>
      <View className="mailbox-textarea mailbox-textarea--letter cx-minutes-text">
        <Textarea
          className="mailbox-textarea__input"
          value={text}
          maxlength={MINUTES_MAX}
          placeholder="会议讨论了什么、怎么解决、谁来办、何时办完（至少 10 个字）"
          onInput={(e) => {
            onText(e.detail.value);
            setProblem(undefined);
          }}
        />
      </View>
      <Text className="mailbox-count">
        {text.trim().length}/{MINUTES_MAX}
      </Text>
      {problem ? <Text className="cx-form-problem cx-minutes-problem">{problem}</Text> : null}
      <Text className="mailbox-field__note">保存后本次半月谈记为已召开，议程中每封来信的来信人都能看到“已在社区半月谈上协商讨论”。</Text>
      <Button
        className={`cx-btn cx-btn--primary cx-minutes-save${sending ? ' cx-btn--disabled' : ''}`}
        disabled={sending || undefined}
        onClick={save}
      >
        {sending ? '正在保存…' : '保存纪要'}
      </Button>
    </View>
  );
}

function MeetingCard({
  meeting,
  manager,
  draft,
  onDraft,
  onSaved,
  onStale,
}: {
  meeting: Meeting;
  manager: boolean;
  draft: string;
  onDraft: (text: string) => void;
  onSaved: (meeting: Meeting) => void;
  onStale: (message: string) => void;
}) {
  const planned = meeting.status === 'planned';
  return (
    <View className={`cx-card mailbox-meeting cx-meeting-item is-${meeting.status}`} data-status={meeting.status} data-date={meeting.date}>
      <View className="mailbox-meeting__head">
        <Text className="mailbox-meeting__date">{meetingDayLabel(meeting.date)}</Text>
        <Text className={`mailbox-status ${planned ? 'mailbox-status--working' : 'mailbox-status--closed'} cx-meeting-status`}>
          {planned ? '待召开' : '已召开'}
        </Text>
      </View>
      <Text className="mailbox-subtitle">议程（{meeting.agenda.length} 项）</Text>
      {meeting.agenda.length ? (
        meeting.agenda.map((a) => (
          <View
            key={a.letterId}
            className="mailbox-agenda cx-meeting-agenda"
            hoverClass="cx-pressed"
            {...accessibleControl({ onActivate: () => openPage(PAGES.letterCase(a.letterId)) })}
          >
            <View className="mailbox-letter__head">
              <CategoryTag category={a.category} />
              <Text className="mailbox-agenda__code">{a.queryCode}</Text>
              <Text className="mailbox-case__arrow">›</Text>
            </View>
            <Text className="mailbox-agenda__excerpt">{a.excerpt}</Text>
          </View>
        ))
      ) : (
        <Text className="mailbox-field__note">{planned ? '暂无议题。在来信办理页点「列入半月谈」添加。' : '本次没有来信议题。'}</Text>
      )}
      {!planned && meeting.minutes ? (
        <View>
          <Text className="mailbox-subtitle">会议纪要</Text>
          <Text className="mailbox-meeting__minutes cx-meeting-minutes">{meeting.minutes}</Text>
        </View>
      ) : null}
      {planned && manager ? <MinutesForm meeting={meeting} text={draft} onText={onDraft} onSaved={onSaved} onStale={onStale} /> : null}
    </View>
  );
}

function CreateMeetingForm({
  branchId,
  taken,
  onCreated,
  onCancel,
}: {
  branchId: string;
  taken: string[];
  onCreated: () => void;
  onCancel: () => void;
}) {
  const [day, setDay] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const { busy: sending, run } = useMutation({ onError: (failure, body) => setProblem(fieldErrorsOf(body).date ?? failure.message) });

  const create = async () => {
    if (sending) return;
    const local = meetingDayProblem(day);
    if (local) {
      setProblem(local);
      return;
    }
    setProblem(undefined);
    if (!(await run(() => api.createMeeting({ params: { branchId }, body: { date: day ?? '' } })))) return;
    Taro.showToast({ title: '已新建半月谈', icon: 'success' }).catch(ignore);
    onCreated();
  };

  return (
    <View className="cx-card mailbox-meeting-form cx-meeting-form">
      <Text className="mailbox-action-form__title">新建半月谈</Text>
      <Text className="mailbox-field__note">选一个开会的日子</Text>
      <MeetingDatePicker
        value={day}
        taken={taken}
        onChange={(d) => {
          setDay(d);
          setProblem(undefined);
        }}
      />
      {problem ? <Text className="cx-form-problem cx-meeting-problem">{problem}</Text> : null}
      <Button
        className={`cx-btn cx-btn--primary cx-meeting-create-confirm${sending ? ' cx-btn--disabled' : ''}`}
        disabled={sending || undefined}
        onClick={create}
      >
        {sending ? '正在新建…' : day && !meetingDayProblem(day) ? `新建 ${meetingDayLabel(day)} 半月谈` : '新建半月谈'}
      </Button>
      <Button className="cx-btn" onClick={onCancel}>
        取消
      </Button>
    </View>
  );
}

function MeetingsView({ branchId }: { branchId: string }) {
  const session = useSession();
  const manager = runsMeetings(session.me, branchId);
  const [notice, setNotice] = useState<string>();
  const [creating, setCreating] = useState(false);
  /** Minutes typed per meeting: kept through a reload (a 409), so nothing typed is lost. */
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  /** Meetings the server answered after 保存纪要; newer than the loaded ones until the next load. */
  const [fresh, setFresh] = useState<Record<string, Meeting>>({});
  const { state, reload } = useResource(async () => {
    const { meetings } = expectStatus(await api.listMeetings({ params: { branchId } }), 200);
    if (meetings.length) Taro.setNavigationBarTitle({ title: `${meetings[0].branchName} · 社区半月谈` }).catch(ignore);
    return meetings;
  }, [branchId, session.token]);
  // Back from a case: a letter may have been put on an agenda.
  useDidShow(() => {
    if (state.kind === 'ready') reload();
  });
  usePullDownRefresh(() => {
    reload();
    setTimeout(() => Taro.stopPullDownRefresh(), 300);
  });

  return (
    <View>
      <View className="cx-card mailbox-intro">
        <Text className="mailbox-intro__title">社区半月谈</Text>
        <Text className="mailbox-intro__text">
          每半个月一次，社区干部和居民代表一起协商解决来信反映的问题。会后记录纪要，来信人能看到讨论结果。
        </Text>
      </View>
      {notice ? (
        <View className="cx-card mailbox-notice cx-meeting-notice">
          <Text className="mailbox-notice__title">{notice}</Text>
        </View>
      ) : null}
      <ResourceView state={state} onRetry={reload}>
        {(loaded) => {
          const meetings = meetingOrder(loaded.map((m) => (fresh[m.id] && fresh[m.id].version >= m.version ? fresh[m.id] : m)));
          return (
            <View>
              {manager ? (
                creating ? (
                  <CreateMeetingForm
                    branchId={branchId}
                    taken={meetings.filter((m) => m.status === 'planned').map((m) => m.date)}
                    onCancel={() => setCreating(false)}
                    onCreated={() => {
                      setCreating(false);
                      setNotice(undefined);
                      reload();
                    }}
                  />
                ) : (
                  <Button className="cx-btn cx-btn--primary mailbox-meetings__create cx-meeting-create" onClick={() => setCreating(true)}>
                    新建半月谈
                  </Button>
                )
              ) : null}
              {meetings.length === 0 ? (
                <EmptyView text={manager ? '还没有安排半月谈，点上方「新建半月谈」安排一次' : '还没有安排半月谈'} />
              ) : (
                meetings.map((m) => (
                  <MeetingCard
                    key={m.id}
                    meeting={m}
                    manager={manager}
                    draft={drafts[m.id] ?? ''}
                    onDraft={(text) => setDrafts((d) => ({ ...d, [m.id]: text }))}
                    onSaved={(next) => {
                      setNotice(undefined);
                      setFresh((f) => ({ ...f, [next.id]: next }));
                      setDrafts((d) => ({ ...d, [next.id]: '' }));
                    }}
                    onStale={(message) => {
                      setNotice(message);
                      reload();
                    }}
                  />
                ))
              )}
            </View>
          );
        }}
      </ResourceView>
    </View>
  );
}

export default function MeetingsPage() {
  const { params } = useRouter();
  const session = useSession();
  const [picked, setPicked] = useState<string>();
  const own = meetingBranches(session.me);
  const branchId = params.branchId || picked || (own.length === 1 ? own[0].id : undefined);

  if (!session.token) {
    return (
      <PageRoot className="mailbox mailbox-meetings">
        <SignInNeeded />
      </PageRoot>
    );
  }
  return (
    <PageRoot className="mailbox mailbox-meetings">
      {branchId ? (
        <MeetingsView branchId={branchId} />
      ) : (
        <View className="cx-card">
          <Text className="mailbox-intro__title">看哪个社区的半月谈</Text>
          {own.length > 1 ? (
            <ChoiceChips
              itemClassName="cx-meeting-branch"
              choices={own.map((b) => ({ key: b.id, label: b.label }))}
              isSelected={() => false}
              onPick={setPicked}
            />
          ) : (
            <CommunityPicker onPick={(c) => setPicked(c.id)} />
          )}
        </View>
      )}
    </PageRoot>
  );
}
