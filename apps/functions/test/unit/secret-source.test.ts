import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/platform/config/config';
import { openSecrets, type Secrets } from '../../src/platform/config/secrets';
import { createWiring } from '../../src/platform/wiring';

const config = parseConfig({ CX_TABLE_NAME: 'table', CX_SECRETS_ARN: 'arn:x', CX_SECRETS_MAX_AGE_SECONDS: '300' });
const KEY = 'k'.repeat(32);

/** A secret store whose value the test changes, whose reads it counts, and which can fail or stall. */
function store(first: string) {
  const s = {
    value: first,
    reads: 0,
    fail: false,
    gate: undefined as Promise<void> | undefined,
    async read(): Promise<Secrets> {
      s.reads++;
      await s.gate;
      if (s.fail) throw new Error('Secrets Manager unavailable');
      return { tokenSigningKey: KEY, wechatAppSecret: s.value };
    },
  };
  return s;
}

describe('secrets kept fresh with a max age', () => {
  it('serves the cached value within the max age and reads again after it', async () => {
    let now = 0;
    const s = store('placeholder');
    const source = await openSecrets(config, { now: () => now, read: s.read });
    s.value = 'real';
    now = 299_999;
    expect((await source.get()).wechatAppSecret).toBe('placeholder');
    expect(s.reads).toBe(1);
    now = 300_000;
    expect((await source.get()).wechatAppSecret).toBe('real');
    expect(s.reads).toBe(2);
    expect(source.initial.wechatAppSecret).toBe('placeholder');
  });

  it('concurrent callers share one read', async () => {
    let now = 0;
    const s = store('a');
    const source = await openSecrets(config, { now: () => now, read: s.read });
    let open!: () => void;
    s.gate = new Promise((r) => {
      open = r;
    });
    s.value = 'b';
    now = 400_000;
    const all = Promise.all([source.get(), source.get(), source.get()]);
    open();
    expect((await all).map((x) => x.wechatAppSecret)).toEqual(['b', 'b', 'b']);
    expect(s.reads).toBe(2);
  });

  it('a failed refresh keeps serving the last value and tries again 30 s later, not on every call', async () => {
    let now = 0;
    const s = store('a');
    const source = await openSecrets(config, { now: () => now, read: s.read });
    s.fail = true;
    now = 300_000;
    expect((await source.get()).wechatAppSecret).toBe('a');
    now = 329_999;
    expect((await source.get()).wechatAppSecret).toBe('a');
    expect(s.reads).toBe(2);
    s.fail = false;
    s.value = 'b';
    now = 330_000;
    expect((await source.get()).wechatAppSecret).toBe('b');
    expect(s.reads).toBe(3);
  });

  it('the first read fails loudly (the function retries it on the next invocation)', async () => {
    const s = store('a');
    s.fail = true;
    await expect(openSecrets(config, { read: s.read })).rejects.toThrow(/unavailable/);
  });

  it('the wiring reads the AppSecret through the source; the signing key stays as first read', async () => {
    let now = 0;
    const s = store('placeholder');
    const source = await openSecrets(config, { now: () => now, read: s.read });
    const w = createWiring(parseConfig({ CX_TABLE_NAME: 'table', CX_STAGE: 'test', CX_TOKEN_SIGNING_KEY: KEY }), source);
    s.value = 'real';
    now = 300_001;
    expect(await w.appSecret()).toBe('real');
    expect(w.secrets.tokenSigningKey).toBe(KEY);
  });

  it('the max age is configurable, 5 minutes by default', () => {
    expect(parseConfig({ CX_TABLE_NAME: 'table', CX_SECRETS_ARN: 'arn:x' }).secretsMaxAgeSeconds).toBe(300);
    expect(parseConfig({ CX_TABLE_NAME: 'table', CX_SECRETS_ARN: 'arn:x', CX_SECRETS_MAX_AGE_SECONDS: '60' }).secretsMaxAgeSeconds).toBe(
      60,
    );
    expect(() => parseConfig({ CX_TABLE_NAME: 'table', CX_SECRETS_ARN: 'arn:x', CX_SECRETS_MAX_AGE_SECONDS: '0' })).toThrow(
      /CX_SECRETS_MAX_AGE_SECONDS/,
    );
  });
});
