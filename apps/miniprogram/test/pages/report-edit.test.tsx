import type { SubmitReportBody } from '@chuangxing/shared';
import { act, configure, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sessionStore } from '../../src/services/session-store';
import ReportEditPage from '../../src/subpackages/reports/pages/edit/index';
import { resetReportSync } from '../../src/subpackages/reports/services/report-sync';
import { shanghaiDay } from '../../src/subpackages/reports/services/shanghai-day';
import { emitAppShow, emitNetworkChange, router, taroMock } from '../mocks/taro';
import { makeBranch, makeCatalogue, makeMe, makeReport, makeReportDetail, makeSession, secretaryBinding } from '../support/factories';
import { errorReply, fakeApi, type Reply, type SentRequest } from '../support/fake-api';

// These journeys chain several requests and debounced saves; allow for a busy CI machine.
configure({ asyncUtilTimeout: 3000 });

const today = shanghaiDay();
const reportPath = `/v1/branches/jianxinnan/reports/${today}`;
const RULES = { status: 200, body: { deadline: '22:00', maxBackfillDays: 1, reminderTime: '20:00' } };
const BRANCH = { status: 200, body: { branch: makeBranch(), township: { id: 'wulibao', name: '五里堡街道' } } };
const NOT_FILED = errorReply(404, 'NOT_FOUND', '日报不存在');
const offline = (): Reply => {
  throw new Error('request:fail');
};
const photoKey = (n: number, ext = 'jpg') => `daily-report/jianxinnan/${today}/photo${String(n).padStart(8, '0')}.${ext}`;

function filed(partial: Parameters<typeof makeReport>[0] = {}) {
  return { status: 200, body: makeReportDetail({ report: makeReport({ day: today, ...partial }) }) };
}

function asSecretary() {
  sessionStore.setSession(
    makeSession({
      me: makeMe({
        user: { id: 'u-sec', displayName: '张书记', isDemo: true, createdAt: '2025-01-01T08:00:00+08:00' },
        bindings: [secretaryBinding()],
      }),
    }),
  );
  router.params = { branchId: 'jianxinnan' };
}

const created = (req: SentRequest, status: 200 | 201 = 201): Reply => {
  const body = req.body as SubmitReportBody;
  return {
    status,
    body: { report: makeReport({ day: today, content: body.content, version: (body.expectedVersion ?? 0) + 1 }), replayed: false },
  };
};

async function fillFirstItem(text: string, star = '宜业兴业星') {
  await screen.findByText('第 1 项');
  fireEvent.click(screen.getAllByText(star)[0]);
  fireEvent.change(document.querySelector('.cx-report-item-text') as HTMLTextAreaElement, { target: { value: text } });
}

const status = () => document.querySelector('.cx-report-status')?.textContent;
const submitButton = () => document.querySelector('.cx-report-submit') as HTMLButtonElement;

