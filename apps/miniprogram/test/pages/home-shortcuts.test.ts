import { describe, expect, it } from 'vitest';
import { shortcutsFor } from '../../src/pages/index/shortcuts';
import { makeBinding, makeMe } from '../support/factories';
import { admin, secretary } from '../support/home-bindings';

describe('home shortcuts', () => {
  it('township staff of one township: 组织架构, 今日日报看板 of that township, 各支部 and 计划审批 straight to it, 挂图作战, 邀请绑定, 身份管理 and 免报管理', () => {
    const cards = shortcutsFor(makeMe());
    expect(cards.map((c) => c.title)).toEqual([
      '组织架构',
      '今日日报看板',
      '各支部',
      '计划审批',
      '挂图作战',
      '邀请绑定',
      '身份管理',
      '免报管理',
      '来信督办',
      '来信三率',
      '整改督办',
      '学讲评',
      '季度排名',
      '亮赛比擂台',
      '每月一观摩',
      '述职评议',
      '应知应会测试',
      '调查问卷',
      '创星标准',
      '清风邮局',
      '评星审核',
      '星级公示',
      '创星动态',
    ]);
    expect(cards[1].target).toEqual({ kind: 'page', url: '/subpackages/reports/pages/dashboard/index?townshipId=wulibao' });
    expect(cards[2].target).toEqual({ kind: 'page', url: '/subpackages/org/pages/township/index?id=wulibao' });
    expect(cards[3].target).toEqual({ kind: 'page', url: '/subpackages/org/pages/township/index?id=wulibao' });
    expect(cards[4].target).toEqual({ kind: 'page', url: '/subpackages/plans/pages/board-township/index?townshipId=wulibao' });
    expect(cards[5].target).toEqual({ kind: 'page', url: '/subpackages/identity/pages/invitations/index' });
    expect(cards[6].target).toEqual({ kind: 'page', url: '/subpackages/identity/pages/bindings/index' });
    expect(cards[7].target).toEqual({ kind: 'page', url: '/subpackages/reports/pages/exemptions/index' });
    expect(cards.map((c) => c.title)).not.toContain('日报规则');
    expect(cards.find((c) => c.title === '亮赛比擂台')?.target).toEqual({
      kind: 'page',
      url: '/subpackages/pledges/pages/board/index?townshipId=wulibao',
    });
    expect(cards.find((c) => c.title === '整改督办')?.target).toEqual({
      kind: 'page',
      url: '/subpackages/inspections/pages/township/index?townshipId=wulibao',
    });
  });

  it('四不两直 for inspectors, 问题清单 for the branch’s cadres and secretary, 整改督办 for leaders', () => {
    const inspector = shortcutsFor(
      makeMe({ bindings: [makeBinding({ role: 'inspector', scope: { level: 'district', districtId: 'erqi' }, scopeLabel: '二七区' })] }),
    );
    expect(inspector.find((c) => c.title === '四不两直')?.target).toEqual({
      kind: 'page',
      url: '/subpackages/inspections/pages/list/index',
    });
    expect(inspector.find((c) => c.title === '整改督办')?.target).toEqual({
      kind: 'page',
      url: '/subpackages/inspections/pages/township/index',
    });
    const cadre = shortcutsFor(
      makeMe({
        bindings: [
          makeBinding({
            role: 'cadre',
            scope: { level: 'branch', districtId: 'erqi', townshipId: 'demo-gwh', branchId: 'yingtaogou' },
            scopeLabel: '樱桃沟社区',
          }),
        ],
      }),
    );
    expect(cadre.find((c) => c.title === '问题清单')?.target).toEqual({
      kind: 'page',
      url: '/subpackages/inspections/pages/findings/index?branchId=yingtaogou',
    });
    expect(cadre.map((c) => c.title)).not.toContain('四不两直');
    const leader = shortcutsFor(
      makeMe({
        bindings: [makeBinding({ role: 'leader', scope: { level: 'township', districtId: 'erqi', townshipIds: ['wulibao', 'dehuajie'] } })],
      }),
    );
    expect(leader.find((c) => c.title === '整改督办')?.target).toEqual({
      kind: 'page',
      url: '/subpackages/inspections/pages/township/index',
    });
  });

  it('township staff of several townships: the dashboard starts from a township list', () => {
    const cards = shortcutsFor(
      makeMe({ bindings: [makeBinding({ scope: { level: 'township', districtId: 'erqi', townshipIds: ['wulibao', 'dehuajie'] } })] }),
    );
    expect(cards.find((c) => c.title === '今日日报看板')?.target).toEqual({
      kind: 'page',
      url: '/subpackages/reports/pages/dashboard/index',
    });
    expect(cards.find((c) => c.title === '计划审批')?.target).toEqual({ kind: 'tab', url: '/pages/org/index' });
  });

  it('district admin: 全区组织, 日报看板 (pick a township), 邀请绑定 and 身份管理, all live', () => {
    const cards = shortcutsFor(makeMe({ bindings: [admin] }));
    expect(cards.slice(0, 4).map((c) => c.title)).toEqual(['全区组织', '日报看板', '邀请绑定', '身份管理']);
    expect(cards[1].target).toEqual({ kind: 'page', url: '/subpackages/reports/pages/dashboard/index' });
    expect(cards.slice(0, 4).every((c) => c.target.kind !== 'soon')).toBe(true);
  });

  it('district admin: 日报规则 and 免报管理 after the admin pages', () => {
    const cards = shortcutsFor(makeMe({ bindings: [admin] }));
    expect(cards.slice(4, 6).map((c) => [c.title, c.target])).toEqual([
      ['日报规则', { kind: 'page', url: '/subpackages/reports/pages/daily-rules/index' }],
      ['免报管理', { kind: 'page', url: '/subpackages/reports/pages/exemptions/index' }],
    ]);
    // District admin who is also township staff: 免报管理 once.
    const both = shortcutsFor(makeMe({ bindings: [admin, makeBinding()] }));
    expect(both.filter((c) => c.title === '免报管理')).toHaveLength(1);
  });

  it('创星标准 for every official (district admins edit there), once, never for residents', () => {
    const url = '/subpackages/catalogue/pages/catalogue/index';
    for (const bindings of [
      [admin],
      [admin, makeBinding()],
      [makeBinding()],
      [secretary],
      [makeBinding({ role: 'leader', scope: { level: 'district', districtId: 'erqi' } })],
    ]) {
      const cards = shortcutsFor(makeMe({ bindings }));
      expect(cards.filter((c) => c.title === '创星标准').map((c) => c.target)).toEqual([{ kind: 'page', url }]);
    }
    expect(shortcutsFor(makeMe({ roles: ['resident'], bindings: [] })).map((c) => c.title)).not.toContain('创星标准');
  });

  it('leaders and inspectors get 日报看板 too', () => {
    for (const role of ['leader', 'inspector'] as const) {
      const cards = shortcutsFor(makeMe({ bindings: [makeBinding({ role, scope: { level: 'district', districtId: 'erqi' } })] }));
      expect(cards.map((c) => c.title)).toContain('日报看板');
    }
  });

  it('季度排名 for township staff, leaders and district admins (the ranking routes’ readers), live; 评比管理 and 评分模型 for district admins only', () => {
    const ranking = { kind: 'page', url: '/subpackages/rankings/pages/list/index' };
    const leader = makeBinding({ role: 'leader', scope: { level: 'township', districtId: 'erqi', townshipIds: ['wulibao', 'dehuajie'] } });
    for (const me of [makeMe(), makeMe({ bindings: [leader] }), makeMe({ bindings: [admin] }), makeMe({ bindings: [admin, leader] })]) {
      expect(shortcutsFor(me).filter((c) => c.key === 'ranking')).toEqual([
        expect.objectContaining({ title: '季度排名', target: ranking }),
      ]);
    }
    // The leader's card replaced its coming-soon placeholder.
    expect(shortcutsFor(makeMe({ bindings: [leader] })).every((c) => c.target.kind !== 'soon')).toBe(true);
    const adminCards = shortcutsFor(makeMe({ bindings: [admin] }));
    const titles = adminCards.map((c) => c.title);
    expect(titles.slice(titles.indexOf('季度排名'), titles.indexOf('季度排名') + 3)).toEqual(['季度排名', '评比管理', '评分模型']);
    expect(adminCards.find((c) => c.title === '评比管理')?.target).toEqual({
      kind: 'page',
      url: '/subpackages/rankings/pages/review/index',
    });
    expect(adminCards.find((c) => c.title === '评分模型')?.target).toEqual({
      kind: 'page',
      url: '/subpackages/rankings/pages/scoring/index',
    });
    for (const me of [makeMe(), makeMe({ bindings: [leader] })]) {
      expect(shortcutsFor(me).map((c) => c.key)).not.toContain('ranking-review');
      expect(shortcutsFor(me).map((c) => c.key)).not.toContain('scoring');
    }
    // Inspectors and residents are not readers of the ranking routes.
    for (const me of [
      makeMe({ bindings: [makeBinding({ role: 'inspector', scope: { level: 'district', districtId: 'erqi' } })] }),
      makeMe({ bindings: [secretary] }),
      makeMe({ roles: ['resident'], bindings: [] }),
    ]) {
      expect(shortcutsFor(me).map((c) => c.key)).not.toContain('ranking');
    }
    // 亮赛比: the secretary's own commitments and the township's board.
    const pledgeCards = shortcutsFor(makeMe({ bindings: [secretary] })).filter((c) => c.key.startsWith('pledge'));
    expect(pledgeCards.map((c) => [c.title, c.target])).toEqual([
      ['亮承诺 · 赛实绩', { kind: 'page', url: '/subpackages/pledges/pages/branch/index?branchId=jianxinnan' }],
      ['亮赛比擂台', { kind: 'page', url: '/subpackages/pledges/pages/board/index?townshipId=wulibao' }],
    ]);
    // A branch's secretary (and cadres) open their own scorecard in the latest published quarter: 我的排名.
    const mine = shortcutsFor(makeMe({ bindings: [secretary] })).filter((c) => c.title === '我的排名');
    expect(mine.map((c) => c.target)).toEqual([
      { kind: 'page', url: `/subpackages/rankings/pages/scorecard/index?branchId=${(secretary.scope as { branchId: string }).branchId}` },
    ]);
    for (const me of [makeMe({ bindings: [leader] }), makeMe({ roles: ['resident'], bindings: [] })])
      expect(shortcutsFor(me).map((c) => c.title)).not.toContain('我的排名');
  });

  it('secretary: 填写今日日报 and 我的日报日历 for the bound branch, first', () => {
    const cards = shortcutsFor(makeMe({ bindings: [secretary] }));
    expect(cards.slice(0, 3).map((c) => c.title)).toEqual(['填写今日日报', '我的日报日历', '我的支部']);
    expect(cards[0].target).toEqual({ kind: 'page', url: '/subpackages/reports/pages/edit/index?branchId=jianxinnan' });
    expect(cards[1].target).toEqual({ kind: 'page', url: '/subpackages/reports/pages/calendar/index?branchId=jianxinnan' });
  });

  it('a report waiting on the device comes first and opens its form', () => {
    const cards = shortcutsFor(makeMe({ bindings: [secretary] }), [{ branchId: 'jianxinnan', day: '2025-06-10' }]);
    expect(cards[0]).toMatchObject({
      title: '日报待发送',
      description: '有 1 份日报还在手机上，联网后点此发送',
      target: { kind: 'page', url: '/subpackages/reports/pages/edit/index?branchId=jianxinnan&day=2025-06-10' },
    });
  });

  it('only district admins and township staff get the admin cards', () => {
    for (const me of [makeMe({ bindings: [secretary] }), makeMe({ roles: ['resident'], bindings: [] })]) {
      const titles = shortcutsFor(me).map((c) => c.title);
      expect(titles).not.toContain('邀请绑定');
      expect(titles).not.toContain('身份管理');
    }
  });

  it('secretary: 我的支部 opens the bound branch', () => {
    const cards = shortcutsFor(makeMe({ bindings: [secretary] }));
    const mine = cards.find((c) => c.title === '我的支部');
    expect(mine?.target).toEqual({ kind: 'page', url: '/subpackages/org/pages/branch/index?id=jianxinnan' });
    expect(mine?.description).toBe('五里堡街道 · 建新南街社区');
  });

  it('应知应会 and 调查问卷: takers get 我的测试, organisers 应知应会测试; everyone 创星动态, last', () => {
    const taker = shortcutsFor(makeMe({ bindings: [secretary] }));
    expect(taker.find((c) => c.title === '我的测试')?.target).toEqual({ kind: 'page', url: '/subpackages/learning/pages/mine/index' });
    expect(taker.find((c) => c.title === '调查问卷')?.target).toEqual({
      kind: 'page',
      url: '/subpackages/learning/pages/questionnaires/index',
    });
    expect(taker.map((c) => c.title)).not.toContain('应知应会测试');
    const organiser = shortcutsFor(makeMe({ bindings: [admin] }));
    expect(organiser.find((c) => c.title === '应知应会测试')?.target).toEqual({
      kind: 'page',
      url: '/subpackages/learning/pages/sessions/index',
    });
    expect(organiser.map((c) => c.title)).not.toContain('我的测试');
    for (const cards of [taker, organiser, shortcutsFor(makeMe({ roles: ['resident'], bindings: [] }))]) {
      expect(cards[cards.length - 1]).toMatchObject({
        title: '创星动态',
        target: { kind: 'page', url: '/subpackages/news/pages/feed/index' },
      });
    }
  });

  it('cadres and secretaries: 创星计划 of their branch (this year), right after 我的支部', () => {
    const cadre = makeBinding({
      bindingId: 'b-cadre',
      role: 'cadre',
      scope: { level: 'branch', districtId: 'erqi', townshipId: 'wulibao', branchId: 'v1' },
      scopeLabel: '侯寨乡 · 樱桃沟村',
    });
    const cards = shortcutsFor(makeMe({ bindings: [secretary] }));
    const titles = cards.map((c) => c.title);
    expect(titles.indexOf('创星计划')).toBe(titles.indexOf('我的支部') + 1);
    expect(cards.find((c) => c.title === '创星计划')?.target).toEqual({
      kind: 'page',
      url: '/subpackages/plans/pages/edit/index?branchId=jianxinnan',
    });
    const both = shortcutsFor(makeMe({ bindings: [secretary, cadre] })).filter((c) => c.title === '创星计划');
    expect(both.map((c) => [c.description, c.target])).toEqual([
      ['五里堡街道 · 建新南街社区', { kind: 'page', url: '/subpackages/plans/pages/edit/index?branchId=jianxinnan' }],
      ['侯寨乡 · 樱桃沟村', { kind: 'page', url: '/subpackages/plans/pages/edit/index?branchId=v1' }],
    ]);
    expect(shortcutsFor(makeMe({ roles: ['resident'], bindings: [] })).map((c) => c.title)).not.toContain('创星计划');
  });

  it('学讲评: cadres and secretaries open their branch’s lists; township staff and leaders the township summary', () => {
    const cards = shortcutsFor(makeMe({ bindings: [secretary] }));
    expect(cards.find((c) => c.title === '学讲评')?.target).toEqual({
      kind: 'page',
      url: '/subpackages/study-review/pages/board/index?branchId=jianxinnan',
    });
    expect(shortcutsFor(makeMe()).find((c) => c.title === '学讲评')?.target).toEqual({
      kind: 'page',
      url: '/subpackages/study-review/pages/summary/index?townshipId=wulibao',
    });
    const leader = makeBinding({ role: 'leader', scope: { level: 'township', districtId: 'erqi', townshipIds: ['wulibao', 'dehuajie'] } });
    expect(
      shortcutsFor(makeMe({ bindings: [leader] }))
        .filter((c) => c.title === '学讲评')
        .map((c) => c.target),
    ).toEqual([{ kind: 'page', url: '/subpackages/study-review/pages/summary/index' }]);
    expect(shortcutsFor(makeMe({ roles: ['resident'], bindings: [] })).map((c) => c.title)).not.toContain('学讲评');
  });

  it('resident: 清风邮局 (写信), 我的信件, 微权说廉 and 公开栏 (pick a community first), then 绑定身份; no org cards', () => {
    const cards = shortcutsFor(makeMe({ roles: ['resident'], bindings: [] }));
    expect(cards.map((c) => c.title)).toEqual(['清风邮局', '我的信件', '微权说廉', '公开栏', '绑定身份', '星级公示', '创星动态']);
    expect(cards.map((c) => c.target)).toEqual([
      { kind: 'page', url: '/subpackages/mailbox/pages/write/index' },
      { kind: 'page', url: '/subpackages/mailbox/pages/mine/index' },
      // No community remembered yet: both open on the community picker, never a hard-wired community.
      { kind: 'page', url: '/subpackages/mailbox/pages/integrity/index' },
      { kind: 'page', url: '/subpackages/mailbox/pages/board/index' },
      { kind: 'page', url: '/subpackages/identity/pages/bind/index' },
      // No community remembered: the 公示 page asks for one.
      { kind: 'page', url: '/subpackages/stars/pages/publicity/index' },
      { kind: 'page', url: '/subpackages/news/pages/feed/index' },
    ]);
  });

  it('resident with a remembered community: its 微权说廉 and 公开栏, one tap each', () => {
    const cards = shortcutsFor(makeMe({ roles: ['resident'], bindings: [] }), [], { id: 'wulibao-b03', name: '幸福社区' });
    expect(cards.find((c) => c.title === '微权说廉')).toMatchObject({
      description: '幸福社区干部的小微权力和廉洁承诺',
      target: { kind: 'page', url: '/subpackages/mailbox/pages/integrity/index?branchId=wulibao-b03' },
    });
    expect(cards.find((c) => c.title === '公开栏')).toMatchObject({
      target: { kind: 'page', url: '/subpackages/mailbox/pages/board/index?branchId=wulibao-b03' },
    });
    expect(cards.find((c) => c.title === '星级公示')?.target).toEqual({
      kind: 'page',
      url: '/subpackages/stars/pages/publicity/index?branchId=wulibao-b03',
    });
  });

  it('评星: 创星申报 for the secretary’s branch, 评星审核 for township staff, leaders and the district, 星级公示 for all', () => {
    const sec = shortcutsFor(makeMe({ bindings: [secretary] }));
    const apply = sec.find((c) => c.title === '创星申报');
    expect(apply?.target).toEqual({
      kind: 'page',
      url: `/subpackages/stars/pages/apply/index?branchId=${(secretary.scope as { branchId: string }).branchId}`,
    });
    expect(sec.map((c) => c.title)).not.toContain('评星审核');
    expect(sec.find((c) => c.title === '星级公示')?.target).toEqual({ kind: 'page', url: '/subpackages/stars/pages/publicity/index' });
    const district = shortcutsFor(makeMe({ bindings: [admin] }));
    expect(district.find((c) => c.title === '评星审核')).toMatchObject({
      description: '复审、授星和公示异议处理',
      target: { kind: 'page', url: '/subpackages/stars/pages/review/index' },
    });
    expect(district.map((c) => c.title)).not.toContain('创星申报');
    const cadre = shortcutsFor(
      makeMe({
        bindings: [makeBinding({ role: 'cadre', scope: { level: 'branch', districtId: 'erqi', townshipId: 'wulibao', branchId: 'x' } })],
      }),
    );
    expect(cadre.map((c) => c.title)).not.toContain('创星申报');
    expect(cadre.map((c) => c.title)).not.toContain('评星审核');
  });

  it('ignores revoked bindings', () => {
    const revoked = makeBinding({ revokedAt: '2025-02-01T00:00:00+08:00' });
    const cards = shortcutsFor(makeMe({ roles: ['resident'], bindings: [revoked] }));
    expect(cards.map((c) => c.title)).toEqual(['清风邮局', '我的信件', '微权说廉', '公开栏', '绑定身份', '星级公示', '创星动态']);
  });
});
