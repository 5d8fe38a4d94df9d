/**
 * Keys for the notification outbox and the scheduled-reminder ledger (kept apart from keys.ts, which other
 * slices edit). Access patterns, added to the single table:
 * - outbox messages, newest first (local notifier):  OUTBOX / {createdAt}#{id}        ttl: 30 days
 * - one scheduled-reminder run per district-day:     DIST#{d}#REMINDRUN / {day}        ttl: 90 days
 */
export const OUTBOX_TTL_SECONDS = 30 * 86_400;
export const REMINDER_RUN_TTL_SECONDS = 90 * 86_400;

export const outboxKeys = {
  outboxPk: 'OUTBOX',
  message: (createdAt: string, id: string) => ({ pk: 'OUTBOX', sk: `${createdAt}#${id}` }),
  reminderRun: (districtId: string, day: string) => ({ pk: `DIST#${districtId}#REMINDRUN`, sk: day }),
} as const;

/** DynamoDB TTL: epoch seconds after which the item may be deleted. */
export function ttlAfter(from: Date, seconds: number): number {
  return Math.floor(from.getTime() / 1000) + seconds;
}
