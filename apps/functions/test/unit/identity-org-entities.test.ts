import { describe, expect, it } from 'vitest';
import { bindingItem, identityEntities, profileItem } from '../../src/features/identity/identity.entities';
import { branchItem, orgEntities, townshipItem, townshipOf } from '../../src/features/org/org.entities';
import { makeBinding, makeBranch, makeTownship, makeUser } from '../support/builders';

/** The stored forms the seed, the benches and tests write through the entities: unchanged, attribute for attribute. */
describe('org entities', () => {
  it('a branch: by id, and under its township by name', () => {
    const b = makeBranch({ id: 'b1', townshipId: 't1', name: '和平社区' });
    expect(branchItem(b)).toStrictEqual({
      pk: 'BR#b1',
      sk: 'BRANCH',
      gsi1pk: 'TWN#t1#BRS',
      gsi1sk: '和平社区#b1',
      entity: 'branch',
      ...b,
    });
    expect(orgEntities.branch.parse({ ...branchItem(b), other: 1 })).toStrictEqual(b);
  });

  it('a township: under its district, counters flattened', () => {
    const t = makeTownship({ id: 't1', districtId: 'erqi', counts: { rural: 2, community: 3 } });
    const item = townshipItem(t);
    expect(item).toStrictEqual({
      pk: 'DIST#erqi',
      sk: 'TWN#t1',
      entity: 'township',
      id: 't1',
      districtId: 'erqi',
      name: '示例街道',
      kind: 'subdistrict',
      isDemo: true,
      order: 0,
      ruralCount: 2,
      communityCount: 3,
    });
    expect(townshipOf(orgEntities.township.parse(item))).toStrictEqual(t);
    // A township written before its first branch has no counters yet.
    const { ruralCount: _r, communityCount: _c, ...bare } = item;
    expect(townshipOf(orgEntities.township.parse(bare)).counts).toEqual({ rural: 0, community: 0 });
  });

  it('the district, the name lock (no entity attribute) and the partitions', () => {
    expect(orgEntities.district.item({ districtId: 'erqi' }, { id: 'erqi', name: '二七区' })).toStrictEqual({
      pk: 'DIST#erqi',
      sk: 'DISTRICT',
      entity: 'district',
      id: 'erqi',
      name: '二七区',
    });
    expect(orgEntities.branchName.item({ townshipId: 't1', name: '和平社区' }, { branchId: 'b1' })).toStrictEqual({
      pk: 'TWN#t1#BRNAME',
      sk: '和平社区',
      branchId: 'b1',
    });
    expect(orgEntities.townshipsOf('erqi')).toEqual({ pk: 'DIST#erqi', skPrefix: 'TWN#' });
    expect(orgEntities.branchesOf('t1')).toBe('TWN#t1#BRS');
  });
});

describe('identity entities', () => {
  it('a profile; a demo profile is indexed by its picker order', () => {
    const u = makeUser({ id: 'u1' });
    expect(profileItem(u)).toStrictEqual({ pk: 'USER#u1', sk: 'PROFILE', entity: 'user', ...u });
    const demo = makeUser({ id: 'd1', isDemo: true, demo: { role: 'cadre', scopeLabel: 'x', order: 12 } });
    expect(profileItem(demo)).toStrictEqual({
      pk: 'USER#d1',
      sk: 'PROFILE',
      entity: 'user',
      gsi1pk: 'DEMO#USERS',
      gsi1sk: '0012',
      ...demo,
    });
    // The openid written beside the profile never reads back.
    expect(identityEntities.profile.parse({ ...profileItem(u), openid: 'o1' })).toStrictEqual(u);
  });

  it('a binding: under its user, and in its district by township key', () => {
    const township = makeBinding({ bindingId: 'bind1', userId: 'u1' });
    expect(bindingItem(township)).toStrictEqual({
      pk: 'USER#u1',
      sk: 'BIND#bind1',
      gsi1pk: 'DIST#erqi#BINDS',
      gsi1sk: 't1#2026-01-01T00:00:00.000Z#bind1',
      entity: 'binding',
      ...township,
    });
    const district = makeBinding({ bindingId: 'bind2', role: 'inspector', scope: { level: 'district', districtId: 'erqi' } });
    expect(bindingItem(district)).toMatchObject({ gsi1sk: '~district#2026-01-01T00:00:00.000Z#bind2' });
    // Who revoked a binding stays on the item only.
    expect(identityEntities.binding.parse({ ...bindingItem(township), revokedAt: 'a', revokedBy: 'b' })).toStrictEqual({
      ...township,
      revokedAt: 'a',
    });
  });

  it('the openid link (no entity attribute), the invitation and the partitions', () => {
    expect(identityEntities.openid.item({ openid: 'o1' }, { userId: 'u1', createdAt: 'c' })).toStrictEqual({
      pk: 'OPENID#o1',
      sk: 'OPENID',
      userId: 'u1',
      createdAt: 'c',
    });
    const inv = {
      id: 'inv1',
      codeHash: 'h',
      inviteeName: 'n',
      role: 'cadre' as const,
      scope: { level: 'branch' as const, districtId: 'erqi', townshipId: 't1', branchId: 'b1' },
      scopeLabel: 'l',
      status: 'open' as const,
      expiresAt: 'e',
      createdAt: 'c',
      createdBy: 'a',
    };
    expect(identityEntities.invitation.item({ codeHash: 'h' }, inv)).toStrictEqual({
      pk: 'INVCODE#h',
      sk: 'INVITATION',
      gsi1pk: 'DIST#erqi#INVS',
      gsi1sk: 't1#c#inv1',
      entity: 'invitation',
      ...inv,
    });
    expect(identityEntities.userPartition('u1')).toEqual({ pk: 'USER#u1', profileSk: 'PROFILE', bindingPrefix: 'BIND#' });
    expect(identityEntities.demoUsers).toBe('DEMO#USERS');
    expect(identityEntities.bindingsOf('erqi')).toBe('DIST#erqi#BINDS');
    expect(identityEntities.invitationsOf('erqi')).toBe('DIST#erqi#INVS');
  });
});
