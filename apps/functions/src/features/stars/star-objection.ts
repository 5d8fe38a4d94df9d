import type { Star, StarObjectionStatus } from '@chuangxing/shared';
import { DomainError } from '../../platform/kernel/domain-error';
import type { StoredStarApplication } from './star-application';

/**
 * A 公示 objection as stored. The objector's account is never stored (ADR 0004): `objectorKey`, a keyed hash of it,
 * finds "my objections", and nobody without the server secret can go from it to the person.
 */
export interface StoredStarObjection {
  id: string;
  applicationId: string;
  districtId: string;
  branchId: string;
  branchName: string;
  star: Star;
  text: string;
  anonymous: boolean;
  /** The display name of a named objector at the time; '' when anonymous. */
  objectorName: string;
  objectorKey: string;
  clientKey: string;
  status: StarObjectionStatus;
  version: number;
  createdAt: string;
  resolution?: { at: string; reason: string; resolverId: string; resolverName: string };
}

export type ObjectionAction = 'uphold' | 'dismiss';

const RESOLVED: Record<ObjectionAction, StarObjectionStatus> = { uphold: 'upheld', dismiss: 'dismissed' };

/** Objections are taken while the award is in 公示, through its last day (Asia/Shanghai). */
export function assertOpenToObjection(app: Pick<StoredStarApplication, 'status' | 'publicityUntil'>, today: string): void {
  if (app.status !== 'publicity') throw new DomainError('ILLEGAL_TRANSITION', '该申报不在公示期，不能提出异议');
  if (app.publicityUntil && today > app.publicityUntil)
    throw new DomainError('ILLEGAL_TRANSITION', `公示已于 ${app.publicityUntil} 结束，不能再提出异议`);
}

/** open → upheld | dismissed, once; the reason is kept and told to the objector. */
export function resolveObjection(
  o: StoredStarObjection,
  action: ObjectionAction,
  reason: string,
  resolver: { id: string; name: string },
  at: string,
): StoredStarObjection {
  if (o.status !== 'open') throw new DomainError('ILLEGAL_TRANSITION', '这条异议已处理过，请刷新后查看');
  return {
    ...o,
    status: RESOLVED[action],
    version: o.version + 1,
    resolution: { at, reason, resolverId: resolver.id, resolverName: resolver.name },
  };
}

/**
 * What resolving does to the application: an upheld objection stops an award still in 公示 (one upheld objection
 * is enough); otherwise only the open count drops. An application already stopped keeps its status.
 */
export function applicationAfterResolution(app: StoredStarApplication, action: ObjectionAction, at: string): StoredStarApplication {
  const openObjections = Math.max(0, (app.openObjections ?? 0) - 1);
  if (action === 'uphold' && app.status === 'publicity')
    return { ...app, status: 'stopped', version: app.version + 1, updatedAt: at, openObjections };
  return { ...app, openObjections };
}
