import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { type Reply, useMutation } from '../../src/hooks/use-mutation';
import { NETWORK_ERROR_MESSAGE } from '../../src/services/api-failure';

type Answer = { status: 200; body: { version: number } } | { status: 400 | 403 | 409; body: unknown };

const conflict = { code: 'CONFLICT', message: '已被他人修改' };
const refused = {
  code: 'VALIDATION_FAILED',
  message: '请检查输入',
  details: [{ path: 'body.name', code: 'too_small', message: '请输入名称' }],
};

/** A call that stays open until the test settles it. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('useMutation', () => {
  it('is busy while the call runs and answers the success reply', async () => {
    const onError = vi.fn();
    const { result } = renderHook(() => useMutation({ onError }));
    const call = deferred<Answer>();
    let answer: Promise<Reply | undefined> | undefined;
    act(() => {
      answer = result.current.run(() => call.promise);
    });
    expect(result.current.busy).toBe(true);
    await act(async () => call.resolve({ status: 200, body: { version: 2 } }));
    await expect(answer).resolves.toEqual({ status: 200, body: { version: 2 } });
    expect(result.current.busy).toBe(false);
    expect(onError).not.toHaveBeenCalled();
  });

  it('hands a 409 to onConflict with the server’s message, and resolves undefined', async () => {
    const onConflict = vi.fn();
    const onError = vi.fn();
    const { result } = renderHook(() => useMutation({ onConflict, onError }));
    let answer: unknown = 'unset';
    await act(async () => {
      answer = await result.current.run(async (): Promise<Answer> => ({ status: 409, body: conflict }));
    });
    expect(answer).toBeUndefined();
    expect(onConflict).toHaveBeenCalledWith({ status: 409, code: 'CONFLICT', message: '已被他人修改' });
    expect(onError).not.toHaveBeenCalled();
    expect(result.current.busy).toBe(false);
  });

  it('without onConflict a 409 is just another error', async () => {
    const onError = vi.fn();
    const { result } = renderHook(() => useMutation({ onError }));
    await act(async () => {
      await result.current.run(async (): Promise<Answer> => ({ status: 409, body: conflict }));
    });
    expect(onError).toHaveBeenCalledWith({ status: 409, code: 'CONFLICT', message: '已被他人修改' }, conflict);
  });

  it('hands other refusals to onError with the error body (for field details)', async () => {
    const onConflict = vi.fn();
    const onError = vi.fn();
    const { result } = renderHook(() => useMutation({ onConflict, onError }));
    await act(async () => {
      await result.current.run(async (): Promise<Answer> => ({ status: 400, body: refused }));
    });
    expect(onError).toHaveBeenCalledWith({ status: 400, code: 'VALIDATION_FAILED', message: '请检查输入' }, refused);
    expect(onConflict).not.toHaveBeenCalled();
  });

  it('a network failure is an error without a body, and busy still clears', async () => {
    const onError = vi.fn();
    const { result } = renderHook(() => useMutation({ onError }));
    await act(async () => {
      await result.current.run(() => Promise.reject(undefined));
    });
    expect(onError).toHaveBeenCalledWith({ message: NETWORK_ERROR_MESSAGE });
    expect(onError.mock.calls[0]).toHaveLength(1);
    expect(result.current.busy).toBe(false);
  });

  it('a call that resolves undefined (it showed its own problem) reports nothing', async () => {
    const onError = vi.fn();
    const { result } = renderHook(() => useMutation({ onError }));
    let answer: unknown = 'unset';
    await act(async () => {
      answer = await result.current.run(async () => undefined);
    });
    expect(answer).toBeUndefined();
    expect(onError).not.toHaveBeenCalled();
    expect(result.current.busy).toBe(false);
  });

  it('sends once while a call runs: a second tap is dropped', async () => {
    const { result } = renderHook(() => useMutation({ onError: vi.fn() }));
    const call = deferred<Answer>();
    const first = vi.fn(() => call.promise);
    const second = vi.fn(async (): Promise<Answer> => ({ status: 200, body: { version: 3 } }));
    let again: unknown = 'unset';
    await act(async () => {
      void result.current.run(first);
      again = await result.current.run(second);
    });
    expect(again).toBeUndefined();
    expect(second).not.toHaveBeenCalled();
    await act(async () => call.resolve({ status: 200, body: { version: 2 } }));
    await act(async () => {
      await result.current.run(second);
    });
    expect(second).toHaveBeenCalledTimes(1);
  });

  it('names the running call in pending, and a run’s own handlers win over the hook’s', async () => {
    const hookError = vi.fn();
    const runError = vi.fn();
    const { result } = renderHook(() => useMutation<'save' | 'publish'>({ onError: hookError }));
    const call = deferred<Answer>();
    act(() => {
      void result.current.run(() => call.promise, { label: 'publish', onError: runError });
    });
    expect(result.current.pending).toBe('publish');
    await act(async () => call.resolve({ status: 403, body: { code: 'FORBIDDEN_ROLE', message: '无权操作' } }));
    expect(result.current.pending).toBeUndefined();
    expect(runError).toHaveBeenCalledWith({ status: 403, code: 'FORBIDDEN_ROLE', message: '无权操作' }, expect.anything());
    expect(hookError).not.toHaveBeenCalled();
  });

  it('uses the handlers of the latest render', async () => {
    const before = vi.fn();
    const after = vi.fn();
    const { result, rerender } = renderHook(({ onError }) => useMutation({ onError }), { initialProps: { onError: before } });
    rerender({ onError: after });
    await act(async () => {
      await result.current.run(async (): Promise<Answer> => ({ status: 400, body: refused }));
    });
    expect(after).toHaveBeenCalledTimes(1);
    expect(before).not.toHaveBeenCalled();
  });
});
