import { describe, expect, it } from 'vitest';
import { keyedByContent, optionLetter } from '../../src/services/list-keys';

describe('keyedByContent', () => {
  it('keys items by their content and numbers the repeats', () => {
    const rows = keyedByContent(['好', '建议', '好', '好'], (t) => t);
    expect(rows.map((r) => r.key)).toEqual(['好', '建议', '好#2', '好#3']);
    expect(rows.map((r) => r.item)).toEqual(['好', '建议', '好', '好']);
  });

  it('a key stays with its item when another item goes', () => {
    const before = keyedByContent([{ t: 'a' }, { t: 'b' }, { t: 'c' }], (x) => x.t);
    const after = keyedByContent([{ t: 'a' }, { t: 'c' }], (x) => x.t);
    expect(after.find((r) => r.item.t === 'c')?.key).toBe(before[2].key);
  });
});

describe('optionLetter', () => {
  it('A for the first option, F for the sixth', () => {
    expect([0, 1, 5].map(optionLetter)).toEqual(['A', 'B', 'F']);
  });
});
