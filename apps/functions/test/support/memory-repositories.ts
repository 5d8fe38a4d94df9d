import { type DailyRules, DEFAULT_DAILY_RULES, DEFAULT_LETTER_RULES, type LetterRules } from '@chuangxing/shared';
import { type Invitation, isExpired } from '../../src/features/identity/invitation';
import type { BindingDraft, InvitationRepository, RedeemingPerson, RedeemResult } from '../../src/features/identity/invitation-repository';
import type { PersonCard, ProfileChange, UserRepository } from '../../src/features/identity/user-repository';
import type { Branch, District, Township } from '../../src/features/org/org';
import type { OrgRepository } from '../../src/features/org/org-repository';
import type { Comment, DailyReport, Revision, Submission } from '../../src/features/reports/daily-report';
import type { ReportRepository, SubmitOutcome } from '../../src/features/reports/report-repository';
import type { RulesRepository, StoredExemption } from '../../src/features/reports/rules-repository';
import { conflict, DomainError, notFound } from '../../src/platform/kernel/domain-error';
import { type Binding, townshipKeyOf, type UserProfile } from '../../src/platform/kernel/principal';
import { monthOf, quarterOf } from '../../src/platform/kernel/shanghai-time';
import type { Notification, Notifier } from '../../src/platform/notify/notifier';
import type { RateLimiter } from '../../src/platform/rate-limit/rate-limiter';
import type { ObjectStorage } from '../../src/platform/storage/object-storage';

const clone = <T>(v: T): T => structuredClone(v);

/** In-memory fakes for fast use-case unit tests. The DynamoDB adapters are the real ones. */
export class MemoryOrgRepository implements OrgRepository {
  districts = new Map<string, District>();
  townships = new Map<string, Township>();
  branches = new Map<string, Branch>();

  async getDistrict(id: string) {
    return clone(this.districts.get(id));
  }
  async listTownships(d: string) {
    return [...this.townships.values()]
      .filter((t) => t.districtId === d)
      .sort((a, b) => a.order - b.order)
      .map(clone);
  }
  async getTownship(d: string, t: string) {
    const found = this.townships.get(t);
    return found?.districtId === d ? clone(found) : undefined;
  }
  async listBranches(t: string) {
    return [...this.branches.values()].filter((b) => b.townshipId === t).map(clone);
  }
  async getBranch(id: string) {
    return clone(this.branches.get(id));
  }
  async createBranch(b: Branch) {
    const t = this.townships.get(b.townshipId);
    if (!t) throw notFound('乡镇（街道）');
    if (this.branches.has(b.id)) throw conflict('支部编号重复');
    if ([...this.branches.values()].some((x) => x.townshipId === b.townshipId && x.name === b.name))
      throw conflict('该乡镇（街道）已有同名支部', 'body.name');
    this.branches.set(b.id, clone(b));
    t.counts[b.type] += 1;
  }
  async renameBranch(b: Branch, name: string, expected: number, now: string) {
    const cur = this.branches.get(b.id);
    if (!cur || cur.version !== expected) throw conflict('支部信息已被他人修改，请刷新后重试');
    if (name !== cur.name && [...this.branches.values()].some((x) => x.townshipId === cur.townshipId && x.name === name))
      throw conflict('该乡镇（街道）已有同名支部', 'body.name');
    const next = { ...cur, name, version: expected + 1, updatedAt: now };
    this.branches.set(b.id, next);
    return clone(next);
  }
}

export class MemoryUserRepository implements UserRepository {
  profiles = new Map<string, UserProfile>();
  bindings = new Map<string, Binding>();
  openids = new Map<string, string>();

  async getUser(id: string) {
    const profile = this.profiles.get(id);
    if (!profile) return undefined;
    return { profile: clone(profile), bindings: [...this.bindings.values()].filter((b) => b.userId === id).map(clone) };
  }
  async findOrCreateByOpenid(openid: string, candidate: UserProfile) {
    const existing = this.openids.get(openid);
    if (existing) return clone(this.profiles.get(existing)!);
    this.openids.set(openid, candidate.id);
    this.profiles.set(candidate.id, clone(candidate));
    return clone(candidate);
  }
  async updateProfile(id: string, change: ProfileChange) {
    const p = this.profiles.get(id);
    if (!p) throw notFound('用户');
    p.displayName = change.displayName;
    p.nameSetAt = change.at;
    if (typeof change.workPhone === 'string') p.workPhone = change.workPhone;
    if (change.workPhone === null) delete p.workPhone;
    return clone(p);
  }
  async peopleOf(ids: Iterable<string>) {
    const out = new Map<string, PersonCard>();
    for (const id of ids) {
      const p = this.profiles.get(id);
      if (p) out.set(id, { displayName: p.displayName, ...(p.workPhone ? { workPhone: p.workPhone } : {}) });
    }
    return out;
  }
  async listDemoUsers() {
    return [...this.profiles.values()]
      .filter((p) => p.demo)
      .sort((a, b) => a.demo!.order - b.demo!.order)
      .map(clone);
  }
  async listBindings(d: string, key?: string) {
    return [...this.bindings.values()].filter((b) => b.scope.districtId === d && (!key || townshipKeyOf(b.scope) === key)).map(clone);
  }
  async getBinding(userId: string, bindingId: string) {
    const b = this.bindings.get(bindingId);
    return b?.userId === userId ? clone(b) : undefined;
  }
  async revokeBinding(userId: string, bindingId: string, at: string) {
    const b = this.bindings.get(bindingId);
    if (!b || b.userId !== userId) throw notFound('身份绑定');
    if (b.revokedAt) throw conflict('该身份绑定已被撤销');
    b.revokedAt = at;
    return clone(b);
  }
}

