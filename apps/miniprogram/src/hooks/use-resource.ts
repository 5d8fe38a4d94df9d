import { type DependencyList, useCallback, useEffect, useRef, useState } from 'react';
import { type Failure, toFailure } from '../services/api-failure';

export type Resource<T> = { kind: 'idle' } | { kind: 'loading' } | { kind: 'ready'; data: T } | { kind: 'failed'; failure: Failure };

export interface ResourceOptions {
  /** When false, nothing is loaded and the state stays idle (e.g. not logged in yet). */
  enabled?: boolean;
}

/**
 * Load data for a page: loading → ready | failed, with `reload` for the 重试 button.
 * Loads again when `deps` change; an answer that a newer load (or leaving the page) overtook is dropped.
 */
export function useResource<T>(load: () => Promise<T>, deps: DependencyList, options: ResourceOptions = {}) {
  const enabled = options.enabled ?? true;
  const [state, setState] = useState<Resource<T>>(enabled ? { kind: 'loading' } : { kind: 'idle' });
  // The latest `load` (it closes over the caller's current values) and whether loading is on, for `reload`.
  const loadRef = useRef(load);
  loadRef.current = load;
  const enabledRef = useRef(enabled);
  enabledRef.current = enabled;
  /** Drops the answer of the load in flight. */
  const cancelRef = useRef<() => void>(undefined);

  const start = useCallback(() => {
    cancelRef.current?.();
    let live = true;
    cancelRef.current = () => {
      live = false;
    };
    setState({ kind: 'loading' });
    loadRef.current().then(
      (data) => {
        if (live) setState({ kind: 'ready', data });
      },
      (err: unknown) => {
        if (live) setState({ kind: 'failed', failure: toFailure(err) });
      },
    );
  }, []);

  useEffect(() => {
    if (!enabled) {
      setState({ kind: 'idle' });
      return undefined;
    }
    start();
    return () => cancelRef.current?.();
  }, [...deps, enabled, start]);

  // 重试 and refreshes: the loading view shows first (a page's forms close with it), then the load starts.
  const [reloads, setReloads] = useState(0);
  const reload = useCallback(() => {
    if (!enabledRef.current) return;
    setState({ kind: 'loading' });
    setReloads((n) => n + 1);
  }, []);
  useEffect(() => {
    if (reloads > 0) start();
  }, [reloads, start]);
  return { state, reload };
}
