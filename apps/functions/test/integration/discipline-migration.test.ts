import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { bindingItem, profileItem } from '../../src/features/identity/identity.entities';
import { DynamoDisciplineMigrationStore } from '../../src/features/identity/migrations/discipline-migration-store.dynamodb';
import { grantDisciplineToInspectors, MIGRATION_ACTOR } from '../../src/features/identity/migrations/grant-discipline-to-inspectors';
import type { Binding } from '../../src/platform/kernel/principal';
import { createTestStack, DEMO, type TestStack } from '../support/test-stack';

const ROOT = resolve(__dirname, '../../../..');
const run = promisify(execFile);
/** Each CLI run starts tsx: seconds on a busy machine. */
const CLI_TIMEOUT = 180_000;
const T0 = '2026-11-01T00:00:00.000Z';
const wulibao = { level: 'township', districtId: 'erqi', townshipIds: ['wulibao'] } as const;
const scope = { ...wulibao, townshipIds: [...wulibao.townshipIds] };

/** The CLI as an operator runs it, against this test's table on DynamoDB Local. */
async function migrate(stack: TestStack, ...extra: string[]): Promise<string> {
  const args = ['tsx', 'scripts/migrate-discipline.ts', '--table', stack.tableName, '--endpoint', stack.endpoint, ...extra];
  const { stdout } = await run('npx', args, { cwd: ROOT, timeout: 120_000 });
  return stdout;
}

