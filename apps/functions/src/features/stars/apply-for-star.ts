import {
  type ApplyForStarBody,
  type ResubmitStarApplicationBody,
  type Role,
  type StarApplicationDetail,
  type StarAssessmentInput,
  UPLOAD_LIMITS,
} from '@chuangxing/shared';
import { conflict, notFound } from '../../platform/kernel/domain-error';
import { filerBindingFor, type Principal } from '../../platform/kernel/principal';
import { uploadFolder } from '../../platform/storage/upload-prefixes';
import { verifyStoredPhotos } from '../../platform/storage/verify-stored-photos';
import { catalogueInForce } from '../catalogue/catalogue.readers';
import type { Branch } from '../org/org.readers';
import { catalogueItems, checkAssessment, nextStarStatus, type StoredStarApplication, type StoredStarEvent } from './star-application';
import { detailOf } from './star-presenters';
import type { StarsPorts } from './stars.ports';

/** The caller's own branch as its secretary; any other branch does not exist for them (404). */
async function ownBranch(deps: StarsPorts, principal: Principal, allowed: readonly Role[], branchId: string): Promise<Branch> {
  const branch = await deps.org.getBranch(branchId);
  if (
    !branch ||
    branch.districtId !== deps.districtId ||
    !filerBindingFor(principal, allowed.includes('secretary') ? ['secretary'] : [], deps.districtId, branch.id)
  )
    throw notFound('支部');
  return branch;
}

/** The self-assessment against the catalogue in force, with every photo checked to be the branch's evidence. */
async function assess(deps: StarsPorts, branch: Branch, star: ApplyForStarBody['star'], items: StarAssessmentInput[]) {
  const catalogue = await catalogueInForce(deps.catalogue, deps.districtId);
  const assessed = checkAssessment(catalogueItems(catalogue.content, branch.type, star), items);
  await verifyStoredPhotos(
    deps.storage,
    uploadFolder('starEvidence', branch.id),
    items.flatMap((item, i) => item.photos.map((key, j) => ({ key, path: `body.items.${i}.photos.${j}`, limit: UPLOAD_LIMITS.photo }))),
  );
  return { catalogueVersion: catalogue.version, items: assessed };
}

/**
 * 创星申报: the secretary applies for one star of the branch's set with a self-assessment of every key task and
 * veto item of that star in the catalogue in force, whatever the branch's plan chose. It goes to the township (初审).
 */
export async function applyForStar(
  deps: StarsPorts,
  principal: Principal,
  allowed: readonly Role[],
  branchId: string,
  body: ApplyForStarBody,
): Promise<StarApplicationDetail> {
  const branch = await ownBranch(deps, principal, allowed, branchId);
  const { catalogueVersion, items } = await assess(deps, branch, body.star, body.items);
  const at = deps.clock.now().toISOString();
  const app: StoredStarApplication = {
    id: deps.ids.next(),
    districtId: branch.districtId,
    townshipId: branch.townshipId,
    branchId: branch.id,
    branchName: branch.name,
    star: body.star,
    catalogueVersion,
    items,
    status: 'township_review',
    version: 1,
    clientKey: body.clientKey,
    submittedAt: at,
    submittedBy: principal.user.id,
    updatedAt: at,
  };
  const event: StoredStarEvent = { at, version: 1, kind: 'applied', actorId: principal.user.id, actorName: principal.user.displayName };
  const { application } = await deps.applications.create(app, event);
  const stored = await deps.applications.get(application.id);
  if (!stored) throw notFound('申报');
  return detailOf(deps, stored.application, stored.history, ['secretary'], false);
}

/** After a 退回 the secretary revises the whole self-assessment (against the catalogue now in force) and resubmits. */
export async function resubmitStarApplication(
  deps: StarsPorts,
  principal: Principal,
  allowed: readonly Role[],
  applicationId: string,
  body: ResubmitStarApplicationBody,
): Promise<StarApplicationDetail> {
  const found = await deps.applications.get(applicationId);
  if (!found) throw notFound('申报');
  const branch = await ownBranch(deps, principal, allowed, found.application.branchId);
  const app = found.application;
  if (app.version !== body.version) throw conflict('这份申报刚被他人处理过，请刷新后重试');
  const { to, kind } = nextStarStatus(app.status, 'resubmit', 'secretary');
  const { catalogueVersion, items } = await assess(deps, branch, app.star, body.items);
  const at = deps.clock.now().toISOString();
  const next: StoredStarApplication = { ...app, catalogueVersion, items, status: to, version: app.version + 1, updatedAt: at };
  await deps.applications.transition(next, app.version, {
    at,
    version: next.version,
    kind,
    actorId: principal.user.id,
    actorName: principal.user.displayName,
  });
  const fresh = await deps.applications.get(applicationId);
  if (!fresh) throw notFound('申报');
  return detailOf(deps, fresh.application, fresh.history, ['secretary'], false);
}
