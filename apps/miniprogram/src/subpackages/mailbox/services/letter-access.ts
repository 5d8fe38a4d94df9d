import type { CaseLetter, LetterActionBody, Me, RoleBinding } from '@chuangxing/shared';

/**
 * What the mailbox pages offer to whom. A case's moves come from the server (`CaseLetter.actions`); the
 * role checks below only pick titles, links and the 微权说廉 / 半月谈 forms, and the server still decides
 * (answering 403/404/409 when the page guessed wrong).
 */
const active = (me: Me | undefined): RoleBinding[] => (me ? me.bindings.filter((b) => !b.revokedAt) : []);

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

/** Who may open the case queue: the handlers (station, 纪检监察) and the overseers (township staff, district admins). */
export function readsCases(me: Me | undefined): boolean {
  return active(me).some(
    (b) => b.role === 'station_handler' || b.role === 'discipline' || b.role === 'township_staff' || b.role === 'district_admin',
  );
}

/** Does the caller act on any letters, or only oversee them (督办)? */
export function handlesCases(me: Me | undefined): boolean {
  return active(me).some((b) => isStationHandler(b) || b.role === 'discipline');
}

/** The queue's title for the caller: 民情气象站 (station), 廉情来信 (纪检监察), 来信督办 (read only). */
export function queueTitle(me: Me | undefined): string {
  const bindings = active(me);
  if (bindings.some(isStationHandler)) return '民情气象站';
  if (bindings.some((b) => b.role === 'discipline')) return '廉情来信';
  return '来信督办';
}

/** A move on a letter, as the server lists it in `CaseLetter.actions`. */
export type CaseAction = CaseLetter['actions'][number];
/** The moves made through the action form (`actOnCase`); `schedule` (列入半月谈) has its own form. */
export type LetterAction = LetterActionBody['action'];

export const ACTION_LABELS: Record<CaseAction, string> = {
  accept: '受理',
  decline: '不予受理',
  transfer: '转办',
  note: '备注',
  reply: '答复',
  schedule: '列入半月谈',
};

/**
 * The buttons of the case page: exactly the moves the server says the caller may make now (its state
 * machine × the caller's role), in its order; a move this build does not know is left out.
 */
export function caseActions(letter: Pick<CaseLetter, 'actions'>): CaseAction[] {
  return letter.actions.filter((a) => a in ACTION_LABELS);
}

/** 社区半月谈 is run by the community's own station handler or secretary: they plan it and record its minutes. */
export function runsMeetings(me: Me | undefined, branchId: string): boolean {
  return active(me).some(
    (b) => (b.role === 'station_handler' || b.role === 'secretary') && b.scope.level === 'branch' && b.scope.branchId === branchId,
  );
}

/** The communities whose 半月谈 the caller runs, in binding order. */
export function meetingBranches(me: Me | undefined): { id: string; label: string }[] {
  const out: { id: string; label: string }[] = [];
  for (const b of active(me)) {
    const s = b.scope;
    if ((b.role !== 'station_handler' && b.role !== 'secretary') || s.level !== 'branch' || out.some((x) => x.id === s.branchId)) continue;
    out.push({ id: s.branchId, label: b.scopeLabel });
  }
  return out;
}

/**
 * 微权说廉 editors: the community's secretary or station handler, or township staff of its township
 * (the board carries its township).
 */
export function canEditIntegrity(me: Me | undefined, branch: { id: string; townshipId: string }): boolean {
  return active(me).some(
    (b) =>
      ((b.role === 'secretary' || b.role === 'station_handler') && b.scope.level === 'branch' && b.scope.branchId === branch.id) ||
      (b.role === 'township_staff' && b.scope.level === 'township' && b.scope.townshipIds.includes(branch.townshipId)),
  );
}

const STATS_ROLES: readonly string[] = ['station_handler', 'township_staff', 'leader', 'district_admin'];

/** Who may open 来信三率 (the server's `getLetterStats` roles). */
export function readsLetterStats(me: Me | undefined): boolean {
  return active(me).some((b) => STATS_ROLES.includes(b.role));
}

/** Only a station handler's own communities: the page is titled 本社区三率. */
export function ownCommunityStatsOnly(me: Me | undefined): boolean {
  const bindings = active(me).filter((b) => STATS_ROLES.includes(b.role));
  return bindings.length > 0 && bindings.every((b) => b.role === 'station_handler');
}

/** District-wide leaders and district admins narrow 来信三率 to one township (chips from the org tree). */
export function filtersStatsByTownship(me: Me | undefined): boolean {
  return active(me).some((b) => (b.role === 'district_admin' || b.role === 'leader') && b.scope.level === 'district');
}

/** Who may open 廉情来信统计 (the server's `getIntegrityLetterStats`: 纪检监察 only). */
export function readsIntegrityStats(me: Me | undefined): boolean {
  return active(me).some((b) => b.role === 'discipline');
}

/** District-wide 纪检监察 narrow 廉情来信统计 to one township. */
export function filtersIntegrityStatsByTownship(me: Me | undefined): boolean {
  return active(me).some((b) => b.role === 'discipline' && b.scope.level === 'district');
}