describe('the 纪检监察 migration on DynamoDB Local: every active 督导员 binding gets a 纪检监察 one, once', () => {
  let stack: TestStack;
  let letterId: string;
  const bindings = (items: Record<string, unknown>[], role: string) =>
    items.filter((i) => i.entity === 'binding' && i.role === role).sort((a, b) => String(a.bindingId).localeCompare(String(b.bindingId)));

  async function person(id: string, name: string, binding?: Partial<Binding>) {
    const put = (Item: Record<string, unknown>) => stack.doc.send(new PutCommand({ TableName: stack.tableName, Item }));
    await put(profileItem({ id, displayName: name, isDemo: false, createdAt: T0, nameSetAt: T0 }));
    if (binding)
      await put(
        bindingItem({
          bindingId: `${id}-b1`,
          userId: id,
          role: 'inspector',
          scope,
          scopeLabel: '五里堡街道',
          holderName: name,
          createdAt: T0,
          createdBy: 'demo-district-admin',
          ...binding,
        }),
      );
  }

  beforeAll(async () => {
    stack = await createTestStack();
    // Before the release: inspectors handled 廉情 letters. One active, one revoked, one already invited to 纪检监察.
    await person('insp-active', '吴督导', {});
    await person('insp-revoked', '郑督导', { revokedAt: '2026-11-10T00:00:00.000Z' });
    await person('insp-both', '冯督导', {});
    await stack.doc.send(
      new PutCommand({
        TableName: stack.tableName,
        Item: bindingItem({
          bindingId: 'insp-both-invited',
          userId: 'insp-both',
          role: 'discipline',
          scope,
          scopeLabel: '五里堡街道',
          createdAt: '2026-12-01T00:00:00.000Z',
          createdBy: 'demo-district-admin',
        }),
      }),
    );
    const w = await stack.call('POST', '/v1/letters', {
      token: await stack.tokenFor(DEMO.resident),
      body: {
        branchId: 'jianxinnanjie',
        category: 'integrity',
        text: '社区干部收受好处',
        anonymous: true,
        idempotencyKey: 'migr-key-1-0123456789',
      },
    });
    expect(w.status).toBe(201);
    letterId = w.body.letter.id;
  });

  it('an inspector alone no longer reaches 廉情 letters: this is what the migration is for', async () => {
    const res = await stack.call('GET', `/v1/letters/cases/${letterId}`, { token: await stack.tokenFor('insp-active') });
    expect(res.status).toBe(403);
  });

  it(
    'a dry run says what it would do and writes nothing',
    async () => {
      const before = await stack.snapshot();
      const out = await migrate(stack, '--dry-run');
      expect(out).toContain('would grant: user insp-active, inspector binding insp-active-b1 (五里堡街道)');
      expect(out).toContain('inspector binding revoked, skipped: user insp-revoked');
      expect(out).toContain('already holds 纪检监察 at this scope, nothing written: user insp-both');
      expect(out).toContain('dry run: 4 inspector bindings, 2 would be granted 纪检监察; nothing written');
      expect(await stack.snapshot()).toEqual(before);
    },
    CLI_TIMEOUT,
  );

  it(
    'run twice: the new bindings exist once, the revoked one got none, the inspector bindings are untouched',
    async () => {
      const before = await stack.snapshot();
      const first = await migrate(stack);
      expect(first).toContain(
        'granted: user insp-active, inspector binding insp-active-b1 (五里堡街道) → 纪检监察 binding insp-active-b1-discipline',
      );
      expect(first).toContain('4 inspector bindings, 2 纪检监察 bindings written');
      const afterFirst = await stack.snapshot();
      // The inspector bindings are exactly as they were (四不两直 stays theirs).
      expect(bindings(afterFirst, 'inspector')).toEqual(bindings(before, 'inspector'));
      const migrated = bindings(afterFirst, 'discipline').filter((b) => b.createdBy === MIGRATION_ACTOR);
      expect(migrated.map((b) => [b.bindingId, b.userId, b.scopeLabel])).toEqual([
        ['demo-inspector-b1-discipline', DEMO.inspector, '二七区（由督导员迁移）'],
        ['insp-active-b1-discipline', 'insp-active', '五里堡街道（由督导员迁移）'],
      ]);
      expect(migrated[1]).toMatchObject({ role: 'discipline', scope, holderName: '吴督导' });
      expect(bindings(afterFirst, 'discipline').filter((b) => b.userId === 'insp-revoked')).toEqual([]);
      expect(
        bindings(afterFirst, 'discipline')
          .filter((b) => b.userId === 'insp-both')
          .map((b) => b.bindingId),
      ).toEqual(['insp-both-invited']);
      // Nothing but the two new bindings changed.
      expect(afterFirst.length).toBe(before.length + 2);

      const second = await migrate(stack);
      expect(second).toContain('already migrated, nothing written: user insp-active');
      expect(second).toContain('4 inspector bindings, 0 纪检监察 bindings written');
      expect(await stack.snapshot()).toEqual(afterFirst);
    },
    CLI_TIMEOUT,
  );

  it('a migrated binding the district revoked stays revoked: a rerun does not bring it back', async () => {
    const store = new DynamoDisciplineMigrationStore(stack.doc, stack.tableName);
    await stack.deps.users.revokeBinding(DEMO.inspector, 'demo-inspector-b1-discipline', '2026-12-07T00:00:00.000Z', DEMO.district_admin);
    const before = await stack.snapshot();
    const report = await grantDisciplineToInspectors(store, { at: '2026-12-07T01:00:00.000Z' });
    expect(report.written).toBe(0);
    expect(report.steps.find((s) => s.userId === DEMO.inspector)?.outcome).toBe('already-migrated');
    expect(await stack.snapshot()).toEqual(before);
  });

  it('after the migration the migrated person opens and handles the 廉情 case; an inspector-only person cannot', async () => {
    const migrated = await stack.tokenFor('insp-active');
    const seen = await stack.call('GET', `/v1/letters/cases/${letterId}`, { token: migrated });
    expect([seen.status, seen.body.letter?.category]).toEqual([200, 'integrity']);
    const queue = await stack.call('GET', '/v1/letters/cases', { token: migrated });
    expect(queue.body.letters.map((l: { id: string }) => l.id)).toContain(letterId);
    const accepted = await stack.call('POST', `/v1/letters/cases/${letterId}/actions`, {
      token: migrated,
      body: { action: 'accept', version: 1 },
    });
    expect(accepted.status).toBe(200);
    // Still a 督导员 too.
    expect((await stack.call('GET', '/v1/inspections', { token: migrated })).status).toBe(200);

    // An inspector bound after the migration (and the demo inspector, whose migrated binding was revoked): 四不两直 only.
    await person('insp-later', '褚督导', { createdAt: '2026-12-08T00:00:00.000Z' });
    for (const userId of ['insp-later', DEMO.inspector]) {
      const token = await stack.tokenFor(userId);
      expect((await stack.call('GET', `/v1/letters/cases/${letterId}`, { token })).status, userId).toBe(403);
      expect((await stack.call('GET', '/v1/letters/cases', { token })).status, userId).toBe(403);
      expect((await stack.call('GET', '/v1/letters/integrity-stats', { token })).status, userId).toBe(403);
      expect((await stack.call('GET', '/v1/inspections', { token })).status, userId).toBe(200);
    }
  });
});
