import type { DailyReport, SubmitReportBody } from '@chuangxing/shared';
import { describe, expect, it, vi } from 'vitest';
import {
  backoffDelay,
  createSubmissionQueue,
  QUEUE_STORAGE_KEY,
  type QueuedSubmission,
  SERVER_BUSY_MESSAGE,
  SERVER_UNAVAILABLE_WAIT_MS,
  type SendSubmission,
} from '../../src/subpackages/reports/offline/submission-queue';
import { fakeClock, fakeStorage, settle } from '../support/fake-clock';

const body = (key: string, partial: Partial<SubmitReportBody> = {}): SubmitReportBody => ({
  content: { items: [{ star: 'branch_strong', text: '走访困难群众' }], counts: {}, problems: '', tomorrowPlan: '', photos: [] },
  idempotencyKey: key,
  ...partial,
});

const report = (version = 1, status: DailyReport['status'] = 'on_time'): DailyReport => ({
  branchId: 'b1',
  townshipId: 't1',
  day: '2025-06-10',
  status,
  content: body('x').content,
  version,
  submittedAt: '2025-06-10T10:00:00+08:00',
  submittedBy: 'u1',
  updatedAt: '2025-06-10T10:00:00+08:00',
  updatedBy: 'u1',
});

const offline = () => Promise.reject(new Error('request:fail'));
const created = (version = 1) => ({ status: 201, body: { report: report(version), replayed: false } });

/** A transport the test switches between offline and answering. */
function fakeTransport() {
  let online = false;
  let answer: (s: QueuedSubmission) => { status: number; body: unknown } = () => created();
  const send = vi.fn<SendSubmission>(async (s) => (online ? answer(s) : offline()));
  return {
    send,
    goOnline(reply?: (s: QueuedSubmission) => { status: number; body: unknown }) {
      online = true;
      if (reply) answer = reply;
    },
    goOffline() {
      online = false;
    },
  };
}

function setup(storage = fakeStorage(), clock = fakeClock()) {
  const transport = fakeTransport();
  const queue = createSubmissionQueue({ storage, clock, send: transport.send });
  return { storage, clock, transport, queue };
}

