import type { RemindResult } from '@chuangxing/shared';
import { Button, Text, View } from '@tarojs/components';

/** 一键提醒's answer, said plainly: who got it where, and which branches nobody could be told about. */
export function reminderSummary(r: RemindResult): string {
  const people = r.reached.reduce((n, b) => n + b.people, 0);
  if (r.branches === 0) return '没有未提交的支部，无需提醒';
  const parts = [`已提醒 ${r.reached.length} 个支部 ${people} 人`];
  if (people) parts.push(`${r.recipients} 人收到微信通知`);
  if (r.inboxOnly.length) parts.push(`${r.inboxOnly.length} 人仅收到站内消息`);
  if (r.unbound.length) parts.push(`${r.unbound.length} 个支部无人绑定，未能提醒`);
  return parts.join('；');
}

export function ReminderResult({ result, onClose }: { result: RemindResult; onClose: () => void }) {
  return (
    <View className="cx-card dashboard-reminded cx-dashboard-reminded">
      <Text className="dashboard-reminded__title">提醒结果</Text>
      <Text className="dashboard-reminded__summary cx-reminded-summary">{reminderSummary(result)}</Text>
      {result.reached.length ? (
        <View className="dashboard-reminded__group cx-reminded-reached">
          <Text className="dashboard-reminded__label">已提醒</Text>
          {result.reached.map((b) => (
            <Text key={b.branchId} className="dashboard-reminded__item cx-reminded-branch">
              {b.name}（{b.people} 人）
            </Text>
          ))}
        </View>
      ) : null}
      {result.inboxOnly.length ? (
        <View className="dashboard-reminded__group cx-reminded-inbox-only">
          <Text className="dashboard-reminded__label">仅站内消息（未订阅微信提醒，登录后在“消息”中可见）</Text>
          {result.inboxOnly.map((p) => (
            <Text key={`${p.userId}-${p.branchId}`} className="dashboard-reminded__item cx-reminded-person">
              {p.name || '（未填姓名）'} · {p.branchName}
            </Text>
          ))}
        </View>
      ) : null}
      {result.unbound.length ? (
        <View className="dashboard-reminded__group cx-reminded-unbound">
          <Text className="dashboard-reminded__label is-warning">无人绑定，未能提醒（请邀请干部绑定）</Text>
          {result.unbound.map((b) => (
            <Text key={b.branchId} className="dashboard-reminded__item cx-reminded-unbound-branch">
              {b.name}
            </Text>
          ))}
        </View>
      ) : null}
      <Button className="cx-btn cx-btn--compact" onClick={onClose}>
        知道了
      </Button>
    </View>
  );
}
