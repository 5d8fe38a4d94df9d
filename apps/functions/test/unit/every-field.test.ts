import { describe, expect, it } from 'vitest';
import { everyField } from '../../src/platform/dynamodb/every-field';

interface Stored {
  id: string;
  note?: string;
  count: number;
}

describe('everyField', () => {
  it('returns the fields when they are all of the type (a missing or unknown one does not compile)', () => {
    expect(everyField<Stored>()(['id', 'note', 'count'])).toEqual(['id', 'note', 'count']);
    // @ts-expect-error 'count' is missing
    everyField<Stored>()(['id', 'note']);
    // @ts-expect-error 'other' is not a field
    everyField<Stored>()(['id', 'note', 'count', 'other']);
  });
});
