import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sessionStore } from '../../src/services/session-store';
import PublicBoardPage from '../../src/subpackages/mailbox/pages/board/index';
import IntegrityPage from '../../src/subpackages/mailbox/pages/integrity/index';
import { router, taroMock } from '../mocks/taro';
import { makeIntegrityBoard, makeMe, makePublicBoard, makeSession, residentMe, stationBinding } from '../support/factories';
import { errorReply, fakeApi } from '../support/fake-api';

const boardReply = (partial: Parameters<typeof makeIntegrityBoard>[0] = {}) => ({ status: 200, body: makeIntegrityBoard(partial) });

describe('微权说廉', () => {
  it('residents read the commitments: post, name, powers as chips, the commitment; no 编辑', async () => {
    sessionStore.setSession(makeSession({ me: residentMe() }));
    router.params = { branchId: 'jianxinnanjie' };
    fakeApi({ 'GET /v1/branches/jianxinnanjie/integrity': boardReply() });

    const { container } = render(<IntegrityPage />);

    expect(await screen.findByText('公开办事，不收礼、不优亲厚友')).toBeTruthy();
    expect(screen.getByText('社区党委书记')).toBeTruthy();
    expect(screen.getByText('李华')).toBeTruthy();
    expect(Array.from(container.querySelectorAll('.cx-integrity-power')).map((e) => e.textContent)).toEqual(['低保初审', '用章审批']);
    expect(screen.queryByText('编辑')).toBeNull();
  });

  it('the station handler edits: add a commitment and a power, remove one; saved with the version it showed', async () => {
    sessionStore.setSession(makeSession({ me: makeMe({ bindings: [stationBinding()] }) }));
    router.params = { branchId: 'jianxinnanjie' };
    const saved = makeIntegrityBoard({
      version: 3,
      commitments: [{ position: '社区居委会主任', name: '张强', powers: ['物业协调'], commitment: '有事找我，马上就办' }],
    });
    const server = fakeApi({
      'GET /v1/branches/jianxinnanjie/integrity': boardReply({ version: 2 }),
      'PUT /v1/branches/jianxinnanjie/integrity': { status: 200, body: saved },
    });

    const { container } = render(<IntegrityPage />);
    await screen.findByText('李华');
    fireEvent.click(screen.getByText('编辑'));
    fireEvent.click(screen.getByText('＋ 添加一项承诺'));
    const items = container.querySelectorAll<HTMLElement>('.cx-integrity-edit-item');
    expect(items).toHaveLength(2);
    const second = items[1];
    fireEvent.change(second.querySelector('.cx-integrity-position') as HTMLInputElement, { target: { value: '社区居委会主任' } });
    fireEvent.change(second.querySelector('.cx-integrity-name') as HTMLInputElement, { target: { value: '张强' } });
    fireEvent.change(second.querySelector('.cx-integrity-power-input') as HTMLInputElement, { target: { value: '物业协调' } });
    fireEvent.click(second.querySelector('.cx-integrity-power-add') as HTMLElement);
    fireEvent.change(second.querySelector('.cx-integrity-commitment textarea') as HTMLTextAreaElement, {
      target: { value: '有事找我，马上就办' },
    });
    fireEvent.click(items[0].querySelector('.cx-integrity-remove') as HTMLElement);
    fireEvent.click(container.querySelector('.cx-integrity-save') as HTMLElement);

    expect(await screen.findByText('有事找我，马上就办')).toBeTruthy();
    expect(server.calls('PUT /v1/branches/jianxinnanjie/integrity')[0].body).toEqual({
      version: 2,
      commitments: [{ position: '社区居委会主任', name: '张强', powers: ['物业协调'], commitment: '有事找我，马上就办' }],
    });
    expect(screen.queryByText('李华')).toBeNull();
  });

  it('checks the commitments before saving (the contract’s messages next to the fields)', async () => {
    sessionStore.setSession(makeSession({ me: makeMe({ bindings: [stationBinding()] }) }));
    router.params = { branchId: 'jianxinnanjie' };
    const server = fakeApi({ 'GET /v1/branches/jianxinnanjie/integrity': boardReply({ commitments: [], version: 0 }) });

    const { container } = render(<IntegrityPage />);
    expect(await screen.findByText('本社区还没有公布廉洁承诺')).toBeTruthy();
    fireEvent.click(screen.getByText('编辑'));
    fireEvent.click(container.querySelector('.cx-integrity-save') as HTMLElement);

    expect(await screen.findByText('请填写职务')).toBeTruthy();
    expect(screen.getByText('请填写姓名')).toBeTruthy();
    expect(screen.getByText('承诺至少 5 个字')).toBeTruthy();
    expect(server.calls('PUT /v1/branches/jianxinnanjie/integrity')).toHaveLength(0);
  });

  it('409: reloads the latest board and keeps the editor’s changes to continue from', async () => {
    sessionStore.setSession(makeSession()); // township staff of 五里堡街道: may edit its communities' boards
    router.params = { branchId: 'jianxinnanjie' };
    const server = fakeApi({
      'GET /v1/branches/jianxinnanjie/integrity': [
        boardReply({ version: 2 }),
        boardReply({
          version: 3,
          commitments: [{ position: '社区党委书记', name: '李华', powers: [], commitment: '别人刚改过的承诺内容' }],
        }),
      ],
      'PUT /v1/branches/jianxinnanjie/integrity': [
        errorReply(409, 'CONFLICT', '已被他人修改'),
        { status: 200, body: makeIntegrityBoard({ version: 4 }) },
      ],
    });

    const { container } = render(<IntegrityPage />);
    await screen.findByText('李华');
    fireEvent.click(screen.getByText('编辑'));
    fireEvent.change(container.querySelector('.cx-integrity-commitment textarea') as HTMLTextAreaElement, {
      target: { value: '我的新承诺内容' },
    });
    fireEvent.click(container.querySelector('.cx-integrity-save') as HTMLElement);

    expect(await screen.findByText('已被他人修改，已刷新为最新内容')).toBeTruthy();
    expect(await screen.findByText('别人刚改过的承诺内容')).toBeTruthy();
    fireEvent.click(screen.getByText('继续编辑我的修改'));
    expect((container.querySelector('.cx-integrity-commitment textarea') as HTMLTextAreaElement).value).toBe('我的新承诺内容');
    fireEvent.click(container.querySelector('.cx-integrity-save') as HTMLElement);

    await waitFor(() => expect(server.calls('PUT /v1/branches/jianxinnanjie/integrity')).toHaveLength(2));
    const [first, second] = server.calls('PUT /v1/branches/jianxinnanjie/integrity').map((r) => r.body as { version: number });
    expect(first.version).toBe(2);
    expect(second.version).toBe(3);
  });

  it('without ?branchId= asks for the community', async () => {
    sessionStore.setSession(makeSession({ me: residentMe() }));
    fakeApi({ 'GET /v1/branches/wulibao-b02/integrity': boardReply({ branchId: 'wulibao-b02', branchName: '和平社区', commitments: [] }) });

    const { container } = render(<IntegrityPage />);
    await waitFor(() => expect(container.querySelector('.cx-letter-community')).toBeTruthy());
    fireEvent.click(
      Array.from(container.querySelectorAll<HTMLElement>('.cx-letter-community')).find((e) => e.textContent === '和平社区') as HTMLElement,
    );

    expect(await screen.findByText('本社区还没有公布廉洁承诺')).toBeTruthy();
    expect(taroMock.setNavigationBarTitle).toHaveBeenCalledWith({ title: '和平社区 · 微权说廉' });
  });
});