describe('submission queue', () => {
  it('backoff doubles from the base up to the cap', () => {
    expect([1, 2, 3, 4, 10].map((n) => backoffDelay(n, 2000, 30_000))).toEqual([2000, 4000, 8000, 16000, 30000]);
  });

  it('keeps a submission that failed for network reasons and retries it with backoff', async () => {
    const { clock, transport, queue } = setup();
    queue.enqueue({ branchId: 'b1', day: '2025-06-10', body: body('key-aaaaaaaaaaaaaaaa') });

    await queue.flush();
    expect(transport.send).toHaveBeenCalledTimes(1);
    expect(queue.latest('b1', '2025-06-10')).toMatchObject({ state: 'pending', attempts: 1, nextAttemptAt: clock.now() + 2000 });

    await clock.advance(1999);
    expect(transport.send).toHaveBeenCalledTimes(1);
    await clock.advance(1);
    expect(transport.send).toHaveBeenCalledTimes(2);
    expect(queue.latest('b1', '2025-06-10')).toMatchObject({ state: 'pending', attempts: 2 });

    await clock.advance(3999);
    expect(transport.send).toHaveBeenCalledTimes(2);
    await clock.advance(1);
    expect(transport.send).toHaveBeenCalledTimes(3);
    // Every attempt carries the key made at the tap.
    expect(transport.send.mock.calls.map(([s]) => s.body.idempotencyKey)).toEqual(Array(3).fill('key-aaaaaaaaaaaaaaaa'));
  });

  it('sends a queued submission exactly once when the network returns, however many triggers fire', async () => {
    const { clock, transport, queue } = setup();
    const settled = vi.fn();
    queue.onSettled(settled);
    queue.enqueue({ branchId: 'b1', day: '2025-06-10', body: body('key-bbbbbbbbbbbbbbbb') });
    await queue.flush();
    expect(queue.latest('b1', '2025-06-10')?.state).toBe('pending');

    transport.goOnline();
    // Network change, app show and page show arrive together.
    await Promise.all([queue.flush({ force: true }), queue.flush({ force: true }), queue.flush({ force: true })]);
    await clock.advance(10 * 60_000);

    expect(transport.send).toHaveBeenCalledTimes(2); // the offline attempt and one real send
    expect(queue.latest('b1', '2025-06-10')).toMatchObject({ state: 'sent', result: { report: { version: 1 } } });
    expect(settled).toHaveBeenCalledTimes(1);
    expect(clock.pending()).toBe(0);
  });

  it('survives an app restart: the next run reloads the queue from storage and sends it', async () => {
    const storage = fakeStorage();
    const first = setup(storage);
    first.queue.enqueue({ branchId: 'b1', day: '2025-06-10', body: body('key-cccccccccccccccc'), draftRevision: 7 });
    await first.queue.flush();
    first.queue.dispose();

    const second = setup(storage, first.clock);
    expect(second.queue.list()).toMatchObject([{ id: 'key-cccccccccccccccc', state: 'pending', attempts: 1, draftRevision: 7 }]);
    second.transport.goOnline();
    await second.queue.flush({ force: true });

    expect(second.transport.send).toHaveBeenCalledTimes(1);
    expect(second.transport.send.mock.calls[0][0].body.idempotencyKey).toBe('key-cccccccccccccccc');
    expect((storage.raw(QUEUE_STORAGE_KEY) as QueuedSubmission[])[0].state).toBe('sent');
  });

  it('sends again after a restart what was on the wire when the app died (same key)', async () => {
    const storage = fakeStorage();
    const dying: QueuedSubmission = {
      id: 'key-dddddddddddddddd',
      branchId: 'b1',
      day: '2025-06-10',
      body: body('key-dddddddddddddddd'),
      state: 'sending',
      attempts: 0,
      createdAt: 1,
      updatedAt: 1,
    };
    storage.set(QUEUE_STORAGE_KEY, [dying]);
    const { transport, queue } = setup(storage);
    expect(queue.list()[0].state).toBe('pending');
    transport.goOnline((s) => ({ status: 200, body: { report: report(1), replayed: s.id === 'key-dddddddddddddddd' } }));
    await queue.flush();
    expect(queue.list()[0]).toMatchObject({ state: 'sent', result: { replayed: true } });
  });

  it('a flush that arrives while another run is finishing is never lost', async () => {
    for (let ticks = 0; ticks < 12; ticks++) {
      const { transport, queue } = setup();
      transport.goOnline();
      const idle = queue.flush(); // nothing to send: this run is about to end
      for (let i = 0; i < ticks; i++) await Promise.resolve();
      queue.enqueue({ branchId: 'b1', day: '2025-06-10', body: body(`key-race${String(ticks).padStart(12, '0')}`) });
      await queue.flush({ force: true });
      await idle;
      await settle();
      expect(transport.send).toHaveBeenCalledTimes(1);
      expect(queue.latest('b1', '2025-06-10')?.state).toBe('sent');
      queue.dispose();
    }
  });

  it('a 409 needs attention instead of being retried forever', async () => {
    const { clock, transport, queue } = setup();
    const settled = vi.fn();
    queue.onSettled(settled);
    transport.goOnline(() => ({ status: 409, body: { code: 'CONFLICT', message: '该日报已被他人修改，请刷新后重试' } }));
    queue.enqueue({ branchId: 'b1', day: '2025-06-10', body: body('key-eeeeeeeeeeeeeeee', { expectedVersion: 2 }) });

    await queue.flush();
    await clock.advance(60 * 60_000);
    await queue.flush({ force: true });

    expect(transport.send).toHaveBeenCalledTimes(1);
    expect(queue.latest('b1', '2025-06-10')).toMatchObject({
      state: 'conflict',
      lastError: { status: 409, code: 'CONFLICT', message: '该日报已被他人修改，请刷新后重试' },
    });
    expect(settled).toHaveBeenCalledWith(expect.objectContaining({ state: 'conflict' }));
  });

  it('a 400 is not retried and keeps the field errors to show', async () => {
    const { clock, transport, queue } = setup();
    transport.goOnline(() => ({
      status: 400,
      body: {
        code: 'VALIDATION_FAILED',
        message: '请求参数不正确',
        details: [{ path: 'body.content.items.0.text', code: 'too_big', message: '不能超过 500 个字' }],
      },
    }));
    queue.enqueue({ branchId: 'b1', day: '2025-06-10', body: body('key-ffffffffffffffff') });

    await queue.flush();
    await clock.advance(60 * 60_000);
    await queue.flush({ force: true });

    expect(transport.send).toHaveBeenCalledTimes(1);
    expect(queue.latest('b1', '2025-06-10')).toMatchObject({
      state: 'rejected',
      lastError: { status: 400, message: '请求参数不正确', fields: { 'content.items.0.text': '不能超过 500 个字' } },
    });
  });

  it('a 401 (re-login failed too) is not retried by itself; retry() puts it back with the same key', async () => {
    const { transport, queue } = setup();
    transport.goOnline(() => ({ status: 401, body: { code: 'UNAUTHENTICATED', message: '请先登录' } }));
    queue.enqueue({ branchId: 'b1', day: '2025-06-10', body: body('key-gggggggggggggggg') });
    await queue.flush();
    expect(queue.latest('b1', '2025-06-10')).toMatchObject({
      state: 'rejected',
      lastError: { status: 401, message: '登录已失效，请重新登录后再提交' },
    });

    transport.goOnline(() => created());
    queue.retry('key-gggggggggggggggg');
    await queue.flush();
    expect(transport.send).toHaveBeenCalledTimes(2);
    expect(transport.send.mock.calls[1][0].body.idempotencyKey).toBe('key-gggggggggggggggg');
    expect(queue.latest('b1', '2025-06-10')?.state).toBe('sent');
  });

  it('a 5xx is retried with backoff like a network failure', async () => {
    const { clock, transport, queue } = setup();
    let n = 0;
    transport.goOnline(() => (++n < 3 ? { status: 503, body: { code: 'INTERNAL', message: '服务暂不可用' } } : created()));
    queue.enqueue({ branchId: 'b1', day: '2025-06-10', body: body('key-hhhhhhhhhhhhhhhh') });
    await queue.flush();
    expect(queue.latest('b1', '2025-06-10')).toMatchObject({ state: 'pending', attempts: 1 });
    await clock.advance(2000);
    await clock.advance(4000);
    expect(transport.send).toHaveBeenCalledTimes(3);
    expect(queue.latest('b1', '2025-06-10')?.state).toBe('sent');
  });

  it('a 503 UNAVAILABLE (the database is down) is "try again later": kept, not before the server’s 5 s, same key, said so', async () => {
    const { clock, transport, queue } = setup();
    let n = 0;
    const down = { status: 503, body: { code: 'UNAVAILABLE', message: '服务暂时不可用，请稍后再试' } };
    transport.goOnline(() => (++n < 3 ? down : created()));
    queue.enqueue({ branchId: 'b1', day: '2025-06-10', body: body('key-uuuuuuuuuuuuuuuu') });
    await queue.flush();
    expect(queue.latest('b1', '2025-06-10')).toMatchObject({
      state: 'pending',
      attempts: 1,
      nextAttemptAt: clock.now() + SERVER_UNAVAILABLE_WAIT_MS,
      lastError: { status: 503, code: 'UNAVAILABLE', message: SERVER_BUSY_MESSAGE },
    });
    expect(SERVER_BUSY_MESSAGE).toBe('服务器暂时繁忙：已保存在本机，稍后自动重试');
    // The 2 s backoff alone would have sent it again by now: the server asked for 5.
    await clock.advance(4_999);
    expect(transport.send).toHaveBeenCalledTimes(1);
    await clock.advance(1);
    expect(transport.send).toHaveBeenCalledTimes(2);
    // Still down: waits again (the backoff, or the 5 s if that is longer), and stays queued, never rejected.
    expect(queue.latest('b1', '2025-06-10')).toMatchObject({ state: 'pending', attempts: 2, nextAttemptAt: clock.now() + 5_000 });
    await clock.advance(5_000);
    expect(transport.send).toHaveBeenCalledTimes(3);
    expect(queue.latest('b1', '2025-06-10')?.state).toBe('sent');
    expect(new Set(transport.send.mock.calls.map(([s]) => s.body.idempotencyKey))).toEqual(new Set(['key-uuuuuuuuuuuuuuuu']));
  });

  it('a new submission for the same day supersedes the unsent one', async () => {
    const { transport, queue } = setup();
    queue.enqueue({ branchId: 'b1', day: '2025-06-10', body: body('key-iiiiiiiiiiiiiiii') });
    await queue.flush();
    queue.enqueue({ branchId: 'b1', day: '2025-06-10', body: body('key-jjjjjjjjjjjjjjjj') });
    queue.enqueue({ branchId: 'b2', day: '2025-06-10', body: body('key-kkkkkkkkkkkkkkkk') });
    expect(queue.list().map((s) => s.id)).toEqual(['key-jjjjjjjjjjjjjjjj', 'key-kkkkkkkkkkkkkkkk']);

    transport.goOnline();
    await queue.flush({ force: true });
    expect(transport.send.mock.calls.slice(1).map(([s]) => s.id)).toEqual(['key-jjjjjjjjjjjjjjjj', 'key-kkkkkkkkkkkkkkkk']);
  });

  it('a submission made while another for the day is on the wire goes after it, as an edit of its result', async () => {
    const { transport, queue } = setup();
    let release!: () => void;
    transport.goOnline();
    transport.send.mockImplementationOnce(
      (s) =>
        new Promise((resolve) => {
          release = () => resolve({ status: 201, body: { report: report(1), replayed: false } });
          void s;
        }),
    );
    queue.enqueue({ branchId: 'b1', day: '2025-06-10', body: body('key-llllllllllllllll') });
    const running = queue.flush();
    await settle();
    expect(queue.latest('b1', '2025-06-10')?.state).toBe('sending');

    queue.enqueue({ branchId: 'b1', day: '2025-06-10', body: body('key-mmmmmmmmmmmmmmmm') });
    void queue.flush({ force: true });
    release();
    await running;
    await settle();

    expect(transport.send).toHaveBeenCalledTimes(2);
    expect(transport.send.mock.calls[1][0].body).toMatchObject({ idempotencyKey: 'key-mmmmmmmmmmmmmmmm', expectedVersion: 1 });
  });

  it('dismiss forgets a submission; sent ones older than two days are pruned on load', async () => {
    const storage = fakeStorage();
    const clock = fakeClock();
    const old: QueuedSubmission = {
      id: 'key-nnnnnnnnnnnnnnnn',
      branchId: 'b1',
      day: '2025-06-07',
      body: body('key-nnnnnnnnnnnnnnnn'),
      state: 'sent',
      attempts: 0,
      createdAt: clock.now() - 3 * 86_400_000,
      updatedAt: clock.now() - 3 * 86_400_000,
    };
    storage.set(QUEUE_STORAGE_KEY, [old]);
    const { queue } = setup(storage, clock);
    expect(queue.list()).toEqual([]);
    const s = queue.enqueue({ branchId: 'b1', day: '2025-06-10', body: body('key-oooooooooooooooo') });
    queue.dismiss(s.id);
    expect(queue.list()).toEqual([]);
  });
});
