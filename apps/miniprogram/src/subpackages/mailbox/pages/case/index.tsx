import { type CaseLetter, formatShanghaiDateTime, LETTER_CHANNEL_LABELS, RATING_LABELS } from '@chuangxing/shared';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { accessibleControl } from '../../../../components/accessible-control';
import { PageRoot } from '../../../../components/page-root';
import { SignInNeeded } from '../../../../components/sign-in-needed';
import { ResourceView } from '../../../../components/state-views';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { expectStatus, failureError } from '../../../../services/api-failure';
import { LetterPhotos } from '../../components/letter-photos';
import { CategoryTag, LetterStatusChip } from '../../components/status-chip';
import { Timeline } from '../../components/timeline';
import { ACTION_LABELS, type CaseAction, caseActions, handlesCases } from '../../services/letter-access';
import { ActionForm } from './action-form';
import { IntegrityConclusion } from './integrity-conclusion';
import { ScheduleForm } from './schedule-form';
import '../../mailbox.css';
import './index.css';

const ignore = () => undefined;

function callBack(phone: string) {
  Taro.makePhoneCall({ phoneNumber: phone }).catch(ignore);
}

function deadlineLine(letter: CaseLetter): string | undefined {
  if (letter.status === 'submitted') return `受理期限：${formatShanghaiDateTime(letter.acceptBy)}`;
  if ((letter.status === 'accepted' || letter.status === 'reopened') && letter.replyBy)
    return `答复期限：${formatShanghaiDateTime(letter.replyBy)}`;
  return undefined;
}

function CaseView({
  letter,
  onActed,
  onScheduled,
  onStale,
}: {
  letter: CaseLetter;
  onActed: (letter: CaseLetter) => void;
  onScheduled: () => void;
  onStale: (message: string) => void;
}) {
  const session = useSession();
  const [action, setAction] = useState<CaseAction>();
  // The server says what the caller may do now (state machine × role): exactly those buttons.
  const actions = caseActions(letter);
  const deadline = deadlineLine(letter);

  return (
    <View>
      <View className="cx-card mailbox-case-head">
        <View className="mailbox-letter__head">
          <CategoryTag category={letter.category} />
          <LetterStatusChip status={letter.status} />
          {letter.reviewed ? <Text className="cx-tag cx-tag--muted">已复核</Text> : null}
        </View>
        <Text className="mailbox-letter__to">{letter.branchName}</Text>
        <Text className="mailbox-letter__meta">
          {formatShanghaiDateTime(letter.createdAt)} 来信 · 查询码 {letter.queryCode}
        </Text>
        {deadline ? <Text className="mailbox-case__deadline cx-case-deadline">{deadline}</Text> : null}
        {letter.rating ? <Text className="mailbox-letter__rated">来信人评价：{RATING_LABELS[letter.rating]}</Text> : null}
        {letter.category === 'integrity' ? (
          <Text className="mailbox-hint mailbox-hint--integrity">廉情来信：只由纪检监督人员办理，所涉社区的干部看不到。</Text>
        ) : null}
      </View>

      <View className="cx-section-title">来信内容</View>
      <View className="cx-card">
        <Text className="mailbox-letter__text cx-case-text-body">{letter.text}</Text>
        <LetterPhotos urls={letter.photoUrls} />
        <View className="mailbox-writer">
          <Text className="mailbox-writer__label">来信人</Text>
          <Text className="mailbox-writer__name cx-case-writer">{writerLine(letter)}</Text>
        </View>
        {letter.channel ? (
          <Text className="mailbox-field__note cx-case-channel">
            民情气象站代录（{LETTER_CHANNEL_LABELS[letter.channel]}）。居民的姓名、电话只有办理的同志能看到。
          </Text>
        ) : letter.anonymous ? (
          <Text className="mailbox-field__note">来信人选择匿名，任何人都看不到其身份。</Text>
        ) : null}
        {letter.callbackPhone ? (
          <View className="mailbox-call">
            <Text className="mailbox-field__note">{letter.channel ? '居民留了电话' : '来信人请求回电'}</Text>
            <Button className="cx-btn cx-btn--primary cx-case-call" onClick={() => callBack(letter.callbackPhone ?? '')}>
              拨打 {letter.callbackPhone}
            </Button>
          </View>
        ) : null}
      </View>

      <View className="cx-section-title">办理记录</View>
      <View className="cx-card">
        <Timeline entries={letter.timeline} />
      </View>

      {letter.integrityConclusion || letter.canConclude ? <IntegrityConclusion letter={letter} onDone={onActed} onStale={onStale} /> : null}

      {actions.length ? (
        <View>
          <View className="cx-section-title">办理</View>
          {action === 'schedule' ? (
            <ScheduleForm
              key={letter.version}
              letter={letter}
              onCancel={() => setAction(undefined)}
              onDone={() => {
                setAction(undefined);
                onScheduled();
              }}
              onStale={(message) => {
                setAction(undefined);
                onStale(message);
              }}
            />
          ) : action ? (
            <ActionForm
              key={`${action}-${letter.version}`}
              letter={letter}
              action={action}
              onCancel={() => setAction(undefined)}
              onDone={(next) => {
                setAction(undefined);
                onActed(next);
              }}
              onStale={(message) => {
                setAction(undefined);
                onStale(message);
              }}
            />
          ) : (
            <View className="mailbox-actions">
              {actions.map((a) => (
                <View
                  key={a}
                  className={`mailbox-action mailbox-action--${a} cx-case-action${a === 'schedule' ? ' cx-schedule-meeting' : ''}`}
                  data-action={a}
                  hoverClass="cx-pressed"
                  {...accessibleControl({ onActivate: () => setAction(a) })}
                >
                  <Text>{ACTION_LABELS[a]}</Text>
                </View>
              ))}
            </View>
          )}
        </View>
      ) : (
        <Text className="mailbox-hint cx-case-readonly">
          {handlesCases(session.me) ? '这封信现在没有需要您办理的事项。' : '督办（只读）：可以查看办理进度，不能直接办理。'}
        </Text>
      )}
    </View>
  );
}

