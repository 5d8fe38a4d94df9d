import { type BranchScore, type ObservationDetail, starSetFor } from '@chuangxing/shared';
import type { Principal } from '../../platform/kernel/principal';
import { type NameOf, nameResolver, type PeopleReader } from '../identity/identity.readers';
import type { StoredBranchResult, StoredObservation, StoredScore } from './observation';
import type { ObservationView } from './observation-access';

export const presentScore = (s: StoredScore, nameOf?: NameOf): BranchScore => ({
  branchId: s.branchId,
  observerId: s.observerId,
  observerName: nameOf ? nameOf(s.observerId, s.observerName) : s.observerName,
  scores: s.scores,
  comment: s.comment,
  updatedAt: s.updatedAt,
});

export const presentResult = (r: StoredBranchResult) => ({ ...r, perStar: r.perStar.map((p) => ({ ...p })), comments: [...r.comments] });

/** The current names of everyone an observation names: its organiser, its observers and whoever scored. */
export const observationNames = (people: PeopleReader, obs: StoredObservation, scores: StoredScore[]) =>
  nameResolver(people, [obs.createdBy, ...obs.observers.map((o) => o.userId), ...scores.map((s) => s.observerId)]);

/** The observation as the caller may see it: the branches in view, and only the sheets they may read. */
export function presentDetail(
  principal: Principal,
  obs: StoredObservation,
  view: ObservationView,
  scores: StoredScore[],
  nameOf: NameOf,
): ObservationDetail {
  const ids = new Set(view.branches.map((b) => b.branchId));
  const inView = scores.filter((s) => ids.has(s.branchId));
  // No anchoring: while open, an assigned observer sees only their own sheets, even when they also organise.
  const shown =
    obs.status === 'open' && view.assigned
      ? inView.filter((s) => s.observerId === principal.user.id)
      : view.overseer || obs.status === 'closed'
        ? inView
        : [];
  return {
    id: obs.id,
    month: obs.month,
    title: obs.title,
    status: obs.status,
    organiserLabel: obs.organiserLabel,
    ...(obs.townshipId ? { townshipId: obs.townshipId } : {}),
    createdByName: nameOf(obs.createdBy, obs.createdByName),
    createdAt: obs.createdAt,
    ...(obs.closedAt ? { closedAt: obs.closedAt } : {}),
    assigned: view.assigned,
    canManage: view.manage,
    branches: view.branches.map((b) => ({
      ...b,
      stars: [...starSetFor(b.type)],
      scoredBy: inView.filter((s) => s.branchId === b.branchId).length,
    })),
    observers: obs.observers.map((o) => ({ userId: o.userId, name: nameOf(o.userId, o.name) })),
    scores: shown.map((s) => presentScore(s, nameOf)),
    results: obs.status === 'closed' ? (obs.results ?? []).filter((r) => ids.has(r.branchId)).map(presentResult) : [],
    version: obs.version,
  };
}
