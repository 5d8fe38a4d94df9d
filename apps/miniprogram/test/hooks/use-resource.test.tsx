import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useResource } from '../../src/hooks/use-resource';

describe('useResource', () => {
  it('loads, and loads again when a dependency changes', async () => {
    const load = vi.fn(async () => 'data');
    const { result, rerender } = renderHook(({ id }) => useResource(() => load(), [id]), { initialProps: { id: 'a' } });
    expect(result.current.state).toEqual({ kind: 'loading' });
    await waitFor(() => expect(result.current.state).toEqual({ kind: 'ready', data: 'data' }));
    rerender({ id: 'b' });
    await waitFor(() => expect(load).toHaveBeenCalledTimes(2));
  });

  it('reload shows the loading view before the answer, and a failure becomes a Failure', async () => {
    let fail = false;
    const { result } = renderHook(() =>
      useResource(async () => {
        if (fail) throw Object.assign(new Error('服务暂时不可用'), { status: 500 });
        return 1;
      }, []),
    );
    await waitFor(() => expect(result.current.state.kind).toBe('ready'));
    fail = true;
    act(() => result.current.reload());
    expect(result.current.state).toEqual({ kind: 'loading' });
    await waitFor(() =>
      expect(result.current.state).toEqual({ kind: 'failed', failure: expect.objectContaining({ message: '服务暂时不可用' }) }),
    );
  });

  it('drops an answer that a newer load overtook', async () => {
    const answers: ((v: string) => void)[] = [];
    const { result, rerender } = renderHook(({ id }) => useResource(() => new Promise<string>((resolve) => answers.push(resolve)), [id]), {
      initialProps: { id: 'a' },
    });
    rerender({ id: 'b' });
    await act(async () => answers[1]('b'));
    await act(async () => answers[0]('a'));
    expect(result.current.state).toEqual({ kind: 'ready', data: 'b' });
  });

  it('stays idle while disabled, and reload does nothing then', () => {
    const load = vi.fn(async () => 1);
    const { result } = renderHook(() => useResource(load, [], { enabled: false }));
    act(() => result.current.reload());
    expect(result.current.state).toEqual({ kind: 'idle' });
    expect(load).not.toHaveBeenCalled();
  });
});
