import type { PresignEvidenceBody, TaskUpdateBody } from '@chuangxing/shared';
import { type Plan, type PlanContent, type PresignedUpload, type Role, type TaskProgress, UPLOAD_LIMITS } from '@chuangxing/shared';
import type { Deps } from '../../platform/kernel/deps';
import { DomainError, forbiddenRole, notFound } from '../../platform/kernel/domain-error';
import { bindingsFor, filerBindingFor, managesTownship, type Principal } from '../../platform/kernel/principal';
import { shanghaiDay } from '../../platform/kernel/shanghai-time';
import { presignUpload } from '../../platform/storage/presign-upload';
import { UPLOAD_PREFIXES } from '../../platform/storage/upload-prefixes';
import { verifyStoredPhotos } from '../../platform/storage/verify-stored-photos';
import { getCatalogue, getCatalogueVersion } from '../catalogue/manage-catalogue';
import { readableBranch } from '../org/org.readers';
import { checkPlanComplete, checkPlanContent, nextPlanStatus, type StoredPlan, scheduleBackwards } from './plan';

const present = (p: StoredPlan): Plan => ({
  branchId: p.branchId,
  branchName: p.branchName,
  townshipId: p.townshipId,
  year: p.year,
  catalogueVersion: p.catalogueVersion,
  content: p.content,
  status: p.status,
  ...(p.reviewNote ? { reviewNote: p.reviewNote } : {}),
  version: p.version,
  updatedAt: p.updatedAt,
});

const EMPTY: PlanContent = { heldStars: [], targetStars: [], stars: [], tasks: [] };

/** The plan, or a blank draft under the catalogue in force when the branch has none for the year yet. */
export async function getPlan(deps: Deps, principal: Principal, allowed: readonly Role[], branchId: string, year: number): Promise<Plan> {
  const branch = await readableBranch(deps, principal, allowed, branchId);
  const stored = await deps.plans.get(branchId, year);
  if (stored) return present(stored);
  const catalogue = await getCatalogue(deps);
  return present({
    branchId,
    branchName: branch.name,
    townshipId: branch.townshipId,
    districtId: branch.districtId,
    year,
    catalogueVersion: catalogue.version,
    content: EMPTY,
    status: 'draft',
    version: 0,
    updatedAt: deps.clock.now().toISOString(),
    updatedBy: '',
  });
}

/** Only the branch's own cadres and secretary write it, and only while it is a draft or was returned. */
export async function savePlan(
  deps: Deps,
  principal: Principal,
  allowed: readonly Role[],
  branchId: string,
  year: number,
  content: PlanContent,
  version: number,
): Promise<Plan> {
  const branch = await readableBranch(deps, principal, allowed, branchId);
  if (!filerBindingFor(principal, allowed, deps.districtId, branchId)) throw notFound('支部');
  const current = await deps.plans.get(branchId, year);
  if (current && current.status !== 'draft' && current.status !== 'returned')
    throw new DomainError('ILLEGAL_TRANSITION', '计划已提交或已批准，不能再修改');
  const catalogue = current
    ? await getCatalogueVersion(deps, current.catalogueVersion).catch(() => getCatalogue(deps))
    : await getCatalogue(deps);
  const taskStars = new Map(catalogue.content[branch.type].flatMap((s) => s.tasks.map((t) => [t.id, s.star] as const)));
  const errors = checkPlanContent(content, branch.type, year, taskStars);
  if (errors.length) throw new DomainError('VALIDATION_FAILED', '计划内容有误，请检查标出的项目', errors);
  const next: StoredPlan = {
    branchId,
    branchName: branch.name,
    townshipId: branch.townshipId,
    districtId: branch.districtId,
    year,
    catalogueVersion: current?.catalogueVersion ?? catalogue.version,
    content,
    status: current?.status ?? 'draft',
    ...(current?.reviewNote ? { reviewNote: current.reviewNote } : {}),
    version: version + 1,
    updatedAt: deps.clock.now().toISOString(),
    updatedBy: principal.user.id,
  };
  await deps.plans.put(next, version);
  return present(next);
}

/** The branch submits a complete plan; the staff of its township approve it or return it with a note. */
export async function actOnPlan(
  deps: Deps,
  principal: Principal,
  allowed: readonly Role[],
  branchId: string,
  year: number,
  body: { action: 'submit' | 'approve' | 'return'; version: number; note?: string },
): Promise<Plan> {
  const branch = await readableBranch(deps, principal, allowed, branchId);
  const plan = await deps.plans.get(branchId, year);
  if (!plan) throw notFound('计划');
  const bindings = bindingsFor(principal, allowed);
  const own = Boolean(filerBindingFor(principal, allowed, deps.districtId, branchId));
  const reviewer = bindings.some((b) => b.role === 'township_staff' && managesTownship(b, deps.districtId, branch.townshipId));
  if (body.action === 'submit' ? !own : !reviewer) throw forbiddenRole();
  if (plan.version !== body.version) throw new DomainError('CONFLICT', '计划已被他人修改，请刷新后重试');
  const status = nextPlanStatus(plan.status, body.action);
  if (body.action === 'submit') {
    const missing = checkPlanComplete(plan.content);
    if (missing.length) throw new DomainError('VALIDATION_FAILED', '计划还不完整', missing);
  }
  const next: StoredPlan = {
    ...plan,
    status,
    ...(body.action === 'submit' ? {} : body.note ? { reviewNote: body.note } : {}),
    version: plan.version + 1,
    updatedAt: deps.clock.now().toISOString(),
    updatedBy: principal.user.id,
  };
  await deps.plans.put(next, plan.version);
  return present(next);
}

