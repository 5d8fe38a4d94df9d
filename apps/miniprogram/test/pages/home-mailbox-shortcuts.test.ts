import { describe, expect, it } from 'vitest';
import { shortcutsFor } from '../../src/pages/index/shortcuts';
import { makeBinding, makeMe } from '../support/factories';
import { admin, secretary } from '../support/home-bindings';

describe('home shortcuts: 清风邮局 for officials', () => {
  const station = makeBinding({
    bindingId: 'b-st',
    role: 'station_handler',
    scope: { level: 'branch', districtId: 'erqi', townshipId: 'wulibao', branchId: 'jianxinnanjie' },
    scopeLabel: '五里堡街道 · 建新南街社区',
  });
  const cases = { kind: 'page', url: '/subpackages/mailbox/pages/cases/index' };

  it('station handler: 民情气象站 (the queue), 代录来信, 社区半月谈, 公开栏 and 微权说廉 of the station’s community', () => {
    const cards = shortcutsFor(makeMe({ bindings: [station] }));
    expect(cards.map((c) => c.title)).toEqual([
      '民情气象站',
      '代录来信',
      '社区半月谈',
      '本社区三率',
      '公开栏',
      '微权说廉',
      '我的支部',
      '创星标准',
      '清风邮局',
      '星级公示',
      '创星动态',
    ]);
    expect(cards[0].target).toEqual(cases);
    expect(cards[1].target).toEqual({ kind: 'page', url: '/subpackages/mailbox/pages/record/index' });
    expect(cards[2].target).toEqual({ kind: 'page', url: '/subpackages/mailbox/pages/meetings/index?branchId=jianxinnanjie' });
    expect(cards[3].target).toEqual({ kind: 'page', url: '/subpackages/mailbox/pages/stats/index' });
    expect(cards[4].target).toEqual({ kind: 'page', url: '/subpackages/mailbox/pages/board/index?branchId=jianxinnanjie' });
    expect(cards[5].target).toEqual({ kind: 'page', url: '/subpackages/mailbox/pages/integrity/index?branchId=jianxinnanjie' });
    expect(cards.every((c) => c.target.kind !== 'soon')).toBe(true);
  });

  it('纪检监察: 廉情来信; township staff and district admins: 来信督办 (read only); nobody gets a coming-soon mailbox', () => {
    const township = { level: 'township' as const, districtId: 'erqi', townshipIds: ['wulibao'] };
    const discipline = shortcutsFor(makeMe({ bindings: [makeBinding({ role: 'discipline', scope: township })] }));
    expect(discipline.find((c) => c.key === 'letters')).toMatchObject({ title: '廉情来信', target: cases });
    expect(discipline.find((c) => c.key === 'integrity-letter-stats')).toMatchObject({
      title: '廉情来信统计',
      target: { kind: 'page', url: '/subpackages/mailbox/pages/stats/index?kind=integrity' },
    });
    // The 督导员 keeps 四不两直 but no longer handles or counts 廉情 letters.
    const inspector = shortcutsFor(makeMe({ bindings: [makeBinding({ role: 'inspector', scope: township })] }));
    expect(inspector.map((c) => c.key)).not.toContain('letters');
    expect(inspector.map((c) => c.key)).not.toContain('integrity-letter-stats');
    expect(inspector.find((c) => c.key === 'inspection')).toBeTruthy();
    for (const me of [makeMe(), makeMe({ bindings: [admin] }), makeMe({ bindings: [station] })]) {
      expect(shortcutsFor(me).map((c) => c.key)).not.toContain('integrity-letter-stats');
    }
    expect(shortcutsFor(makeMe()).find((c) => c.key === 'letters')).toMatchObject({ title: '来信督办', target: cases });
    expect(shortcutsFor(makeMe({ bindings: [admin] })).find((c) => c.key === 'letters')).toMatchObject({
      title: '来信督办',
      target: cases,
    });
    for (const me of [makeMe(), makeMe({ bindings: [admin] }), makeMe({ bindings: [secretary] }), makeMe({ bindings: [station] })]) {
      const mailbox = shortcutsFor(me).find((c) => c.key === 'mailbox');
      expect(mailbox?.target).toEqual({ kind: 'page', url: '/subpackages/mailbox/pages/write/index' });
    }
  });

  it('纪检监察 home: 廉情来信 and its tally first, then the organisation; no 三率, 督办 of community letters or 四不两直', () => {
    const discipline = makeBinding({ role: 'discipline', scope: { level: 'township', districtId: 'erqi', townshipIds: ['wulibao'] } });
    const cards = shortcutsFor(makeMe({ roles: ['resident', 'discipline'], bindings: [discipline] }));
    expect(cards.map((c) => c.title)).toEqual(['廉情来信', '廉情来信统计', '组织架构', '创星标准', '清风邮局', '星级公示', '创星动态']);
  });

  it('来信三率 for township staff, leaders and district admins; 信箱规则 for district admins only', () => {
    const stats = { kind: 'page', url: '/subpackages/mailbox/pages/stats/index' };
    const leader = makeBinding({ role: 'leader', scope: { level: 'district', districtId: 'erqi' } });
    for (const me of [makeMe(), makeMe({ bindings: [leader] }), makeMe({ bindings: [admin] })]) {
      expect(shortcutsFor(me).find((c) => c.key === 'letter-stats')).toMatchObject({ title: '来信三率', target: stats });
    }
    const adminCards = shortcutsFor(makeMe({ bindings: [admin] }));
    expect(adminCards.find((c) => c.key === 'letter-rules')).toMatchObject({
      title: '信箱规则',
      target: { kind: 'page', url: '/subpackages/mailbox/pages/letter-rules/index' },
    });
    for (const me of [makeMe(), makeMe({ bindings: [leader] }), makeMe({ bindings: [station] }), makeMe({ bindings: [secretary] })]) {
      expect(shortcutsFor(me).map((c) => c.key)).not.toContain('letter-rules');
    }
    for (const me of [
      makeMe({ bindings: [secretary] }),
      makeMe({ bindings: [makeBinding({ role: 'inspector' })] }),
      makeMe({ roles: ['resident'], bindings: [] }),
    ]) {
      expect(shortcutsFor(me).map((c) => c.key)).not.toContain('letter-stats');
    }
    // A station handler who is also township staff: one card, the township's.
    const both = shortcutsFor(makeMe({ bindings: [makeBinding(), station] })).filter((c) => c.key === 'letter-stats');
    expect(both.map((c) => c.title)).toEqual(['来信三率']);
  });

  it('secretary: 微权说廉 of the branch (they keep it up to date)', () => {
    const cards = shortcutsFor(makeMe({ bindings: [secretary] }));
    expect(cards.find((c) => c.title === '微权说廉')?.target).toEqual({
      kind: 'page',
      url: '/subpackages/mailbox/pages/integrity/index?branchId=jianxinnan',
    });
  });
});
