import { type RecordedInspection, type Role, UPLOAD_LIMITS } from '@chuangxing/shared';
import { DomainError, invalidFields, notFound } from '../../platform/kernel/domain-error';
import type { Principal } from '../../platform/kernel/principal';
import { shanghaiDay } from '../../platform/kernel/shanghai-time';
import { uploadFolder } from '../../platform/storage/upload-prefixes';
import { verifyStoredPhotos } from '../../platform/storage/verify-stored-photos';
import { nameResolver } from '../identity/identity.readers';
import { assignedNotices, branchFixers } from './finding-notices';
import { checkRecordable, type StoredFinding, type StoredFindingEvent, type StoredInspection } from './inspection';
import { checkContent } from './inspection-drafts';
import { findingRow, today } from './inspection-presenters';
import { inspectedBranch } from './inspection-scope';
import type { InspectionsPorts } from './inspections.ports';

async function presentRecorded(deps: InspectionsPorts, inspection: StoredInspection, notified: number): Promise<RecordedInspection> {
  const day = today(deps);
  const findings = await Promise.all(inspection.findingIds.map((id) => deps.inspections.getFinding(id)));
  const nameOf = await nameResolver(deps.people, [inspection.inspectorId]);
  return {
    id: inspection.id,
    branchId: inspection.branchId,
    branchName: inspection.branchName,
    townshipId: inspection.townshipId,
    visitedAt: inspection.visitedAt,
    location: inspection.location,
    summary: inspection.summary,
    inspectorName: nameOf(inspection.inspectorId, inspection.inspectorName),
    recordedAt: inspection.recordedAt,
    findings: findings.flatMap((f) => (f ? [findingRow(f.finding, day)] : [])),
    notified,
  };
}

/**
 * The branch learns of the visit only now: one transaction removes the draft and writes the visit and its
 * 问题清单 items with the notices to the branch's cadres and secretary. A retry of the same draft answers the
 * visit it became, without writing or notifying again.
 */
export async function recordInspection(
  deps: InspectionsPorts,
  principal: Principal,
  allowed: readonly Role[],
  draftId: string,
  version: number,
): Promise<RecordedInspection> {
  const draft = await deps.inspections.getDraft(principal.user.id, draftId);
  if (!draft) {
    const prior = await deps.inspections.getInspection(draftId);
    if (prior && prior.inspectorId === principal.user.id) return presentRecorded(deps, prior, 0);
    throw notFound('草稿');
  }
  if (draft.version !== version) throw new DomainError('CONFLICT', '草稿已在别处修改，请刷新后重试');
  const { content } = draft;
  const branch = await inspectedBranch(deps, principal, allowed, content.branchId, 'content.branchId');
  const vetoes = await checkContent(deps, content, branch);
  const now = deps.clock.now();
  const day = shanghaiDay(now);
  const missing = checkRecordable(content, day, now);
  if (missing.length) throw invalidFields('记录前请补全标出的项目', missing);
  await verifyStoredPhotos(
    deps.storage,
    uploadFolder('inspection', branch.id),
    content.photos.map((key, i) => ({ key, path: `content.photos.${i}`, limit: UPLOAD_LIMITS.photo })),
  );

  const at = now.toISOString();
  const findings: StoredFinding[] = content.findings.map((f) => ({
    id: deps.ids.next(),
    inspectionId: draft.id,
    inspectorId: principal.user.id,
    districtId: branch.districtId,
    townshipId: branch.townshipId,
    branchId: branch.id,
    branchName: branch.name,
    star: f.star,
    description: f.description.trim(),
    owner: f.owner.trim(),
    deadline: f.deadline,
    ...(f.vetoItemId ? { vetoItemId: f.vetoItemId, vetoText: vetoes.get(f.vetoItemId)?.text } : {}),
    status: 'open',
    version: 1,
    createdAt: at,
    updatedAt: at,
  }));
  const inspection: StoredInspection = {
    id: draft.id,
    districtId: branch.districtId,
    townshipId: branch.townshipId,
    branchId: branch.id,
    branchName: branch.name,
    visitedAt: content.visitedAt,
    location: content.location.trim(),
    photos: content.photos,
    summary: content.summary.trim(),
    inspectorId: principal.user.id,
    inspectorName: principal.user.displayName,
    recordedAt: at,
    findingIds: findings.map((f) => f.id),
  };
  const events: StoredFindingEvent[] = findings.map((f) => ({
    at,
    version: 1,
    kind: 'recorded',
    actorId: principal.user.id,
    actorName: principal.user.displayName,
    text: f.description,
  }));
  // The branch learns of the visit only now, its notices written with the visit.
  const notices = deps.notices.stage(assignedNotices(await branchFixers(deps, branch), branch, findings, day));
  const result = await deps.inspections.record(
    { authorId: principal.user.id, id: draft.id, expectedVersion: version },
    inspection,
    findings,
    events,
    notices,
  );
  if (result.kind === 'replayed') return presentRecorded(deps, result.inspection, 0);
  return presentRecorded(deps, inspection, (await deps.notices.dispatch(notices)).sent);
}
