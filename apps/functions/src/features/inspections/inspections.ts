import {
  type BranchFindings,
  type FindingActionBody,
  type FindingDetail,
  type FindingFilter,
  type FindingRow,
  type InspectionContent,
  type InspectionDraft,
  type InspectionList,
  type PresignedUpload,
  type PresignInspectionPhotoBody,
  type RecordedInspection,
  type Role,
  type Star,
  type TownshipFindings,
  UPLOAD_LIMITS,
} from '@chuangxing/shared';
import type { Deps } from '../../platform/kernel/deps';
import { DomainError, forbiddenRole, forbiddenScope, invalid, notFound } from '../../platform/kernel/domain-error';
import {
  activeBindings,
  bindingsFor,
  coversBranch,
  coversTownship,
  filerBindingFor,
  type Principal,
} from '../../platform/kernel/principal';
import { shanghaiDay } from '../../platform/kernel/shanghai-time';
import type { Notification } from '../../platform/notify/notifier';
import { presignUpload } from '../../platform/storage/presign-upload';
import { UPLOAD_PREFIXES } from '../../platform/storage/upload-prefixes';
import { verifyStoredPhotos } from '../../platform/storage/verify-stored-photos';
import { getCatalogue } from '../catalogue/manage-catalogue';
import type { Branch } from '../org/org';
import {
  checkInspectionContent,
  checkRecordable,
  isOverdue,
  nextFindingStatus,
  type StoredFinding,
  type StoredFindingEvent,
  type StoredInspection,
  type StoredInspectionDraft,
  starCounts,
} from './inspection';

const PHOTO_URL_SECONDS = 15 * 60;
const OVERSEERS: readonly Role[] = ['township_staff', 'leader', 'inspector', 'district_admin'];
const FINDINGS_PAGE = (branchId: string) => `subpackages/inspect/pages/findings/index?branchId=${encodeURIComponent(branchId)}`;

const today = (deps: Deps) => shanghaiDay(deps.clock.now());
const urls = (deps: Deps, keys: readonly string[] = []) => Promise.all(keys.map((k) => deps.storage.presignGet(k, PHOTO_URL_SECONDS)));

/* ---------- who may do what ---------- */

/** The branch, if an inspector binding of the caller covers it: 404 when it does not exist, 403 outside the scope. */
async function inspectedBranch(
  deps: Deps,
  principal: Principal,
  allowed: readonly Role[],
  branchId: string,
  path = 'body.content.branchId',
): Promise<Branch> {
  const branch = await deps.org.getBranch(branchId);
  if (!branch || branch.districtId !== deps.districtId) throw invalid(path, '支部不存在');
  if (!inspects(principal, allowed, branch)) throw forbiddenScope();
  return branch;
}

const inspects = (principal: Principal, allowed: readonly Role[], branch: Branch) =>
  bindingsFor(principal, allowed).some((b) => b.role === 'inspector' && coversBranch(b, branch));

/**
 * Who may read a branch's 问题清单: its own cadres and secretary, and overseers whose scope covers it. A cadre of
 * another branch gets 404 (as if it did not exist); an overseer outside the scope 403.
 */
async function findingsBranch(deps: Deps, principal: Principal, allowed: readonly Role[], branchId: string): Promise<Branch> {
  const branch = await deps.org.getBranch(branchId);
  const bindings = bindingsFor(principal, allowed);
  if (!branch) throw notFound('支部');
  if (filerBindingFor(principal, allowed, deps.districtId, branchId)) return branch;
  const overseers = bindings.filter((b) => OVERSEERS.includes(b.role));
  if (overseers.some((b) => coversBranch(b, branch))) return branch;
  if (overseers.length) throw forbiddenScope();
  throw notFound('支部');
}

/* ---------- presenting ---------- */

function row(f: StoredFinding, day: string): FindingRow {
  return {
    id: f.id,
    inspectionId: f.inspectionId,
    branchId: f.branchId,
    branchName: f.branchName,
    townshipId: f.townshipId,
    star: f.star,
    description: f.description,
    owner: f.owner,
    deadline: f.deadline,
    ...(f.vetoItemId ? { vetoItemId: f.vetoItemId } : {}),
    ...(f.vetoText ? { vetoText: f.vetoText } : {}),
    status: f.status,
    overdue: isOverdue(f, day),
    version: f.version,
    createdAt: f.createdAt,
    ...(f.closedAt ? { closedAt: f.closedAt } : {}),
  };
}