export class MemoryInvitationRepository implements InvitationRepository {
  byHash = new Map<string, Invitation>();
  constructor(private readonly users: MemoryUserRepository) {}

  async create(inv: Invitation) {
    if (this.byHash.has(inv.codeHash)) throw conflict('邀请码重复，请重试');
    this.byHash.set(inv.codeHash, clone(inv));
  }
  async list(d: string, key?: string) {
    return [...this.byHash.values()]
      .filter((i) => i.scope.districtId === d && (!key || townshipKeyOf(i.scope) === key))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .map(clone);
  }
  async find(hash: string) {
    const inv = this.byHash.get(hash);
    return inv && clone(inv);
  }
  async redeem(hash: string, draft: BindingDraft, now: Date, person?: RedeemingPerson): Promise<RedeemResult> {
    const inv = this.byHash.get(hash);
    if (!inv || inv.status === 'revoked') return { outcome: 'invalid' };
    if (inv.status === 'redeemed') return { outcome: 'used' };
    if (isExpired(inv, now)) return { outcome: 'expired' };
    const binding: Binding = {
      ...draft,
      role: inv.role,
      scope: inv.scope,
      scopeLabel: inv.scopeLabel,
      holderName: person?.name ?? inv.inviteeName,
      createdBy: inv.createdBy,
    };
    const profile = this.users.profiles.get(draft.userId);
    if (person && !profile) throw new Error(`no profile for ${draft.userId}`);
    Object.assign(inv, { status: 'redeemed', redeemedBy: draft.userId, redeemedAt: now.toISOString() });
    if (person && profile) {
      Object.assign(profile, { displayName: binding.holderName, nameSetAt: draft.createdAt });
      if (person.workPhone) profile.workPhone = person.workPhone;
    }
    this.users.bindings.set(binding.bindingId, clone(binding));
    return { outcome: 'redeemed', binding };
  }
}

export class MemoryReportRepository implements ReportRepository {
  reports = new Map<string, DailyReport>();
  revisions: Revision[] = [];
  comments = new Map<string, Comment[]>();
  /** The rollups a create writes, keyed as in DynamoDB, so unit tests can check the arithmetic. */
  counters = new Map<string, { submitted: number; onTime: number; late: number }>();
  markers = new Map<string, Submission[]>();

  private bump(key: string, late: boolean) {
    const c = this.counters.get(key) ?? { submitted: 0, onTime: 0, late: 0 };
    this.counters.set(key, { submitted: c.submitted + 1, onTime: c.onTime + (late ? 0 : 1), late: c.late + (late ? 1 : 0) });
  }

