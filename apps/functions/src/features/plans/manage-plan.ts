import type { Plan, PlanContent, Role } from '@chuangxing/shared';
import { DomainError, forbiddenRole, invalidFields, notFound } from '../../platform/kernel/domain-error';
import { activeBindings, bindingsFor, filerBindingFor, managesTownship, type Principal } from '../../platform/kernel/principal';
import type { NoticeDraft } from '../../platform/notify/notice';
import { readableBranch } from '../org/org.readers';
import { checkPlanComplete, checkPlanContent, nextPlanStatus, type StoredPlan } from './branch-plan';
import { catalogueNow, catalogueOfPlan } from './plan-catalogue';
import type { PlansPorts } from './plans.ports';

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
export async function getPlan(
  deps: PlansPorts,
  principal: Principal,
  allowed: readonly Role[],
  branchId: string,
  year: number,
): Promise<Plan> {
  const branch = await readableBranch(deps, principal, allowed, branchId);
  const stored = await deps.plans.get(branchId, year);
  if (stored) return present(stored);
  const catalogue = await catalogueNow(deps);
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
  deps: PlansPorts,
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
  const catalogue = current ? await catalogueOfPlan(deps, current.catalogueVersion) : await catalogueNow(deps);
  const taskStars = new Map(catalogue.content[branch.type].flatMap((s) => s.tasks.map((t) => [t.id, s.star] as const)));
  const errors = checkPlanContent(content, branch.type, year, taskStars);
  if (errors.length) throw invalidFields('计划内容有误，请检查标出的项目', errors);
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
  deps: PlansPorts,
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
    if (missing.length) throw invalidFields('计划还不完整', missing);
  }
  const next: StoredPlan = {
    ...plan,
    status,
    ...(body.action === 'submit' ? {} : body.note ? { reviewNote: body.note } : {}),
    version: plan.version + 1,
    updatedAt: deps.clock.now().toISOString(),
    updatedBy: principal.user.id,
  };
  const notices = deps.notices.stage(body.action === 'submit' ? [] : await reviewNotices(deps, next, body.action));
  await deps.plans.put(next, plan.version, notices);
  await deps.notices.dispatch(notices);
  return present(next);
}

const planPage = (p: StoredPlan) => `subpackages/plans/pages/edit/index?branchId=${encodeURIComponent(p.branchId)}&year=${p.year}`;

/** The branch's cadres and secretary hear the township's decision, once each. */
async function reviewNotices(deps: PlansPorts, p: StoredPlan, action: 'approve' | 'return'): Promise<NoticeDraft[]> {
  const seen = new Set<string>();
  const drafts: NoticeDraft[] = [];
  const plan = `${p.year}年创星计划`;
  for (const b of activeBindings(await deps.users.listBindings(deps.districtId, p.townshipId))) {
    if ((b.role !== 'cadre' && b.role !== 'secretary') || b.scope.level !== 'branch' || b.scope.branchId !== p.branchId) continue;
    if (seen.has(b.userId)) continue;
    seen.add(b.userId);
    const base = { recipientUserId: b.userId, recipientName: b.holderName ?? '', page: planPage(p) };
    drafts.push(
      action === 'approve'
        ? {
            ...base,
            kind: 'plan_approved',
            title: '创星计划已批准',
            body: `${p.branchName}${plan}已批准${p.reviewNote ? `：${p.reviewNote}` : ''}`,
            fields: { plan, status: '已批准', note: p.reviewNote || '请按计划推进' },
          }
        : {
            ...base,
            kind: 'plan_returned',
            title: '创星计划被退回',
            body: `${p.branchName}${plan}被退回：${p.reviewNote ?? ''}`,
            fields: { plan, status: '已退回', note: p.reviewNote || '请修改后重新提交' },
          },
    );
  }
  return drafts;
}
