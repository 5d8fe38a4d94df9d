import type { Clock, KeyValueStorage } from '../../src/subpackages/reports/offline/ports';

/** A clock whose time only moves when the test says so; timers fire during `advance`. */
export function fakeClock(start = Date.parse('2025-06-10T10:00:00+08:00')) {
  let now = start;
  let nextId = 1;
  const timers = new Map<number, { at: number; fn: () => void }>();
  const clock: Clock & {
    advance(ms: number): Promise<void>;
    pending(): number;
  } = {
    now: () => now,
    setTimeout(fn, ms) {
      const id = nextId++;
      timers.set(id, { at: now + Math.max(0, ms), fn });
      return id;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    /** Move time forward, firing due timers in order and letting their promises settle. */
    async advance(ms) {
      const end = now + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = Math.max(now, due[1].at);
        due[1].fn();
        await settle();
      }
      now = end;
      await settle();
    },
    pending: () => timers.size,
  };
  return clock;
}

/** Lets queued promise callbacks run. */
export async function settle(rounds = 10): Promise<void> {
  for (let i = 0; i < rounds; i++) await Promise.resolve();
}

/** In-memory storage that stores copies (as Taro storage does), counting writes per key. */
export function fakeStorage() {
  const data = new Map<string, string>();
  const writes = new Map<string, number>();
  const storage: KeyValueStorage & { writes(key: string): number; raw(key: string): unknown } = {
    get: (key) => (data.has(key) ? JSON.parse(data.get(key)!) : undefined),
    set: (key, value) => {
      data.set(key, JSON.stringify(value));
      writes.set(key, (writes.get(key) ?? 0) + 1);
    },
    remove: (key) => {
      data.delete(key);
    },
    writes: (key) => writes.get(key) ?? 0,
    raw: (key) => (data.has(key) ? JSON.parse(data.get(key)!) : undefined),
  };
  return storage;
}
