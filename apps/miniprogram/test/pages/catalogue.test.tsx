import type { CatalogueContent } from '@chuangxing/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sessionStore } from '../../src/services/session-store';
import CataloguePage from '../../src/subpackages/catalogue/pages/catalogue/index';
import { router, taroMock } from '../mocks/taro';
import { makeBinding, makeCatalogue, makeCatalogueContent, makeMe, makeSession, residentMe } from '../support/factories';
import { errorReply, fakeApi } from '../support/fake-api';

const admin = makeBinding({
  bindingId: 'b-adm',
  userId: 'u-admin',
  role: 'district_admin',
  scope: { level: 'district', districtId: 'erqi' },
  scopeLabel: '二七区',
});
const CATALOGUE = { status: 200, body: makeCatalogue() };
const VERSIONS = {
  status: 200,
  body: {
    versions: [
      { version: 2, publishedAt: '2026-03-01T10:00:00+08:00', counts: { rural: 29, community: 27 }, note: '2026 年度标准' },
      { version: 1, publishedAt: '2025-12-01T10:00:00+08:00', counts: { rural: 29, community: 27 }, note: '示例标准（可配置）' },
    ],
  },
};
const draft = (revision: number, content: CatalogueContent = makeCatalogueContent()) => ({
  status: 200,
  body: { revision, basedOnVersion: 1, content, counts: { rural: 29, community: 27 } },
});

function asAdmin() {
  sessionStore.setSession(
    makeSession({
      me: makeMe({
        user: { id: 'u-admin', displayName: '孙管理员', isDemo: true, createdAt: '2025-01-01T00:00:00+08:00' },
        bindings: [admin],
      }),
    }),
  );
}

const stars = () => Array.from(document.querySelectorAll<HTMLElement>('.cx-catalogue-star'));
const star = (name: string) => document.querySelector(`.cx-catalogue-star[data-star="${name}"]`) as HTMLElement;
const tab = (type: 'rural' | 'community') => document.querySelector(`.cx-catalogue-tab[data-type="${type}"]`) as HTMLElement;
const button = (cls: string) => document.querySelector(`.${cls}`) as HTMLButtonElement;

async function openEditor() {
  await waitFor(() => expect(button('cx-catalogue-edit')).toBeTruthy());
  fireEvent.click(button('cx-catalogue-edit'));
  await waitFor(() => expect(document.querySelector('.cx-catalogue-editor')).toBeTruthy());
}