describe('填写日报', () => {
  it('submits the form as the contract body: star, text, counts, problems, plan, a fresh idempotency key', async () => {
    asSecretary();
    const server = fakeApi({
      'GET /v1/org/branches/jianxinnan': BRANCH,
      'GET /v1/daily-rules': RULES,
      [`GET ${reportPath}`]: [NOT_FILED, filed()],
      [`PUT ${reportPath}`]: (req) => created(req),
    });

    render(<ReportEditPage />);
    await fillFirstItem('  走访困难群众 5 户  ');
    const plus = document.querySelectorAll('.cx-report-count-more')[0];
    fireEvent.click(plus);
    fireEvent.click(plus);
    fireEvent.change(document.querySelector('.cx-report-problems textarea, textarea.cx-report-problems') as HTMLTextAreaElement, {
      target: { value: '活动经费紧张' },
    });
    fireEvent.change(document.querySelector('textarea.cx-report-plan') as HTMLTextAreaElement, { target: { value: '组织志愿服务' } });
    expect(status()).toBe('草稿');
    fireEvent.click(submitButton());

    await waitFor(() => expect(server.calls(`PUT ${reportPath}`)).toHaveLength(1));
    const body = server.calls(`PUT ${reportPath}`)[0].body as SubmitReportBody;
    expect(body).toEqual({
      content: {
        items: [{ star: 'business', text: '走访困难群众 5 户' }],
        counts: { householdsVisited: 2 },
        problems: '活动经费紧张',
        tomorrowPlan: '组织志愿服务',
        photos: [],
      },
      idempotencyKey: expect.stringMatching(/^[A-Za-z0-9_-]{16,64}$/),
    });
    await waitFor(() => expect(status()).toBe('已提交'));
    expect(taroMock.showToast).toHaveBeenCalledWith({ title: '已提交', icon: 'success' });
  });

  it('offline: the submission is queued as 待发送, survives a failed retry, and is sent once with the same key when the network returns', async () => {
    asSecretary();
    let online = false;
    const server = fakeApi({
      'GET /v1/org/branches/jianxinnan': BRANCH,
      'GET /v1/daily-rules': RULES,
      [`GET ${reportPath}`]: [NOT_FILED, filed()],
      [`PUT ${reportPath}`]: (req) => (online ? created(req) : offline()),
    });

    render(<ReportEditPage />);
    await fillFirstItem('调解邻里纠纷');
    fireEvent.click(submitButton());

    await waitFor(() => expect(status()).toBe('待发送'));
    expect(await screen.findByText('网络不可用：已保存在本机，联网后自动发送')).toBeTruthy();
    const first = server.calls(`PUT ${reportPath}`);
    expect(first).toHaveLength(1);

    // App comes to the foreground, still offline: tried again, still waiting.
    await act(async () => emitAppShow());
    await waitFor(() => expect(server.calls(`PUT ${reportPath}`)).toHaveLength(2));
    expect(status()).toBe('待发送');

    online = true;
    await act(async () => {
      emitNetworkChange(true);
      emitAppShow();
    });
    await waitFor(() => expect(status()).toBe('已提交'));
    const puts = server.calls(`PUT ${reportPath}`);
    expect(puts).toHaveLength(3);
    const keys = puts.map((p) => (p.body as SubmitReportBody).idempotencyKey);
    expect(new Set(keys).size).toBe(1);

    // Nothing more goes out later.
    await act(async () => emitNetworkChange(true));
    await new Promise((r) => setTimeout(r, 20));
    expect(server.calls(`PUT ${reportPath}`)).toHaveLength(3);
  });

  it('a filed report opens for editing and is sent with its version; a late report shows 迟交', async () => {
    asSecretary();
    const detail = filed({
      version: 2,
      status: 'late',
      content: {
        items: [{ star: 'harmony', text: '慰问老党员' }],
        counts: { peopleServed: 12 },
        problems: '',
        tomorrowPlan: '',
        photos: [],
      },
    });
    const server = fakeApi({
      'GET /v1/org/branches/jianxinnan': BRANCH,
      'GET /v1/daily-rules': RULES,
      [`GET ${reportPath}`]: detail,
      [`PUT ${reportPath}`]: (req) => created(req, 200),
    });

    render(<ReportEditPage />);
    await screen.findByText('第 1 项');
    expect(status()).toBe('迟交');
    const text = document.querySelector('.cx-report-item-text') as HTMLTextAreaElement;
    expect(text.value).toBe('慰问老党员');
    expect(submitButton().disabled).toBe(true);

    fireEvent.change(text, { target: { value: '慰问老党员 3 名' } });
    expect(status()).toBe('草稿');
    fireEvent.click(submitButton());

    await waitFor(() => expect(server.calls(`PUT ${reportPath}`)).toHaveLength(1));
    expect(server.calls(`PUT ${reportPath}`)[0].body).toMatchObject({
      content: { items: [{ star: 'harmony', text: '慰问老党员 3 名' }], counts: { peopleServed: 12 } },
      expectedVersion: 2,
    });
  });

  it('checks the form locally with the contract’s limits before sending', async () => {
    asSecretary();
    const server = fakeApi({ 'GET /v1/org/branches/jianxinnan': BRANCH, 'GET /v1/daily-rules': RULES, [`GET ${reportPath}`]: NOT_FILED });

    render(<ReportEditPage />);
    await screen.findByText('第 1 项');
    fireEvent.click(submitButton());

    expect(await screen.findByText('请选择星级')).toBeTruthy();
    expect(screen.getByText('请填写工作内容')).toBeTruthy();
    expect(server.calls(`PUT ${reportPath}`)).toHaveLength(0);

    fireEvent.click(screen.getAllByText('支部过硬星')[0]);
    expect(screen.queryByText('请选择星级')).toBeNull();
  });

  it('a 409 shows the conflict with the server’s version and keeps the draft to re-apply on the new version', async () => {
    asSecretary();
    const theirs = filed({
      version: 1,
      content: { items: [{ star: 'co_build', text: '他人先提交的内容' }], counts: {}, problems: '', tomorrowPlan: '', photos: [] },
    });
    const server = fakeApi({
      'GET /v1/org/branches/jianxinnan': BRANCH,
      'GET /v1/daily-rules': RULES,
      [`GET ${reportPath}`]: [NOT_FILED, theirs],
      [`PUT ${reportPath}`]: [errorReply(409, 'CONFLICT', '今日日报已由他人提交'), (req) => created(req, 200)],
    });

    render(<ReportEditPage />);
    await fillFirstItem('我的内容');
    fireEvent.click(submitButton());

    expect(await screen.findByText('该日报已被他人提交或修改')).toBeTruthy();
    expect(await screen.findByText('· 他人先提交的内容')).toBeTruthy();
    expect(status()).toBe('需处理');
    expect((document.querySelector('.cx-report-item-text') as HTMLTextAreaElement).value).toBe('我的内容');

    fireEvent.click(screen.getByText('保留我的内容，在最新版本上修改'));
    expect(screen.queryByText('该日报已被他人提交或修改')).toBeNull();
    expect(status()).toBe('草稿');
    fireEvent.click(submitButton());

    await waitFor(() => expect(server.calls(`PUT ${reportPath}`)).toHaveLength(2));
    const [first, second] = server.calls(`PUT ${reportPath}`).map((r) => r.body as SubmitReportBody);
    expect(first.expectedVersion).toBeUndefined();
    expect(second).toMatchObject({ expectedVersion: 1, content: { items: [{ text: '我的内容' }] } });
    expect(second.idempotencyKey).not.toBe(first.idempotencyKey);
  });

  it('shows the server’s field errors next to the fields and does not retry a 400', async () => {
    asSecretary();
    const server = fakeApi({
      'GET /v1/org/branches/jianxinnan': BRANCH,
      'GET /v1/daily-rules': RULES,
      [`GET ${reportPath}`]: NOT_FILED,
      [`PUT ${reportPath}`]: {
        status: 400,
        body: {
          code: 'VALIDATION_FAILED',
          message: '请求参数不正确',
          details: [{ path: 'body.content.items.0.text', code: 'custom', message: '内容不符合要求' }],
        },
      },
    });

    render(<ReportEditPage />);
    await fillFirstItem('内容');
    fireEvent.click(submitButton());

    expect(await screen.findByText('内容不符合要求')).toBeTruthy();
    expect(screen.getByText('提交未成功')).toBeTruthy();
    await act(async () => emitNetworkChange(true));
    expect(server.calls(`PUT ${reportPath}`)).toHaveLength(1);
  });

  it('keeps the draft on the device: after an app restart the page shows what was typed', async () => {
    asSecretary();
    fakeApi({ 'GET /v1/org/branches/jianxinnan': BRANCH, 'GET /v1/daily-rules': RULES, [`GET ${reportPath}`]: NOT_FILED });

    const first = render(<ReportEditPage />);
    await fillFirstItem('没写完的日报');
    await waitFor(() => expect(taroMock.setStorageSync).toHaveBeenCalledWith(`cx.report.draft.jianxinnan.${today}`, expect.anything()), {
      timeout: 2000,
    });
    first.unmount();
    resetReportSync(); // the app is killed; the next run only has storage

    render(<ReportEditPage />);
    await screen.findByText('第 1 项');
    expect((document.querySelector('.cx-report-item-text') as HTMLTextAreaElement).value).toBe('没写完的日报');
    expect(status()).toBe('草稿');
  });

  it('photos: compressed before upload, presigned photo and thumbnail, shown as uploaded, keys in the body', async () => {
    asSecretary();
    let n = 0;
    const server = fakeApi({
      'GET /v1/org/branches/jianxinnan': BRANCH,
      'GET /v1/daily-rules': RULES,
      [`GET ${reportPath}`]: [NOT_FILED, filed()],
      'POST /v1/uploads/photos': () => ({
        status: 200,
        body: {
          key: photoKey(++n),
          url: 'https://storage.test/upload',
          fields: { key: photoKey(n), 'Content-Type': 'image/jpeg' },
          maxBytes: 2097152,
          expiresAt: '2999-01-01T00:00:00+08:00',
        },
      }),
      [`PUT ${reportPath}`]: (req) => created(req),
    });

    render(<ReportEditPage />);
    await fillFirstItem('带照片的日报');
    fireEvent.click(document.querySelector('.cx-report-photo-input')!);

    await waitFor(() => expect(document.querySelector('.cx-report-photo')?.getAttribute('data-state')).toBe('uploaded'));
    expect(document.querySelector('.cx-report-photo')?.classList.contains('is-uploaded')).toBe(true);
    expect(taroMock.compressImage).toHaveBeenCalledWith({ src: 'tmp://photo-1.jpg', quality: 60, compressedWidth: 1280 });
    expect(taroMock.compressImage).toHaveBeenCalledWith({ src: 'tmp://photo-1.jpg', quality: 50, compressedWidth: 240 });
    const presigns = server.calls('POST /v1/uploads/photos').map((r) => r.body);
    expect(presigns).toEqual([
      { branchId: 'jianxinnan', day: today, variant: 'photo', contentType: 'image/jpeg', size: 150000 },
      { branchId: 'jianxinnan', day: today, variant: 'thumb', contentType: 'image/jpeg', size: 150000 },
    ]);
    expect(taroMock.uploadFile).toHaveBeenCalledWith(
      expect.objectContaining({
        url: 'https://storage.test/upload',
        filePath: 'saved://photo-1-1280.jpg',
        name: 'file',
        formData: { key: photoKey(1), 'Content-Type': 'image/jpeg' },
      }),
    );

    fireEvent.click(submitButton());
    await waitFor(() => expect(server.calls(`PUT ${reportPath}`)).toHaveLength(1));
    expect((server.calls(`PUT ${reportPath}`)[0].body as SubmitReportBody).content.photos).toEqual([
      { key: photoKey(1), thumbKey: photoKey(2) },
    ]);
  });

  it('a photo that could not upload offline keeps its local file; 提交 waits for it and everything goes out when the network returns', async () => {
    asSecretary();
    let online = false;
    let n = 0;
    const server = fakeApi({
      'GET /v1/org/branches/jianxinnan': BRANCH,
      'GET /v1/daily-rules': RULES,
      [`GET ${reportPath}`]: [NOT_FILED, filed()],
      'POST /v1/uploads/photos': () =>
        online
          ? {
              status: 200,
              body: {
                key: photoKey(++n),
                url: 'https://storage.test/upload',
                fields: { key: photoKey(n) },
                maxBytes: 2097152,
                expiresAt: '2999-01-01T00:00:00+08:00',
              },
            }
          : offline(),
      [`PUT ${reportPath}`]: (req) => created(req),
    });

    render(<ReportEditPage />);
    await fillFirstItem('离线拍的照片');
    fireEvent.click(document.querySelector('.cx-report-photo-input')!);
    await waitFor(() => expect(document.querySelector('.cx-report-photo')?.getAttribute('data-state')).toBe('failed'));
    expect(screen.getByText('上传失败')).toBeTruthy();

    fireEvent.click(submitButton());
    await waitFor(() => expect(status()).toBe('待发送'));
    expect(server.calls(`PUT ${reportPath}`)).toHaveLength(0);

    online = true;
    await act(async () => emitNetworkChange(true));
    await waitFor(() => expect(status()).toBe('已提交'));
    expect(server.calls(`PUT ${reportPath}`)).toHaveLength(1);
    expect((server.calls(`PUT ${reportPath}`)[0].body as SubmitReportBody).content.photos).toEqual([
      { key: photoKey(1), thumbKey: photoKey(2) },
    ]);
  });

  it('a day outside the backfill window cannot be edited', async () => {
    asSecretary();
    router.params = { branchId: 'jianxinnan', day: '2020-01-01' };
    fakeApi({
      'GET /v1/org/branches/jianxinnan': BRANCH,
      'GET /v1/daily-rules': RULES,
      'GET /v1/branches/jianxinnan/reports/2020-01-01': NOT_FILED,
    });

    render(<ReportEditPage />);
    expect(await screen.findByText('已超过补报期限')).toBeTruthy();
    expect(document.querySelector('.cx-report-submit')).toBeNull();
  });

  it('yesterday (still in the window) is a backfill after the deadline: 迟交', async () => {
    asSecretary();
    const yesterday = shanghaiDay(Date.now() - 86_400_000);
    router.params = { branchId: 'jianxinnan', day: yesterday };
    fakeApi({
      'GET /v1/org/branches/jianxinnan': BRANCH,
      'GET /v1/daily-rules': RULES,
      [`GET /v1/branches/jianxinnan/reports/${yesterday}`]: NOT_FILED,
    });

    render(<ReportEditPage />);
    expect(await screen.findByText('已过截止时间 22:00，现在首次提交将记为迟交')).toBeTruthy();
  });

  it('only the branch’s cadres and secretary get the form', async () => {
    sessionStore.setSession(makeSession()); // township staff
    router.params = { branchId: 'jianxinnan' };
    fakeApi({ 'GET /v1/org/branches/jianxinnan': BRANCH, 'GET /v1/daily-rules': RULES, [`GET ${reportPath}`]: NOT_FILED });

    render(<ReportEditPage />);
    expect(await screen.findByText('不能填写')).toBeTruthy();
    fireEvent.click(screen.getByText('查看日报详情'));
    expect(taroMock.navigateTo).toHaveBeenCalledWith({ url: `/subpackages/reports/pages/detail/index?branchId=jianxinnan&day=${today}` });
  });
});

