import { describe, expect, it } from 'vitest';
import { createInvitation } from '../../src/features/identity/create-invitation';
import { loginWithWechat } from '../../src/features/identity/login-with-wechat';
import { previewInvitation, redeemInvitation } from '../../src/features/identity/redeem-invitation';
import { revokeBinding } from '../../src/features/identity/revoke-binding';
import { createBranch } from '../../src/features/org/create-branch';
import { getOrgTree } from '../../src/features/org/get-org-tree';
import { makeBranch, makePrincipal } from '../support/builders';
import { memoryDeps } from '../support/memory-deps';

const ADMINS = ['district_admin', 'township_staff'] as const;
const staffOf = (t: string) =>
  makePrincipal([{ role: 'township_staff', scope: { level: 'township', districtId: 'erqi', townshipIds: [t] } }], { id: 'staff' });

describe('use cases on in-memory fakes', () => {
  it('the tree shows only reachable townships and totals only those', async () => {
    const { deps, org } = memoryDeps();
    await org.createBranch(makeBranch({ id: 'a', townshipId: 't1', type: 'rural' }));
    await org.createBranch(makeBranch({ id: 'b', townshipId: 't2', type: 'community' }));
    const tree = await getOrgTree(deps, staffOf('t2'), ['township_staff']);
    expect(tree.townships.map((t) => t.id)).toEqual(['t2']);
    expect(tree.totals).toEqual({ rural: 0, community: 1, total: 1 });
    // A binding of a role the route does not allow grants nothing.
    expect((await getOrgTree(deps, staffOf('t2'), ['leader'])).townships).toEqual([]);
  });

  it('invitation round trip: the code is returned once, its hash stored, and redeeming binds the role', async () => {
    const { deps, invitations, users } = memoryDeps();
    for (const id of ['newbie', 'other'])
      users.profiles.set(id, { id, displayName: '居民', isDemo: false, createdAt: '2026-11-27T00:00:00.000Z' });
    await deps.org.createBranch(makeBranch({ id: 'br', townshipId: 't1', name: '和平社区' }));
    const { invitation, code } = await createInvitation(deps, staffOf('t1'), ADMINS, {
      inviteeName: '新干部',
      role: 'cadre',
      scope: { level: 'branch', districtId: 'erqi', townshipId: 't1', branchId: 'br' },
    });
    expect(invitation.scopeLabel).toBe('一号街道 · 和平社区');
    expect(invitation.expiresAt).toBe('2026-11-30T02:00:00.000Z'); // 72 h default
    expect(JSON.stringify([...invitations.byHash.values()])).not.toContain(code);
    const binding = await redeemInvitation(deps, makePrincipal([], { id: 'newbie' }), code);
    expect(binding).toMatchObject({ userId: 'newbie', role: 'cadre', scopeLabel: '一号街道 · 和平社区' });
    await expect(redeemInvitation(deps, makePrincipal([], { id: 'other' }), code)).rejects.toMatchObject({ code: 'INVITATION_USED' });
    // Redeemed without a correction: the person takes the invitation's name, confirmed now.
    expect(users.profiles.get('newbie')).toMatchObject({ displayName: '新干部', nameSetAt: '2026-11-27T02:00:00.000Z' });
    expect(users.profiles.get('other')?.displayName).toBe('居民');
  });

  it('the invitee previews the invitation, corrects the name and adds a work phone; the binding and profile carry them', async () => {
    const { deps, users } = memoryDeps();
    users.profiles.set('newbie', { id: 'newbie', displayName: '居民', isDemo: false, createdAt: '2026-11-27T00:00:00.000Z' });
    await deps.org.createBranch(makeBranch({ id: 'br', townshipId: 't1', name: '和平社区' }));
    const { code } = await createInvitation(deps, staffOf('t1'), ADMINS, {
      inviteeName: '赵晓梅',
      role: 'cadre',
      scope: { level: 'branch', districtId: 'erqi', townshipId: 't1', branchId: 'br' },
    });
    expect(await previewInvitation(deps, code)).toEqual({
      inviteeName: '赵晓梅',
      role: 'cadre',
      scopeLabel: '一号街道 · 和平社区',
      expiresAt: '2026-11-30T02:00:00.000Z',
    });
    const binding = await redeemInvitation(deps, makePrincipal([], { id: 'newbie' }), code, { name: '赵小梅', workPhone: '13900001111' });
    expect(binding.holderName).toBe('赵小梅');
    expect(users.profiles.get('newbie')).toMatchObject({ displayName: '赵小梅', workPhone: '13900001111' });
    await expect(previewInvitation(deps, code)).rejects.toMatchObject({ code: 'INVITATION_USED' });
    await expect(previewInvitation(deps, 'ZZZZ2345')).rejects.toMatchObject({ code: 'INVITATION_INVALID' });
  });

  it('an expired invitation cannot be redeemed', async () => {
    const { deps } = memoryDeps();
    const { code } = await createInvitation(deps, staffOf('t1'), ADMINS, {
      inviteeName: '某人',
      role: 'township_staff',
      scope: { level: 'township', districtId: 'erqi', townshipIds: ['t1'] },
      expiresInHours: 1,
    });
    const later = { ...deps, clock: { now: () => new Date('2026-11-27T03:00:00.000Z') } };
    await expect(redeemInvitation(later, makePrincipal([], { id: 'late' }), code)).rejects.toMatchObject({ code: 'INVITATION_EXPIRED' });
  });

  it('township staff revoke in their township; a leader binding or another township stays out of reach', async () => {
    const { deps, users } = memoryDeps();
    const bind = (id: string, role: 'cadre' | 'leader', t: string) =>
      users.bindings.set(id, {
        bindingId: id,
        userId: `u-${id}`,
        role,
        scope:
          role === 'leader'
            ? { level: 'township', districtId: 'erqi', townshipIds: [t] }
            : { level: 'branch', districtId: 'erqi', townshipId: t, branchId: 'x' },
        scopeLabel: '',
        createdAt: '',
        createdBy: '',
      });
    bind('mine', 'cadre', 't1');
    bind('theirs', 'cadre', 't2');
    bind('lead', 'leader', 't1');
    expect((await revokeBinding(deps, staffOf('t1'), ADMINS, 'u-mine', 'mine')).revokedAt).toBe('2026-11-27T02:00:00.000Z');
    await expect(revokeBinding(deps, staffOf('t1'), ADMINS, 'u-theirs', 'theirs')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(revokeBinding(deps, staffOf('t1'), ADMINS, 'u-lead', 'lead')).rejects.toMatchObject({ code: 'FORBIDDEN_SCOPE' });
    await expect(revokeBinding(deps, staffOf('t1'), ADMINS, 'u-mine', 'mine')).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('creating a branch outside one’s township is refused before anything is written', async () => {
    const { deps, org } = memoryDeps();
    await expect(createBranch(deps, staffOf('t1'), ADMINS, 't2', { name: '越界社区', type: 'community' })).rejects.toMatchObject({
      code: 'FORBIDDEN_SCOPE',
    });
    expect(org.branches.size).toBe(0);
  });

  it('WeChat login creates a resident once per openid', async () => {
    const { deps, users } = memoryDeps();
    const a = await loginWithWechat(deps, 'c1', '203.0.113.9');
    const b = await loginWithWechat(deps, 'c1', '203.0.113.9');
    expect(a.me.user.id).toBe(b.me.user.id);
    expect(a.me.roles).toEqual(['resident']);
    expect(users.profiles.size).toBe(1);
  });

  it('WeChat login counts the attempt against its client first: past the limit WeChat is never asked', async () => {
    const { deps, loginAttempts } = memoryDeps();
    const asked: string[] = [];
    deps.wechat = {
      codeToSession: async (code) => {
        asked.push(code);
        return { openid: `o-${code}` };
      },
    };
    for (const code of ['a', 'b', 'c']) await loginWithWechat(deps, code, '203.0.113.9');
    await expect(loginWithWechat(deps, 'd', '203.0.113.9')).rejects.toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 60 });
    expect(asked).toEqual(['a', 'b', 'c']);
    await loginWithWechat(deps, 'e', '198.51.100.7'); // another client has its own count
    expect([...loginAttempts.hits]).toEqual([
      ['203.0.113.9', 3],
      ['198.51.100.7', 1],
    ]);
  });
});
