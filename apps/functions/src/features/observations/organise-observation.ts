import {
  addMonths,
  type CreateObservationBody,
  monthOf,
  type ObservationDetail,
  type ObserverCandidates,
  type OfficialRole,
  type Role,
  shanghaiDay,
  starSetFor,
} from '@chuangxing/shared';
import { DomainError, forbiddenScope, invalid, invalidFields, notFound, unknownReference } from '../../platform/kernel/domain-error';
import { bindingsFor, managesTownship, type Principal } from '../../platform/kernel/principal';
import type { NoticeDraft } from '../../platform/notify/notice';
import { nameResolver } from '../identity/identity.readers';
import { computeResults, type StoredObservation } from './observation';
import { eligibleObserver, organisingTownship, viewOf } from './observation-access';
import { observationNames, presentDetail } from './observation-presenters';
import type { ObservationsPorts } from './observations.ports';
import { loadVisibleObservation } from './read-observations';

const isPresent = <T>(x: T | undefined): x is T => x !== undefined;

const ROLE_ORDER: Record<string, number> = { township_staff: 0, inspector: 1, leader: 2, district_admin: 3 };

/**
 * Officials who may score: township staff, inspectors, leaders and district admins whose binding covers the
 * township (or, for a district-wide observation, anyone of those roles in the district). One read of the
 * district's bindings partition (bounded: the officials and branch cadres of one district).
 */
export async function listObserverCandidates(
  deps: ObservationsPorts,
  principal: Principal,
  allowed: readonly Role[],
  townshipId?: string,
): Promise<ObserverCandidates> {
  const t = organisingTownship(deps.districtId, bindingsFor(principal, allowed), townshipId);
  const bindings = (await deps.users.listBindings(deps.districtId)).filter((b) => eligibleObserver(b, deps.districtId, t));
  const byUser = new Map<string, { userId: string; name: string; roles: OfficialRole[]; labels: string[] }>();
  for (const b of bindings) {
    const c = byUser.get(b.userId) ?? { userId: b.userId, name: b.holderName ?? b.userId, roles: [], labels: [] };
    if (!c.roles.includes(b.role)) c.roles.push(b.role);
    if (!c.labels.includes(b.scopeLabel)) c.labels.push(b.scopeLabel);
    byUser.set(b.userId, c);
  }
  const nameOf = await nameResolver(deps.people, byUser.keys());
  for (const c of byUser.values()) c.name = nameOf(c.userId, c.name);
  const rank = (c: { roles: OfficialRole[] }) => Math.min(...c.roles.map((r) => ROLE_ORDER[r]));
  return {
    candidates: [...byUser.values()]
      .sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'zh'))
      .map((c) => ({ userId: c.userId, name: c.name, roles: c.roles, scopeLabel: c.labels.join('；') })),
  };
}