/** Overdue first, then open before closed, then by deadline. */
const byUrgency = (a: FindingRow, b: FindingRow) =>
  Number(b.overdue) - Number(a.overdue) ||
  Number(a.status === 'closed') - Number(b.status === 'closed') ||
  a.deadline.localeCompare(b.deadline) ||
  a.createdAt.localeCompare(b.createdAt);

async function presentDraft(deps: Deps, d: StoredInspectionDraft): Promise<InspectionDraft> {
  return {
    id: d.id,
    content: d.content,
    branchName: d.branchName,
    townshipId: d.townshipId,
    photoUrls: await urls(deps, d.content.photos),
    version: d.version,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
  };
}

/** The catalogue in force: veto item id → its star and text. */
async function vetoesOf(deps: Deps, type: Branch['type']) {
  const catalogue = await getCatalogue(deps);
  return new Map(catalogue.content[type].flatMap((s) => s.vetoes.map((v) => [v.id, { star: s.star as Star, text: v.text }] as const)));
}

async function checkContent(deps: Deps, content: InspectionContent, branch: Branch) {
  const vetoes = await vetoesOf(deps, branch.type);
  const errors = checkInspectionContent(content, branch.type, new Map([...vetoes].map(([id, v]) => [id, v.star])));
  if (errors.length) throw new DomainError('VALIDATION_FAILED', '督导记录有误，请检查标出的项目', errors);
  return vetoes;
}

/* ---------- drafts (the author's own) ---------- */

export async function listInspections(deps: Deps, principal: Principal): Promise<InspectionList> {
  const [drafts, recorded] = await Promise.all([
    deps.inspections.listDrafts(principal.user.id),
    deps.inspections.listRecorded(principal.user.id),
  ]);
  return {
    drafts: drafts.map((d) => ({
      id: d.id,
      branchId: d.content.branchId,
      branchName: d.branchName,
      visitedAt: d.content.visitedAt,
      findings: d.content.findings.length,
      at: d.updatedAt,
      version: d.version,
    })),
    recorded: recorded.map((r) => ({
      id: r.id,
      branchId: r.branchId,
      branchName: r.branchName,
      visitedAt: r.visitedAt,
      findings: r.findings,
      at: r.recordedAt,
    })),
  };
}

