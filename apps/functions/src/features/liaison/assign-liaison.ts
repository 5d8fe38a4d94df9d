import type { AssignLiaisonBody, LiaisonAssignment, Role } from '@chuangxing/shared';
import { forbiddenRole, invalidFields, notFound } from '../../platform/kernel/domain-error';
import { activeBindings, bindingsFor, isDistrictAdmin, type Principal } from '../../platform/kernel/principal';
import { assign, assignmentView } from './liaison';
import type { LiaisonPorts } from './liaison.ports';
import { actorOf } from './liaison-access';

type AssignPorts = Pick<LiaisonPorts, 'districtId' | 'clock' | 'liaison' | 'org' | 'people'>;

async function townshipNames(deps: Pick<LiaisonPorts, 'districtId' | 'org'>): Promise<Map<string, string>> {
  return new Map((await deps.org.listTownships(deps.districtId)).map((t) => [t.id, t.name]));
}

/** Every leader's 包联 townships (one query of the assignments, one of the townships). */
export async function listLiaisonAssignments(
  deps: AssignPorts,
  principal: Principal,
  allowed: readonly Role[],
): Promise<{ assignments: LiaisonAssignment[] }> {
  if (!isDistrictAdmin(bindingsFor(principal, allowed), deps.districtId)) throw forbiddenRole();
  const [assignments, names] = await Promise.all([deps.liaison.listAssignments(deps.districtId), townshipNames(deps)]);
  return {
    assignments: assignments
      .sort((a, b) => a.leaderName.localeCompare(b.leaderName, 'zh-Hans-CN'))
      .map((a) => assignmentView({ id: a.leaderId, name: a.leaderName }, a, names)),
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
