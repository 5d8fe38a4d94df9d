/**
 * Keys for the notification outbox (kept apart from keys.ts, which other slices edit). Access pattern,
 * added to the single table:
 * - outbox messages, newest first (local notifier):  OUTBOX / {createdAt}#{id}        ttl: 30 days
 * The scheduled-reminder ledger is the reports' (features/reports/reports.entities.ts).
 */
export const OUTBOX_TTL_SECONDS = 30 * 86_400;

export const outboxKeys = {
  outboxPk: 'OUTBOX',
  message: (createdAt: string, id: string) => ({ pk: 'OUTBOX', sk: `${createdAt}#${id}` }),
} as const;

/** DynamoDB TTL: epoch seconds after which the item may be deleted. */
export function ttlAfter(from: Date, seconds: number): number {
  return Math.floor(from.getTime() / 1000) + seconds;
}
