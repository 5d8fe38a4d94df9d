import { beforeAll, describe, expect, it } from 'vitest';
import type { DailyReport } from '../../src/features/reports/daily-report';
import { apiEvent } from '../support/events';
import { createTestStack, DEMO, type TestStack } from '../support/test-stack';
import { sheetCells, unzip } from '../support/unzip';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function report(branchId: string, day: string, status: 'on_time' | 'late'): DailyReport {
  const at = `${day}T12:00:00.000Z`;
  return {
    branchId,
    townshipId: 'wulibao',
    districtId: 'erqi',
    day,
    status,
    content: { items: [{ star: 'branch_strong', text: '走访' }], counts: {}, problems: '', tomorrowPlan: '', photos: [] },
    version: 1,
    submittedAt: at,
    submittedBy: 'someone',
    updatedAt: at,
    updatedBy: 'someone',
    lastIdempotencyKey: `seed-${branchId}-${day}-key`,
  };
}

describe('GET /v1/townships/{townshipId}/compliance/export', () => {
  let stack: TestStack;
  // 2026-11-27 12:00 Shanghai
  const clock = { now: () => new Date('2026-11-27T04:00:00.000Z') };

  const download = async (userId: string, townshipId: string, query: Record<string, string>) =>
    stack.app.handle(apiEvent('GET', `/v1/townships/${townshipId}/compliance/export`, { token: await stack.tokenFor(userId), query }));
  const errorOf = (res: Awaited<ReturnType<typeof download>>) => JSON.parse(res.body ?? '{}');

  beforeAll(async () => {
    stack = await createTestStack({ clock });
    const rev = (day: string) => ({ version: 1, editedBy: 'someone', editedByName: 'someone', editedAt: `${day}T12:00:00.000Z` });
    await stack.deps.reports.create(report('jianxinnanjie', '2026-11-25', 'on_time'), rev('2026-11-25'));
    await stack.deps.reports.create(report('jianxinnanjie', '2026-11-26', 'late'), rev('2026-11-26'));
    await stack.deps.reports.create(report('wulibao-b02', '2026-11-26', 'on_time'), rev('2026-11-26'));
    await stack.deps.rules.createExemption({
      id: 'leave-1',
      districtId: 'erqi',
      day: '2026-11-26',
      branchId: 'wulibao-b03',
      townshipId: 'wulibao',
      reason: '请假',
      createdBy: DEMO.township_staff,
      createdAt: '2026-11-20T00:00:00.000Z',
    });
  });

  it('returns an XLSX download: bytes, content type and an attachment filename', async () => {
    const res = await download(DEMO.township_staff, 'wulibao', { from: '2026-11-25', to: '2026-11-27' });
    expect(res.statusCode).toBe(200);
    expect(res.isBase64Encoded).toBe(true);
    expect(res.headers?.['content-type']).toBe(XLSX);
    expect(res.headers?.['content-disposition']).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('五里堡街道日报统计_2026-11-25_2026-11-27.xlsx')}`,
    );
    const bytes = Buffer.from(res.body!, 'base64');
    expect(bytes.subarray(0, 4).toString('hex')).toBe('504b0304');
    const parts = unzip(bytes);
    expect(parts.get('xl/workbook.xml')!.toString()).toContain(
      '<sheet name="汇总" sheetId="1" r:id="rId1"/><sheet name="明细" sheetId="2" r:id="rId2"/>',
    );

    const summary = sheetCells(parts.get('xl/worksheets/sheet1.xml')!.toString());
    expect(['A1', 'B1', 'C1', 'D1', 'E1', 'F1', 'G1'].map((c) => summary.get(c))).toEqual([
      '支部',
      '类型',
      '按时',
      '迟交',
      '未提交',
      '免报',
      '提交率',
    ]);
    const rowOf = (name: string) => [...summary.entries()].find(([ref, v]) => ref.startsWith('A') && v === name)![0].slice(1);
    const row = (name: string) => ['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((c) => summary.get(`${c}${rowOf(name)}`));
    expect(row('建新南街社区')).toEqual(['建新南街社区', '社区', '1', '1', '1', '0', String(2 / 3)]);
    expect(row('合计')).toEqual(['合计', undefined, '2', '1', '23', '1', String(3 / 26)]);

    const detail = sheetCells(parts.get('xl/worksheets/sheet2.xml')!.toString());
    expect(['A1', 'B1', 'C1', 'D1'].map((c) => detail.get(c))).toEqual(['支部', '2026-11-25', '2026-11-26', '2026-11-27']);
    const detailRow = (name: string) => {
      const r = [...detail.entries()].find(([ref, v]) => ref.startsWith('A') && v === name)![0].slice(1);
      return ['B', 'C', 'D'].map((c) => detail.get(`${c}${r}`));
    };
    expect(detailRow('建新南街社区')).toEqual(['已提交', '迟交', '未提交']);
    expect(detailRow('和平社区')).toEqual(['未提交', '已提交', '未提交']); // wulibao-b02
    expect(detailRow('幸福社区')).toEqual(['未提交', '免报', '未提交']); // wulibao-b03
  });

  it('leaves out days after today', async () => {
    const res = await download(DEMO.inspector, 'wulibao', { from: '2026-11-20', to: '2026-12-10' });
    expect(res.statusCode).toBe(200);
    expect(decodeURIComponent(String(res.headers!['content-disposition']))).toContain('五里堡街道日报统计_2026-11-20_2026-11-27.xlsx');
    const detail = sheetCells(unzip(Buffer.from(res.body!, 'base64')).get('xl/worksheets/sheet2.xml')!.toString());
    expect(detail.get('I1')).toBe('2026-11-27');
    expect(detail.has('J1')).toBe(false);
  });

  it('a range over 92 days, or backwards, → 400 on query.to', async () => {
    const long = await download(DEMO.township_staff, 'wulibao', { from: '2026-08-01', to: '2026-11-27' });
    expect(long.statusCode).toBe(400);
    expect(errorOf(long)).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'query.to' }] });
    expect((await download(DEMO.township_staff, 'wulibao', { from: '2026-08-28', to: '2026-11-27' })).statusCode).toBe(200); // exactly 92 days
    const backwards = await download(DEMO.township_staff, 'wulibao', { from: '2026-11-27', to: '2026-11-01' });
    expect(backwards.statusCode).toBe(400);
    expect(errorOf(backwards).details[0].path).toBe('query.to');
    expect((await download(DEMO.township_staff, 'wulibao', { from: '2026-11-01' })).statusCode).toBe(400);
  });

  it('outside the caller’s scope → 403; a role that may not export → 403; an unknown township → 404', async () => {
    const q = { from: '2026-11-25', to: '2026-11-27' };
    const leader = await download(DEMO.leader, 'demo-gwh', q); // the leader covers 五里堡 and 德化街 only
    expect(leader.statusCode).toBe(403);
    expect(errorOf(leader).code).toBe('FORBIDDEN_SCOPE');
    expect((await download(DEMO.township_staff, 'dehuajie', q)).statusCode).toBe(403);
    const cadre = await download(DEMO.cadre, 'demo-gwh', q);
    expect(cadre.statusCode).toBe(403);
    expect(errorOf(cadre).code).toBe('FORBIDDEN_ROLE');
    expect((await download(DEMO.district_admin, 'nowhere', q)).statusCode).toBe(404);
    expect((await download(DEMO.leader, 'dehuajie', q)).statusCode).toBe(200);
  });
});
