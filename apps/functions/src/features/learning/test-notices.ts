import { shanghaiDay, shanghaiTime } from '../../platform/kernel/shanghai-time';
import type { NoticeDraft } from '../../platform/notify/notice';
import type { AudienceMember } from './audience';
import type { StoredTestSession } from './test-session';

export function testTakePage(sessionId: string): string {
  return `subpackages/learning/pages/take/index?id=${encodeURIComponent(sessionId)}`;
}

/** `11月27日20:00`, Shanghai time. */
export function shortDateTime(iso: string): string {
  const day = shanghaiDay(new Date(iso));
  return `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日${shanghaiTime(new Date(iso))}`;
}

/** A test was scheduled: each person of its audience hears when it opens and closes. */
export function scheduledNotices(s: StoredTestSession, audience: Iterable<AudienceMember>): NoticeDraft[] {
  const opens = shortDateTime(s.opensAt);
  const closes = shortDateTime(s.closesAt);
  return [...audience].map((m) => ({
    kind: 'test_scheduled',
    recipientUserId: m.userId,
    recipientName: m.name,
    title: '应知应会测试',
    body: `“${s.title}”${opens}开放，${closes}截止，限时 ${s.durationMinutes} 分钟`,
    page: testTakePage(s.id),
    fields: { title: s.title, closes: s.closesAt, note: `${opens}开放，限时${s.durationMinutes}分钟` },
  }));
}

/** 提醒未参考: the deadline first (a WeChat template field keeps only 20 characters). */
export function reminderNotices(s: StoredTestSession, missing: Iterable<{ userId: string; name: string }>): NoticeDraft[] {
  const until = shortDateTime(s.closesAt);
  return [...missing].map((m) => ({
    kind: 'test_scheduled',
    recipientUserId: m.userId,
    recipientName: m.name,
    title: '应知应会测试提醒',
    body: `请于${until}前完成测试“${s.title}”`,
    page: testTakePage(s.id),
    fields: { title: s.title, closes: s.closesAt, note: '尚未参加，请按时完成' },
  }));
}