export async function createObservation(
  deps: ObservationsPorts,
  principal: Principal,
  allowed: readonly Role[],
  body: CreateObservationBody,
): Promise<ObservationDetail> {
  const bindings = bindingsFor(principal, allowed);
  const townshipId = organisingTownship(deps.districtId, bindings, body.townshipId);
  const current = monthOf(shanghaiDay(deps.clock.now()));
  if (body.month < addMonths(current, -1) || body.month > addMonths(current, 2))
    throw invalid('body.month', '观摩月份只能是上月、本月或之后两个月');
  const [district, township] = await Promise.all([
    deps.org.getDistrict(deps.districtId),
    townshipId ? deps.org.getTownship(deps.districtId, townshipId) : Promise.resolve(undefined),
  ]);
  if (townshipId && !township) throw unknownReference('body.townshipId', '乡镇（街道）不存在');

  const branches = await Promise.all(body.branchIds.map((id) => deps.org.getBranch(id)));
  const errors: { path: string; code: string; message: string }[] = [];
  branches.forEach((b, i) => {
    if (!b || b.districtId !== deps.districtId) errors.push({ path: `body.branchIds.${i}`, code: 'not_found', message: '支部不存在' });
    else if (townshipId && b.townshipId !== townshipId) {
      // Township staff may visit only their township's branches.
      if (!bindings.some((x) => managesTownship(x, deps.districtId, b.townshipId))) throw forbiddenScope();
      errors.push({ path: `body.branchIds.${i}`, code: 'other_township', message: '该支部不属于组织观摩的乡镇（街道）' });
    }
  });
  const users = await Promise.all(body.observerIds.map((id) => deps.users.getUser(id)));
  users.forEach((u, i) => {
    if (!u) errors.push({ path: `body.observerIds.${i}`, code: 'not_found', message: '没有这个人员' });
    else if (!u.bindings.some((b) => eligibleObserver(b, deps.districtId, townshipId)))
      errors.push({
        path: `body.observerIds.${i}`,
        code: 'not_eligible',
        message: '不是可选的评分人员（须为辖区内的乡镇干部、督导、领导或区委组织部人员）',
      });
  });
  if (errors.length) throw invalidFields('提交的内容有误', errors);
  // Every branch and observer was found (a missing one is an error above).
  const visited = branches.filter(isPresent);
  const observers = users.filter(isPresent);

  const now = deps.clock.now().toISOString();
  const obs: StoredObservation = {
    id: deps.ids.next(),
    districtId: deps.districtId,
    month: body.month,
    title: body.title,
    ...(townshipId ? { townshipId } : {}),
    organiserLabel: township?.name ?? district?.name ?? deps.districtId,
    branches: visited.map((b) => ({ branchId: b.id, name: b.name, townshipId: b.townshipId, type: b.type })),
    observers: observers.map((u) => ({ userId: u.profile.id, name: u.profile.displayName })),
    status: 'open',
    createdAt: now,
    createdBy: principal.user.id,
    createdByName: principal.user.displayName,
    version: 1,
  };
  // The observers hear of it in the same transaction that opens it.
  const notices = deps.notices.stage(observerNotices(obs));
  await deps.observations.create(obs, notices);
  await deps.notices.dispatch(notices);
  // The organiser manages what they created, so they see all of it.
  const view = viewOf(deps.districtId, principal, allowed, obs);
  if (!view) throw notFound('观摩');
  return presentDetail(principal, obs, view, [], await observationNames(deps.people, obs, []));
}

function observerNotices(obs: StoredObservation): NoticeDraft[] {
  return obs.observers.map((o) => ({
    kind: 'observation_open',
    recipientUserId: o.userId,
    recipientName: o.name,
    title: '观摩评分',
    body: `${obs.organiserLabel}组织的“${obs.title}”已开始，请为 ${obs.branches.length} 个支部评分`,
    page: `subpackages/observations/pages/score/index?id=${encodeURIComponent(obs.id)}`,
    fields: { title: obs.title, organiser: obs.organiserLabel, at: obs.createdAt },
  }));
}

const CLOSE_ATTEMPTS = 3;

/** The organiser locks it: results are computed from the stored sheets and frozen in the same transaction. */
export async function closeObservation(
  deps: ObservationsPorts,
  principal: Principal,
  allowed: readonly Role[],
  observationId: string,
  version: number,
): Promise<ObservationDetail> {
  const { obs, view } = await loadVisibleObservation(deps, principal, allowed, observationId);
  if (!view.manage) throw new DomainError('FORBIDDEN_SCOPE', '只有组织观摩的乡镇（街道）或区委组织部可以锁定');
  if (obs.status === 'closed') throw new DomainError('ILLEGAL_TRANSITION', '观摩已锁定');
  if (obs.version !== version) throw new DomainError('CONFLICT', '观摩已被他人修改，请刷新后重试');
  for (let attempt = 1; ; attempt++) {
    const { scores, revision } = await deps.observations.scores(obs.id);
    const closedAt = deps.clock.now().toISOString();
    const closed: StoredObservation = {
      ...obs,
      status: 'closed',
      closedAt,
      closedBy: principal.user.id,
      results: computeResults(obs, starSetFor, scores, closedAt),
      version: obs.version + 1,
    };
    try {
      await deps.observations.close(closed, obs.version, revision);
      return presentDetail(principal, closed, view, scores, await observationNames(deps.people, closed, scores));
    } catch (err) {
      // A score landed between reading the sheets and closing: compute again from the new sheets.
      const raced = err instanceof DomainError && err.code === 'CONFLICT' && err.details?.[0]?.path === 'scoresRevision';
      if (!raced || attempt >= CLOSE_ATTEMPTS) throw err;
    }
  }
}
