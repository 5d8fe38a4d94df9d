import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import ScoringPage from '../../src/subpackages/rankings/pages/scoring/index';
import { errorReply, fakeApi } from '../support/fake-api';
import { asAdmin, asLeader, el } from '../support/ranking-fixtures';

describe('评分模型', () => {
  const model = { version: 1, content: defaultContent(), publishedAt: '2026-10-01T00:00:00.000Z', note: '首版' };
  function defaultContent() {
    return {
      weights: { keyTasks: 35, observation: 25, dailyReport: 15, letters: 10, improvement: 15 },
      letterRateWeights: { response: 30, resolution: 30, satisfaction: 40 },
      lateReportCreditPercent: 50,
      deductions: { openFinding: 2, overdueFinding: 5, cap: 20 },
      improvementFullScaleDelta: 20,
      starCompletionPercent: 100,
      lists: { topTen: 10, topHundred: 100, mostImproved: 10 },
    };
  }
  const field = (path: string) => el(`.cx-scoring-field[data-path="${path}"] input`) as HTMLInputElement;

  it('the admin edits weights: a wrong sum is caught here; 保存草稿 sends the content with the revision; a 409 shows the reload hint', async () => {
    asAdmin();
    let draftRevision = 3;
    const server = fakeApi({
      'GET /v1/scoring': { status: 200, body: model },
      'GET /v1/scoring/versions': { status: 200, body: { versions: [{ version: 1, publishedAt: model.publishedAt, note: '首版' }] } },
      'GET /v1/scoring/draft': () => ({ status: 200, body: { revision: draftRevision, basedOnVersion: 1, content: defaultContent() } }),
      'PUT /v1/scoring/draft': [
        (req) => ({ status: 200, body: { revision: 4, basedOnVersion: 1, content: (req.body as { content: unknown }).content } }),
        errorReply(409, 'STALE_VERSION', '草稿已被修改'),
      ],
    });

    render(<ScoringPage />);
    await waitFor(() => expect(field('weights.keyTasks')).toBeTruthy());
    expect(el('.cx-scoring-version').textContent).toBe('现行第 1 版');
    expect(el('.cx-scoring-history').textContent).toContain('首版');
    // The rules the product adds (list sizes, the progress threshold) say so, and that the district sets them.
    expect(screen.getByText(/名额是本系统增设的规则/).textContent).toContain('请按本区支部总数调整');
    expect(screen.getByText(/达星所需任务完成度.*本系统增设/).textContent).toContain('星级以评星定级授予的为准');

    fireEvent.change(field('weights.keyTasks'), { target: { value: '40' } });
    expect(el('.cx-scoring-weight-sum').textContent).toBe('（合计 105）');
    fireEvent.click(el('.cx-scoring-save'));
    expect(await screen.findByText('各项权重之和应为 100（现为 105）')).toBeTruthy();
    expect(server.calls('PUT /v1/scoring/draft')).toHaveLength(0);

    fireEvent.change(field('weights.improvement'), { target: { value: '10' } });
    fireEvent.click(el('.cx-scoring-save'));
    await waitFor(() => expect(server.calls('PUT /v1/scoring/draft')).toHaveLength(1));
    const sent = server.calls('PUT /v1/scoring/draft')[0].body as { revision: number; content: { weights: Record<string, number> } };
    expect(sent.revision).toBe(3);
    expect(sent.content.weights).toEqual({ keyTasks: 40, observation: 25, dailyReport: 15, letters: 10, improvement: 10 });

    fireEvent.change(field('lists.topTen'), { target: { value: '12' } });
    fireEvent.click(el('.cx-scoring-save'));
    await waitFor(() => expect(el('.cx-scoring-stale')).toBeTruthy());
    expect((server.calls('PUT /v1/scoring/draft')[1].body as { revision: number }).revision).toBe(4);
    expect(el('.cx-scoring-stale').textContent).toContain('请重新加载后再改');
    draftRevision = 9;
    fireEvent.click(el('.cx-scoring-reload'));
    await waitFor(() => expect(el('.cx-scoring-editor')?.getAttribute('data-revision')).toBe('9'));
    expect(field('weights.keyTasks').value).toBe('35');
  });

  it('发布新版本 needs a note, saves an unsaved draft first, then publishes with its revision', async () => {
    asAdmin();
    const server = fakeApi({
      'GET /v1/scoring': { status: 200, body: model },
      'GET /v1/scoring/versions': { status: 200, body: { versions: [] } },
      'GET /v1/scoring/draft': { status: 200, body: { revision: 0, basedOnVersion: 1, content: defaultContent() } },
      'PUT /v1/scoring/draft': (req) => ({
        status: 200,
        body: { revision: 1, basedOnVersion: 1, content: (req.body as { content: unknown }).content },
      }),
      'POST /v1/scoring/publish': { status: 201, body: { ...model, version: 2 } },
    });
    render(<ScoringPage />);
    await waitFor(() => expect(el('.cx-scoring-publish')).toBeTruthy());
    fireEvent.click(el('.cx-scoring-publish'));
    expect(await screen.findByText('请填写版本说明（至少 2 个字）')).toBeTruthy();
    fireEvent.change(el('.cx-scoring-note'), { target: { value: '提高进步权重' } });
    fireEvent.click(el('.cx-scoring-publish'));
    await waitFor(() => expect(server.calls('POST /v1/scoring/publish')).toHaveLength(1));
    expect(server.calls('PUT /v1/scoring/draft')).toHaveLength(1);
    expect(server.calls('POST /v1/scoring/publish')[0].body).toEqual({ revision: 1, note: '提高进步权重' });
  });

  it('a leader reads the model in force, without the editor', async () => {
    asLeader();
    const server = fakeApi({
      'GET /v1/scoring': { status: 200, body: model },
      'GET /v1/scoring/versions': { status: 200, body: { versions: [] } },
    });
    render(<ScoringPage />);
    await waitFor(() => expect(el('.cx-scoring-model')).toBeTruthy());
    expect(el('.cx-scoring-model').textContent).toContain('重点任务进度 35分');
    expect(el('.cx-scoring-editor')).toBeNull();
    expect(server.calls('GET /v1/scoring/draft')).toHaveLength(0);
  });
});
