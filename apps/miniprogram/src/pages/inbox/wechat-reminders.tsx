import type { Me, NoticeKind, Subscription } from '@chuangxing/shared';
import { Button, Text, View } from '@tarojs/components';
import { useEffect, useSyncExternalStore } from 'react';
import { ConsentSheet } from '../../components/consent-sheet';
import { useSession } from '../../hooks/use-session';
import { askConsent, knownSubscriptions, prefetchConsent, subscribeConsent } from '../../services/subscribe-consent';

/** The kinds a person can receive, by what they are (a resident always). */
export function kindsFor(me: Me | undefined): NoticeKind[] {
  const roles = new Set(me?.bindings.filter((b) => !b.revokedAt).map((b) => b.role));
  const kinds: NoticeKind[] = ['letter_accepted', 'letter_replied', 'letter_transferred'];
  if (roles.has('cadre') || roles.has('secretary'))
    kinds.push(
      'daily_reminder',
      'finding_assigned',
      'finding_returned',
      'finding_closed',
      'plan_returned',
      'plan_approved',
      'test_scheduled',
    );
  if (roles.has('township_staff') || roles.has('discipline')) kinds.push('letter_overdue');
  if (roles.has('inspector')) kinds.push('finding_fix_submitted');
  if (roles.has('township_staff') || roles.has('inspector') || roles.has('leader') || roles.has('district_admin'))
    kinds.push('observation_open');
  if (roles.has('leader')) kinds.push('ranking_published');
  return kinds;
}

function stateOf(s: Subscription): string {
  if (s.mode === 'long_term') return s.active ? '已开启（长期）' : '未开启';
  return s.remaining ? `还可接收 ${s.remaining} 条` : '未订阅';
}

/** 微信提醒: each kind the caller can receive, what is left of their consent, and a tap to give more. */
export function WechatReminders() {
  const session = useSession();
  const subs = useSyncExternalStore(subscribeConsent, knownSubscriptions, knownSubscriptions);
  useEffect(() => {
    if (session.token) void prefetchConsent();
  }, [session.token]);
  const mine = kindsFor(session.me).flatMap((k) => subs?.find((s) => s.kind === k && s.templateId) ?? []);
  if (!mine.length) return null;
  return (
    <View className="inbox-reminders">
      <View className="cx-section-title">微信提醒</View>
      <ConsentSheet />
      <View className="cx-card">
        {mine.map((s) => (
          <View key={s.kind} className="inbox-reminders__row cx-inbox-reminder" data-kind={s.kind}>
            <View>
              <Text className="inbox-reminders__label">{s.label}</Text>
              <Text className="inbox-reminders__state cx-inbox-reminder-state">{`  ${stateOf(s)}`}</Text>
            </View>
            <Button className="cx-btn cx-btn--compact cx-inbox-reminder-ask" onClick={() => void askConsent([s.kind])}>
              {s.mode === 'long_term' && s.active ? '设置' : '接收提醒'}
            </Button>
          </View>
        ))}
      </View>
    </View>
  );
}
