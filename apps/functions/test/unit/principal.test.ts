import { describe, expect, it } from 'vitest';
import { coversBranch, coversTownship, isAllowed, managesTownship, reachableTownships, rolesOf } from '../../src/platform/kernel/principal';
import { makeBinding, makeBranch, makePrincipal } from '../support/builders';

describe('scopes', () => {
  const district = makeBinding({ role: 'district_admin', scope: { level: 'district', districtId: 'erqi' } });
  const township = makeBinding({ role: 'township_staff', scope: { level: 'township', districtId: 'erqi', townshipIds: ['t1'] } });
  const leader = makeBinding({ role: 'leader', scope: { level: 'township', districtId: 'erqi', townshipIds: ['t1', 't2'] } });
  const branch = makeBinding({ role: 'cadre', scope: { level: 'branch', districtId: 'erqi', townshipId: 't1', branchId: 'b1' } });

  it('a district scope covers every township and branch of its own district only', () => {
    expect(coversTownship(district, 'erqi', 't9')).toBe(true);
    expect(coversTownship(district, 'other', 't9')).toBe(false);
    expect(coversBranch(district, makeBranch({ districtId: 'other' }))).toBe(false);
  });

  it('a township scope covers its townships, and a leader may hold several', () => {
    expect(coversTownship(township, 'erqi', 't1')).toBe(true);
    expect(coversTownship(township, 'erqi', 't2')).toBe(false);
    expect(coversTownship(leader, 'erqi', 't2')).toBe(true);
    expect(coversBranch(leader, makeBranch({ townshipId: 't2' }))).toBe(true);
    expect(coversBranch(leader, makeBranch({ townshipId: 't3' }))).toBe(false);
  });

  it('a branch scope covers its township for navigation but only its own branch', () => {
    expect(coversTownship(branch, 'erqi', 't1')).toBe(true);
    expect(coversBranch(branch, makeBranch({ id: 'b1' }))).toBe(true);
    expect(coversBranch(branch, makeBranch({ id: 'b2' }))).toBe(false);
  });

  it('only district admins and the township’s own staff manage a township', () => {
    expect(managesTownship(district, 'erqi', 't5')).toBe(true);
    expect(managesTownship(township, 'erqi', 't1')).toBe(true);
    expect(managesTownship(township, 'erqi', 't2')).toBe(false);
    expect(managesTownship(leader, 'erqi', 't1')).toBe(false);
    expect(managesTownship(branch, 'erqi', 't1')).toBe(false);
  });

  it('reachable townships are the union of bindings, or all for any district-wide binding', () => {
    expect(reachableTownships([township, branch, leader], 'erqi')).toEqual(new Set(['t1', 't2']));
    expect(reachableTownships([township, district], 'erqi')).toBe('all');
    expect(reachableTownships([district], 'other')).toEqual(new Set());
  });
});

describe('roles', () => {
  it('everyone is a resident; officials add their bound roles', () => {
    expect(rolesOf(makePrincipal())).toEqual(['resident']);
    expect(rolesOf(makePrincipal([{ role: 'cadre' }, { role: 'cadre' }, { role: 'leader' }]))).toEqual(['resident', 'cadre', 'leader']);
  });

  it('a route allows a caller when any of the caller’s roles is listed', () => {
    const cadre = makePrincipal([{ role: 'cadre' }]);
    expect(isAllowed(cadre, { kind: 'roles', roles: ['cadre', 'secretary'] })).toBe(true);
    expect(isAllowed(cadre, { kind: 'roles', roles: ['district_admin'] })).toBe(false);
    expect(isAllowed(makePrincipal(), { kind: 'roles', roles: ['resident'] })).toBe(true);
    expect(isAllowed(makePrincipal(), { kind: 'public' })).toBe(true);
  });
});
