import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import ReviewPage from '../../src/subpackages/rankings/pages/review/index';
import { router, taroMock } from '../mocks/taro';
import { errorReply, fakeApi } from '../support/fake-api';
import { all, asAdmin, asLeader, el, Q, ranking, row, version } from '../support/ranking-fixtures';

describe('评比管理', () => {
  it('runs the computation until complete with 已计算 N / M 个乡镇, then reviews the draft: annotate a branch, publish after a confirm', async () => {
    asAdmin();
    router.params = { quarter: Q };
    const draft = version({ version: 3, status: 'draft', current: false, revision: 0, publishedAt: undefined, publishedBy: undefined });
    let stage: 'none' | 'draft' | 'annotated' | 'published' = 'none';
    let releaseSecond: () => void = () => undefined;
    const secondCall = new Promise<void>((r) => (releaseSecond = r));
    const server = fakeApi({
      [`GET /v1/rankings/${Q}/versions`]: () => ({
        status: 200,
        body: {
          quarter: Q,
          ...(stage === 'published' ? { publishedVersion: 3 } : {}),
          versions:
            stage === 'none'
              ? []
              : [
                  stage === 'published'
                    ? version({ version: 3 })
                    : stage === 'annotated'
                      ? {
                          ...draft,
                          revision: 1,
                          annotations: [
                            {
                              id: 'a1',
                              branchId: 'wulibao-b1',
                              text: '表现突出',
                              by: 'demo-admin',
                              byName: '孙管理员',
                              at: draft.createdAt,
                            },
                          ],
                        }
                      : draft,
                ],
        },
      }),
      [`POST /v1/rankings/${Q}/runs`]: [
        {
          status: 200,
          body: { ranking: version({ version: 3, status: 'computing', townshipsDone: 7, townshipsTotal: 18 }), complete: false },
        },
        async () => {
          await secondCall;
          stage = 'draft';
          return { status: 200, body: { ranking: draft, complete: true } };
        },
      ],
      [`GET /v1/rankings/${Q}`]: { status: 200, body: { ...ranking([row(1), row(2)]), ranking: draft } },
      [`POST /v1/rankings/${Q}/versions/3/annotations`]: (req) => {
        stage = 'annotated';
        return {
          status: 201,
          body: {
            ...draft,
            revision: 1,
            annotations: [{ id: 'a1', ...(req.body as object), by: 'demo-admin', byName: '孙管理员', at: draft.createdAt }],
          },
        };
      },
      [`POST /v1/rankings/${Q}/versions/3/publish`]: () => {
        stage = 'published';
        return { status: 200, body: version({ version: 3 }) };
      },
    });

    render(<ReviewPage />);
    expect(await screen.findByText('本季度还没有计算过排名')).toBeTruthy();
    fireEvent.click(el('.cx-review-run'));
    await waitFor(() => expect(el('.cx-review-progress')?.textContent).toContain('已计算 7 / 18 个乡镇'));
    releaseSecond();
    await waitFor(() => expect(el('.cx-review-draft')).toBeTruthy());
    expect(server.calls(`POST /v1/rankings/${Q}/runs`)).toHaveLength(2);
    expect(server.calls(`POST /v1/rankings/${Q}/runs`)[0].body).toEqual({});
    expect(el('.cx-review-version').getAttribute('data-status')).toBe('draft');
    expect(el('.cx-review-version-hash').textContent).toBe('输入摘要 abcdef012345');
    expect(el('.cx-review-version').textContent).toContain('评分模型第 1 版');
    // The draft's rows come from the named version.
    await waitFor(() => expect(all('.cx-review-draft .cx-ranking-row')).toHaveLength(2));
    expect(new URL(server.calls(`GET /v1/rankings/${Q}`)[0].url).searchParams.get('version')).toBe('3');

    // Empty annotation: checked here.
    fireEvent.click(el('.cx-review-annotate'));
    expect(await screen.findByText('请填写批注')).toBeTruthy();
    fireEvent.click(all('.cx-review-draft .cx-ranking-row')[0]);
    expect(el('.cx-review-target').textContent).toBe('批注对象：社区1');
    fireEvent.change(el('.cx-review-annotation-text'), { target: { value: ' 表现突出 ' } });
    fireEvent.click(el('.cx-review-annotate'));
    await waitFor(() => expect(server.calls(`POST /v1/rankings/${Q}/versions/3/annotations`)).toHaveLength(1));
    expect(server.calls(`POST /v1/rankings/${Q}/versions/3/annotations`)[0].body).toEqual({
      text: '表现突出',
      revision: 0,
      branchId: 'wulibao-b1',
    });
    await waitFor(() => expect(el('.cx-review-annotation')?.textContent).toContain('表现突出'));

    fireEvent.click(el('.cx-review-publish'));
    await waitFor(() => expect(server.calls(`POST /v1/rankings/${Q}/versions/3/publish`)).toHaveLength(1));
    expect(taroMock.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '发布排名', confirmText: '发布' }));
    expect(server.calls(`POST /v1/rankings/${Q}/versions/3/publish`)[0].body).toEqual({ revision: 1 });
    await waitFor(() => expect(el('.cx-review-version-status')?.textContent).toBe('已发布 · 现行'));
    expect(el('.cx-review-draft')).toBeNull();
  });

  it('cancelling the confirm publishes nothing; a stale revision (409) says so and reloads', async () => {
    asAdmin();
    router.params = { quarter: Q };
    const draft = version({ version: 4, status: 'draft', current: false, revision: 2 });
    const server = fakeApi({
      [`GET /v1/rankings/${Q}/versions`]: { status: 200, body: { quarter: Q, versions: [draft] } },
      [`GET /v1/rankings/${Q}`]: { status: 200, body: { ...ranking([row(1)]), ranking: draft } },
      [`POST /v1/rankings/${Q}/versions/4/publish`]: errorReply(409, 'STALE_VERSION', '排名已被他人批注'),
    });
    render(<ReviewPage />);
    await waitFor(() => expect(el('.cx-review-publish')).toBeTruthy());
    taroMock.showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' });
    fireEvent.click(el('.cx-review-publish'));
    await waitFor(() => expect(taroMock.showModal).toHaveBeenCalledTimes(1));
    expect(server.calls(`POST /v1/rankings/${Q}/versions/4/publish`)).toHaveLength(0);
    fireEvent.click(el('.cx-review-publish'));
    await waitFor(() => expect(server.calls(`POST /v1/rankings/${Q}/versions/4/publish`)).toHaveLength(1));
    await waitFor(() => expect(server.calls(`GET /v1/rankings/${Q}/versions`).length).toBeGreaterThan(1));
  });

  it('not for leaders', () => {
    asLeader();
    const server = fakeApi({});
    render(<ReviewPage />);
    expect(screen.getByText('评比管理仅限区委组织部管理员')).toBeTruthy();
    expect(server.sent).toHaveLength(0);
  });
});
