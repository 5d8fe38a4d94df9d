import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import HomePage from '../../src/pages/index/index';
import { shortcutsFor } from '../../src/pages/index/shortcuts';
import { sessionStore } from '../../src/services/session-store';
import { storage, taroMock } from '../mocks/taro';
import { makeBinding, makeMe, makeSession } from '../support/factories';
import { errorReply, fakeApi } from '../support/fake-api';

const secretary = makeBinding({
  bindingId: 'b-sec',
  role: 'secretary',
  scope: { level: 'branch', districtId: 'erqi', townshipId: 'wulibao', branchId: 'jianxinnan' },
  scopeLabel: '五里堡街道 · 建新南街社区',
});
const admin = makeBinding({
  bindingId: 'b-adm',
  role: 'district_admin',
  scope: { level: 'district', districtId: 'erqi' },
  scopeLabel: '二七区',
});

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
      '每月一观摩',
      '应知应会测试',
      '调查问卷',
      '创星标准',
      '清风邮局',
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
    // Inspectors, branch cadres and residents are not readers of the ranking routes.
    for (const me of [
      makeMe({ bindings: [makeBinding({ role: 'inspector', scope: { level: 'district', districtId: 'erqi' } })] }),
      makeMe({ bindings: [secretary] }),
      makeMe({ roles: ['resident'], bindings: [] }),
    ]) {
      expect(shortcutsFor(me).map((c) => c.key)).not.toContain('ranking');
    }
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

  it('resident: 清风邮局 (写信), 我的信件, 微权说廉 of 建新南街社区, then 绑定身份; no org cards', () => {
    const cards = shortcutsFor(makeMe({ roles: ['resident'], bindings: [] }));
    expect(cards.map((c) => c.title)).toEqual(['清风邮局', '我的信件', '微权说廉', '绑定身份', '创星动态']);
    expect(cards.map((c) => c.target)).toEqual([
      { kind: 'page', url: '/subpackages/mailbox/pages/write/index' },
      { kind: 'page', url: '/subpackages/mailbox/pages/mine/index' },
      { kind: 'page', url: '/subpackages/mailbox/pages/integrity/index?branchId=jianxinnanjie' },
      { kind: 'page', url: '/subpackages/identity/pages/bind/index' },
      { kind: 'page', url: '/subpackages/news/pages/feed/index' },
    ]);
  });

  it('ignores revoked bindings', () => {
    const revoked = makeBinding({ revokedAt: '2025-02-01T00:00:00+08:00' });
    const cards = shortcutsFor(makeMe({ roles: ['resident'], bindings: [revoked] }));
    expect(cards.map((c) => c.title)).toEqual(['清风邮局', '我的信件', '微权说廉', '绑定身份', '创星动态']);
  });

  describe('清风邮局 for officials', () => {
    const station = makeBinding({
      bindingId: 'b-st',
      role: 'station_handler',
      scope: { level: 'branch', districtId: 'erqi', townshipId: 'wulibao', branchId: 'jianxinnanjie' },
      scopeLabel: '五里堡街道 · 建新南街社区',
    });
    const cases = { kind: 'page', url: '/subpackages/mailbox/pages/cases/index' };

    it('station handler: 民情气象站 (the queue), 社区半月谈, 公开栏 and 微权说廉 of the station’s community', () => {
      const cards = shortcutsFor(makeMe({ bindings: [station] }));
      expect(cards.map((c) => c.title)).toEqual([
        '民情气象站',
        '社区半月谈',
        '本社区三率',
        '公开栏',
        '微权说廉',
        '我的支部',
        '创星标准',
        '清风邮局',
        '创星动态',
      ]);
      expect(cards[0].target).toEqual(cases);
      expect(cards[1].target).toEqual({ kind: 'page', url: '/subpackages/mailbox/pages/meetings/index?branchId=jianxinnanjie' });
      expect(cards[2].target).toEqual({ kind: 'page', url: '/subpackages/mailbox/pages/stats/index' });
      expect(cards[3].target).toEqual({ kind: 'page', url: '/subpackages/mailbox/pages/board/index?branchId=jianxinnanjie' });
      expect(cards[4].target).toEqual({ kind: 'page', url: '/subpackages/mailbox/pages/integrity/index?branchId=jianxinnanjie' });
      expect(cards.every((c) => c.target.kind !== 'soon')).toBe(true);
    });

    it('inspector: 廉情来信; township staff and district admins: 来信督办 (read only); nobody gets a coming-soon mailbox', () => {
      const inspector = shortcutsFor(
        makeMe({
          bindings: [makeBinding({ role: 'inspector', scope: { level: 'township', districtId: 'erqi', townshipIds: ['wulibao'] } })],
        }),
      );
      expect(inspector.find((c) => c.key === 'letters')).toMatchObject({ title: '廉情来信', target: cases });
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
});

describe('home tab', () => {
  it('weapp: logs in with WeChat by itself and greets the user with roles and scopes', async () => {
    const server = fakeApi({
      'POST /v1/auth/wechat': { status: 200, body: makeSession({ token: 'tok-wx' }) },
      'GET /v1/me': { status: 200, body: makeMe() },
    });

    const { container } = render(<HomePage />);

    const greeting = await screen.findByText('您好，王芳');
    expect(greeting.className).toContain('cx-home-greeting');
    expect(server.calls('POST /v1/auth/wechat')[0].body).toEqual({ code: 'wx-code-1' });
    expect(sessionStore.token()).toBe('tok-wx');
    const profile = container.querySelector('.home-profile') as HTMLElement;
    expect(within(profile).getByText('乡镇（街道）工作人员')).toBeTruthy();
    expect(within(profile).getByText('乡镇（街道）工作人员 · 五里堡街道')).toBeTruthy();
  });

  it('weapp: shows the login failure with 重试', async () => {
    fakeApi({
      'POST /v1/auth/wechat': [errorReply(502, 'WECHAT_LOGIN_FAILED', '微信登录服务暂时不可用'), { status: 200, body: makeSession() }],
    });

    render(<HomePage />);

    expect(await screen.findByText('微信登录服务暂时不可用')).toBeTruthy();
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findByText('您好，王芳')).toBeTruthy();
  });

  it('weapp: after 退出登录 it waits for the user instead of logging in again', () => {
    sessionStore.clear({ signedOut: true });
    const server = fakeApi({});

    render(<HomePage />);

    expect(screen.getByText('微信一键登录')).toBeTruthy();
    expect(server.sent).toHaveLength(0);
  });

  it('H5: offers the demo-user picker instead of a WeChat login', () => {
    process.env.TARO_ENV = 'h5';
    const server = fakeApi({});

    render(<HomePage />);

    fireEvent.click(screen.getByText('选择演示用户登录'));
    expect(taroMock.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/identity/pages/dev-login/index' });
    expect(taroMock.login).not.toHaveBeenCalled();
    expect(server.sent).toHaveLength(0);
  });

  it('logged in: refreshes the profile on show and opens shortcuts', async () => {
    sessionStore.setSession(makeSession({ me: makeMe({ bindings: [secretary] }) }));
    fakeApi({
      'GET /v1/me': {
        status: 200,
        body: makeMe({
          user: { id: 'u1', displayName: '赵书记', isDemo: true, createdAt: '2025-01-01T00:00:00+08:00' },
          bindings: [secretary],
        }),
      },
    });

    render(<HomePage />);

    expect(await screen.findByText('您好，赵书记')).toBeTruthy();
    fireEvent.click(screen.getByText('我的支部'));
    expect(taroMock.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/org/pages/branch/index?id=jianxinnan' });
    fireEvent.click(screen.getByText('填写今日日报'));
    expect(taroMock.navigateTo).toHaveBeenLastCalledWith({ url: '/subpackages/reports/pages/edit/index?branchId=jianxinnan' });
    fireEvent.click(screen.getByText('清风邮局'));
    expect(taroMock.navigateTo).toHaveBeenLastCalledWith({ url: '/subpackages/mailbox/pages/write/index' });
    expect(taroMock.navigateTo).toHaveBeenCalledTimes(3);
  });

  it('a leader’s 季度排名 card opens the ranking (no card is a coming-soon placeholder any more)', async () => {
    const leader = makeBinding({ role: 'leader', scope: { level: 'district', districtId: 'erqi' }, scopeLabel: '二七区' });
    sessionStore.setSession(makeSession({ me: makeMe({ bindings: [leader] }) }));
    fakeApi({ 'GET /v1/me': { status: 200, body: makeMe({ bindings: [leader] }) } });

    render(<HomePage />);

    fireEvent.click(await screen.findByText('季度排名'));
    expect(taroMock.showToast).not.toHaveBeenCalled();
    expect(taroMock.navigateTo).toHaveBeenCalledWith({ url: expect.stringMatching(/^\/subpackages\/rankings\/pages\/list\/index/) });
  });

  it('shows a report still waiting in the device’s send queue', async () => {
    sessionStore.setSession(makeSession({ me: makeMe({ bindings: [secretary] }) }));
    storage.set('cx.report.queue', [{ id: 'k', branchId: 'jianxinnan', day: '2025-06-10', state: 'pending' }]);
    fakeApi({ 'GET /v1/me': { status: 200, body: makeMe({ bindings: [secretary] }) } });

    render(<HomePage />);

    fireEvent.click(await screen.findByText('日报待发送'));
    expect(taroMock.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/reports/pages/edit/index?branchId=jianxinnan&day=2025-06-10' });
  });

  it('drops the session when getMe still says 401 after re-login', async () => {
    process.env.TARO_ENV = 'h5';
    sessionStore.setSession(makeSession());
    fakeApi({ 'GET /v1/me': errorReply(401, 'UNAUTHENTICATED', '请先登录') });

    render(<HomePage />);

    expect(await screen.findByText('选择演示用户登录')).toBeTruthy();
    await waitFor(() => expect(sessionStore.token()).toBeUndefined());
  });
});
