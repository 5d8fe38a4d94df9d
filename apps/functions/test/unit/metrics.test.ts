import { afterEach, describe, expect, it, vi } from 'vitest';
import { countingNotifier } from '../../src/platform/notify/counting-notifier';
import type { Notification, Notifier } from '../../src/platform/notify/notifier';
import { isOutboxReader } from '../../src/platform/notify/outbox-notifier';
import { RecordingMetrics } from '../../src/platform/observability/metrics';
import { createPowertoolsMetrics } from '../../src/platform/observability/powertools-metrics';

const message = (n: number): Notification => ({ recipientUserId: `u${n}`, recipientName: `用户${n}`, title: '提醒', body: '请填报' });
const three = [message(1), message(2), message(3)];

describe('Powertools metrics adapter (CloudWatch embedded metric format)', () => {
  afterEach(() => vi.restoreAllMocks());

  /** Every line the adapter writes to stdout during `run`. */
  function stdoutOf(run: () => void): string[] {
    const lines: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      return true;
    });
    run();
    vi.restoreAllMocks();
    return lines;
  }

  it('writes one EMF line per invocation with the counts, the namespace and the service dimension', () => {
    const { metrics, flush } = createPowertoolsMetrics('chuangxing-api-reports', 'CxTest');
    const lines = stdoutOf(() => {
      metrics.count('ReportsFiled');
      metrics.count('ReportsFiled');
      metrics.count('NotificationsFailed', 3);
      flush();
    });
    expect(lines).toHaveLength(1);
    const emf = JSON.parse(lines[0]);
    const [directive] = emf._aws.CloudWatchMetrics;
    expect(directive.Namespace).toBe('CxTest');
    expect(directive.Dimensions).toEqual([['service']]);
    expect(directive.Metrics.map((m: { Name: string; Unit: string }) => [m.Name, m.Unit]).sort()).toEqual([
      ['NotificationsFailed', 'Count'],
      ['ReportsFiled', 'Count'],
    ]);
    expect(emf.service).toBe('chuangxing-api-reports');
    // Two counts of one metric in one invocation are sent as both values; CloudWatch sums them.
    expect([emf.ReportsFiled].flat().reduce((a: number, b: number) => a + b, 0)).toBe(2);
    expect(emf.NotificationsFailed).toBe(3);
  });

  it('writes nothing (and warns about nothing) for an invocation that counted nothing; counts start afresh', () => {
    const { metrics, flush } = createPowertoolsMetrics('chuangxing-api-core', 'CxTest');
    const warn = vi.spyOn(console, 'warn');
    expect(stdoutOf(() => flush())).toEqual([]);
    expect(stdoutOf(() => metrics.count('LettersWritten', 0))).toEqual([]);
    expect(stdoutOf(() => flush())).toEqual([]);
    const next = stdoutOf(() => {
      metrics.count('LettersWritten');
      flush();
      flush();
    });
    expect(next).toHaveLength(1);
    expect(JSON.parse(next[0]).LettersWritten).toBe(1);
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('counting notifier', () => {
  const notifierAnswering = (send: Notifier['send']): Notifier => ({ send });

  it('counts what the channel delivered and what it refused', async () => {
    const metrics = new RecordingMetrics();
    const n = countingNotifier(
      notifierAnswering(async () => ({ sent: 2, failed: 1 })),
      metrics,
    );
    expect(await n.send(three)).toEqual({ sent: 2, failed: 1 });
    expect([metrics.of('NotificationsSent'), metrics.of('NotificationsFailed')]).toEqual([2, 1]);
  });

  it('takes whatever was not sent as failed when the channel only says how many it sent', async () => {
    const metrics = new RecordingMetrics();
    await countingNotifier(
      notifierAnswering(async (m) => ({ sent: m.length - 1 })),
      metrics,
    ).send(three);
    expect([metrics.of('NotificationsSent'), metrics.of('NotificationsFailed')]).toEqual([2, 1]);
  });

  it('counts every message as failed when the send throws, and rethrows', async () => {
    const metrics = new RecordingMetrics();
    const n = countingNotifier(
      notifierAnswering(async () => {
        throw new Error('DynamoDB unavailable');
      }),
      metrics,
    );
    await expect(n.send(three)).rejects.toThrow('DynamoDB unavailable');
    expect([metrics.of('NotificationsSent'), metrics.of('NotificationsFailed')]).toEqual([0, 3]);
  });

  it('counts nothing for nothing, and keeps the local outbox readable', async () => {
    const metrics = new RecordingMetrics();
    const outbox = { send: async () => ({ sent: 0 }), listRecent: async () => [] };
    const n = countingNotifier(outbox, metrics);
    await n.send([]);
    expect(metrics.counts.size).toBe(0);
    expect(isOutboxReader(n)).toBe(true);
    expect(
      isOutboxReader(
        countingNotifier(
          notifierAnswering(async () => ({ sent: 0 })),
          metrics,
        ),
      ),
    ).toBe(false);
  });
});
