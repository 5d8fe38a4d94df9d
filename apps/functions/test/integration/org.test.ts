import { beforeAll, describe, expect, it } from 'vitest';
import { buildDemoData } from '../../src/local/demo-data';
import type { DomainError } from '../../src/platform/kernel/domain-error';
import { makeBranch } from '../support/builders';
import { createTestStack, type TestStack } from '../support/test-stack';

const codeOf = async (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: DomainError) => e.code ?? String(e),
  );

describe('org tree on DynamoDB Local', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await createTestStack();
  });

  it('holds the demo district: 18 townships, about 150 branches, the real names included', async () => {
    const townships = await stack.deps.org.listTownships('erqi');
    expect(townships).toHaveLength(18);
    expect(townships.slice(0, 2).map((t) => [t.name, t.isDemo])).toEqual([
      ['五里堡街道', false],
      ['德化街街道', false],
    ]);
    expect(townships.slice(2).every((t) => t.isDemo && t.name.startsWith('示例'))).toBe(true);
    const total = townships.reduce((n, t) => n + t.counts.rural + t.counts.community, 0);
    expect(total).toBe(buildDemoData().branches.length);
    expect(total).toBeGreaterThanOrEqual(140);
    expect(total).toBeLessThanOrEqual(160);
    const wulibao = await stack.deps.org.listBranches('wulibao');
    expect(wulibao.map((b) => b.name)).toContain('建新南街社区');
    expect(await stack.deps.org.getBranch('yingtaogou')).toMatchObject({ name: '樱桃沟社区', type: 'rural', isDemo: false });
  });

  it('township counts match the branches listed under each township', async () => {
    for (const t of await stack.deps.org.listTownships('erqi')) {
      const branches = await stack.deps.org.listBranches(t.id);
      expect({
        rural: branches.filter((b) => b.type === 'rural').length,
        community: branches.filter((b) => b.type === 'community').length,
      }).toEqual(t.counts);
    }
  });

  it('creating a branch bumps its township counter in the same transaction', async () => {
    const before = (await stack.deps.org.getTownship('erqi', 'dehuajie'))!.counts;
    await stack.deps.org.createBranch(makeBranch({ id: 'new-1', townshipId: 'dehuajie', name: '新建社区', type: 'community' }));
    const after = (await stack.deps.org.getTownship('erqi', 'dehuajie'))!.counts;
    expect(after).toEqual({ rural: before.rural, community: before.community + 1 });
  });

  it('a duplicate name in the township is a conflict and leaves the counter alone', async () => {
    const before = (await stack.deps.org.getTownship('erqi', 'dehuajie'))!.counts;
    expect(await codeOf(stack.deps.org.createBranch(makeBranch({ id: 'new-2', townshipId: 'dehuajie', name: '新建社区' })))).toBe(
      'CONFLICT',
    );
    expect((await stack.deps.org.getTownship('erqi', 'dehuajie'))!.counts).toEqual(before);
    expect(await stack.deps.org.getBranch('new-2')).toBeUndefined();
  });

  it('a branch in a missing township is refused and nothing is written', async () => {
    expect(await codeOf(stack.deps.org.createBranch(makeBranch({ id: 'new-3', townshipId: 'nowhere', name: '孤儿社区' })))).toBe(
      'NOT_FOUND',
    );
    expect(await stack.deps.org.getBranch('new-3')).toBeUndefined();
  });

  it('rename is guarded by version, frees the old name and takes the new one', async () => {
    const b = (await stack.deps.org.getBranch('new-1'))!;
    const renamed = await stack.deps.org.renameBranch(b, '更名社区', 1, '2026-11-27T00:00:00.000Z');
    expect(renamed.version).toBe(2);
    expect(await codeOf(stack.deps.org.renameBranch(b, '再改社区', 1, '2026-11-27T00:00:01.000Z'))).toBe('CONFLICT');
    expect((await stack.deps.org.getBranch('new-1'))!.name).toBe('更名社区');
    // The old name is free again; the new one is taken.
    await stack.deps.org.createBranch(makeBranch({ id: 'new-4', townshipId: 'dehuajie', name: '新建社区' }));
    expect(await codeOf(stack.deps.org.createBranch(makeBranch({ id: 'new-5', townshipId: 'dehuajie', name: '更名社区' })))).toBe(
      'CONFLICT',
    );
  });

  it('two concurrent renames from the same version: exactly one wins', async () => {
    const b = (await stack.deps.org.getBranch('new-4'))!;
    const results = await Promise.all(
      ['甲社区', '乙社区'].map((n) => codeOf(stack.deps.org.renameBranch(b, n, b.version, '2026-11-27T01:00:00.000Z'))),
    );
    expect(results.sort()).toEqual(['CONFLICT', 'ok']);
  });

  it('the public directory lists every township and its branches, names only', async () => {
    const res = await stack.call('GET', '/v1/directory', { token: await stack.tokenFor('demo-resident') });
    expect(res.status).toBe(200);
    expect(res.body.townships).toHaveLength(18);
    const wulibao = res.body.townships.find((t: { id: string }) => t.id === 'wulibao');
    expect(wulibao.branches.map((b: { name: string }) => b.name)).toContain('建新南街社区');
    expect(Object.keys(wulibao.branches[0]).sort()).toEqual(['id', 'name', 'type']);
  });
});
