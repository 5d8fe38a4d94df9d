import type { LetterRules } from '@chuangxing/shared';
import type { LetterRulesRepository } from './letter-rules-repository';

/**
 * The rules are read on every letter and change a few times a year, so each container keeps them for a
 * short while. A change made through this container applies at once; other containers see it within
 * `ttlMs`.
 */
export class CachedLetterRulesRepository implements LetterRulesRepository {
  private readonly cache = new Map<string, { at: number; rules: Promise<LetterRules> }>();

  constructor(
    private readonly inner: LetterRulesRepository,
    private readonly ttlMs = 30_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(districtId: string): Promise<LetterRules> {
    const hit = this.cache.get(districtId);
    if (hit && this.now() - hit.at < this.ttlMs) return hit.rules;
    const rules = this.inner.get(districtId);
    this.cache.set(districtId, { at: this.now(), rules });
    rules.catch(() => this.cache.delete(districtId));
    return rules;
  }

  async put(districtId: string, rules: LetterRules, by: string, at: string): Promise<void> {
    this.cache.delete(districtId);
    await this.inner.put(districtId, rules, by, at);
    this.cache.delete(districtId);
  }
}
