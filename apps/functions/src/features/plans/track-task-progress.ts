import {
  type PresignEvidenceBody,
  type PresignedUpload,
  type Role,
  type TaskProgress,
  type TaskUpdateBody,
  UPLOAD_LIMITS,
} from '@chuangxing/shared';
import { DomainError, notFound } from '../../platform/kernel/domain-error';
import { filerBindingFor, type Principal } from '../../platform/kernel/principal';
import { shanghaiDay } from '../../platform/kernel/shanghai-time';
import { presignUpload } from '../../platform/storage/presign-upload';
import { uploadFolder } from '../../platform/storage/upload-prefixes';
import { verifyStoredPhotos } from '../../platform/storage/verify-stored-photos';
import { nameResolver } from '../identity/identity.readers';
import { readableBranch } from '../org/org.readers';
import { catalogueOfPlan } from './plan-catalogue';
import type { PlansPorts } from './plans.ports';
import { doneAtAfter, reportedPercent } from './task-progress';

const EVIDENCE_URL_SECONDS = 15 * 60;

/** The plan task, its catalogue title and star: 404 when the plan or the task is not there. */
async function planTask(deps: PlansPorts, branchId: string, branchType: 'rural' | 'community', year: number, taskId: string) {
  const plan = await deps.plans.get(branchId, year);
  const task = plan?.content.tasks.find((t) => t.taskId === taskId);
  if (!plan || !task) throw notFound('重点任务');
  const catalogue = await catalogueOfPlan(deps, plan.catalogueVersion);
  const star = catalogue.content[branchType].find((s) => s.tasks.some((t) => t.id === taskId));
  return { plan, task, star: star?.star ?? 'branch_strong', title: star?.tasks.find((t) => t.id === taskId)?.title ?? taskId };
}

export async function getTaskProgress(
  deps: PlansPorts,
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
  deps: PlansPorts,
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
  const nameOf = await nameResolver(
    deps.people,
    updates.map((u) => u.by),
  );
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
        byName: nameOf(u.by, u.byName),
      })),
    ),
    reports: reports
      .flatMap((r) => r.content.items.filter((i) => i.taskId === taskId).map((i) => ({ day: r.day, text: i.text })))
      .sort((a, b) => b.day.localeCompare(a.day)),
  };
}

/** The branch's own cadres report progress on a task of their approved plan, with evidence already uploaded. */
export async function addTaskUpdate(
  deps: PlansPorts,
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
    uploadFolder('planEvidence', branchId, String(year)),
    body.evidence.map((key, i) => ({ key, path: `body.evidence.${i}`, limit: UPLOAD_LIMITS.photo })),
  );
  const at = deps.clock.now().toISOString();
  const percent = reportedPercent(body.status, body.percent);
  const previous = await deps.plans.latestTask(branchId, year, taskId);
  const doneAt = doneAtAfter(previous, body.status, at);
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
  deps: PlansPorts,
  principal: Principal,
  allowed: readonly Role[],
  body: PresignEvidenceBody,
): Promise<PresignedUpload> {
  if (!filerBindingFor(principal, allowed, deps.districtId, body.branchId)) throw notFound('支部');
  return presignUpload(deps, uploadFolder('planEvidence', body.branchId, String(body.year)), body.contentType, UPLOAD_LIMITS.photo);
}