export async function createInspectionDraft(
  deps: Deps,
  principal: Principal,
  allowed: readonly Role[],
  content: InspectionContent,
): Promise<InspectionDraft> {
  const branch = await inspectedBranch(deps, principal, allowed, content.branchId);
  await checkContent(deps, content, branch);
  const now = deps.clock.now().toISOString();
  const draft: StoredInspectionDraft = {
    id: deps.ids.next(),
    authorId: principal.user.id,
    content,
    branchName: branch.name,
    townshipId: branch.townshipId,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await deps.inspections.createDraft(draft);
  return presentDraft(deps, draft);
}

/** Only ever looked up under the caller's own id: another user's draft is 404, exactly like a missing one. */
export async function getInspectionDraft(deps: Deps, principal: Principal, draftId: string): Promise<InspectionDraft> {
  const draft = await deps.inspections.getDraft(principal.user.id, draftId);
  if (!draft) throw notFound('草稿');
  return presentDraft(deps, draft);
}

export async function saveInspectionDraft(
  deps: Deps,
  principal: Principal,
  allowed: readonly Role[],
  draftId: string,
  content: InspectionContent,
  version: number,
): Promise<InspectionDraft> {
  const current = await deps.inspections.getDraft(principal.user.id, draftId);
  if (!current) throw notFound('草稿');
  const branch = await inspectedBranch(deps, principal, allowed, content.branchId);
  await checkContent(deps, content, branch);
  const next: StoredInspectionDraft = {
    ...current,
    content,
    branchName: branch.name,
    townshipId: branch.townshipId,
    version: version + 1,
    updatedAt: deps.clock.now().toISOString(),
  };
  await deps.inspections.saveDraft(next, version);
  return presentDraft(deps, next);
}

export async function deleteInspectionDraft(deps: Deps, principal: Principal, draftId: string): Promise<InspectionList> {
  await deps.inspections.deleteDraft(principal.user.id, draftId);
  return listInspections(deps, principal);
}

/* ---------- recording ---------- */

async function presentRecorded(deps: Deps, inspection: StoredInspection, notified: number): Promise<RecordedInspection> {
  const day = today(deps);
  const findings = await Promise.all(inspection.findingIds.map((id) => deps.inspections.getFinding(id)));
  return {
    id: inspection.id,
    branchId: inspection.branchId,
    branchName: inspection.branchName,
    townshipId: inspection.townshipId,
    visitedAt: inspection.visitedAt,
    location: inspection.location,
    summary: inspection.summary,
    inspectorName: inspection.inspectorName,
    recordedAt: inspection.recordedAt,
    findings: findings.flatMap((f) => (f ? [row(f.finding, day)] : [])),
    notified,
  };
}

/**
 * The branch learns of the visit only now: one transaction removes the draft and writes the visit and its
 * 问题清单 items, then the branch's cadres and secretary are notified. A retry of the same draft answers the
 * visit it became, without writing or notifying again.
 */
export async function recordInspection(
  deps: Deps,
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
  if (missing.length) throw new DomainError('VALIDATION_FAILED', '记录前请补全标出的项目', missing);
  await verifyStoredPhotos(
    deps.storage,
    `inspection/${branch.id}/`,
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
  const result = await deps.inspections.record(
    { authorId: principal.user.id, id: draft.id, expectedVersion: version },
    inspection,
    findings,
    events,
  );
  if (result.kind === 'replayed') return presentRecorded(deps, result.inspection, 0);
  return presentRecorded(deps, inspection, await notifyBranch(deps, branch, findings.length));
}

/** The branch's cadres and secretary, once each: "四不两直督导发现 N 个问题". */
async function notifyBranch(deps: Deps, branch: Branch, count: number): Promise<number> {
  const bindings = activeBindings(await deps.users.listBindings(deps.districtId, branch.townshipId));
  const seen = new Set<string>();
  const messages: Notification[] = [];
  for (const b of bindings) {
    if (
      (b.role !== 'cadre' && b.role !== 'secretary') ||
      b.scope.level !== 'branch' ||
      b.scope.branchId !== branch.id ||
      seen.has(b.userId)
    )
      continue;
    seen.add(b.userId);
    messages.push({
      recipientUserId: b.userId,
      recipientName: b.holderName ?? '',
      title: '督导问题清单',
      body: count
        ? `${branch.name}：督导组四不两直走访发现 ${count} 个问题，请在整改时限内整改并提交`
        : `${branch.name}：督导组已完成四不两直走访，未发现问题`,
      page: FINDINGS_PAGE(branch.id),
    });
  }
  return messages.length ? (await deps.notifier.send(messages)).sent : 0;
}

export async function presignInspectionPhoto(
  deps: Deps,
  principal: Principal,
  allowed: readonly Role[],
  body: PresignInspectionPhotoBody,
): Promise<PresignedUpload> {
  if (body.purpose === 'inspection') {
    if (!bindingsFor(principal, allowed).some((b) => b.role === 'inspector')) throw forbiddenRole();
    await inspectedBranch(deps, principal, allowed, body.branchId, 'body.branchId');
    return presignUpload(deps, `${UPLOAD_PREFIXES.inspection}${body.branchId}`, body.contentType, UPLOAD_LIMITS.photo);
  }
  if (!filerBindingFor(principal, allowed, deps.districtId, body.branchId)) throw notFound('支部');
  return presignUpload(deps, `${UPLOAD_PREFIXES.inspectionFix}${body.branchId}`, body.contentType, UPLOAD_LIMITS.photo);
}

/* ---------- 问题清单 ---------- */

export async function listBranchFindings(
  deps: Deps,
  principal: Principal,
  allowed: readonly Role[],
  branchId: string,
): Promise<BranchFindings> {
  const branch = await findingsBranch(deps, principal, allowed, branchId);
  const day = today(deps);
  const stored = await deps.inspections.listBranchFindings(branch.townshipId, branch.id);
  return {
    branchId: branch.id,
    branchName: branch.name,
    findings: stored.map((f) => row(f, day)).sort(byUrgency),
    stars: starCounts(branch.type, stored, day),
  };
}

export async function listTownshipFindings(
  deps: Deps,
  principal: Principal,
  allowed: readonly Role[],
  townshipId: string,
  filter: FindingFilter,
): Promise<TownshipFindings> {
  if (!bindingsFor(principal, allowed).some((b) => coversTownship(b, deps.districtId, townshipId))) throw forbiddenScope();
  if (!(await deps.org.getTownship(deps.districtId, townshipId))) throw notFound('乡镇（街道）');
  const day = today(deps);
  const [stored, branches] = await Promise.all([deps.inspections.listTownshipFindings(townshipId), deps.org.listBranches(townshipId)]);
  const rows = stored.map((f) => row(f, day));
  const keep = (r: FindingRow) =>
    filter === 'all' || (filter === 'closed' ? r.status === 'closed' : filter === 'overdue' ? r.overdue : r.status !== 'closed');
  const types = new Map(branches.map((b) => [b.id, b]));
  const withFindings = [...new Set(stored.map((f) => f.branchId))];
  return {
    townshipId,
    filter,
    findings: rows.filter(keep).sort(byUrgency),
    branches: withFindings
      .map((id) => {
        const mine = stored.filter((f) => f.branchId === id);
        return {
          branchId: id,
          branchName: types.get(id)?.name ?? mine[0].branchName,
          stars: starCounts(types.get(id)?.type ?? 'community', mine, day),
        };
      })
      .sort((a, b) => a.branchName.localeCompare(b.branchName, 'zh')),
  };
}

async function findingDetail(
  deps: Deps,
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
  return {
    finding: row(finding, today(deps)),
    inspection: {
      id: finding.inspectionId,
      visitedAt: inspection?.visitedAt ?? finding.createdAt,
      location: inspection?.location ?? '',
      summary: inspection?.summary ?? '',
      inspectorName: inspection?.inspectorName ?? '',
      photoUrls: await urls(deps, inspection?.photos),
    },
    history: await Promise.all(
      [...history]
        .sort((a, b) => a.version - b.version)
        .map(async (e) => ({
          at: e.at,
          kind: e.kind,
          actorName: e.actorName,
          ...(e.text ? { text: e.text } : {}),
          ...(e.photos?.length ? { photoUrls: await urls(deps, e.photos) } : {}),
        })),
    ),
    actions,
  };
}

async function loadFinding(deps: Deps, principal: Principal, allowed: readonly Role[], findingId: string) {
  const found = await deps.inspections.getFinding(findingId);
  if (!found) throw notFound('问题');
  const branch = await findingsBranch(deps, principal, allowed, found.finding.branchId);
  return { ...found, branch };
}

export async function getFinding(deps: Deps, principal: Principal, allowed: readonly Role[], findingId: string): Promise<FindingDetail> {
  const { finding, history, branch } = await loadFinding(deps, principal, allowed, findingId);
  return findingDetail(deps, principal, allowed, finding, history, branch);
}

/**
 * The branch's own cadres and secretary submit a fix; only an inspector whose scope covers the branch closes it
 * (销号, with a note) or returns it (退回, with a reason). Versioned: a stale version is 409 CONFLICT, a move the
 * status does not allow 409 ILLEGAL_TRANSITION; each move appends to the item's history.
 */
export async function actOnFinding(
  deps: Deps,
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
      `inspection-fix/${branch.id}/`,
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
  await deps.inspections.transitionFinding(next, finding.version, event);
  if (body.action === 'submit_fix') await notifyInspector(deps, next);
  const fresh = await deps.inspections.getFinding(findingId);
  return findingDetail(deps, principal, allowed, fresh!.finding, fresh!.history, branch);
}

/** The inspector who found it hears that a fix waits for 销号. */
async function notifyInspector(deps: Deps, f: StoredFinding): Promise<void> {
  await deps.notifier.send([
    {
      recipientUserId: f.inspectorId,
      recipientName: '',
      title: '整改待销号',
      body: `${f.branchName}已提交整改：${f.description.slice(0, 20)}`,
      page: FINDINGS_PAGE(f.branchId),
    },
  ]);
}
