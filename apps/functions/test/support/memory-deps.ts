import { createHash } from 'node:crypto';
import type { IdentityPorts } from '../../src/features/identity/identity.ports';
import type { OrgPorts } from '../../src/features/org/org.ports';
import type { ReportsPorts } from '../../src/features/reports/reports.ports';
import { parseConfig } from '../../src/platform/config/config';
import { createNotices } from '../../src/platform/notify/notices';
import { subscribeSettings } from '../../src/platform/notify/subscribe-settings';
import { RecordingMetrics } from '../../src/platform/observability/metrics';
import { LocalSealer } from '../../src/platform/sealing/local-sealer';
import { xlsxWriter } from '../../src/platform/xlsx/xlsx-writer';
import { fixedClock, makeTownship } from './builders';
import { MemoryConsentStore, MemoryInboxRepository } from './memory-inbox';
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
  const inbox = new MemoryInboxRepository();
  const consents = new MemoryConsentStore();
  // The local demo templates (one per kind), as a non-prod config has them.
  const templates = parseConfig({ CX_STAGE: 'test', CX_TABLE_NAME: 'memory', CX_TOKEN_SIGNING_KEY: 'k'.repeat(32) }).subscribe.templates;
  org.districts.set('erqi', { id: 'erqi', name: '二七区' });
  org.townships.set('t1', makeTownship({ id: 't1', name: '一号街道', order: 0 }));
  org.townships.set('t2', makeTownship({ id: 't2', name: '二号街道', order: 1 }));
  let n = 0;
  let byte = 0;
  const clock = fixedClock(now);
  const ids = { next: () => `id${++n}` };
  const deps: MemoryPorts = {
    districtId: 'erqi',
    devLogin: false,
    clock,
    ids,
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
    notices: createNotices({ clock, ids, inbox, consents, notifier, subscribe: subscribeSettings(templates, false) }),
    // No published standards: the sample catalogue applies (the catalogue itself is tested on DynamoDB Local).
    catalogue: { latest: async () => undefined, version: async () => undefined },
    spreadsheets: xlsxWriter,
    sealer: new LocalSealer('memory-deps-secret-0123456789abcdef'),
  };
  return { deps, org, users, invitations, reports, rules, storage, notifier, metrics, loginAttempts, inbox, consents };
}
