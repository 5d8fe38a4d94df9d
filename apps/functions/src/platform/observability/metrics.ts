/**
 * The business metrics the functions emit, and the small port they go through. Counts only, never who:
 * no metric carries a user, a writer, a branch or a letter (an anonymous writer stays anonymous in every
 * count). Powertools (EMF) writes them in Lambda; infra/lib/monitoring.ts charts them by these names.
 */
export const METRIC_NAMES = ['ReportsFiled', 'LettersWritten', 'RankingRuns', 'NotificationsSent', 'NotificationsFailed'] as const;
export type MetricName = (typeof METRIC_NAMES)[number];

export interface Metrics {
  /** Adds `value` (default 1) to a count of this invocation. */
  count(name: MetricName, value?: number): void;
}

/** For the local stack and the tests that do not look at metrics. */
export const noMetrics: Metrics = { count: () => {} };

/** Keeps every count in memory: what a test reads back, and what a local run could print. */
export class RecordingMetrics implements Metrics {
  readonly counts = new Map<MetricName, number>();

  count(name: MetricName, value = 1): void {
    if (!Number.isFinite(value) || value <= 0) return;
    this.counts.set(name, (this.counts.get(name) ?? 0) + value);
  }

  of(name: MetricName): number {
    return this.counts.get(name) ?? 0;
  }
}
