import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeBranch } from '../support/builders';
import { createTestStack, type TestStack } from '../support/test-stack';

/**
 * The items the org and identity adapters write, attribute for attribute: existing data must keep working,
 * so these are the stored forms (keys, index keys, `entity`, fields) as they have always been. Only raw items
 * and the repositories are used here, never the entity declarations.
 */
describe('org and identity items on DynamoDB Local', () => {
  let stack: TestStack;
  const items = async (pk: string) => (await stack.snapshot()).filter((i) => i.pk === pk);
  const item = async (pk: string, sk: string) => (await stack.snapshot()).find((i) => i.pk === pk && i.sk === sk);

  beforeAll(async () => {
    stack = await createTestStack({ seed: false });
    const put = (Item: Record<string, unknown>) => stack.doc.send(new PutCommand({ TableName: stack.tableName, Item }));
    await put({ pk: 'DIST#erqi', sk: 'DISTRICT', entity: 'district', id: 'erqi', name: '二七区' });
    await put({
      pk: 'DIST#erqi',
      sk: 'TWN#t1',
      entity: 'township',
      id: 't1',
      districtId: 'erqi',
      name: '一号街道',
      kind: 'subdistrict',
      isDemo: false,
      order: 0,
      ruralCount: 1,
      communityCount: 0,
    });
  });

  it('reads the district and a township with its counters', async () => {
    expect(await stack.deps.org.getDistrict('erqi')).toStrictEqual({ id: 'erqi', name: '二七区' });
    const township = {
      id: 't1',
      districtId: 'erqi',
      name: '一号街道',
      kind: 'subdistrict',
      isDemo: false,
      order: 0,
      counts: { rural: 1, community: 0 },
    };
    expect(await stack.deps.org.getTownship('erqi', 't1')).toStrictEqual(township);
    expect(await stack.deps.org.listTownships('erqi')).toStrictEqual([township]);
  });

  it('a new branch: its item, its name lock, and the township counter', async () => {
    await stack.deps.org.createBranch(makeBranch({ id: 'b1', townshipId: 't1', name: '和平社区', type: 'community', isDemo: false }));
    expect(await items('BR#b1')).toStrictEqual([
      {
        pk: 'BR#b1',
        sk: 'BRANCH',
        gsi1pk: 'TWN#t1#BRS',
        gsi1sk: '和平社区#b1',
        entity: 'branch',
        id: 'b1',
        districtId: 'erqi',
        townshipId: 't1',
        name: '和平社区',
        type: 'community',
        isDemo: false,
        version: 1,
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
      },
    ]);
    expect(await items('TWN#t1#BRNAME')).toStrictEqual([{ pk: 'TWN#t1#BRNAME', sk: '和平社区', branchId: 'b1' }]);
    expect(await item('DIST#erqi', 'TWN#t1')).toMatchObject({ entity: 'township', ruralCount: 1, communityCount: 1 });
    expect(await stack.deps.org.listBranches('t1')).toStrictEqual([
      {
        id: 'b1',
        districtId: 'erqi',
        townshipId: 't1',
        name: '和平社区',
        type: 'community',
        isDemo: false,
        version: 1,
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
      },
    ]);
  });

  it('a rename moves the branch in its township index and swaps the name lock', async () => {
    const b = (await stack.deps.org.getBranch('b1'))!;
    await stack.deps.org.renameBranch(b, '幸福社区', 1, '2026-11-27T00:00:00.000Z');
    expect(await item('BR#b1', 'BRANCH')).toStrictEqual({
      pk: 'BR#b1',
      sk: 'BRANCH',
      gsi1pk: 'TWN#t1#BRS',
      gsi1sk: '幸福社区#b1',
      entity: 'branch',
      id: 'b1',
      districtId: 'erqi',
      townshipId: 't1',
      name: '幸福社区',
      type: 'community',
      isDemo: false,
      version: 2,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-11-27T00:00:00.000Z',
    });
    expect(await items('TWN#t1#BRNAME')).toStrictEqual([{ pk: 'TWN#t1#BRNAME', sk: '幸福社区', branchId: 'b1' }]);
  });

  it('a first WeChat login: the openid link and the profile carrying the openid', async () => {
    const candidate = { id: 'u1', displayName: '微信用户', isDemo: false, createdAt: '2026-11-27T01:00:00.000Z' };
    expect(await stack.deps.users.findOrCreateByOpenid('o-1', candidate)).toStrictEqual(candidate);
    expect(await items('OPENID#o-1')).toStrictEqual([
      { pk: 'OPENID#o-1', sk: 'OPENID', userId: 'u1', createdAt: '2026-11-27T01:00:00.000Z' },
    ]);
    expect(await items('USER#u1')).toStrictEqual([{ pk: 'USER#u1', sk: 'PROFILE', entity: 'user', ...candidate, openid: 'o-1' }]);
    // The openid stays server-side.
    expect(await stack.deps.users.getUser('u1')).toStrictEqual({ profile: candidate, bindings: [] });
  });

  it('a demo profile is indexed for the dev-login picker', async () => {
    const demo = {
      id: 'demo-x',
      displayName: '演示',
      isDemo: true,
      createdAt: '2026-01-05T00:00:00.000Z',
      demo: { role: 'cadre' as const, scopeLabel: '一号街道', order: 7 },
    };
    await stack.doc.send(
      new PutCommand({
        TableName: stack.tableName,
        Item: { pk: 'USER#demo-x', sk: 'PROFILE', entity: 'user', gsi1pk: 'DEMO#USERS', gsi1sk: '0007', ...demo },
      }),
    );
    expect(await stack.deps.users.listDemoUsers()).toStrictEqual([demo]);
  });

  it('an invitation, redeemed: its item, the redemption, and the binding written with it', async () => {
    const invitation = {
      id: 'inv1',
      codeHash: 'h1',
      inviteeName: '新干部',
      role: 'cadre' as const,
      scope: { level: 'branch' as const, districtId: 'erqi', townshipId: 't1', branchId: 'b1' },
      scopeLabel: '一号街道 · 幸福社区',
      status: 'open' as const,
      expiresAt: '2026-12-31T00:00:00.000Z',
      createdAt: '2026-11-27T02:00:00.000Z',
      createdBy: 'admin',
    };
    await stack.deps.invitations.create(invitation);
    const stored = {
      pk: 'INVCODE#h1',
      sk: 'INVITATION',
      gsi1pk: 'DIST#erqi#INVS',
      gsi1sk: 't1#2026-11-27T02:00:00.000Z#inv1',
      entity: 'invitation',
      ...invitation,
    };
    expect(await items('INVCODE#h1')).toStrictEqual([stored]);
    expect(await stack.deps.invitations.list('erqi', 't1')).toStrictEqual([invitation]);
    await expect(stack.deps.invitations.create(invitation)).rejects.toMatchObject({ code: 'CONFLICT', message: '邀请码重复，请重试' });

    const now = new Date('2026-11-27T03:00:00.000Z');
    const r = await stack.deps.invitations.redeem('h1', { bindingId: 'bind1', userId: 'u1', createdAt: now.toISOString() }, now);
    const binding = {
      bindingId: 'bind1',
      userId: 'u1',
      createdAt: '2026-11-27T03:00:00.000Z',
      role: 'cadre',
      scope: invitation.scope,
      scopeLabel: '一号街道 · 幸福社区',
      holderName: '新干部',
      createdBy: 'admin',
    };
    expect(r).toStrictEqual({ outcome: 'redeemed', binding });
    expect(await items('INVCODE#h1')).toStrictEqual([
      { ...stored, status: 'redeemed', redeemedBy: 'u1', redeemedAt: '2026-11-27T03:00:00.000Z' },
    ]);
    expect(await item('USER#u1', 'BIND#bind1')).toStrictEqual({
      pk: 'USER#u1',
      sk: 'BIND#bind1',
      gsi1pk: 'DIST#erqi#BINDS',
      gsi1sk: 't1#2026-11-27T03:00:00.000Z#bind1',
      entity: 'binding',
      ...binding,
    });
    expect(await stack.deps.users.listBindings('erqi', 't1')).toStrictEqual([binding]);
    expect((await stack.deps.users.getUser('u1'))?.bindings).toStrictEqual([binding]);
  });

  it('a revoked binding keeps who revoked it on the item, and reads back without it', async () => {
    const revoked = await stack.deps.users.revokeBinding('u1', 'bind1', '2026-11-27T04:00:00.000Z', 'admin');
    expect(revoked).toMatchObject({ bindingId: 'bind1', revokedAt: '2026-11-27T04:00:00.000Z' });
    expect(revoked).not.toHaveProperty('revokedBy');
    expect(await item('USER#u1', 'BIND#bind1')).toMatchObject({ revokedAt: '2026-11-27T04:00:00.000Z', revokedBy: 'admin' });
    expect(await stack.deps.users.getBinding('u1', 'bind1')).toStrictEqual(revoked);
  });
});
