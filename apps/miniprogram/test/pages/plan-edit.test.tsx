import type { Plan, PlanContent } from '@chuangxing/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sessionStore } from '../../src/services/session-store';
import PlanEditPage from '../../src/subpackages/plans/pages/edit/index';
import { router, taroMock } from '../mocks/taro';
import { inspectorBinding, makeBinding, makeBranch, makeCatalogue, makeMe, makeSession, secretaryBinding } from '../support/factories';
import { errorReply, fakeApi } from '../support/fake-api';
import { pick } from '../support/pick';

const PLAN_PATH = '/v1/branches/jianxinnan/plans/2026';
const BRANCH = { status: 200, body: { branch: makeBranch(), township: { id: 'wulibao', name: '五里堡街道' } } };
const CATALOGUE = { status: 200, body: makeCatalogue() };
const blank: PlanContent = { heldStars: [], targetStars: [], stars: [], tasks: [] };
const written: PlanContent = {
  heldStars: ['branch_strong'],
  targetStars: ['branch_strong', 'business'],
  stars: [
    { star: 'branch_strong', responsible: '张书记', leadDepartment: '党建办' },
    { star: 'business', responsible: '李主任', leadDepartment: '经济办' },
  ],
  tasks: [{ taskId: 'business-2', owner: '王五', milestones: [{ title: '摸底调研', due: '2026-04-30' }] }],
};

function makePlan(partial: Partial<Plan> = {}): Plan {
  return {
    branchId: 'jianxinnan',
    branchName: '建新南街社区',
    townshipId: 'wulibao',
    year: 2026,
    catalogueVersion: 1,
    content: written,
    status: 'draft',
    version: 3,
    updatedAt: '2026-03-10T10:00:00+08:00',
    ...partial,
  };
}
const planReply = (partial: Partial<Plan> = {}) => ({ status: 200, body: makePlan(partial) });

const asSecretary = () => sessionStore.setSession(makeSession({ me: makeMe({ bindings: [secretaryBinding('jianxinnan')] }) }));
const asStaff = () => sessionStore.setSession(makeSession({ me: makeMe() })); // township staff of 五里堡街道
const el = (selector: string) => document.querySelector(selector) as HTMLElement;
const input = (selector: string) => el(`${selector} input`) as HTMLInputElement;
const type = (selector: string, value: string) => fireEvent.change(input(selector), { target: { value } });
const chip = (cls: string, label: string) =>
  Array.from(document.querySelectorAll<HTMLElement>(`.${cls}`)).find((c) => c.textContent?.includes(label)) as HTMLElement;

