import { type CreateInvitationBody, type Role, STAR_LABELS, type Star } from '@chuangxing/shared';
import { bindingsFor, type Principal } from '../../platform/kernel/principal';
import { codeFromRandom } from '../../platform/kernel/random-code';
import type { IdentityPorts } from './identity.ports';
import { assertMayGrant, DEFAULT_INVITATION_HOURS, INVITATION_CODE_LENGTH, type Invitation } from './invitation';
import { resolveScope } from './resolve-scope';

/** The plain code is returned once; only its hash is stored. */
export async function createInvitation(
  deps: Pick<IdentityPorts, 'districtId' | 'clock' | 'ids' | 'randomBytes' | 'sha256' | 'org' | 'invitations'>,
  principal: Principal,
  allowed: readonly Role[],
  input: CreateInvitationBody,
): Promise<{ invitation: Invitation; code: string }> {
  assertMayGrant(bindingsFor(principal, allowed), deps.districtId, input.role, input.scope, input.star);
  const scopeLabel = taskforceLabel(await resolveScope(deps, input.scope), input.star);
  const now = deps.clock.now();
  const code = codeFromRandom(deps.randomBytes, INVITATION_CODE_LENGTH);
  const invitation: Invitation = {
    id: deps.ids.next(),
    codeHash: deps.sha256(code),
    inviteeName: input.inviteeName,
    role: input.role,
    scope: input.scope,
    scopeLabel,
    ...(input.star ? { star: input.star } : {}),
    status: 'open',
    expiresAt: new Date(now.getTime() + (input.expiresInHours ?? DEFAULT_INVITATION_HOURS) * 3_600_000).toISOString(),
    createdAt: now.toISOString(),
    createdBy: principal.user.id,
  };
  await deps.invitations.create(invitation);
  return { invitation, code };
}

/** A 专班's scope names its star: "二七区 · 平安法治星专班". */
function taskforceLabel(scopeLabel: string, star: Star | undefined): string {
  return star ? `${scopeLabel} · ${STAR_LABELS[star]}专班` : scopeLabel;
}
