import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sessionStore } from '../../src/services/session-store';
import ReportDetailPage from '../../src/subpackages/reports/pages/detail/index';
import { router, taroMock } from '../mocks/taro';
import { makeBranch, makeCatalogue, makeMe, makeReport, makeReportDetail, makeSession, secretaryBinding } from '../support/factories';
import { errorReply, fakeApi } from '../support/fake-api';

const BRANCH = { status: 200, body: { branch: makeBranch(), township: { id: 'wulibao', name: '五里堡街道' } } };
const RULES = { status: 200, body: { deadline: '22:00', maxBackfillDays: 1, reminderTime: '20:00' } };
const key = (n: number) => `daily-report/jianxinnan/2025-06-10/photo${String(n).padStart(8, '0')}.jpg`;

function detail() {
  const report = makeReport({
    version: 2,
    status: 'late',
    content: {
      items: [
        { star: 'harmony', text: '慰问独居老人' },
        { star: 'branch_strong', text: '召开支委会' },
        { star: 'harmony', text: '调解邻里纠纷' },
      ],
      counts: { householdsVisited: 8 },
      problems: '场地不足',
      tomorrowPlan: '开展志愿服务',
      photos: [{ key: key(1), thumbKey: key(2) }, { key: key(3) }],
    },
  });
  return makeReportDetail({
    report,
    revisions: [
      { version: 1, editedBy: 'u-cadre', editedByName: '李明（村（社区）干部）', editedAt: '2025-06-10T22:30:00+08:00' },
      { version: 2, editedBy: 'u-sec', editedByName: '张书记（支部书记）', editedAt: '2025-06-10T23:00:00+08:00' },
    ],
    comments: [
      {
        id: 'c1',
        authorId: 'u-staff',
        authorName: '王芳',
        authorRole: '乡镇（街道）工作人员',
        text: '请补充照片',
        createdAt: '2025-06-11T08:00:00+08:00',
      },
    ],
  });
}

describe('日报详情', () => {
  it('shows the content by star in the branch’s order, counts, photos with preview, the edit history and comments', async () => {
    sessionStore.setSession(makeSession({ me: makeMe({ bindings: [secretaryBinding()] }) }));
    router.params = { branchId: 'jianxinnan', day: '2025-06-10' };
    const server = fakeApi({
      'GET /v1/org/branches/jianxinnan': BRANCH,
      'GET /v1/daily-rules': RULES,
      'GET /v1/branches/jianxinnan/reports/2025-06-10': { status: 200, body: detail() },
      'POST /v1/branches/jianxinnan/reports/2025-06-10/comments': {
        status: 201,
        body: {
          id: 'c2',
          authorId: 'u-sec',
          authorName: '张书记',
          authorRole: '支部书记',
          text: '已补充',
          createdAt: '2025-06-11T09:00:00+08:00',
        },
      },
    });

    const { container } = render(<ReportDetailPage />);

    expect(await screen.findByText('迟交')).toBeTruthy();
    const groups = Array.from(container.querySelectorAll('.cx-report-star-group .report-content__star')).map((g) => g.textContent);
    expect(groups).toEqual(['支部过硬星', '幸福和谐星']);
    expect(screen.getByText('· 调解邻里纠纷')).toBeTruthy();
    expect(screen.getByText('8')).toBeTruthy();
    expect(screen.getByText('场地不足')).toBeTruthy();
    expect(screen.getByText('开展志愿服务')).toBeTruthy();

    const photos = container.querySelectorAll('.cx-report-detail-photo img');
    // Thumbnails where there is one, else the photo itself.
    expect(Array.from(photos).map((p) => p.getAttribute('src'))).toEqual([
      `https://storage.test/${key(2)}`,
      `https://storage.test/${key(3)}`,
    ]);
    fireEvent.click(container.querySelectorAll('.cx-report-detail-photo')[1]);
    expect(taroMock.previewImage).toHaveBeenCalledWith({
      urls: [`https://storage.test/${key(1)}`, `https://storage.test/${key(3)}`],
      current: `https://storage.test/${key(3)}`,
    });

    const history = Array.from(container.querySelectorAll('.cx-report-revision')).map((r) => r.textContent);
    expect(history).toEqual([
      '李明（村（社区）干部） 提交（第 1 版）2025-06-10 22:30',
      '张书记（支部书记） 修改（第 2 版）2025-06-10 23:00',
    ]);
    expect(screen.getByText('请补充照片')).toBeTruthy();

    fireEvent.change(container.querySelector('textarea.cx-report-comment-input')!, { target: { value: ' 已补充 ' } });
    fireEvent.click(screen.getByText('发送批注'));
    expect(await screen.findByText('已补充')).toBeTruthy();
    expect(server.calls('POST /v1/branches/jianxinnan/reports/2025-06-10/comments')[0].body).toEqual({ text: '已补充' });
  });

  it('cadres read comments but cannot write them; a missing report says so', async () => {
    const cadre = { ...secretaryBinding(), role: 'cadre' as const };
    sessionStore.setSession(makeSession({ me: makeMe({ bindings: [cadre] }) }));
    router.params = { branchId: 'jianxinnan', day: '2025-06-10' };
    fakeApi({
      'GET /v1/org/branches/jianxinnan': BRANCH,
      'GET /v1/daily-rules': RULES,
      'GET /v1/branches/jianxinnan/reports/2025-06-10': [{ status: 200, body: detail() }],
    });
    const { container } = render(<ReportDetailPage />);
    await screen.findByText('请补充照片');
    expect(container.querySelector('.cx-report-comment-input')).toBeNull();
  });

  it('a day without a report', async () => {
    sessionStore.setSession(makeSession());
    router.params = { branchId: 'jianxinnan', day: '2025-06-10' };
    fakeApi({
      'GET /v1/org/branches/jianxinnan': BRANCH,
      'GET /v1/daily-rules': RULES,
      'GET /v1/branches/jianxinnan/reports/2025-06-10': errorReply(404, 'NOT_FOUND', '日报不存在'),
    });
    render(<ReportDetailPage />);
    await waitFor(() => expect(screen.getByText('建新南街社区 6月10日 周二 未提交日报')).toBeTruthy());
  });

  it('an item with a key task shows the task’s title from the catalogue', async () => {
    sessionStore.setSession(makeSession({ me: makeMe({ bindings: [secretaryBinding()] }) }));
    router.params = { branchId: 'jianxinnan', day: '2025-06-10' };
    const report = makeReport({
      content: {
        items: [
          { star: 'harmony', taskId: 'harmony-2', text: '慰问独居老人' },
          { star: 'harmony', text: '调解邻里纠纷' },
        ],
        counts: {},
        problems: '',
        tomorrowPlan: '',
        photos: [],
      },
    });
    fakeApi({
      'GET /v1/org/branches/jianxinnan': BRANCH,
      'GET /v1/daily-rules': RULES,
      'GET /v1/catalogue': { status: 200, body: makeCatalogue() },
      'GET /v1/branches/jianxinnan/reports/2025-06-10': { status: 200, body: makeReportDetail({ report }) },
    });

    const { container } = render(<ReportDetailPage />);
    expect(await screen.findByText('重点任务：harmony 重点任务 2')).toBeTruthy();
    expect(container.querySelectorAll('.cx-report-task')).toHaveLength(1);
    expect(screen.getByText('· 调解邻里纠纷')).toBeTruthy();
  });
});