describe('创星计划', () => {
  it('the branch’s secretary writes a blank plan: held ⊂ target, star owners, key tasks; 保存 sends the content with the version', async () => {
    asSecretary();
    router.params = { branchId: 'jianxinnan', year: '2026' };
    const server = fakeApi({
      [`GET ${PLAN_PATH}`]: planReply({ content: blank, version: 0, catalogueVersion: 0 }),
      'GET /v1/org/branches/jianxinnan': BRANCH,
      'GET /v1/catalogue': CATALOGUE,
      [`PUT ${PLAN_PATH}`]: (req) => planReply({ content: (req.body as { content: PlanContent }).content, version: 1 }),
    });

    render(<PlanEditPage />);
    await waitFor(() => expect(document.querySelectorAll('.cx-plan-target-star')).toHaveLength(5));
    expect(el('.cx-plan-status').textContent).toBe('草稿');
    expect(server.calls('GET /v1/catalogue')).toHaveLength(1);

    // 保星 makes it a target too; dropping a target drops the held star.
    fireEvent.click(chip('cx-plan-held-star', '支部过硬星'));
    expect(chip('cx-plan-target-star', '支部过硬星').className).toContain('is-selected');
    fireEvent.click(chip('cx-plan-target-star', '宜业兴业星'));
    fireEvent.click(chip('cx-plan-target-star', '共建共享星'));
    fireEvent.click(chip('cx-plan-target-star', '共建共享星'));

    // Nothing filled in yet: checked locally, nothing sent.
    fireEvent.click(el('.cx-plan-save'));
    expect(await screen.findAllByText('请填写负责人')).toHaveLength(2);
    expect(server.calls(`PUT ${PLAN_PATH}`)).toHaveLength(0);

    type('.cx-plan-responsible[data-star="branch_strong"]', ' 张书记 ');
    type('.cx-plan-department[data-star="branch_strong"]', '党建办');
    type('.cx-plan-responsible[data-star="business"]', '李主任');
    type('.cx-plan-department[data-star="business"]', '经济办');
    fireEvent.click(el('.cx-plan-task-option[data-id="business-2"]'));
    type('.cx-plan-task[data-id="business-2"] .cx-plan-task-owner', '王五');
    type('.cx-plan-task[data-id="business-2"] .cx-plan-milestone-title', '摸底调研');
    pick('.cx-plan-task[data-id="business-2"] .cx-plan-milestone-due', '2026-04-30');

    fireEvent.click(el('.cx-plan-save'));
    await waitFor(() => expect(server.calls(`PUT ${PLAN_PATH}`)).toHaveLength(1));
    expect(server.calls(`PUT ${PLAN_PATH}`)[0].body).toEqual({ content: written, version: 0 });
    await waitFor(() => expect(taroMock.showToast).toHaveBeenCalledWith({ title: '已保存', icon: 'success' }));

    // The next save carries the server's new version.
    type('.cx-plan-task[data-id="business-2"] .cx-plan-task-owner', '王小五');
    fireEvent.click(el('.cx-plan-save'));
    await waitFor(() => expect(server.calls(`PUT ${PLAN_PATH}`)).toHaveLength(2));
    expect((server.calls(`PUT ${PLAN_PATH}`)[1].body as { version: number }).version).toBe(1);
  });

  it('the server’s field errors land next to the fields; a 409 reloads with the server’s message', async () => {
    asSecretary();
    router.params = { branchId: 'jianxinnan', year: '2026' };
    const server = fakeApi({
      [`GET ${PLAN_PATH}`]: [
        planReply(),
        planReply({ version: 4, content: { ...written, stars: [written.stars[0], { ...written.stars[1], responsible: '赵主任' }] } }),
      ],
      'GET /v1/org/branches/jianxinnan': BRANCH,
      'GET /v1/catalogue/versions/1': CATALOGUE,
      [`PUT ${PLAN_PATH}`]: [
        {
          status: 400,
          body: {
            code: 'VALIDATION',
            message: '填写有误',
            details: [{ path: 'body.content.tasks.0.milestones.0.due', message: '日期不在本年度内' }],
          },
        },
        errorReply(409, 'STALE_VERSION', '计划已被他人修改'),
      ],
    });

    render(<PlanEditPage />);
    await waitFor(() => expect(el('.cx-plan-save')).toBeTruthy());
    expect(input('.cx-plan-responsible[data-star="business"]').value).toBe('李主任');
    fireEvent.click(el('.cx-plan-save'));
    expect(await screen.findByText('日期不在本年度内')).toBeTruthy();
    expect(el('.cx-plan-task[data-id="business-2"]').textContent).toContain('日期不在本年度内');

    fireEvent.click(el('.cx-plan-save'));
    expect(await screen.findByText('计划已被他人修改')).toBeTruthy();
    await waitFor(() => expect(input('.cx-plan-responsible[data-star="business"]').value).toBe('赵主任'));
    expect(server.calls(`GET ${PLAN_PATH}`)).toHaveLength(2);
  });

  it('提交审批 submits with the version after a confirm; the plan is then read-only', async () => {
    asSecretary();
    router.params = { branchId: 'jianxinnan', year: '2026' };
    const server = fakeApi({
      [`GET ${PLAN_PATH}`]: planReply({ status: 'returned', reviewNote: '任务节点太少' }),
      'GET /v1/org/branches/jianxinnan': BRANCH,
      'GET /v1/catalogue/versions/1': CATALOGUE,
      [`POST ${PLAN_PATH}/actions`]: planReply({ status: 'submitted', version: 4 }),
    });

    render(<PlanEditPage />);
    await waitFor(() => expect(el('.cx-plan-submit')).toBeTruthy());
    expect(el('.cx-plan-status').textContent).toBe('已退回');
    expect(el('.cx-plan-review-note').textContent).toContain('任务节点太少');
    fireEvent.click(el('.cx-plan-submit'));
    await waitFor(() => expect(server.calls(`POST ${PLAN_PATH}/actions`)).toHaveLength(1));
    expect(taroMock.showModal).toHaveBeenCalled();
    expect(server.calls(`POST ${PLAN_PATH}/actions`)[0].body).toEqual({ action: 'submit', version: 3 });
    expect(server.calls(`PUT ${PLAN_PATH}`)).toHaveLength(0);
    await waitFor(() => expect(el('.cx-plan-status').textContent).toBe('待审批'));
    expect(el('.cx-plan-save')).toBeNull();
    expect(el('.cx-plan-view')).toBeTruthy();
  });

  it('township staff of its township approve with an optional note, and 退回 needs a reason', async () => {
    asStaff();
    router.params = { branchId: 'jianxinnan', year: '2026' };
    const server = fakeApi({
      [`GET ${PLAN_PATH}`]: planReply({ status: 'submitted', version: 4 }),
      'GET /v1/org/branches/jianxinnan': BRANCH,
      'GET /v1/catalogue/versions/1': CATALOGUE,
      [`POST ${PLAN_PATH}/actions`]: planReply({ status: 'approved', version: 5, reviewNote: '同意' }),
    });

    render(<PlanEditPage />);
    await waitFor(() => expect(el('.cx-plan-approve')).toBeTruthy());
    expect(el('.cx-plan-save')).toBeNull();
    expect(el('.cx-plan-view').textContent).toContain('负责人：李主任');
    expect(el('.cx-plan-task[data-id="business-2"]').textContent).toContain('business 重点任务 2');

    fireEvent.click(el('.cx-plan-return'));
    expect(await screen.findByText('请填写退回原因')).toBeTruthy();
    expect(server.calls(`POST ${PLAN_PATH}/actions`)).toHaveLength(0);

    fireEvent.change(el('.cx-plan-note textarea'), { target: { value: ' 同意 ' } });
    fireEvent.click(el('.cx-plan-approve'));
    await waitFor(() => expect(server.calls(`POST ${PLAN_PATH}/actions`)).toHaveLength(1));
    expect(server.calls(`POST ${PLAN_PATH}/actions`)[0].body).toEqual({ action: 'approve', version: 4, note: '同意' });
    await waitFor(() => expect(el('.cx-plan-status').textContent).toBe('已批准'));
    expect(el('.cx-plan-approve')).toBeNull();
    expect(el('.cx-plan-review-note').textContent).toContain('同意');
  });

  it('everyone else reads: inspectors, staff of another township, the branch’s secretary once submitted', async () => {
    const otherStaff = makeBinding({
      scope: { level: 'township', districtId: 'erqi', townshipIds: ['dehuajie'] },
      scopeLabel: '德化街街道',
    });
    const cases: [Parameters<typeof makeMe>[0], Plan['status']][] = [
      [{ bindings: [inspectorBinding()] }, 'submitted'],
      [{ bindings: [otherStaff] }, 'submitted'],
      [{ bindings: [secretaryBinding('jianxinnan')] }, 'approved'],
      [{ bindings: [makeBinding()] }, 'draft'],
    ];
    for (const [me, status] of cases) {
      sessionStore.setSession(makeSession({ me: makeMe(me) }));
      router.params = { branchId: 'jianxinnan', year: '2026' };
      fakeApi({
        [`GET ${PLAN_PATH}`]: planReply({ status }),
        'GET /v1/org/branches/jianxinnan': BRANCH,
        'GET /v1/catalogue/versions/1': CATALOGUE,
      });
      const view = render(<PlanEditPage />);
      await waitFor(() => expect(el('.cx-plan-view')).toBeTruthy());
      for (const cls of ['cx-plan-save', 'cx-plan-submit', 'cx-plan-approve', 'cx-plan-return', 'cx-plan-responsible'])
        expect(el(`.${cls}`)).toBeNull();
      expect(Array.from(document.querySelectorAll('.cx-plan-target-star')).map((c) => c.textContent)).toEqual(['支部过硬星', '宜业兴业星']);
      expect(document.querySelectorAll('input')).toHaveLength(0);
      view.unmount();
    }
  });

  it('倒排工期 sends the 评星日期 and the number of milestones, and fills the dates from the answer', async () => {
    asSecretary();
    router.params = { branchId: 'jianxinnan' };
    const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
    const path = `/v1/branches/jianxinnan/plans/${year}`;
    const server = fakeApi({
      [`GET ${path}`]: planReply({ year }),
      'GET /v1/org/branches/jianxinnan': BRANCH,
      'GET /v1/catalogue/versions/1': CATALOGUE,
      'POST /v1/plans/schedule-backwards': { status: 200, body: { dates: ['2026-05-15', '2026-07-31', '2026-10-23'] } },
    });

    render(<PlanEditPage />);
    await waitFor(() => expect(el('.cx-plan-schedule')).toBeTruthy());
    const task = '.cx-plan-task[data-id="business-2"]';
    pick(`${task} .cx-plan-eval-date`, '2026/11/30');
    fireEvent.click(el(`${task} .cx-plan-schedule-run`));
    expect(await screen.findByText('请按 YYYY-MM-DD 填写评星日期')).toBeTruthy();

    pick(`${task} .cx-plan-eval-date`, '2026-11-30');
    type(`${task} .cx-plan-milestone-count`, '3');
    fireEvent.click(el(`${task} .cx-plan-schedule-run`));
    await waitFor(() => expect(document.querySelectorAll(`${task} .cx-plan-milestone`)).toHaveLength(3));
    expect(server.calls('POST /v1/plans/schedule-backwards')[0].body).toEqual({ evaluationDate: '2026-11-30', milestones: 3 });
    const dues = Array.from(document.querySelectorAll<HTMLInputElement>(`${task} .cx-plan-milestone-due .picker-wheel`)).map(
      (i) => i.value,
    );
    expect(dues).toEqual(['2026-05-15', '2026-07-31', '2026-10-23']);
    expect(input(`${task} .cx-plan-milestone-title`).value).toBe('摸底调研');
  });
});
