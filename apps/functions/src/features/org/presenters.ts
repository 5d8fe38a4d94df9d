import type { Branch as BranchDto, Invitation as InvitationDto, TownshipSummary } from '@chuangxing/shared';
import type { Invitation } from '../identity/invitation';
import { type Branch, starsOf, type Township } from './org';

export const presentBranch = (b: Branch): BranchDto => ({ ...b, stars: starsOf(b) });

export const presentTownship = (t: Township): TownshipSummary => ({
  id: t.id,
  name: t.name,
  kind: t.kind,
  isDemo: t.isDemo,
  counts: { ...t.counts, total: t.counts.rural + t.counts.community },
});

/** Never the code hash: it is the only way to redeem. */
export function presentInvitation(inv: Invitation): InvitationDto {
  const { codeHash: _hidden, ...rest } = inv;
  return rest;
}
