import { useCallback, useEffect, useLayoutEffect, useReducer, useRef, useState } from 'react';
import { type Failure, toFailure } from '../../../services/api-failure';
import type { ReportDraft } from '../offline/draft-store';
import type { QueuedSubmission } from '../offline/submission-queue';
import { reportSync } from './report-sync';

/**
 * A store value that re-renders on every change. Unlike useSyncExternalStore it subscribes in the commit itself
 * (a layout effect), so an edit made right after the form appears re-renders it instead of being overwritten by
 * the next keystroke's stale copy.
 */
function useStoreValue<T>(subscribe: (listener: () => void) => () => void, get: () => T): T {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const value = get();
  const shown = useRef(value);
  shown.current = value;
  useLayoutEffect(() => {
    const check = () => {
      if (!Object.is(get(), shown.current)) rerender();
    };
    const unsubscribe = subscribe(check);
    check(); // a change between render and subscribe
    return unsubscribe;
  }, [subscribe, get]);
  return value;
}

/** The stored draft of a branch's day; re-renders on every change (typing, upload progress). */
export function useDraft(branchId: string, day: string): ReportDraft | undefined {
  const sync = reportSync();
  const subscribe = useCallback((l: () => void) => sync.drafts.subscribe(branchId, day, l), [sync, branchId, day]);
  const get = useCallback(() => sync.drafts.get(branchId, day), [sync, branchId, day]);
  return useStoreValue(subscribe, get);
}

/** The newest queued submission of a branch's day, if any. */
export function useSubmission(branchId: string, day: string): QueuedSubmission | undefined {
  const sync = reportSync();
  const subscribe = useCallback((l: () => void) => sync.queue.subscribe(l), [sync]);
  const get = useCallback(() => sync.queue.latest(branchId, day), [sync, branchId, day]);
  return useStoreValue(subscribe, get);
}

export function useOnline(): boolean {
  const sync = reportSync();
  return useStoreValue(sync.subscribeOnline, sync.online);
}

export type Loaded<T> = { kind: 'loading' } | { kind: 'ready'; data: T; refreshing: boolean } | { kind: 'failed'; failure: Failure };

/**
 * Like useResource, but `refresh()` keeps showing the current data while it reloads (no flicker of
 * a form being edited). `retry()` starts over with the loading view.
 */
export function useLoader<T>(load: () => Promise<T>, deps: readonly unknown[]) {
  const [state, setState] = useState<Loaded<T>>({ kind: 'loading' });
  const loadRef = useRef(load);
  loadRef.current = load;
  const seq = useRef(0);

  const run = useCallback((keep: boolean) => {
    const n = ++seq.current;
    setState((s) => (keep && s.kind === 'ready' ? { ...s, refreshing: true } : { kind: 'loading' }));
    return loadRef.current().then(
      (data) => {
        if (n === seq.current) setState({ kind: 'ready', data, refreshing: false });
      },
      (err: unknown) => {
        if (n !== seq.current) return;
        setState((s) => (keep && s.kind === 'ready' ? { ...s, refreshing: false } : { kind: 'failed', failure: toFailure(err) }));
      },
    );
  }, []);

  useEffect(() => {
    void run(false);
  }, [...deps, run]);

  const refresh = useCallback(() => run(true), [run]);
  const retry = useCallback(() => run(false), [run]);
  return { state, refresh, retry };
}
