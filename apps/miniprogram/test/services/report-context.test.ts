import { describe, expect, it } from 'vitest';
import {
  type ContextStorage,
  filerBranchIds,
  readContext,
  WARM_EVERY_MS,
  warmReportContexts,
  writeContext,
} from '../../src/services/report-context';
import { makeBinding, makeBranch, makeMe } from '../support/factories';
import { errorReply, fakeApi } from '../support/fake-api';

const RULES = { deadline: '22:00', maxBackfillDays: 1, reminderTime: '20:00' };
const NOW = Date.parse('2025-03-03T09:00:00+08:00');

function memory(): ContextStorage & { map: Map<string, unknown> } {
  const map = new Map<string, unknown>();
  return { map, get: (k) => map.get(k), set: (k, v) => void map.set(k, v) };
}

describe('report context: what the form needs offline, warmed by home', () => {
  it('names the branches the caller files for: cadres and secretaries at branch level, not revoked, once each', () => {
    const me = makeMe({
      bindings: [
        makeBinding({ role: 'secretary', scope: { level: 'branch', districtId: 'erqi', townshipId: 'wulibao', branchId: 'a' } }),
        makeBinding({ role: 'cadre', scope: { level: 'branch', districtId: 'erqi', townshipId: 'wulibao', branchId: 'a' } }),
        makeBinding({
          role: 'cadre',
          scope: { level: 'branch', districtId: 'erqi', townshipId: 'wulibao', branchId: 'b' },
          revokedAt: '2025-01-02T00:00:00+08:00',
        }),
        makeBinding({ role: 'station_handler', scope: { level: 'branch', districtId: 'erqi', townshipId: 'wulibao', branchId: 'c' } }),
        makeBinding({ role: 'cadre', scope: { level: 'branch', districtId: 'erqi', townshipId: 'wulibao', branchId: 'd' } }),
      ],
    });
    expect(filerBranchIds(me)).toEqual(['a', 'd']);
    expect(filerBranchIds(undefined)).toEqual([]);
  });

  it('fetches the rules and each missing branch, and stores them as the form reads them', async () => {
    const storage = memory();
    const server = fakeApi({
      'GET /v1/daily-rules': { status: 200, body: RULES },
      'GET /v1/org/branches/jianxinnan': { status: 200, body: { branch: makeBranch(), township: { id: 'wulibao', name: '五里堡街道' } } },
    });

    await warmReportContexts(['jianxinnan'], storage, NOW);

    expect(server.calls('GET /v1/daily-rules')).toHaveLength(1);
    const ctx = readContext(storage, 'jianxinnan');
    expect(ctx).toMatchObject({ branch: { id: 'jianxinnan', type: makeBranch().type }, rules: RULES, reports: {}, savedAt: NOW });
  });

  it('leaves a fresh copy alone, and refreshes one older than the warm-up period, keeping the reports seen', async () => {
    const storage = memory();
    const report = { day: '2025-03-02' } as never;
    writeContext(storage, makeBranch(), RULES, { day: '2025-03-02', report }, NOW - 1000);
    const server = fakeApi({
      'GET /v1/daily-rules': { status: 200, body: { ...RULES, deadline: '21:00' } },
      'GET /v1/org/branches/jianxinnan': { status: 200, body: { branch: makeBranch(), township: { id: 'wulibao', name: '五里堡街道' } } },
    });

    await warmReportContexts(['jianxinnan'], storage, NOW);
    expect(server.sent).toHaveLength(0);

    await warmReportContexts(['jianxinnan'], storage, NOW + WARM_EVERY_MS);
    expect(server.sent.map((r) => r.path)).toEqual(['/v1/daily-rules', '/v1/org/branches/jianxinnan']);
    const ctx = readContext(storage, 'jianxinnan');
    expect(ctx?.rules.deadline).toBe('21:00');
    expect(ctx?.reports['2025-03-02']).toBe(report);
    expect(ctx?.savedAt).toBe(NOW + WARM_EVERY_MS);
  });

  it('stores nothing when a read fails or there is no network', async () => {
    const storage = memory();
    fakeApi({
      'GET /v1/daily-rules': { status: 200, body: RULES },
      'GET /v1/org/branches/jianxinnan': errorReply(404, 'NOT_FOUND', '没有这个支部'),
    });
    await warmReportContexts(['jianxinnan'], storage, NOW);
    expect(readContext(storage, 'jianxinnan')).toBeUndefined();

    fakeApi({ 'GET /v1/daily-rules': () => Promise.reject(new Error('offline')) });
    await expect(warmReportContexts(['jianxinnan'], storage, NOW)).resolves.toBeUndefined();
    expect(storage.map.size).toBe(0);
  });
});