describe('填写日报: 订阅消息 consent on 提交', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  function fileTodayServer() {
    return fakeApi({
      'GET /v1/org/branches/jianxinnan': BRANCH,
      'GET /v1/daily-rules': RULES,
      [`GET ${reportPath}`]: [NOT_FILED, filed()],
      [`PUT ${reportPath}`]: (req) => created(req),
    });
  }

  it('asks for the reminder template in the 提交 tap, before the submission goes out', async () => {
    vi.stubGlobal('CX_BUILD_REMINDER_TEMPLATE_ID', 'tmpl-reminder-1');
    asSecretary();
    const server = fileTodayServer();
    let putsWhenAsked = -1;
    taroMock.requestSubscribeMessage.mockImplementation(async () => {
      putsWhenAsked = server.calls(`PUT ${reportPath}`).length;
      return { errMsg: 'requestSubscribeMessage:ok', 'tmpl-reminder-1': 'accept' };
    });

    render(<ReportEditPage />);
    await fillFirstItem('走访群众');
    fireEvent.click(submitButton());

    await waitFor(() => expect(status()).toBe('已提交'));
    expect(taroMock.requestSubscribeMessage).toHaveBeenCalledTimes(1);
    expect(taroMock.requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['tmpl-reminder-1'] });
    expect(putsWhenAsked).toBe(0);
    expect(server.calls(`PUT ${reportPath}`)).toHaveLength(1);
  });

  it('still submits when the user refuses or the call fails', async () => {
    vi.stubGlobal('CX_BUILD_REMINDER_TEMPLATE_ID', 'tmpl-reminder-1');
    asSecretary();
    const server = fileTodayServer();
    taroMock.requestSubscribeMessage.mockImplementation(async () => {
      throw { errMsg: 'requestSubscribeMessage:fail cancel', errCode: 20004 };
    });

    render(<ReportEditPage />);
    await fillFirstItem('走访群众');
    fireEvent.click(submitButton());

    await waitFor(() => expect(status()).toBe('已提交'));
    expect(taroMock.requestSubscribeMessage).toHaveBeenCalledTimes(1);
    expect(server.calls(`PUT ${reportPath}`)).toHaveLength(1);
  });

  it('never asks without a configured template, nor for a form that does not go out', async () => {
    asSecretary();
    const server = fileTodayServer();

    render(<ReportEditPage />);
    await screen.findByText('第 1 项');
    vi.stubGlobal('CX_BUILD_REMINDER_TEMPLATE_ID', 'tmpl-reminder-1');
    fireEvent.click(submitButton()); // empty form: local errors, nothing sent
    expect(await screen.findByText('请选择星级')).toBeTruthy();
    expect(taroMock.requestSubscribeMessage).not.toHaveBeenCalled();

    vi.unstubAllGlobals(); // the build without a template id
    await fillFirstItem('走访群众');
    fireEvent.click(submitButton());
    await waitFor(() => expect(status()).toBe('已提交'));
    expect(taroMock.requestSubscribeMessage).not.toHaveBeenCalled();
    expect(server.calls(`PUT ${reportPath}`)).toHaveLength(1);
  });

  it('H5 never asks (there is no WeChat to ask)', async () => {
    vi.stubGlobal('CX_BUILD_REMINDER_TEMPLATE_ID', 'tmpl-reminder-1');
    process.env.TARO_ENV = 'h5';
    asSecretary();
    const server = fileTodayServer();

    render(<ReportEditPage />);
    await fillFirstItem('走访群众');
    fireEvent.click(submitButton());

    await waitFor(() => expect(server.calls(`PUT ${reportPath}`)).toHaveLength(1));
    expect(taroMock.requestSubscribeMessage).not.toHaveBeenCalled();
  });

  describe('重点任务 (key tasks from the catalogue in force)', () => {
    const CATALOGUE = { status: 200, body: makeCatalogue() };
    const taskChips = () => Array.from(document.querySelectorAll<HTMLElement>('.cx-report-task-option'));

    it('after a star is chosen, its tasks are chips; the chosen one goes out as taskId; the catalogue is read once', async () => {
      asSecretary();
      const server = fakeApi({
        'GET /v1/org/branches/jianxinnan': BRANCH,
        'GET /v1/daily-rules': RULES,
        'GET /v1/catalogue': CATALOGUE,
        [`GET ${reportPath}`]: [NOT_FILED, filed()],
        [`PUT ${reportPath}`]: (req) => created(req),
      });

      render(<ReportEditPage />);
      await screen.findByText('第 1 项');
      expect(taskChips()).toHaveLength(0);
      expect(screen.getByText('选择星级后可选对应的重点任务')).toBeTruthy();
      await fillFirstItem('走访困难群众 5 户', '宜业兴业星');
      // The community set's 宜业兴业星 (business) has 5 tasks.
      await waitFor(() => expect(taskChips().map((c) => c.textContent)).toEqual([1, 2, 3, 4, 5].map((n) => `business 重点任务 ${n}`)));
      fireEvent.click(taskChips()[1]);
      expect(taskChips()[1].classList.contains('is-selected')).toBe(true);
      // A second item: another star, another task list.
      fireEvent.click(document.querySelector('.cx-report-add-item') as HTMLElement);
      fireEvent.click(screen.getAllByText('幸福和谐星')[1]);
      fireEvent.change(document.querySelectorAll('.cx-report-item-text')[1] as HTMLTextAreaElement, { target: { value: '慰问老党员' } });
      expect(taskChips()).toHaveLength(10);
      fireEvent.click(submitButton());

      await waitFor(() => expect(server.calls(`PUT ${reportPath}`)).toHaveLength(1));
      const body = server.calls(`PUT ${reportPath}`)[0].body as SubmitReportBody;
      expect(body.content.items).toEqual([
        { star: 'business', taskId: 'business-2', text: '走访困难群众 5 户' },
        { star: 'harmony', text: '慰问老党员' },
      ]);
      expect(server.calls('GET /v1/catalogue')).toHaveLength(1);
    });

    it('no chip chosen, a chip tapped twice, or the star changed afterwards: no taskId', async () => {
      asSecretary();
      const server = fakeApi({
        'GET /v1/org/branches/jianxinnan': BRANCH,
        'GET /v1/daily-rules': RULES,
        'GET /v1/catalogue': CATALOGUE,
        [`GET ${reportPath}`]: [NOT_FILED, filed()],
        [`PUT ${reportPath}`]: (req) => created(req),
      });

      render(<ReportEditPage />);
      await fillFirstItem('调解邻里纠纷', '宜业兴业星');
      await waitFor(() => expect(taskChips()).toHaveLength(5));
      fireEvent.click(taskChips()[0]);
      fireEvent.click(taskChips()[0]);
      expect(taskChips().some((c) => c.classList.contains('is-selected'))).toBe(false);
      fireEvent.click(taskChips()[2]);
      // Another star: its own tasks, nothing chosen.
      fireEvent.click(screen.getAllByText('平安法治星')[0]);
      expect(taskChips().map((c) => c.textContent)).toEqual([1, 2, 3, 4, 5, 6].map((n) => `safety_law 重点任务 ${n}`));
      expect(taskChips().some((c) => c.classList.contains('is-selected'))).toBe(false);
      fireEvent.click(submitButton());

      await waitFor(() => expect(server.calls(`PUT ${reportPath}`)).toHaveLength(1));
      expect((server.calls(`PUT ${reportPath}`)[0].body as SubmitReportBody).content.items).toEqual([
        { star: 'safety_law', text: '调解邻里纠纷' },
      ]);
    });

    it('a filed report keeps its task selected; the server’s unknown-task error shows next to the item', async () => {
      asSecretary();
      const detail = filed({
        version: 1,
        content: {
          items: [{ star: 'harmony', taskId: 'harmony-3', text: '慰问老党员' }],
          counts: {},
          problems: '',
          tomorrowPlan: '',
          photos: [],
        },
      });
      const server = fakeApi({
        'GET /v1/org/branches/jianxinnan': BRANCH,
        'GET /v1/daily-rules': RULES,
        'GET /v1/catalogue': CATALOGUE,
        [`GET ${reportPath}`]: detail,
        [`PUT ${reportPath}`]: {
          status: 400,
          body: {
            code: 'VALIDATION_FAILED',
            message: '重点任务有误，请重新选择',
            details: [{ path: 'body.content.items.0.taskId', code: 'unknown_task', message: '该星级下没有这项重点任务' }],
          },
        },
      });

      render(<ReportEditPage />);
      await waitFor(() => expect(taskChips()).toHaveLength(5));
      expect(
        taskChips()
          .filter((c) => c.classList.contains('is-selected'))
          .map((c) => c.dataset.id),
      ).toEqual(['harmony-3']);
      expect(submitButton().disabled).toBe(true);
      fireEvent.change(document.querySelector('.cx-report-item-text') as HTMLTextAreaElement, { target: { value: '慰问老党员 3 人' } });
      fireEvent.click(submitButton());

      await waitFor(() => expect(server.calls(`PUT ${reportPath}`)).toHaveLength(1));
      expect((server.calls(`PUT ${reportPath}`)[0].body as SubmitReportBody).content.items).toEqual([
        { star: 'harmony', taskId: 'harmony-3', text: '慰问老党员 3 人' },
      ]);
      expect(await screen.findByText('该星级下没有这项重点任务')).toBeTruthy();
    });

    it('without the catalogue (refused or offline) the form works as before, with no chips', async () => {
      asSecretary();
      const server = fakeApi({
        'GET /v1/org/branches/jianxinnan': BRANCH,
        'GET /v1/daily-rules': RULES,
        'GET /v1/catalogue': errorReply(500, 'INTERNAL', '服务繁忙'),
        [`GET ${reportPath}`]: [NOT_FILED, filed()],
        [`PUT ${reportPath}`]: (req) => created(req),
      });

      render(<ReportEditPage />);
      await fillFirstItem('调解邻里纠纷');
      await waitFor(() => expect(server.calls('GET /v1/catalogue')).toHaveLength(1));
      expect(taskChips()).toHaveLength(0);
      fireEvent.click(submitButton());
      await waitFor(() => expect(server.calls(`PUT ${reportPath}`)).toHaveLength(1));
      expect((server.calls(`PUT ${reportPath}`)[0].body as SubmitReportBody).content.items).toEqual([
        { star: 'business', text: '调解邻里纠纷' },
      ]);
    });
  });
});