describe('创星标准', () => {
  it('officials read the standards in force: counts from the server per tab, tasks numbered per star, vetoes, version, date and note', async () => {
    sessionStore.setSession(makeSession({ me: makeMe() }));
    const server = fakeApi({ 'GET /v1/catalogue': CATALOGUE, 'GET /v1/catalogue/versions': VERSIONS });

    render(<CataloguePage />);
    await waitFor(() => expect(stars()).toHaveLength(5));
    expect(tab('rural').textContent).toBe('农村（29 项）');
    expect(tab('community').textContent).toBe('社区（27 项）');
    expect(screen.getByText('第 1 版')).toBeTruthy();
    expect(screen.getByText('发布于 2026-03-01')).toBeTruthy();
    expect(screen.getByText('示例标准（可配置）')).toBeTruthy();
    expect(stars().map((s) => s.dataset.star)).toEqual(['branch_strong', 'industry', 'ecology', 'safety_law', 'civility']);
    expect(stars().map((s) => s.querySelectorAll('.cx-catalogue-task').length)).toEqual([6, 6, 6, 6, 5]);
    expect(star('branch_strong').textContent).toContain('支部过硬星');
    expect(star('industry').querySelector('.cx-catalogue-task')?.textContent).toBe('1.industry 重点任务 1');
    expect(star('industry').querySelector('.cx-catalogue-veto')?.textContent).toContain('industry 否决项 1');

    fireEvent.click(tab('community'));
    expect(stars().map((s) => s.dataset.star)).toEqual(['branch_strong', 'business', 'co_build', 'safety_law', 'harmony']);
    expect(stars().map((s) => s.querySelectorAll('.cx-catalogue-task').length)).toEqual([6, 5, 5, 6, 5]);
    expect(star('harmony').textContent).toContain('幸福和谐星');

    // 历史版本: tap → that version.
    await waitFor(() => expect(document.querySelectorAll('.cx-catalogue-version-item')).toHaveLength(2));
    fireEvent.click(document.querySelector('.cx-catalogue-version-item[data-version="2"]') as HTMLElement);
    expect(taroMock.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/catalogue/pages/catalogue/index?version=2' });
    expect(button('cx-catalogue-edit')).toBeNull();
    expect(server.calls('GET /v1/catalogue/draft')).toHaveLength(0);
  });

  it('?version= reads that published version', async () => {
    sessionStore.setSession(makeSession({ me: makeMe() }));
    router.params = { version: '2' };
    const server = fakeApi({
      'GET /v1/catalogue/versions/2': { status: 200, body: makeCatalogue({ version: 2, note: '2026 年度标准' }) },
      'GET /v1/catalogue/versions': VERSIONS,
    });

    render(<CataloguePage />);
    expect(await screen.findByText('第 2 版')).toBeTruthy();
    expect(screen.getByText('历史版本', { selector: '.cx-tag' })).toBeTruthy();
    expect(server.calls('GET /v1/catalogue')).toHaveLength(0);
  });

  it('residents read the standards, without 历史版本 or 编辑草稿; a failure shows the server’s message and 重试', async () => {
    sessionStore.setSession(makeSession({ me: residentMe() }));
    const server = fakeApi({ 'GET /v1/catalogue': [errorReply(500, 'INTERNAL', '服务繁忙，请稍后再试'), CATALOGUE] });

    render(<CataloguePage />);
    expect(await screen.findByText('服务繁忙，请稍后再试')).toBeTruthy();
    fireEvent.click(screen.getByText('重试'));
    await waitFor(() => expect(stars()).toHaveLength(5));
    expect(server.calls('GET /v1/catalogue/versions')).toHaveLength(0);
    expect(button('cx-catalogue-edit')).toBeNull();
  });

  it('district admin: 编辑草稿 edits titles, adds and removes tasks and vetoes with live counts; 保存草稿 sends the content with the revision', async () => {
    asAdmin();
    const server = fakeApi({
      'GET /v1/catalogue': CATALOGUE,
      'GET /v1/catalogue/versions': VERSIONS,
      'GET /v1/catalogue/draft': draft(3),
      'PUT /v1/catalogue/draft': (req) => {
        const body = req.body as { content: CatalogueContent; revision: number };
        return draft(body.revision + 1, body.content);
      },
    });

    render(<CataloguePage />);
    await openEditor();
    expect(server.calls('GET /v1/catalogue/draft')).toHaveLength(1);
    expect(tab('rural').textContent).toBe('农村（29 项）');

    const industry = star('industry');
    fireEvent.change(industry.querySelector('.cx-catalogue-task input, input.cx-catalogue-task-title') as HTMLInputElement, {
      target: { value: '  培育特色产业  ' },
    });
    fireEvent.click(industry.querySelector('.cx-catalogue-task-add') as HTMLElement);
    const rows = star('industry').querySelectorAll<HTMLElement>('.cx-catalogue-task');
    expect(rows).toHaveLength(7);
    fireEvent.change(rows[6].querySelector('input') as HTMLInputElement, { target: { value: '新建产业园区' } });
    fireEvent.click(star('civility').querySelectorAll<HTMLElement>('.cx-catalogue-task-remove')[0]);
    fireEvent.click(star('ecology').querySelector('.cx-catalogue-veto-remove') as HTMLElement);
    fireEvent.click(star('ecology').querySelector('.cx-catalogue-veto-add') as HTMLElement);
    fireEvent.change(star('ecology').querySelector('.cx-catalogue-veto input') as HTMLInputElement, {
      target: { value: '发生重大环境污染事件' },
    });
    // 29 + 1 − 1: live.
    expect(tab('rural').textContent).toBe('农村（29 项）');
    fireEvent.click(star('industry').querySelector('.cx-catalogue-task-add') as HTMLElement);
    fireEvent.change(star('industry').querySelectorAll<HTMLElement>('.cx-catalogue-task')[7].querySelector('input') as HTMLInputElement, {
      target: { value: '引进龙头企业' },
    });
    expect(tab('rural').textContent).toBe('农村（30 项）');
    expect(screen.getByText('当前：农村 30 项 · 社区 27 项（未保存）')).toBeTruthy();

    fireEvent.click(button('cx-catalogue-save'));
    await waitFor(() => expect(server.calls('PUT /v1/catalogue/draft')).toHaveLength(1));
    const body = server.calls('PUT /v1/catalogue/draft')[0].body as { content: CatalogueContent; revision: number };
    expect(body.revision).toBe(3);
    const expected = makeCatalogueContent();
    expect(body.content.community).toEqual(expected.community);
    const [strong, ind, eco, safety, civ] = body.content.rural;
    expect([strong, safety]).toEqual([expected.rural[0], expected.rural[3]]);
    expect(ind.tasks.map((t) => t.title)).toEqual([
      '培育特色产业',
      ...expected.rural[1].tasks.slice(1).map((t) => t.title),
      '新建产业园区',
      '引进龙头企业',
    ]);
    expect(ind.tasks.slice(0, 6).map((t) => t.id)).toEqual(expected.rural[1].tasks.map((t) => t.id));
    expect(ind.tasks[6].id).toMatch(/^industry-t[0-9a-z]+$/);
    expect(ind.tasks[7].id).toMatch(/^industry-t[0-9a-z]+$/);
    expect(ind.tasks[6].id).not.toBe(ind.tasks[7].id);
    expect(eco.vetoes).toEqual([{ id: expect.stringMatching(/^ecology-v[0-9a-z]+$/), text: '发生重大环境污染事件' }]);
    expect(civ.tasks.map((t) => t.id)).toEqual(expected.rural[4].tasks.slice(1).map((t) => t.id));
    await waitFor(() => expect(taroMock.showToast).toHaveBeenCalledWith({ title: '草稿已保存', icon: 'success' }));

    // The next save goes out with the server's new revision.
    fireEvent.change(star('industry').querySelector('input') as HTMLInputElement, { target: { value: '培育一村一品特色产业' } });
    fireEvent.click(button('cx-catalogue-save'));
    await waitFor(() => expect(server.calls('PUT /v1/catalogue/draft')).toHaveLength(2));
    expect((server.calls('PUT /v1/catalogue/draft')[1].body as { revision: number }).revision).toBe(4);
  });

  it('保存草稿 checks the contract first: an empty title is shown next to its task and nothing is sent', async () => {
    asAdmin();
    const server = fakeApi({ 'GET /v1/catalogue': CATALOGUE, 'GET /v1/catalogue/versions': VERSIONS, 'GET /v1/catalogue/draft': draft(3) });

    render(<CataloguePage />);
    await openEditor();
    fireEvent.click(tab('community'));
    fireEvent.change(star('harmony').querySelector('input') as HTMLInputElement, { target: { value: ' ' } });
    fireEvent.click(tab('rural'));
    fireEvent.click(button('cx-catalogue-save'));

    // The problem is in the other tab: the editor switches to it.
    const error = await screen.findByText('请填写任务名称');
    expect(star('harmony').querySelector('.cx-catalogue-task')?.contains(error)).toBe(true);
    expect(server.calls('PUT /v1/catalogue/draft')).toHaveLength(0);
  });

  it('a stale save (409) reloads the draft and shows the server’s message', async () => {
    asAdmin();
    const server = fakeApi({
      'GET /v1/catalogue': CATALOGUE,
      'GET /v1/catalogue/versions': VERSIONS,
      'GET /v1/catalogue/draft': [draft(3), draft(5)],
      'PUT /v1/catalogue/draft': errorReply(409, 'CONFLICT', '草稿已被他人修改，请刷新后再编辑'),
    });

    render(<CataloguePage />);
    await openEditor();
    fireEvent.change(star('industry').querySelector('input') as HTMLInputElement, { target: { value: '我的修改' } });
    fireEvent.click(button('cx-catalogue-save'));

    expect(await screen.findByText('草稿已被他人修改，请刷新后再编辑')).toBeTruthy();
    expect(server.calls('GET /v1/catalogue/draft')).toHaveLength(2);
    await waitFor(() => expect((star('industry').querySelector('input') as HTMLInputElement).value).toBe('industry 重点任务 1'));
    // Saving again uses the reloaded revision.
    fireEvent.change(star('industry').querySelector('input') as HTMLInputElement, { target: { value: '再改一次' } });
    fireEvent.click(button('cx-catalogue-save'));
    await waitFor(() => expect(server.calls('PUT /v1/catalogue/draft')).toHaveLength(2));
    expect((server.calls('PUT /v1/catalogue/draft')[1].body as { revision: number }).revision).toBe(5);
  });

  it('发布新版本 needs a note, asks to confirm, sends the revision and the note, then shows the new version', async () => {
    asAdmin();
    const published = makeCatalogue({ version: 2, note: '2026 年度标准', publishedAt: '2026-04-01T09:00:00+08:00' });
    const server = fakeApi({
      'GET /v1/catalogue': [CATALOGUE, { status: 200, body: published }],
      'GET /v1/catalogue/versions': VERSIONS,
      'GET /v1/catalogue/draft': draft(3),
      'POST /v1/catalogue/publish': { status: 201, body: published },
    });

    render(<CataloguePage />);
    await openEditor();
    fireEvent.click(button('cx-catalogue-publish'));
    expect(await screen.findByText('请填写版本说明')).toBeTruthy();
    expect(taroMock.showModal).not.toHaveBeenCalled();

    fireEvent.change(document.querySelector('input.cx-catalogue-note') as HTMLInputElement, { target: { value: ' 2026 年度标准 ' } });
    fireEvent.click(button('cx-catalogue-publish'));
    await waitFor(() => expect(server.calls('POST /v1/catalogue/publish')).toHaveLength(1));
    expect(taroMock.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: '发布后不可修改，计划将引用新版本' }));
    expect(server.calls('POST /v1/catalogue/publish')[0].body).toEqual({ revision: 3, note: '2026 年度标准' });
    expect(await screen.findByText('第 2 版')).toBeTruthy();
    expect(document.querySelector('.cx-catalogue-editor')).toBeNull();
    await waitFor(() => expect(taroMock.showToast).toHaveBeenCalledWith({ title: '已发布第 2 版', icon: 'success' }));
  });

  it('发布新版本: cancelling the confirm sends nothing; unsaved edits must be saved first; a 409 reloads with the message', async () => {
    asAdmin();
    const server = fakeApi({
      'GET /v1/catalogue': CATALOGUE,
      'GET /v1/catalogue/versions': VERSIONS,
      'GET /v1/catalogue/draft': [draft(3), draft(4)],
      'POST /v1/catalogue/publish': errorReply(409, 'CONFLICT', '草稿已更新，请确认后再发布'),
    });

    render(<CataloguePage />);
    await openEditor();
    fireEvent.change(document.querySelector('input.cx-catalogue-note') as HTMLInputElement, { target: { value: '2026 年度标准' } });
    taroMock.showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' });
    fireEvent.click(button('cx-catalogue-publish'));
    await waitFor(() => expect(taroMock.showModal).toHaveBeenCalledTimes(1));
    expect(server.calls('POST /v1/catalogue/publish')).toHaveLength(0);

    fireEvent.change(star('industry').querySelector('input') as HTMLInputElement, { target: { value: '未保存的修改' } });
    fireEvent.click(button('cx-catalogue-publish'));
    expect(await screen.findByText('有未保存的修改，请先保存草稿再发布')).toBeTruthy();
    expect(taroMock.showModal).toHaveBeenCalledTimes(1);

    // 退出编辑 with unsaved edits asks first (confirmed here), then a fresh editor loads the draft again.
    fireEvent.click(button('cx-catalogue-cancel'));
    await waitFor(() => expect(document.querySelector('.cx-catalogue-editor')).toBeNull());
    await openEditor();
    fireEvent.change(document.querySelector('input.cx-catalogue-note') as HTMLInputElement, { target: { value: '2026 年度标准' } });
    fireEvent.click(button('cx-catalogue-publish'));
    expect(await screen.findByText('草稿已更新，请确认后再发布')).toBeTruthy();
    expect(server.calls('POST /v1/catalogue/publish')[0].body).toEqual({ revision: 4, note: '2026 年度标准' });
    await waitFor(() => expect(server.calls('GET /v1/catalogue/draft').length).toBeGreaterThanOrEqual(3));
  });
});
