import { describe, expect, it } from 'vitest';
import {
  type DisciplineMigrationStore,
  describeReport,
  grantDisciplineToInspectors,
} from '../../src/features/identity/migrations/grant-discipline-to-inspectors';
import type { Binding } from '../../src/platform/kernel/principal';
import { makeBinding } from '../support/builders';

/** An in-memory store; `racing` makes every conditional put lose, as when another run wrote first. */
function memoryStore(bindings: Binding[], racing = false): DisciplineMigrationStore & { all: Binding[] } {
  const all = [...bindings];
  return {
    all,
    listInspectorBindings: async () => all.filter((b) => b.role === 'inspector'),
    bindingsOf: async (userId) => all.filter((b) => b.userId === userId),
    putIfAbsent: async (b) => {
      if (racing || all.some((x) => x.userId === b.userId && x.bindingId === b.bindingId)) return false;
      all.push(b);
      return true;
    },
  };
}

const AT = '2026-12-08T00:00:00.000Z';
const district = { level: 'district' as const, districtId: 'erqi' };
const t1 = { level: 'township' as const, districtId: 'erqi', townshipIds: ['t2', 't1'] };

describe('grantDisciplineToInspectors (domain)', () => {
  it('copies person and scope, marks the binding as migrated, and a dry run writes nothing', async () => {
    const store = memoryStore([makeBinding({ bindingId: 'i1', userId: 'u1', role: 'inspector', scope: t1, scopeLabel: '甲街道、乙街道' })]);
    const dry = await grantDisciplineToInspectors(store, { at: AT, dryRun: true });
    expect([dry.written, store.all.length, dry.steps[0].outcome]).toEqual([0, 1, 'granted']);
    expect(describeReport(dry).at(-1)).toBe('dry run: 1 inspector bindings, 1 would be granted 纪检监察; nothing written');

    const report = await grantDisciplineToInspectors(store, { at: AT });
    expect(report.written).toBe(1);
    expect(store.all[1]).toEqual({
      bindingId: 'i1-discipline',
      userId: 'u1',
      role: 'discipline',
      scope: t1,
      scopeLabel: '甲街道、乙街道（由督导员迁移）',
      createdAt: AT,
      createdBy: 'migration:discipline-from-inspector',
    });
  });

  it('an invited 纪检监察 binding of the same scope (in any township order) makes the copy unnecessary; another scope does not', async () => {
    const invited = makeBinding({ bindingId: 'd1', userId: 'u1', role: 'discipline', scope: { ...t1, townshipIds: ['t1', 't2'] } });
    const store = memoryStore([makeBinding({ bindingId: 'i1', userId: 'u1', role: 'inspector', scope: t1 }), invited]);
    expect((await grantDisciplineToInspectors(store, { at: AT })).steps[0].outcome).toBe('already-discipline');
    const elsewhere = memoryStore([
      makeBinding({ bindingId: 'i1', userId: 'u1', role: 'inspector', scope: district }),
      { ...invited, revokedAt: AT },
    ]);
    expect((await grantDisciplineToInspectors(elsewhere, { at: AT })).written).toBe(1);
  });

  it('a conditional put lost to a concurrent run counts as already migrated, not as written', async () => {
    const store = memoryStore([makeBinding({ bindingId: 'i1', userId: 'u1', role: 'inspector', scope: district })], true);
    const report = await grantDisciplineToInspectors(store, { at: AT });
    expect([report.written, report.steps[0].outcome]).toEqual([0, 'already-migrated']);
  });
});
