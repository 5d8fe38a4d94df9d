import { describe, expect, it } from 'vitest';
import { type CommunityStorage, rememberCommunity, rememberedCommunity } from '../../src/services/my-community';
import { groupAsTyped } from '../../src/subpackages/mailbox/pages/mine/track-box';
import { answerByText, spokenDay } from '../../src/subpackages/mailbox/services/answer-by';

const memory = (): CommunityStorage & { data: Map<string, unknown> } => {
  const data = new Map<string, unknown>();
  return { data, get: (k) => data.get(k) ?? '', set: (k, v) => void data.set(k, v) };
};

describe('by when the community must answer, in plain words', () => {
  // 2026-12-09 23:59 in Shanghai is a Wednesday.
  const at = '2026-12-09T15:59:00.000Z';
  it('names the Shanghai day and its weekday', () => {
    expect(spokenDay(at)).toBe('12月9日（周三）');
    // 00:30 on the 10th in Shanghai is still the 9th in UTC: the Shanghai day counts.
    expect(spokenDay('2026-12-09T16:30:00.000Z')).toBe('12月10日（周四）');
  });

  it('acceptance, then the reply; past it, 督办', () => {
    const before = Date.parse('2026-12-08T02:00:00.000Z');
    expect(answerByText({ kind: 'accept', at }, before)).toBe('社区应在 12月9日（周三） 前受理');
    expect(answerByText({ kind: 'reply', at }, before)).toBe('社区应在 12月9日（周三） 前答复');
    expect(answerByText({ kind: 'accept', at }, Date.parse('2026-12-10T01:00:00.000Z'))).toBe(
      '已超过受理时限（12月9日（周三）），已提请街道督办',
    );
    expect(answerByText(undefined, before)).toBeUndefined();
  });
});

describe('the 查询码 box groups as one types', () => {
  it('upper case, separators and look-alikes dropped, 4-4-2', () => {
    expect(groupAsTyped('p5g')).toBe('P5G');
    expect(groupAsTyped('p5gsy')).toBe('P5GS-Y');
    expect(groupAsTyped('p5gs y8hp eh')).toBe('P5GS-Y8HP-EH');
    expect(groupAsTyped('P5GS-Y8HP-EHXX')).toBe('P5GS-Y8HP-EH');
    expect(groupAsTyped('')).toBe('');
  });
});

describe('the remembered community', () => {
  it('is what was chosen last', () => {
    const s = memory();
    expect(rememberedCommunity(s)).toBeUndefined();
    rememberCommunity({ id: 'jianxinnanjie', name: '建新南街社区' }, s);
    rememberCommunity({ id: 'wulibao-b03', name: '幸福社区' }, s);
    expect(rememberedCommunity(s)).toEqual({ id: 'wulibao-b03', name: '幸福社区' });
  });

  it('ignores a stored value of the wrong shape, and a community without a name', () => {
    const s = memory();
    s.data.set('cx.mailbox.community', { id: 42 });
    expect(rememberedCommunity(s)).toBeUndefined();
    rememberCommunity({ id: 'x', name: '' }, s);
    expect(rememberedCommunity(s)).toBeUndefined();
  });
});
