import { DEFAULT_LETTER_RULES, type LetterRules } from '@chuangxing/shared';
import { describe, expect, it } from 'vitest';
import { CachedLetterRulesRepository } from '../../src/features/mailbox/cached-letter-rules-repository';
import type { LetterRulesRepository } from '../../src/features/mailbox/letter-rules-repository';

class CountingLetterRules implements LetterRulesRepository {
  reads = 0;
  fail = false;
  stored = new Map<string, LetterRules>();
  async get(districtId: string) {
    this.reads++;
    if (this.fail) throw new Error('down');
    return this.stored.get(districtId) ?? DEFAULT_LETTER_RULES;
  }
  async put(districtId: string, rules: LetterRules) {
    this.stored.set(districtId, rules);
  }
}

describe('cached letter rules', () => {
  it('reads the store once per TTL, and a change through the cache applies at once', async () => {
    const inner = new CountingLetterRules();
    let t = 0;
    const cached = new CachedLetterRulesRepository(inner, 1000, () => t);
    await cached.get('erqi');
    await cached.get('erqi');
    expect(inner.reads).toBe(1);
    t = 1000;
    await cached.get('erqi');
    expect(inner.reads).toBe(2);
    await cached.put('erqi', { ...DEFAULT_LETTER_RULES, perDayLimit: 1 }, 'admin', 'now');
    expect((await cached.get('erqi')).perDayLimit).toBe(1);
    expect(inner.reads).toBe(3);
  });

  it('keeps each district apart', async () => {
    const inner = new CountingLetterRules();
    inner.stored.set('a', { ...DEFAULT_LETTER_RULES, autoArchiveDays: 3 });
    const cached = new CachedLetterRulesRepository(inner, 60_000, () => 0);
    expect((await cached.get('a')).autoArchiveDays).toBe(3);
    expect((await cached.get('b')).autoArchiveDays).toBe(DEFAULT_LETTER_RULES.autoArchiveDays);
    expect(inner.reads).toBe(2);
  });

  it('does not keep a failed read', async () => {
    const inner = new CountingLetterRules();
    inner.fail = true;
    const cached = new CachedLetterRulesRepository(inner, 60_000, () => 0);
    await expect(cached.get('erqi')).rejects.toThrow('down');
    inner.fail = false;
    expect(await cached.get('erqi')).toEqual(DEFAULT_LETTER_RULES);
  });
});
