import { defineEntity } from '../dynamodb/entity';

/**
 * Per-client attempt counters, one item per limit, client and fixed window, gone with the ttl after it:
 * - a window's count:  LIMIT#{name}#{clientHash} / W#{windowStart epoch s}   hits  (ttl: window end + 1 h)
 */
export const rateLimitEntities = {
  window: defineEntity<{ hits: number }, { name: string; clientHash: string; windowStart: number }>({
    name: 'rate-window',
    key: ({ name, clientHash, windowStart }) => ({ pk: `LIMIT#${name}#${clientHash}`, sk: `W#${windowStart}` }),
    fields: ['hits'],
  }),
};

/** Kept past the window so a late TTL sweep never resets a window that is still counting. */
export const RATE_WINDOW_TTL_GRACE_SECONDS = 3_600;
