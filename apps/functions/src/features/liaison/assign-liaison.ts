import type { AssignLiaisonBody, LiaisonAssignment, Role } from '@chuangxing/shared';
import { forbiddenRole, invalidFields, notFound } from '../../platform/kernel/domain-error';
import { activeBindings, type Binding, bindingsFor, isDistrictAdmin, type Principal } from '../../platform/kernel/principal';
import type { PersonCard } from '../identity/identity.readers';
import { assign, assignmentView } from './liaison';
import type { LiaisonPorts } from './liaison.ports';
import { actorOf } from './liaison-access';

type AssignPorts = Pick<LiaisonPorts, 'districtId' | 'clock' | 'liaison' | 'org' | 'people'>;
type ListPorts = AssignPorts & Pick<LiaisonPorts, 'names'>;

async function townshipNames(deps: Pick<LiaisonPorts, 'districtId' | 'org'>): Promise<Map<string, string>> {
  return new Map((await deps.org.listTownships(deps.districtId)).map((t) => [t.id, t.name]));
}

/** Whoever holds an active leader binding in the district (district- or township-scoped). */
const leaderIdsIn = (bindings: Binding[], districtId: string) => [
  ...new Set(activeBindings(bindings).flatMap((b) => (b.role === 'leader' && b.scope.districtId === districtId ? [b.userId] : []))),
];

/**
 * Every leader of the district with their 包联 townships, a leader never assigned at version 0 with none, so the
 * admin sees who still lacks townships. One query each of the assignments, the townships and the district's
 * bindings (there is no index by role), one batch read of the leaders' current names.
 */
export async function listLiaisonAssignments(
  deps: ListPorts,
  principal: Principal,
  allowed: readonly Role[],
): Promise<{ assignments: LiaisonAssignment[] }> {
  if (!isDistrictAdmin(bindingsFor(principal, allowed), deps.districtId)) throw forbiddenRole();
  const [assignments, names, bindings] = await Promise.all([
    deps.liaison.listAssignments(deps.districtId),
    townshipNames(deps),
    deps.people.listBindings(deps.districtId),
  ]);
  const leaderIds = leaderIdsIn(bindings, deps.districtId);
  const people = leaderIds.length ? await deps.names.peopleOf(leaderIds) : new Map<string, PersonCard>();
  const byLeader = new Map(assignments.map((a) => [a.leaderId, a]));
  // A person no longer leading keeps their stored assignment, unlisted: their home and recording are closed anyway.
  return {
    assignments: leaderIds
      .map((id) => {
        const stored = byLeader.get(id);
        const name = people.get(id)?.displayName ?? stored?.leaderName ?? id;
        return assignmentView({ id, name }, stored, names);
      })
      .sort((a, b) => a.leaderName.localeCompare(b.leaderName, 'zh-Hans-CN')),
  };
}

/**
 * The district admin sets the townships a leader 包联. The person must hold a leader binding in the district and
 * every township must be the district's; the write is conditional on the version edited and leaves an audit event.
 */
export async function assignLiaison(
  deps: AssignPorts,
  principal: Principal,
  allowed: readonly Role[],
  leaderId: string,
  body: AssignLiaisonBody,
): Promise<LiaisonAssignment> {
  if (!isDistrictAdmin(bindingsFor(principal, allowed), deps.districtId)) throw forbiddenRole();
  const [person, names, current] = await Promise.all([
    deps.people.getUser(leaderId),
    townshipNames(deps),
    deps.liaison.getAssignment(deps.districtId, leaderId),
  ]);
  const leads = person && activeBindings(person.bindings).some((b) => b.role === 'leader' && b.scope.districtId === deps.districtId);
  if (!person || !leads) throw notFound('县级领导');
  const unknown = body.townshipIds.flatMap((id, i) =>
    names.has(id) ? [] : [{ path: `body.townshipIds.${i}`, code: 'not_found', message: '乡镇（街道）不存在' }],
  );
  if (unknown.length) throw invalidFields('包联乡镇有误', unknown);
  const leader = { districtId: deps.districtId, id: leaderId, name: person.profile.displayName };
  const actor = actorOf(deps, principal);
  const next = assign(current, body, leader, actor);
  if (next === current) return assignmentView(leader, current, names);
  await deps.liaison.putAssignment(next, body.version, {
    districtId: next.districtId,
    leaderId,
    version: next.version,
    townshipIds: next.townshipIds,
    at: actor.at,
    by: actor.userId,
    byName: actor.name,
  });
  return assignmentView(leader, next, names);
}
