import type { InspectionContent, InspectionDraft, InspectionList, Role, Star } from '@chuangxing/shared';
import { invalidFields, notFound } from '../../platform/kernel/domain-error';
import type { Principal } from '../../platform/kernel/principal';
import { catalogueInForce } from '../catalogue/catalogue.readers';
import type { Branch } from '../org/org.readers';
import { checkInspectionContent, type StoredInspectionDraft } from './inspection';
import { presentDraft } from './inspection-presenters';
import { inspectedBranch } from './inspection-scope';
import type { InspectionsPorts } from './inspections.ports';

/* Drafts are the author's own: always looked up under the caller's id. */

/** The catalogue in force: veto item id → its star and text. */
async function vetoesOf(deps: Pick<InspectionsPorts, 'districtId' | 'catalogue'>, type: Branch['type']) {
  const catalogue = await catalogueInForce(deps.catalogue, deps.districtId);
  return new Map(catalogue.content[type].flatMap((s) => s.vetoes.map((v) => [v.id, { star: s.star as Star, text: v.text }] as const)));
}

/** What every save (and the recording) checks against the branch and the standards; answers the veto items by id. */
export async function checkContent(deps: Pick<InspectionsPorts, 'districtId' | 'catalogue'>, content: InspectionContent, branch: Branch) {
  const vetoes = await vetoesOf(deps, branch.type);
  const errors = checkInspectionContent(content, branch.type, new Map([...vetoes].map(([id, v]) => [id, v.star])));
  if (errors.length) throw invalidFields('督导记录有误，请检查标出的项目', errors);
  return vetoes;
}

export async function listInspections(deps: InspectionsPorts, principal: Principal): Promise<InspectionList> {
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
  deps: InspectionsPorts,
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
export async function getInspectionDraft(deps: InspectionsPorts, principal: Principal, draftId: string): Promise<InspectionDraft> {
  const draft = await deps.inspections.getDraft(principal.user.id, draftId);
  if (!draft) throw notFound('草稿');
  return presentDraft(deps, draft);
}

export async function saveInspectionDraft(
  deps: InspectionsPorts,
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

export async function deleteInspectionDraft(deps: InspectionsPorts, principal: Principal, draftId: string): Promise<InspectionList> {
  await deps.inspections.deleteDraft(principal.user.id, draftId);
  return listInspections(deps, principal);
}
