import { describe, expect, it } from 'vitest';
import type { StoredStarApplication } from '../../src/features/stars/star-application';
import {
  applicationAfterResolution,
  assertOpenToObjection,
  resolveObjection,
  type StoredStarObjection,
} from '../../src/features/stars/star-objection';

const app = (over: Partial<StoredStarApplication> = {}): StoredStarApplication => ({
  id: 'app1',
  districtId: 'erqi',
  townshipId: 'demo-gwh',
  branchId: 'yingtaogou',
  branchName: '樱桃沟社区',
  star: 'industry',
  catalogueVersion: 1,
  items: [],
  status: 'publicity',
  version: 5,
  clientKey: 'k-00000001',
  submittedAt: '2026-12-01T00:00:00.000Z',
  submittedBy: 'u1',
  updatedAt: '2026-12-01T00:00:00.000Z',
  publicityFrom: '2026-12-02',
  publicityUntil: '2026-12-08',
  openObjections: 2,
  ...over,
});

const objection = (over: Partial<StoredStarObjection> = {}): StoredStarObjection => ({
  id: 'o1',
  applicationId: 'app1',
  districtId: 'erqi',
  branchId: 'yingtaogou',
  branchName: '樱桃沟社区',
  star: 'industry',
  text: '产业项目并未落地',
  anonymous: true,
  objectorName: '',
  objectorKey: 'hash',
  clientKey: 'k-00000002',
  status: 'open',
  version: 1,
  createdAt: '2026-12-03T00:00:00.000Z',
  ...over,
});

const admin = { id: 'admin', name: '区委组织部' };

describe('公示 objection state machine', () => {
  it('takes objections in 公示 through its last day, and at no other status or time', () => {
    expect(() => assertOpenToObjection(app(), '2026-12-01')).not.toThrow();
    expect(() => assertOpenToObjection(app(), '2026-12-08')).not.toThrow();
    expect(() => assertOpenToObjection(app(), '2026-12-09')).toThrow(expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }));
    for (const status of ['township_review', 'returned', 'district_review', 'awarded', 'stopped'] as const)
      expect(() => assertOpenToObjection(app({ status }), '2026-12-03')).toThrow(expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }));
  });

  it('open → upheld or dismissed once, with the reason and the resolver kept', () => {
    const upheld = resolveObjection(objection(), 'uphold', '核实属实', admin, '2026-12-04T01:00:00.000Z');
    expect(upheld).toMatchObject({
      status: 'upheld',
      version: 2,
      resolution: { reason: '核实属实', resolverId: 'admin', resolverName: '区委组织部' },
    });
    const dismissed = resolveObjection(objection(), 'dismiss', '经核实不属实', admin, '2026-12-04T01:00:00.000Z');
    expect(dismissed).toMatchObject({ status: 'dismissed', version: 2 });
    for (const done of [upheld, dismissed])
      expect(() => resolveObjection(done, 'dismiss', 'x', admin, '2026-12-05T00:00:00.000Z')).toThrow(
        expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }),
      );
  });

  it('an upheld objection stops an award in 公示; a dismissed one only lowers the open count', () => {
    const at = '2026-12-04T01:00:00.000Z';
    expect(applicationAfterResolution(app(), 'uphold', at)).toMatchObject({
      status: 'stopped',
      version: 6,
      openObjections: 1,
      updatedAt: at,
    });
    expect(applicationAfterResolution(app(), 'dismiss', at)).toMatchObject({ status: 'publicity', version: 5, openObjections: 1 });
    // Already stopped by another upheld objection: it stays stopped, unversioned.
    expect(applicationAfterResolution(app({ status: 'stopped', openObjections: 1 }), 'uphold', at)).toMatchObject({
      status: 'stopped',
      version: 5,
      openObjections: 0,
    });
    expect(applicationAfterResolution(app({ openObjections: undefined }), 'dismiss', at).openObjections).toBe(0);
  });
});