describe('公开栏', () => {
  it('shows the counts, 满意率 as a big number and the published letters with their replies', async () => {
    sessionStore.setSession(makeSession({ me: residentMe() }));
    router.params = { branchId: 'jianxinnanjie' };
    const server = fakeApi({ 'GET /v1/branches/jianxinnanjie/board': { status: 200, body: makePublicBoard() } });

    const { container } = render(<PublicBoardPage />);

    expect(await screen.findByText('建议在广场增加几张长椅')).toBeTruthy();
    expect(container.querySelector('.cx-board-satisfaction')?.textContent).toBe('83%');
    expect(container.querySelector('.cx-board-received')?.textContent).toBe('12');
    expect(container.querySelector('.cx-board-replied')?.textContent).toBe('8');
    expect(screen.getByText('已增加 4 张长椅')).toBeTruthy();

    fireEvent.click(container.querySelector('.cx-board-prev') as HTMLElement);
    await waitFor(() => expect(server.calls('GET /v1/branches/jianxinnanjie/board')).toHaveLength(2));
    expect(server.calls('GET /v1/branches/jianxinnanjie/board')[1].url).toContain('month=2025-12');
  });

  it('shows the server’s message with 重试', async () => {
    sessionStore.setSession(makeSession({ me: residentMe() }));
    router.params = { branchId: 'jianxinnanjie' };
    fakeApi({
      'GET /v1/branches/jianxinnanjie/board': [
        errorReply(500, 'INTERNAL', '服务出错了，请稍后重试'),
        { status: 200, body: makePublicBoard({ letters: [] }) },
      ],
    });

    render(<PublicBoardPage />);

    expect(await screen.findByText('服务出错了，请稍后重试')).toBeTruthy();
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findByText('本月暂无公开的来信')).toBeTruthy();
  });
});
