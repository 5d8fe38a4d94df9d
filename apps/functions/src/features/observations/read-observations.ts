import {
  type BranchObservationResults,
  monthOf,
  type ObservationDetail,
  type ObservationList,
  quarterOf,
  type Role,
  shanghaiDay,
} from '@chuangxing/shared';
import { notFound } from '../../platform/kernel/domain-error';
import type { Principal } from '../../platform/kernel/principal';
import { readableBranch } from '../org/org.readers';
import { viewOf } from './observation-access';
import { observationNames, presentDetail, presentResult } from './observation-presenters';
import type { ObservationsPorts } from './observations.ports';

/** The observation if the caller may see any of it, with what they see; otherwise 404, as if it did not exist. */
export async function loadVisibleObservation(
  deps: ObservationsPorts,
  principal: Principal,
  allowed: readonly Role[],
  observationId: string,
) {
  const obs = await deps.observations.get(observationId);
  const view = obs && obs.districtId === deps.districtId ? viewOf(deps.districtId, principal, allowed, obs) : undefined;
  if (!obs || !view) throw notFound('观摩');
  return { obs, view };
}

export async function listObservations(
  deps: ObservationsPorts,
  principal: Principal,
  allowed: readonly Role[],
  month?: string,
): Promise<ObservationList> {
  const m = month ?? monthOf(shanghaiDay(deps.clock.now()));
  const all = await deps.observations.listForMonth(deps.districtId, m);
  const visible = all.flatMap((obs) => {
    const view = viewOf(deps.districtId, principal, allowed, obs);
    return view ? [{ obs, view }] : [];
  });
  const observations = await Promise.all(
    visible.map(async ({ obs, view }) => {
      const mine = view.assigned
        ? (await deps.observations.scores(obs.id)).scores.filter((s) => s.observerId === principal.user.id).length
        : 0;
      return {
        id: obs.id,
        month: obs.month,
        title: obs.title,
        status: obs.status,
        organiserLabel: obs.organiserLabel,
        branchCount: obs.branches.length,
        observerCount: obs.observers.length,
        assigned: view.assigned,
        canManage: view.manage,
        myScoredCount: mine,
        createdAt: obs.createdAt,
      };
    }),
  );
  return { month: m, observations };
}

export async function getObservation(
  deps: ObservationsPorts,
  principal: Principal,
  allowed: readonly Role[],
  observationId: string,
): Promise<ObservationDetail> {
  const { obs, view } = await loadVisibleObservation(deps, principal, allowed, observationId);
  const { scores } = await deps.observations.scores(obs.id);
  return presentDetail(principal, obs, view, scores, await observationNames(deps.people, obs, scores));
}

/** A branch's frozen results of a quarter: its own cadres see them only after close, and never who scored. */
export async function branchObservationResults(
  deps: ObservationsPorts,
  principal: Principal,
  allowed: readonly Role[],
  branchId: string,
  quarter?: string,
): Promise<BranchObservationResults> {
  const branch = await readableBranch(deps, principal, allowed, branchId);
  const q = quarter ?? quarterOf(shanghaiDay(deps.clock.now()));
  const results = await deps.observations.listResultsForBranchQuarter(branch.townshipId, branch.id, q);
  return { branchId: branch.id, quarter: q, results: results.map(presentResult) };
}
