import type {
  FileStarObjectionBody,
  MyStarObjection,
  MyStarObjections,
  ResolveStarObjectionBody,
  ReviewedStarObjection,
  Role,
  StarObjectionList,
} from '@chuangxing/shared';
import { conflict, forbiddenRole, forbiddenScope, notFound } from '../../platform/kernel/domain-error';
import { bindingsFor, isDistrictAdmin, type Principal } from '../../platform/kernel/principal';
import { shanghaiDay } from '../../platform/kernel/shanghai-time';
import { applicationAfterResolution, assertOpenToObjection, resolveObjection, type StoredStarObjection } from './star-objection';
import { isTaskforce, taskforceStars } from './star-scope';
import type { StarsPorts } from './stars.ports';

type ObjectionPorts = Pick<StarsPorts, 'districtId' | 'clock' | 'ids' | 'applications' | 'objections' | 'hasher'>;

const resolutionOf = (o: StoredStarObjection) =>
  o.resolution ? { resolution: { at: o.resolution.at, reason: o.resolution.reason, resolverName: o.resolution.resolverName } } : {};

export const myObjectionOf = (o: StoredStarObjection): MyStarObjection => ({
  id: o.id,
  applicationId: o.applicationId,
  branchName: o.branchName,
  star: o.star,
  text: o.text,
  anonymous: o.anonymous,
  status: o.status,
  createdAt: o.createdAt,
  ...resolutionOf(o),
});

/** For the district reviewers: the sealed account and its keyed hash never leave the server (ADR 0004). */
export const reviewedObjectionOf = (o: StoredStarObjection): ReviewedStarObjection => ({
  id: o.id,
  applicationId: o.applicationId,
  text: o.text,
  anonymous: o.anonymous,
  ...(o.anonymous || !o.objectorName ? {} : { objectorName: o.objectorName }),
  status: o.status,
  version: o.version,
  createdAt: o.createdAt,
  ...resolutionOf(o),
});

/**
 * 公示异议: anyone — a resident of the community or any cadre — objects while the award is in 公示, named or
 * anonymously. Only the keyed hash of the account is kept (not even sealed: nothing needs to open it yet, and the
 * stars function stays without KMS); a named objector's display name is kept in clear.
 */
export async function fileStarObjection(
  deps: ObjectionPorts,
  principal: Principal,
  applicationId: string,
  body: FileStarObjectionBody,
): Promise<{ kind: 'created' | 'replayed'; objection: MyStarObjection }> {
  const found = await deps.applications.get(applicationId);
  if (!found || found.application.districtId !== deps.districtId) throw notFound('申报');
  const app = found.application;
  const now = deps.clock.now();
  const today = shanghaiDay(now);
  const userId = principal.user.id;
  const objectorKey = deps.hasher.keyedHash(userId);
  const objection: StoredStarObjection = {
    id: deps.ids.next(),
    applicationId: app.id,
    districtId: app.districtId,
    branchId: app.branchId,
    branchName: app.branchName,
    star: app.star,
    text: body.text,
    anonymous: body.anonymous,
    objectorName: body.anonymous ? '' : principal.user.displayName,
    objectorKey,
    clientKey: body.clientKey,
    status: 'open',
    version: 1,
    createdAt: now.toISOString(),
  };
  try {
    assertOpenToObjection(app, today);
  } catch (err) {
    // A retry after 公示 closed still lands on the objection filed in time.
    const mine = await deps.objections.listByObjector(objectorKey);
    const first = mine.find((o) => o.clientKey === body.clientKey && o.applicationId === app.id);
    if (first) return { kind: 'replayed', objection: myObjectionOf(first) };
    throw err;
  }
  const out = await deps.objections.file(objection, today);
  return { kind: out.kind, objection: myObjectionOf(out.objection) };
}

export async function listMyStarObjections(deps: ObjectionPorts, principal: Principal): Promise<MyStarObjections> {
  const mine = await deps.objections.listByObjector(deps.hasher.keyedHash(principal.user.id));
  return { objections: mine.filter((o) => o.districtId === deps.districtId).map(myObjectionOf) };
}

// The district admin resolves objections; the star's 专班 reads them beside its 复审.
function assertDistrictReviewer(deps: Pick<StarsPorts, 'districtId'>, principal: Principal, allowed: readonly Role[]) {
  if (!isDistrictAdmin(bindingsFor(principal, allowed), deps.districtId)) throw forbiddenRole();
}

export async function listStarObjections(
  deps: ObjectionPorts,
  principal: Principal,
  allowed: readonly Role[],
  applicationId: string,
): Promise<StarObjectionList> {
  const admin = isDistrictAdmin(bindingsFor(principal, allowed), deps.districtId);
  if (!admin && !isTaskforce(principal, allowed)) throw forbiddenRole();
  const found = await deps.applications.get(applicationId);
  if (!found || found.application.districtId !== deps.districtId) throw notFound('申报');
  // A 专班 reads the objections of its own star only.
  if (!admin && !taskforceStars(principal, allowed, deps.districtId).has(found.application.star)) throw forbiddenScope();
  const objections = await deps.objections.listForApplication(applicationId);
  return {
    applicationId,
    ...(found.application.publicityUntil ? { publicityUntil: found.application.publicityUntil } : {}),
    objections: objections.map(reviewedObjectionOf),
  };
}

/**
 * The district upholds an objection (an award in 公示 stops: the application becomes `stopped`, audited) or
 * dismisses it; a reason either way. Versioned: of two reviewers resolving at once, one wins.
 */
export async function resolveStarObjection(
  deps: ObjectionPorts,
  principal: Principal,
  allowed: readonly Role[],
  applicationId: string,
  objectionId: string,
  body: ResolveStarObjectionBody,
): Promise<{ objection: StoredStarObjection; list: StarObjectionList }> {
  assertDistrictReviewer(deps, principal, allowed);
  const [found, objection] = await Promise.all([deps.applications.get(applicationId), deps.objections.get(applicationId, objectionId)]);
  if (!found || found.application.districtId !== deps.districtId || !objection) throw notFound('异议');
  if (objection.version !== body.version) throw conflict('这条异议刚被他人处理过，请刷新后重试');
  const at = deps.clock.now().toISOString();
  const resolver = { id: principal.user.id, name: principal.user.displayName };
  const next = resolveObjection(objection, body.action, body.reason, resolver, at);
  const before = found.application;
  const after = applicationAfterResolution(before, body.action, at);
  const event =
    after.status !== before.status
      ? { at, version: after.version, kind: 'objection_upheld' as const, actorId: resolver.id, actorName: resolver.name, note: body.reason }
      : undefined;
  await deps.objections.resolve(next, objection.version, { before, after, ...(event ? { event } : {}) });
  return { objection: next, list: await listStarObjections(deps, principal, allowed, applicationId) };
}
