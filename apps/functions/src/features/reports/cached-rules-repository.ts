import type { DailyRules } from '@chuangxing/shared';
import type { RulesRepository, StoredExemption } from './rules-repository';

/**
 * The rules are read on every submission and change a few times a year, so each container keeps them for
 * a short while. A change made through this container applies at once; other containers see it within
 * `ttlMs`.
 */
export class CachedRulesRepository implements RulesRepository {
  private readonly cache = new Map<string, { at: number; rules: Promise<DailyRules> }>();

  constructor(
    private readonly inner: RulesRepository,
    private readonly ttlMs = 30_000,
    private readonly now: () => number = Date.now,
  ) {}

  getDailyRules(districtId: string): Promise<DailyRules> {
    const hit = this.cache.get(districtId);
    if (hit && this.now() - hit.at < this.ttlMs) return hit.rules;
    const rules = this.inner.getDailyRules(districtId);
    this.cache.set(districtId, { at: this.now(), rules });
    rules.catch(() => this.cache.delete(districtId));
    return rules;
  }

  async putDailyRules(districtId: string, rules: DailyRules, by: string, at: string): Promise<void> {
    this.cache.delete(districtId);
    await this.inner.putDailyRules(districtId, rules, by, at);
    this.cache.delete(districtId);
  }

  listExemptions(districtId: string, prefix: string): Promise<StoredExemption[]> {
    return this.inner.listExemptions(districtId, prefix);
  }

  listCalendar(districtId: string, prefix: string): Promise<StoredExemption[]> {
    return this.inner.listCalendar(districtId, prefix);
  }

  createExemption(e: StoredExemption): Promise<void> {
    return this.inner.createExemption(e);
  }

  deleteExemption(districtId: string, id: string): Promise<StoredExemption | undefined> {
    return this.inner.deleteExemption(districtId, id);
  }
}
