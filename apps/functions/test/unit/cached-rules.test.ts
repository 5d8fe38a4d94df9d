import { describe, expect, it } from 'vitest';
import { CachedRulesRepository } from '../../src/features/reports/cached-rules-repository';
import { MemoryRulesRepository } from '../support/memory-repositories';

class CountingRules extends MemoryRulesRepository {
  reads = 0;
  fail = false;
  override async getDailyRules() {
    this.reads++;
    if (this.fail) throw new Error('down');
    return super.getDailyRules();
  }
}

describe('cached rules', () => {
  it('reads the store once per TTL, and a change through the cache applies at once', async () => {
    const inner = new CountingRules();
    let t = 0;
    const cached = new CachedRulesRepository(inner, 1000, () => t);
    await cached.getDailyRules('erqi');
    await cached.getDailyRules('erqi');
    expect(inner.reads).toBe(1);
    t = 1000;
    await cached.getDailyRules('erqi');
    expect(inner.reads).toBe(2);
    await cached.putDailyRules('erqi', { deadline: '21:00', maxBackfillDays: 2, reminderTime: '19:00' }, 'admin', 'now');
    expect((await cached.getDailyRules('erqi')).deadline).toBe('21:00');
    expect(inner.reads).toBe(3);
  });

  it('does not keep a failed read', async () => {
    const inner = new CountingRules();
    inner.fail = true;
    const cached = new CachedRulesRepository(inner, 60_000, () => 0);
    await expect(cached.getDailyRules('erqi')).rejects.toThrow('down');
    inner.fail = false;
    expect((await cached.getDailyRules('erqi')).deadline).toBe('22:00');
  });
});
