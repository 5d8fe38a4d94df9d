import { type FindingActionBody, type FindingDetail, type Role, UPLOAD_LIMITS } from '@chuangxing/shared';
import { DomainError, forbiddenRole, forbiddenScope, notFound } from '../../platform/kernel/domain-error';
import { bindingsFor, filerBindingFor, type Principal } from '../../platform/kernel/principal';
import { uploadFolder } from '../../platform/storage/upload-prefixes';
import { verifyStoredPhotos } from '../../platform/storage/verify-stored-photos';
import { nameResolver } from '../identity/identity.readers';
import type { Branch } from '../org/org.readers';
import { branchFixers, findingMoveNotices } from './finding-notices';
import { nextFindingStatus, type StoredFinding, type StoredFindingEvent } from './inspection';
import { findingRow, today, urls } from './inspection-presenters';
import { findingsBranch, inspects } from './inspection-scope';
import type { InspectionsPorts } from './inspections.ports';

async function findingDetail(
  deps: InspectionsPorts,
  principal: Principal,
  allowed: readonly Role[],
  finding: StoredFinding,
  history: StoredFindingEvent[],
  branch: Branch,
): Promise<FindingDetail> {
  const inspection = await deps.inspections.getInspection(finding.inspectionId);
  const own = Boolean(filerBindingFor(principal, allowed, deps.districtId, branch.id));
  const inspector = inspects(principal, allowed, branch);
  const actions: FindingDetail['actions'] = [];
  if (own && finding.status === 'open') actions.push('submit_fix');
  if (inspector && finding.status === 'fix_submitted') actions.push('close', 'reject');
  const nameOf = await nameResolver(deps.people, [inspection?.inspectorId, ...history.map((e) => e.actorId)]);
  return {
    finding: findingRow(finding, today(deps)),
    inspection: {
      id: finding.inspectionId,
      visitedAt: inspection?.visitedAt ?? finding.createdAt,
      location: inspection?.location ?? '',
      summary: inspection?.summary ?? '',
      inspectorName: nameOf(inspection?.inspectorId, inspection?.inspectorName ?? ''),
      photoUrls: await urls(deps, inspection?.photos),
    },
    history: await Promise.all(
      [...history]
        .sort((a, b) => a.version - b.version)
        .map(async (e) => ({
          at: e.at,
          kind: e.kind,
          actorName: nameOf(e.actorId, e.actorName),
          ...(e.text ? { text: e.text } : {}),
          ...(e.photos?.length ? { photoUrls: await urls(deps, e.photos) } : {}),
        })),
    ),
    actions,
  };
}

async function loadFinding(deps: InspectionsPorts, principal: Principal, allowed: readonly Role[], findingId: string) {
  const found = await deps.inspections.getFinding(findingId);
  if (!found) throw notFound('问题');
  const branch = await findingsBranch(deps, principal, allowed, found.finding.branchId);
  return { ...found, branch };
}

export async function getFinding(
  deps: InspectionsPorts,
  principal: Principal,
  allowed: readonly Role[],
  findingId: string,
): Promise<FindingDetail> {
  const { finding, history, branch } = await loadFinding(deps, principal, allowed, findingId);
  return findingDetail(deps, principal, allowed, finding, history, branch);
}

/**
 * The branch's own cadres and secretary submit a fix; only an inspector whose scope covers the branch closes it
 * (销号, with a note) or returns it (退回, with a reason). Versioned: a stale version is 409 CONFLICT, a move the
 * status does not allow 409 ILLEGAL_TRANSITION; each move appends to the item's history.
 */
export async function actOnFinding(
  deps: InspectionsPorts,
  principal: Principal,
  allowed: readonly Role[],
  findingId: string,
  body: FindingActionBody,
): Promise<FindingDetail> {
  const { finding, branch } = await loadFinding(deps, principal, allowed, findingId);
  if (
    body.action === 'submit_fix' ? !filerBindingFor(principal, allowed, deps.districtId, branch.id) : !inspects(principal, allowed, branch)
  ) {
    // An inspector outside the scope reaches here only through another role's binding: still not theirs to verify.
    throw bindingsFor(principal, allowed).some((b) => b.role === 'inspector') && body.action !== 'submit_fix'
      ? forbiddenScope()
      : forbiddenRole();
  }
  if (finding.version !== body.version) throw new DomainError('CONFLICT', '这个问题刚被他人处理过，请刷新后重试');
  const status = nextFindingStatus(finding.status, body.action);
  if (body.action === 'submit_fix') {
    await verifyStoredPhotos(
      deps.storage,
      uploadFolder('inspectionFix', branch.id),
      body.photos.map((key, i) => ({ key, path: `body.photos.${i}`, limit: UPLOAD_LIMITS.photo })),
    );
  }
  const at = deps.clock.now().toISOString();
  const actor = { actorId: principal.user.id, actorName: principal.user.displayName };
  const next: StoredFinding = {
    ...finding,
    status,
    version: finding.version + 1,
    updatedAt: at,
    ...(body.action === 'submit_fix'
      ? { fix: { text: body.text, photos: body.photos, at, by: principal.user.id, byName: principal.user.displayName } }
      : {}),
    ...(body.action === 'close' ? { closedAt: at } : {}),
  };
  const event: StoredFindingEvent =
    body.action === 'submit_fix'
      ? { at, version: next.version, kind: 'fix_submitted', ...actor, text: body.text, photos: body.photos }
      : body.action === 'close'
        ? { at, version: next.version, kind: 'closed', ...actor, text: body.note }
        : { at, version: next.version, kind: 'rejected', ...actor, text: body.reason };
  const notices = deps.notices.stage(
    findingMoveNotices(
      { action: body.action, at, ...(body.action === 'reject' ? { reason: body.reason } : {}) },
      next,
      body.action === 'submit_fix' ? [] : await branchFixers(deps, branch),
    ),
  );
  await deps.inspections.transitionFinding(next, finding.version, event, notices);
  await deps.notices.dispatch(notices);
  const fresh = await deps.inspections.getFinding(findingId);
  if (!fresh) throw notFound('问题');
  return findingDetail(deps, principal, allowed, fresh.finding, fresh.history, branch);
}
