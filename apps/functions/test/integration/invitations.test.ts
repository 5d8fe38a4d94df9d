import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Invitation } from '../../src/features/identity/invitation';
import { createTestStack, type TestStack } from '../support/test-stack';

const hash = (s: string) => createHash('sha256').update(s).digest('hex');

function invitation(code: string, p: Partial<Invitation> = {}): Invitation {
  return {
    id: `inv-${code}`,
    codeHash: hash(code),
    inviteeName: '新干部',
    role: 'cadre',
    scope: { level: 'branch', districtId: 'erqi', townshipId: 'wulibao', branchId: 'jianxinnanjie' },
    scopeLabel: '五里堡街道 · 建新南街社区',
    status: 'open',
    expiresAt: '2026-12-31T00:00:00.000Z',
    createdAt: '2026-11-27T00:00:00.000Z',
    createdBy: 'demo-district-admin',
    ...p,
  };
}

describe('invitations on DynamoDB Local', () => {
  let stack: TestStack;
  const now = new Date('2026-11-27T08:00:00.000Z');
  beforeAll(async () => {
    stack = await createTestStack();
  });

  it('20 parallel redemptions of one code bind exactly one account', async () => {
    await stack.deps.invitations.create(invitation('RACE2345'));
    const users = Array.from({ length: 20 }, (_, i) => `racer-${i}`);
    const results = await Promise.all(
      users.map((u, i) =>
        stack.deps.invitations.redeem(hash('RACE2345'), { bindingId: `bind-race-${i}`, userId: u, createdAt: now.toISOString() }, now),
      ),
    );
    const winners = results.flatMap((r, i) => (r.outcome === 'redeemed' ? [users[i]] : []));
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => r.outcome === 'used')).toHaveLength(19);
    // Exactly one binding exists, on the winner, and the invitation records who redeemed it.
    const stored = await Promise.all(users.map((u, i) => stack.deps.users.getBinding(u, `bind-race-${i}`)));
    expect(stored.filter(Boolean).map((b) => b!.userId)).toEqual(winners);
    const [listed] = (await stack.deps.invitations.list('erqi', 'wulibao')).filter((i) => i.id === 'inv-RACE2345');
    expect(listed).toMatchObject({ status: 'redeemed', redeemedBy: winners[0] });
  });

  it('an expired code is refused and stays open for the record', async () => {
    await stack.deps.invitations.create(invitation('LATE2345', { expiresAt: '2026-11-27T07:59:59.000Z' }));
    const r = await stack.deps.invitations.redeem(
      hash('LATE2345'),
      { bindingId: 'bind-late', userId: 'u-late', createdAt: now.toISOString() },
      now,
    );
    expect(r.outcome).toBe('expired');
    expect(await stack.deps.users.getBinding('u-late', 'bind-late')).toBeUndefined();
  });

  it('an unknown code is invalid, and a used one reports used', async () => {
    expect(
      (await stack.deps.invitations.redeem(hash('NONE2345'), { bindingId: 'x', userId: 'u', createdAt: now.toISOString() }, now)).outcome,
    ).toBe('invalid');
    expect(
      (await stack.deps.invitations.redeem(hash('RACE2345'), { bindingId: 'y', userId: 'u', createdAt: now.toISOString() }, now)).outcome,
    ).toBe('used');
  });

  it('lists newest first within a township', async () => {
    await stack.deps.invitations.create(invitation('NEWR2345', { id: 'inv-newer', createdAt: '2026-11-27T09:00:00.000Z' }));
    const ids = (await stack.deps.invitations.list('erqi', 'wulibao')).map((i) => i.id);
    expect(ids[0]).toBe('inv-newer');
    expect(await stack.deps.invitations.list('erqi', 'dehuajie')).toEqual([]);
  });
});

describe('users on DynamoDB Local', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await createTestStack({ seed: false });
  });

  it('concurrent first logins with one openid create one user', async () => {
    const profiles = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        stack.deps.users.findOrCreateByOpenid('openid-same', {
          id: `cand-${i}`,
          displayName: '微信用户',
          isDemo: false,
          createdAt: '2026-11-27T00:00:00.000Z',
        }),
      ),
    );
    expect(new Set(profiles.map((p) => p.id)).size).toBe(1);
    const created = await Promise.all(profiles.map((_, i) => stack.deps.users.getUser(`cand-${i}`)));
    expect(created.filter(Boolean)).toHaveLength(1);
  });

  it('a binding can be revoked once', async () => {
    const { bindingItem } = await import('../../src/features/identity/identity.entities');
    const { PutCommand } = await import('@aws-sdk/lib-dynamodb');
    const b = {
      bindingId: 'b1',
      userId: 'u9',
      role: 'cadre' as const,
      scope: { level: 'branch' as const, districtId: 'erqi', townshipId: 't', branchId: 'b' },
      scopeLabel: 'x',
      createdAt: '2026-11-27T00:00:00.000Z',
      createdBy: 'seed',
    };
    await stack.doc.send(new PutCommand({ TableName: stack.tableName, Item: bindingItem(b) }));
    const revoked = await stack.deps.users.revokeBinding('u9', 'b1', '2026-11-27T01:00:00.000Z', 'admin');
    expect(revoked.revokedAt).toBe('2026-11-27T01:00:00.000Z');
    await expect(stack.deps.users.revokeBinding('u9', 'b1', '2026-11-27T02:00:00.000Z', 'admin')).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(stack.deps.users.revokeBinding('u9', 'nope', '2026-11-27T02:00:00.000Z', 'admin')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
