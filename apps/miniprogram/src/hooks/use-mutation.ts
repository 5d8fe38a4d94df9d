import { useCallback, useRef, useState } from 'react';
import { type Failure, failureOf, toFailure } from '../services/api-failure';

/** An answer of the typed API client: its status and body. */
export interface Reply {
  status: number;
  body: unknown;
}

/** The success answers (2xx) among a call's possible answers. */
export type Success<R extends Reply> = Extract<R, { status: 200 | 201 | 202 | 204 }>;

export interface MutationHandlers {
  /**
   * A 409: the record changed meanwhile (someone else saved, or its state moved on). Gets the server's failure, whose
   * message the page shows while it reloads. Without it, a 409 is just another error.
   */
  onConflict?: (failure: Failure) => void;
  /** Any other refusal, or no answer at all. `body` is the server's error body when it answered (field details). */
  onError: (failure: Failure, body?: unknown) => void;
}

export interface RunOptions<K extends string> extends Partial<MutationHandlers> {
  /** Names the running call in `pending`, for pages with more than one button. */
  label?: K;
}

/**
 * One write at a time: `run` marks the page busy, sends the call, hands a 409 to `onConflict` and any other failure
 * (or a network error) to `onError`, and always clears busy. It resolves to the success answer, or undefined when the
 * call failed, was skipped (`call` resolved undefined: it showed its own problem) or another call was still running.
 */
export function useMutation<K extends string = never>(handlers: MutationHandlers) {
  const [pending, setPending] = useState<K | 'busy'>();
  // A ref as well as state: two taps in one frame must not both send.
  const running = useRef(false);
  const handlersRef = useRef(handlers);
  handlersRef.current = handlers;

  const run = useCallback(
    async <R extends Reply>(call: () => Promise<R | undefined>, options: RunOptions<K> = {}): Promise<Success<R> | undefined> => {
      if (running.current) return undefined;
      running.current = true;
      setPending(options.label ?? 'busy');
      const onConflict = options.onConflict ?? handlersRef.current.onConflict;
      const onError = options.onError ?? handlersRef.current.onError;
      try {
        const res = await call();
        if (!res) return undefined;
        if (res.status >= 200 && res.status < 300) return res as Success<R>;
        const failure = failureOf(res);
        if (res.status === 409 && onConflict) onConflict(failure);
        else onError(failure, res.body);
        return undefined;
      } catch (err) {
        onError(toFailure(err));
        return undefined;
      } finally {
        running.current = false;
        setPending(undefined);
      }
    },
    [],
  );

  return {
    /** True while a call runs. */
    busy: pending !== undefined,
    /** The running call's label (`'busy'` when it has none). */
    pending,
    run,
  };
}