  async create(r: DailyReport, rev: Revision): Promise<SubmitOutcome> {
    const k = `${r.branchId}|${r.day}`;
    const existing = this.reports.get(k);
    if (existing) {
      if (existing.lastIdempotencyKey === r.lastIdempotencyKey) return { kind: 'replayed', report: clone(existing) };
      throw conflict('今天的日报已由他人提交，请刷新后在其基础上修改');
    }
    this.reports.set(k, clone(r));
    const late = r.status === 'late';
    this.bump(`M|${r.branchId}|${monthOf(r.day)}`, late);
    this.bump(`Q|${r.branchId}|${quarterOf(r.day)}`, late);
    this.bump(`T|${r.townshipId}|${r.day}`, late);
    this.markers.set(`${r.townshipId}|${r.day}`, [
      ...(this.markers.get(`${r.townshipId}|${r.day}`) ?? []),
      { branchId: r.branchId, status: r.status, submittedAt: r.submittedAt },
    ]);
    this.revisions.push(clone(rev));
    return { kind: 'created', report: clone(r) };
  }
  async update(r: DailyReport, expected: number, rev: Revision): Promise<SubmitOutcome> {
    const k = `${r.branchId}|${r.day}`;
    const cur = this.reports.get(k);
    if (cur?.lastIdempotencyKey === r.lastIdempotencyKey) return { kind: 'replayed', report: clone(cur) };
    if (!cur || cur.version !== expected) throw conflict('日报已被他人修改，请刷新后重试');
    this.reports.set(k, clone(r));
    this.revisions.push(clone(rev));
    return { kind: 'updated', report: clone(r) };
  }
  async get(b: string, day: string) {
    return clone(this.reports.get(`${b}|${day}`));
  }
  async getDetail(b: string, day: string) {
    const report = this.reports.get(`${b}|${day}`);
    return report ? { report: clone(report), comments: clone(this.comments.get(`${b}|${day}`) ?? []), revisions: [] } : undefined;
  }
  async listRange(b: string, from: string, to: string) {
    return [...this.reports.values()].filter((r) => r.branchId === b && r.day >= from && r.day <= to).map(clone);
  }
  async addComment(b: string, day: string, c: Comment) {
    this.comments.set(`${b}|${day}`, [...(this.comments.get(`${b}|${day}`) ?? []), clone(c)]);
  }
  async submissionsOf(t: string, day: string) {
    return clone(this.markers.get(`${t}|${day}`) ?? []);
  }
  async townshipRollups(_d: string, day: string) {
    return [...this.counters.entries()]
      .filter(([k]) => k.startsWith('T|') && k.endsWith(`|${day}`))
      .map(([k, c]) => ({ townshipId: k.split('|')[1], onTime: c.onTime, late: c.late }));
  }
  async quarterStatsOf(branchIds: string[], quarter: string) {
    return Object.fromEntries(
      branchIds.flatMap((b) => {
        const c = this.counters.get(`Q|${b}|${quarter}`);
        return c ? [[b, clone(c)]] : [];
      }),
    );
  }
}

export class MemoryRulesRepository implements RulesRepository {
  rules?: DailyRules;
  exemptions = new Map<string, StoredExemption>();
  async getDailyRules() {
    return clone(this.rules ?? DEFAULT_DAILY_RULES);
  }
  async putDailyRules(_d: string, rules: DailyRules) {
    this.rules = clone(rules);
  }
  letterRules?: LetterRules;
  async getLetterRules() {
    return clone(this.letterRules ?? DEFAULT_LETTER_RULES);
  }
  async putLetterRules(_d: string, rules: LetterRules) {
    this.letterRules = clone(rules);
  }
  async listCalendar(_d: string, prefix: string) {
    return [...this.exemptions.values()].filter((e) => e.day.startsWith(prefix)).map(clone);
  }
  async listExemptions(d: string, prefix: string) {
    return (await this.listCalendar(d, prefix)).filter((e) => e.kind !== 'workday');
  }
  async createExemption(e: StoredExemption) {
    if (this.exemptions.has(e.id)) throw conflict('已登记');
    this.exemptions.set(e.id, clone(e));
  }
  async deleteExemption(_d: string, id: string) {
    const e = this.exemptions.get(id);
    this.exemptions.delete(id);
    return clone(e);
  }
}

/** Objects are whatever a test puts in `objects`. */
export class MemoryObjectStorage implements ObjectStorage {
  objects = new Map<string, { size: number; contentType: string }>();
  async presignPost(key: string) {
    return { url: `memory://upload`, fields: { key } };
  }
  async head(key: string) {
    return clone(this.objects.get(key));
  }
  async presignGet(key: string) {
    return `memory://${key}`;
  }
}

export class MemoryNotifier implements Notifier {
  sent: Notification[] = [];
  /** How many of the next messages fail (as a network failure would), e.g. to check what counts as delivered. */
  dropNext = 0;
  async send(messages: Notification[]) {
    let sent = 0;
    const errors: Record<string, number> = {};
    for (const m of messages) {
      if (this.dropNext > 0) {
        this.dropNext--;
        errors.network = (errors.network ?? 0) + 1;
        continue;
      }
      this.sent.push(clone(m));
      sent++;
    }
    return { sent, errors };
  }
}

/** Counts attempts per client, one window forever: enough for use cases that must consult the limit first. */
export class MemoryRateLimiter implements RateLimiter {
  readonly hits = new Map<string, number>();
  constructor(private readonly limit = Number.POSITIVE_INFINITY) {}
  async take(client: string) {
    const n = this.hits.get(client) ?? 0;
    if (n >= this.limit) throw new DomainError('RATE_LIMITED', '尝试次数过多，请稍后再试', undefined, { retryAfterSeconds: 60 });
    this.hits.set(client, n + 1);
  }
}
