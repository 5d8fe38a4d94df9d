import type { Branch, Township } from '../../src/features/org/org';
import type { Binding, Principal, UserProfile } from '../../src/platform/kernel/principal';

export const makeBranch = (p: Partial<Branch> = {}): Branch => ({
  id: 'b1',
  districtId: 'erqi',
  townshipId: 't1',
  name: '和平社区',
  type: 'community',
  isDemo: true,
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...p,
});

export const makeTownship = (p: Partial<Township> = {}): Township => ({
  id: 't1',
  districtId: 'erqi',
  name: '示例街道',
  kind: 'subdistrict',
  isDemo: true,
  order: 0,
  counts: { rural: 0, community: 0 },
  ...p,
});

export const makeBinding = (p: Partial<Binding> = {}): Binding => ({
  bindingId: 'bind1',
  userId: 'u1',
  role: 'township_staff',
  scope: { level: 'township', districtId: 'erqi', townshipIds: ['t1'] },
  scopeLabel: '示例街道',
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'seed',
  ...p,
});

export const makeUser = (p: Partial<UserProfile> = {}): UserProfile => ({
  id: 'u1',
  displayName: '测试用户',
  isDemo: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  ...p,
});

export const makePrincipal = (bindings: Partial<Binding>[] = [], user: Partial<UserProfile> = {}): Principal => ({
  user: makeUser(user),
  bindings: bindings.map((b, i) => makeBinding({ bindingId: `bind${i + 1}`, userId: user.id ?? 'u1', ...b })),
});

export const fixedClock = (iso: string) => ({ now: () => new Date(iso) });