export async function proposeSchedule(deps: Deps, evaluationDate: string, milestones: number, buffer: number): Promise<string[]> {
  const today = shanghaiDay(deps.clock.now());
  const months = new Set<string>();
  for (let m = today.slice(0, 7); m <= evaluationDate.slice(0, 7) && months.size < 24; ) {
    months.add(m);
    const [y, mm] = m.split('-').map(Number);
    m = mm === 12 ? `${y + 1}-01` : `${y}-${String(mm + 1).padStart(2, '0')}`;
  }
  const lists = await Promise.all([...months].map((m) => deps.rules.listExemptions(deps.districtId, m)));
  const holidays = new Set(
    lists
      .flat()
      .filter((e) => !e.branchId)
      .map((e) => e.day),
  );
  return scheduleBackwards(today, evaluationDate, milestones, buffer, holidays);
}

/* ---------- progress ---------- */

const EVIDENCE_URL_SECONDS = 15 * 60;

/** The plan task, its catalogue title and star: 404 when the plan or the task is not there. */
async function planTask(deps: Deps, branchId: string, branchType: 'rural' | 'community', year: number, taskId: string) {
  const plan = await deps.plans.get(branchId, year);
  const task = plan?.content.tasks.find((t) => t.taskId === taskId);
  if (!plan || !task) throw notFound('重点任务');
  const catalogue = await getCatalogueVersion(deps, plan.catalogueVersion).catch(() => getCatalogue(deps));
  const star = catalogue.content[branchType].find((s) => s.tasks.some((t) => t.id === taskId));
  return { plan, task, star: star?.star ?? 'branch_strong', title: star?.tasks.find((t) => t.id === taskId)?.title ?? taskId };
}

export async function getTaskProgress(
  deps: Deps,
  principal: Principal,
  allowed: readonly Role[],
  branchId: string,
  year: number,
  taskId: string,
): Promise<TaskProgress> {
  const branch = await readableBranch(deps, principal, allowed, branchId);
  return taskProgressOf(deps, branchId, year, taskId, await planTask(deps, branchId, branch.type, year, taskId));
}

/** The task's updates and the reports that named it, for a task already found in the plan. */
async function taskProgressOf(
  deps: Deps,
  branchId: string,
  year: number,
  taskId: string,
  { star, title }: { star: TaskProgress['star']; title: string },
): Promise<TaskProgress> {
  const today = shanghaiDay(deps.clock.now());
  const last = `${year}-12-31` < today ? `${year}-12-31` : today;
  const [updates, reports] = await Promise.all([
    deps.plans.taskUpdates(branchId, year, taskId),
    // One year of one branch's reports at most: bounded, and read only when someone opens the task.
    `${year}-01-01` <= last ? deps.reports.listRange(branchId, `${year}-01-01`, last) : Promise.resolve([]),
  ]);
  const latest = updates[0];
  return {
    taskId,
    title,
    star,
    status: latest?.status ?? 'not_started',
    percent: latest?.percent ?? 0,
    updates: await Promise.all(
      updates.map(async (u) => ({
        id: u.id,
        status: u.status,
        percent: u.percent,
        note: u.note,
        evidenceUrls: await Promise.all(u.evidence.map((k) => deps.storage.presignGet(k, EVIDENCE_URL_SECONDS))),
        at: u.at,
        byName: u.byName,
      })),
    ),
    reports: reports
      .flatMap((r) => r.content.items.filter((i) => i.taskId === taskId).map((i) => ({ day: r.day, text: i.text })))
      .sort((a, b) => b.day.localeCompare(a.day)),
  };
}

/** The branch's own cadres report progress on a task of their approved plan, with evidence already uploaded. */
export async function addTaskUpdate(
  deps: Deps,
  principal: Principal,
  allowed: readonly Role[],
  branchId: string,
  year: number,
  taskId: string,
  body: TaskUpdateBody,
): Promise<TaskProgress> {
  const branch = await readableBranch(deps, principal, allowed, branchId);
  if (!filerBindingFor(principal, allowed, deps.districtId, branchId)) throw notFound('支部');
  const found = await planTask(deps, branchId, branch.type, year, taskId);
  const { plan, star } = found;
  if (plan.status !== 'approved') throw new DomainError('ILLEGAL_TRANSITION', '计划批准后才能报告任务进展');
  await verifyStoredPhotos(
    deps.storage,
    `plan-evidence/${branchId}/${year}/`,
    body.evidence.map((key, i) => ({ key, path: `body.evidence.${i}`, limit: UPLOAD_LIMITS.photo })),
  );
  const at = deps.clock.now().toISOString();
  const percent = body.status === 'done' ? 100 : body.percent;
  const previous = await deps.plans.latestTask(branchId, year, taskId);
  const doneAt = body.status !== 'done' ? undefined : previous?.status === 'done' && previous.doneAt ? previous.doneAt : at;
  await deps.plans.addTaskUpdate(
    branchId,
    year,
    {
      id: deps.ids.next(),
      taskId,
      status: body.status,
      percent,
      note: body.note,
      evidence: body.evidence,
      at,
      by: principal.user.id,
      byName: principal.user.displayName,
    },
    { townshipId: branch.townshipId, branchId, taskId, star, status: body.status, percent, at, ...(doneAt ? { doneAt } : {}) },
  );
  return taskProgressOf(deps, branchId, year, taskId, found);
}

export async function presignEvidence(
  deps: Deps,
  principal: Principal,
  allowed: readonly Role[],
  body: PresignEvidenceBody,
): Promise<PresignedUpload> {
  if (!filerBindingFor(principal, allowed, deps.districtId, body.branchId)) throw notFound('支部');
  return presignUpload(deps, `${UPLOAD_PREFIXES.planEvidence}${body.branchId}/${body.year}`, body.contentType, UPLOAD_LIMITS.photo);
}
