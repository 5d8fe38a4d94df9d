import { createHash } from 'node:crypto';
import type { IdentityPorts } from '../../src/features/identity/identity.ports';
import type { OrgPorts } from '../../src/features/org/org.ports';
import type { ReportsPorts } from '../../src/features/reports/reports.ports';
import { RecordingMetrics } from '../../src/platform/observability/metrics';
import { LocalSealer } from '../../src/platform/sealing/local-sealer';
import { xlsxWriter } from '../../src/platform/xlsx/xlsx-writer';
import { fixedClock, makeTownship } from './builders';
import {
  MemoryInvitationRepository,
  MemoryNotifier,
  MemoryObjectStorage,
  MemoryOrgRepository,
  MemoryRateLimiter,
  MemoryReportRepository,
  MemoryRulesRepository,
  MemoryUserRepository,
} from './memory-repositories';

/** The features whose use cases are unit-tested on fakes; the others are tested on DynamoDB Local. */
type MemoryPorts = IdentityPorts & OrgPorts & ReportsPorts & { sealer: LocalSealer };

/** Use-case deps on in-memory fakes with a fixed clock and predictable ids. */
export function memoryDeps(now = '2026-11-27T02:00:00.000Z') {
  const org = new MemoryOrgRepository();
  const users = new MemoryUserRepository();
  const invitations = new MemoryInvitationRepository(users);
  const reports = new MemoryReportRepository();
  const rules = new MemoryRulesRepository();
  const storage = new MemoryObjectStorage();
  const notifier = new MemoryNotifier();
  const metrics = new RecordingMetrics();
  const loginAttempts = new MemoryRateLimiter(3);
  org.districts.set('erqi', { id: 'erqi', name: '二七区' });
  org.townships.set('t1', makeTownship({ id: 't1', name: '一号街道', order: 0 }));
  org.townships.set('t2', makeTownship({ id: 't2', name: '二号街道', order: 1 }));
  let n = 0;
  let byte = 0;
  const deps: MemoryPorts = {
    districtId: 'erqi',
    devLogin: false,
    clock: fixedClock(now),
    ids: { next: () => `id${++n}` },
    randomBytes: (len) => Uint8Array.from({ length: len }, () => byte++ % 31),
    sha256: (t) => createHash('sha256').update(t).digest('hex'),
    metrics,
    org,
    users,
    people: users,
    invitations,
    tokens: { issue: async (u) => ({ token: `t-${u}`, expiresAt: now }), verify: async (t) => ({ userId: t.replace(/^t-/, '') }) },
    wechat: { codeToSession: async (code) => ({ openid: `o-${code}` }) },
    loginAttempts,
    reports,
    rules,
    storage,
    notifier,
    // No published standards: the sample catalogue applies (the catalogue itself is tested on DynamoDB Local).
    catalogue: { latest: async () => undefined, version: async () => undefined },
    spreadsheets: xlsxWriter,
    sealer: new LocalSealer('memory-deps-secret-0123456789abcdef'),
  };
  return { deps, org, users, invitations, reports, rules, storage, notifier, metrics, loginAttempts };
}
