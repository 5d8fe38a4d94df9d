import type {
  AssignLiaisonBody,
  FiveStarCandidate,
  LiaisonAssignment,
  LiaisonVisit,
  LiaisonVisitKind,
  PutFiveStarCandidateBody,
  RecordLiaisonVisitBody,
} from '@chuangxing/shared';
import { conflict, invalid, notFound } from '../../platform/kernel/domain-error';

/** Who acts, and when (today is the Asia/Shanghai day). */
export interface LiaisonActor {
  userId: string;
  name: string;
  at: string;
  today: string;
}

/** A leader's 包联 townships (one item per leader, versioned; every change is an audit event). */
export interface StoredAssignment {
  districtId: string;
  leaderId: string;
  leaderName: string;
  townshipIds: string[];
  version: number;
  updatedAt: string;
  updatedBy: string;
  updatedByName: string;
}

export interface StoredAssignmentEvent {
  districtId: string;
  leaderId: string;
  version: number;
  townshipIds: string[];
  at: string;
  by: string;
  byName: string;
}

export interface StoredVisit {
  id: string;
  clientId: string;
  districtId: string;
  townshipId: string;
  branchId: string;
  branchName: string;
  kind: LiaisonVisitKind;
  date: string;
  notes: string;
  leaderId: string;
  leaderName: string;
  recordedAt: string;
}

/** A branch's 五星 candidacy: one per branch, whoever of its township's leaders marks it; withdrawn stays on record. */
export interface StoredCandidate {
  branchId: string;
  townshipId: string;
  branchName: string;
  status: 'active' | 'withdrawn';
  strengths: string;
  weaknesses: string;
  baseline: string;
  version: number;
  markedBy: string;
  markedByName: string;
  updatedAt: string;
  updatedBy: string;
  updatedByName: string;
}

/** The assignment after the admin's edit; the same townships again (a retry) answers `current` itself (nothing to write). */
export function assign(
  current: StoredAssignment | undefined,
  body: AssignLiaisonBody,
  leader: { districtId: string; id: string; name: string },
  actor: LiaisonActor,
): StoredAssignment {
  const version = current?.version ?? 0;
  if (current && body.version === version - 1 && current.updatedBy === actor.userId && sameSet(current.townshipIds, body.townshipIds))
    return current;
  if (body.version !== version) throw conflict('包联安排已被他人修改，请刷新后再改', 'body.version');
  return {
    districtId: leader.districtId,
    leaderId: leader.id,
    leaderName: leader.name,
    townshipIds: [...body.townshipIds],
    version: version + 1,
    updatedAt: actor.at,
    updatedBy: actor.userId,
    updatedByName: actor.name,
  };
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** A leader may record only in a township assigned to them. */
export const assignedTo = (assignment: StoredAssignment | undefined, townshipId: string) =>
  Boolean(assignment?.townshipIds.includes(townshipId));

/** A new visit; the day must not be after today (Asia/Shanghai). */
export function newVisit(
  id: string,
  body: RecordLiaisonVisitBody,
  branch: { id: string; name: string; districtId: string; townshipId: string },
  actor: LiaisonActor,
): StoredVisit {
  if (body.date > actor.today) throw invalid('body.date', '走访日期不能晚于今天');
  return {
    id,
    clientId: body.clientId,
    districtId: branch.districtId,
    townshipId: branch.townshipId,
    branchId: branch.id,
    branchName: branch.name,
    kind: body.kind,
    date: body.date,
    notes: body.notes,
    leaderId: actor.userId,
    leaderName: actor.name,
    recordedAt: actor.at,
  };
}

/** The same client id again: the same visit is a retry; anything else under that id is a conflict. */
export function isVisitRetry(stored: StoredVisit, body: RecordLiaisonVisitBody, branchId: string): boolean {
  return stored.branchId === branchId && stored.kind === body.kind && stored.date === body.date && stored.notes === body.notes;
}

const sameAssessment = (c: StoredCandidate, b: PutFiveStarCandidateBody) =>
  c.strengths === b.strengths && c.weaknesses === b.weaknesses && c.baseline === b.baseline;

/** Marks or re-assesses a candidate (versioned); a retry of the write that went through answers `current` itself. */
export function markCandidate(
  current: StoredCandidate | undefined,
  body: PutFiveStarCandidateBody,
  branch: { id: string; name: string; townshipId: string },
  actor: LiaisonActor,
): StoredCandidate {
  const version = current?.version ?? 0;
  if (current?.status === 'active' && body.version === version - 1 && current.updatedBy === actor.userId && sameAssessment(current, body))
    return current;
  if (body.version !== version) throw conflict('候选评估已被他人修改，请刷新后再改', 'body.version');
  const keepsMarker = current?.status === 'active';
  return {
    branchId: branch.id,
    townshipId: branch.townshipId,
    branchName: branch.name,
    status: 'active',
    strengths: body.strengths,
    weaknesses: body.weaknesses,
    baseline: body.baseline,
    version: version + 1,
    markedBy: keepsMarker ? current.markedBy : actor.userId,
    markedByName: keepsMarker ? current.markedByName : actor.name,
    updatedAt: actor.at,
    updatedBy: actor.userId,
    updatedByName: actor.name,
  };
}

/** Withdraws an active candidacy; the same withdrawal again answers `current` itself. */
export function withdrawCandidate(current: StoredCandidate | undefined, version: number, actor: LiaisonActor): StoredCandidate {
  if (!current) throw notFound('五星候选');
  if (current.status === 'withdrawn') {
    if (version === current.version - 1 && current.updatedBy === actor.userId) return current;
    throw conflict('该候选已撤回', 'body.version');
  }
  if (version !== current.version) throw conflict('候选评估已被他人修改，请刷新后再改', 'body.version');
  return {
    ...current,
    status: 'withdrawn',
    version: current.version + 1,
    updatedAt: actor.at,
    updatedBy: actor.userId,
    updatedByName: actor.name,
  };
}

export const visitView = (v: StoredVisit): LiaisonVisit => ({
  id: v.id,
  branchId: v.branchId,
  branchName: v.branchName,
  townshipId: v.townshipId,
  kind: v.kind,
  date: v.date,
  notes: v.notes,
  leaderId: v.leaderId,
  leaderName: v.leaderName,
  recordedAt: v.recordedAt,
});

export const candidateView = (c: StoredCandidate): FiveStarCandidate => ({
  branchId: c.branchId,
  branchName: c.branchName,
  townshipId: c.townshipId,
  status: c.status,
  strengths: c.strengths,
  weaknesses: c.weaknesses,
  baseline: c.baseline,
  version: c.version,
  markedByName: c.markedByName,
  updatedAt: c.updatedAt,
  updatedByName: c.updatedByName,
});

export function assignmentView(
  leader: { id: string; name: string },
  a: StoredAssignment | undefined,
  townshipNames: ReadonlyMap<string, string>,
): LiaisonAssignment {
  return {
    leaderId: leader.id,
    leaderName: leader.name,
    townships: (a?.townshipIds ?? []).map((id) => ({ id, name: townshipNames.get(id) ?? id })),
    version: a?.version ?? 0,
    ...(a ? { updatedAt: a.updatedAt, updatedByName: a.updatedByName } : {}),
  };
}