/** 匿名, a signed name, or for a 代录 letter the name the resident gave (only its handler gets it). */
function writerLine(letter: CaseLetter): string {
  if (letter.channel) return letter.residentName ?? '代录来信（未留姓名）';
  return letter.anonymous ? '匿名' : letter.writerName;
}

export default function CasePage() {
  const { params } = useRouter();
  const session = useSession();
  const letterId = params.id ?? '';
  /** The letter an action returned; newer than the loaded one until the next load. */
  const [acted, setActed] = useState<CaseLetter>();
  /** Survives the reload after a 409, so the handler learns why the form closed. */
  const [notice, setNotice] = useState<string>();
  const { state, reload } = useResource(
    async () => {
      if (!letterId) throw failureError({ status: 404, message: '缺少信件编号' });
      const { letter } = expectStatus(await api.getCase({ params: { letterId } }), 200);
      setActed(undefined);
      return letter;
    },
    [letterId, session.token],
    { enabled: Boolean(session.token) },
  );

  if (!session.token) {
    return (
      <PageRoot className="mailbox mailbox-case-page">
        <SignInNeeded />
      </PageRoot>
    );
  }
  return (
    <PageRoot className="mailbox mailbox-case-page">
      {notice ? (
        <View className="cx-card mailbox-notice cx-case-notice">
          <Text className="mailbox-notice__title">{notice}</Text>
        </View>
      ) : null}
      <ResourceView state={state} onRetry={reload}>
        {(loaded) => (
          <CaseView
            letter={acted && acted.version >= loaded.version ? acted : loaded}
            onActed={(next) => {
              setNotice(undefined);
              setActed(next);
            }}
            onScheduled={() => {
              // The agenda call answers the meeting; the letter (new version, timeline entry) is read again.
              setNotice(undefined);
              reload();
            }}
            onStale={(message) => {
              setNotice(message);
              reload();
            }}
          />
        )}
      </ResourceView>
    </PageRoot>
  );
}
