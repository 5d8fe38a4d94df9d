import type { CaseLetter, LetterActionBody, LetterStatus, Me, RoleBinding } from '@chuangxing/shared';

/**
 * What the mailbox pages offer to whom. These mirror the server's rules only to show or hide buttons;
 * the server decides (and answers 403/404/409 when the page guessed wrong).
 */
const active = (me: Me | undefined): RoleBinding[] => (me ? me.bindings.filter((b) => !b.revokedAt) : []);

function coversTownship(b: RoleBinding, townshipId: string): boolean {
  const s = b.scope;
  if (s.level === 'district') return true;
  if (s.level === 'township') return s.townshipIds.includes(townshipId);
  return s.townshipId === townshipId;
}

const isStationHandler = (b: RoleBinding) => b.role === 'station_handler' && b.scope.level === 'branch';

/** Branches whose letters the caller handles as 民情气象站接待员, in binding order. */
export function stationBranches(me: Me | undefined): { id: string; label: string }[] {
  const out: { id: string; label: string }[] = [];
  for (const b of active(me)) {
    const s = b.scope;
    if (b.role !== 'station_handler' || s.level !== 'branch' || out.some((x) => x.id === s.branchId)) continue;
    out.push({ id: s.branchId, label: b.scopeLabel });
  }
  return out;
}

/** Who may open the case queue: the handlers (station, inspectors) and the overseers (township staff, district admins). */
export function readsCases(me: Me | undefined): boolean {
  return active(me).some((b) => b.role === 'station_handler' || b.role === 'inspector' || b.role === 'township_staff' || b.role === 'district_admin');
}

/** Does the caller act on any letters, or only oversee them (督办)? */
export function handlesCases(me: Me | undefined): boolean {
  return active(me).some((b) => isStationHandler(b) || b.role === 'inspector');
}

/** The queue's title for the caller: 民情气象站 (station), 廉情来信 (inspectors), 来信督办 (read only). */
export function queueTitle(me: Me | undefined): string {
  const bindings = active(me);
  if (bindings.some(isStationHandler)) return '民情气象站';
  if (bindings.some((b) => b.role === 'inspector')) return '廉情来信';
  return '来信督办';
}

/**
 * May the caller act on this letter? 廉情 letters: an inspector whose scope covers the letter's township
 * (never the community's own cadres). Others: the station handler of the letter's community.
 * Township staff and district admins only read (督办).
 */
export function canActOnCase(me: Me | undefined, letter: Pick<CaseLetter, 'category' | 'branchId' | 'townshipId'>): boolean {
  const bindings = active(me);
  if (letter.category === 'integrity') return bindings.some((b) => b.role === 'inspector' && coversTownship(b, letter.townshipId));
  return bindings.some((b) => isStationHandler(b) && b.scope.level === 'branch' && b.scope.branchId === letter.branchId);
}

export type LetterAction = LetterActionBody['action'];

/** The server's state machine (apps/functions domain/letter.ts nextState), as buttons. */
const LEGAL: Record<LetterStatus, readonly LetterAction[]> = {
  submitted: ['accept', 'decline', 'transfer', 'note'],
  accepted: ['reply', 'transfer', 'note'],
  reopened: ['reply', 'note'],
  replied: ['note'],
  declined: [],
  archived: [],
};

export function legalActions(status: LetterStatus): readonly LetterAction[] {
  return LEGAL[status];
}

export const ACTION_LABELS: Record<LetterAction, string> = {
  accept: '受理',
  decline: '不予受理',
  transfer: '转办',
  note: '备注',
  reply: '答复',
};

/**
 * 微权说廉 editors: the community's secretary or station handler, or township staff of its township.
 * `townshipId` may be unknown (the board does not carry it): then only the branch-level roles count.
 */
export function canEditIntegrity(me: Me | undefined, branch: { id: string; townshipId?: string }): boolean {
  return active(me).some(
    (b) =>
      ((b.role === 'secretary' || b.role === 'station_handler') && b.scope.level === 'branch' && b.scope.branchId === branch.id) ||
      (b.role === 'township_staff' && b.scope.level === 'township' && branch.townshipId !== undefined && b.scope.townshipIds.includes(branch.townshipId)),
  );
}

/** Township staff must learn the branch's township before the page knows whether they may edit. */
export function isTownshipStaff(me: Me | undefined): boolean {
  return active(me).some((b) => b.role === 'township_staff' && b.scope.level === 'township');
}
