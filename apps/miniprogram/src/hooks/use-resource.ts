import { type DependencyList, useCallback, useEffect, useRef, useState } from 'react';
import { type Failure, toFailure } from '../services/api-failure';

export type Resource<T> = { kind: 'idle' } | { kind: 'loading' } | { kind: 'ready'; data: T } | { kind: 'failed'; failure: Failure };

export interface ResourceOptions {
  /** When false, nothing is loaded and the state stays idle (e.g. not logged in yet). */
  enabled?: boolean;
}

/**
 * Load data for a page: loading → ready | failed, with `reload` for the 重试 button.
 * Reloads when `deps` change; a stale answer (deps changed meanwhile) is dropped.
 */
export function useResource<T>(load: () => Promise<T>, deps: DependencyList, options: ResourceOptions = {}) {
  const enabled = options.enabled ?? true;
  const [state, setState] = useState<Resource<T>>(enabled ? { kind: 'loading' } : { kind: 'idle' });
  const [attempt, setAttempt] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    if (!enabled) {
      setState({ kind: 'idle' });
      return undefined;
    }
    let live = true;
    setState({ kind: 'loading' });
    loadRef.current().then(
      (data) => {
        if (live) setState({ kind: 'ready', data });
      },
      (err: unknown) => {
        if (live) setState({ kind: 'failed', failure: toFailure(err) });
      },
    );
    return () => {
      live = false;
    };
    // `deps` is the caller's dependency list; `load` is read through a ref on purpose.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, attempt, enabled]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}
