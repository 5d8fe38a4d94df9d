/**
 * The small ports the offline modules run on, so that the draft store and the submission queue are
 * plain TypeScript: unit tests pass an in-memory storage and a fake clock, the app passes Taro's
 * storage and the real timers (see taro-ports.ts).
 */

/** Synchronous key-value storage (Taro.getStorageSync and friends). `get` answers undefined when absent. */
export interface KeyValueStorage {
  get(key: string): unknown;
  /** May throw, e.g. when WeChat's 10 MB storage (1 MB per key) is full. */
  set(key: string, value: unknown): void;
  remove(key: string): void;
}

/** Time and timers. `now` is epoch milliseconds. */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A fresh idempotency key (the contract wants 16–64 of [A-Za-z0-9_-]): the time in base 36 then
 * 16 random characters. Made once per 提交 tap; retries reuse it.
 */
export function newIdempotencyKey(now: number = Date.now(), random: () => number = Math.random): string {
  let tail = '';
  for (let i = 0; i < 16; i++) tail += KEY_ALPHABET[Math.floor(random() * KEY_ALPHABET.length)];
  return `${now.toString(36)}${tail}`;
}

/** A short local id for list rows (items, photos); not sent to the server. */
export function newLocalId(random: () => number = Math.random): string {
  let id = '';
  for (let i = 0; i < 10; i++) id += KEY_ALPHABET[Math.floor(random() * KEY_ALPHABET.length)];
  return id;
}
