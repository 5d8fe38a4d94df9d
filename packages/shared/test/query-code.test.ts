import { describe, expect, it } from 'vitest';
import { formatQueryCode, parseQueryCode, QueryCodePath } from '../src';

describe('查询码: shown grouped, accepted as typed', () => {
  it('groups a 10-character code 4-4-2', () => {
    expect(formatQueryCode('P5GSY8HPEH')).toBe('P5GS-Y8HP-EH');
    // Already grouped, or typed loosely: the same canonical grouping.
    expect(formatQueryCode('p5gs y8hp-eh')).toBe('P5GS-Y8HP-EH');
  });

  it('leaves anything that is not a code as it is', () => {
    expect(formatQueryCode('ABC')).toBe('ABC');
    expect(formatQueryCode('P5GSY8HPE0')).toBe('P5GSY8HPE0');
  });

  it('parses either case, with dashes and spaces anywhere', () => {
    for (const typed of ['P5GSY8HPEH', 'p5gs-y8hp-eh', ' P5GS Y8HP EH ', 'p5-gs-y8-hp-eh', 'P5GS--Y8HPEH'])
      expect(parseQueryCode(typed), typed).toBe('P5GSY8HPEH');
  });

  it('refuses wrong lengths and look-alike characters', () => {
    for (const typed of ['', 'P5GSY8HPE', 'P5GSY8HPEHX', 'P5GSY8HPE0', 'P5GSY8HPEI', 'P5GSY8HPEO', 'P5GS_Y8HPEH'])
      expect(parseQueryCode(typed), typed).toBeUndefined();
  });

  it('the track route’s schema passes the canonical code on, and refuses what the parser refuses', () => {
    const ok = QueryCodePath.safeParse({ code: 'p5gs-y8hp-eh' });
    expect(ok.success && ok.data.code).toBe('P5GSY8HPEH');
    expect(QueryCodePath.safeParse({ code: 'P5GS Y8HP EH' }).success).toBe(true);
    for (const code of ['P5GSY8HPE', 'P5GSY8HPE0', 'P5GS_Y8HPEH']) expect(QueryCodePath.safeParse({ code }).success, code).toBe(false);
  });
});
