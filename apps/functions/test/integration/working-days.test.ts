import { beforeAll, describe, expect, it } from 'vitest';
import { createTestStack, DEMO, type TestStack } from '../support/test-stack';

/**
 * 调休 through the contract on DynamoDB Local: the district admin records make-up working days beside the
 * holidays, and the letters' SLA and 倒排工期 count on the one calendar (the national arrangement, with the
 * district's entries over it). A make-up working day exempts nobody from the daily report.
 */
describe('working days: holidays and 调休 make-up working days', () => {
  let stack: TestStack;
  let now = '2026-12-04T02:00:00.000Z'; // Friday 10:00 in Shanghai
  let admin: string;
  let staff: string;
  let resident: string;
  let handler: string;
  beforeAll(async () => {
    stack = await createTestStack({ clock: { now: () => new Date(now) } });
    admin = await stack.tokenFor(DEMO.district_admin);
    staff = await stack.tokenFor(DEMO.township_staff);
    resident = await stack.tokenFor(DEMO.resident);
    handler = await stack.tokenFor(DEMO.station_handler);
  });

  let letters = 0;
  const acceptBy = async () => {
    const w = await stack.call('POST', '/v1/letters', {
      token: resident,
      body: {
        branchId: 'jianxinnanjie',
        category: 'suggestion',
        text: '建议增设便民座椅',
        anonymous: false,
        idempotencyKey: `wd-letter-${++letters}-0123456789`,
      },
    });
    expect(w.status).toBe(201);
    const c = await stack.call('GET', `/v1/letters/cases/${w.body.letter.id}`, { token: handler });
    return c.body.letter.acceptBy as string;
  };
  const schedule = async (evaluationDate: string, milestones: number, bufferWorkingDays = 0) => {
    const res = await stack.call('POST', '/v1/plans/schedule-backwards', {
      token: await stack.tokenFor(DEMO.cadre),
      body: { evaluationDate, milestones, bufferWorkingDays },
    });
    expect(res.status).toBe(200);
    return res.body.dates as string[];
  };

  it('the admin records a make-up Saturday; the contract and the rules refuse the wrong ones and nothing is written', async () => {
    const before = await stack.snapshot();
    const weekday = await stack.call('POST', '/v1/exemptions', {
      token: admin,
      body: { day: '2026-12-07', kind: 'workday', reason: '调休' },
    });
    expect([weekday.status, weekday.body.details?.[0]?.path]).toEqual([400, 'body.day']);
    const withBranch = await stack.call('POST', '/v1/exemptions', {
      token: admin,
      body: { day: '2026-12-05', kind: 'workday', branchId: 'jianxinnanjie', reason: '调休' },
    });
    expect([withBranch.status, withBranch.body.details?.[0]?.path]).toEqual([400, 'body.branchId']);
    const unknownKind = await stack.call('POST', '/v1/exemptions', {
      token: admin,
      body: { day: '2026-12-05', kind: 'holiday', reason: '调休' },
    });
    expect(unknownKind.status).toBe(400);
    const notAdmin = await stack.call('POST', '/v1/exemptions', {
      token: staff,
      body: { day: '2026-12-05', kind: 'workday', reason: '调休' },
    });
    expect(notAdmin.status).toBe(403);
    expect(await stack.snapshot()).toEqual(before);

    const made = await stack.call('POST', '/v1/exemptions', {
      token: admin,
      body: { day: '2026-12-05', kind: 'workday', reason: '调休上班' },
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ id: '2026-12-05_all', day: '2026-12-05', kind: 'workday', reason: '调休上班' });
    expect(made.body.branchId).toBeUndefined();
    // One district entry a day: a holiday on the same day conflicts.
    const clash = await stack.call('POST', '/v1/exemptions', { token: admin, body: { day: '2026-12-05', reason: '节日' } });
    expect(clash.status).toBe(409);
    const list = await stack.call('GET', '/v1/exemptions', { token: staff, query: { month: '2026-12' } });
    expect(list.body.exemptions).toEqual([expect.objectContaining({ id: '2026-12-05_all', kind: 'workday' })]);
  });

  it('a make-up working day exempts nobody: the day’s compliance counts every branch as expected', async () => {
    const day = await stack.call('GET', '/v1/townships/wulibao/compliance', { token: staff, query: { day: '2026-12-05' } });
    expect(day.status).toBe(200);
    expect(day.body.counts).toMatchObject({ branches: 9, exempt: 0, expected: 9 });
  });

  it('the letters’ SLA counts the make-up Saturday and skips a holiday', async () => {
    // Friday + 2 working days: Saturday 12-05 (make-up), Monday 12-07.
    expect(await acceptBy()).toBe('2026-12-07T15:59:00.000Z');
    const holiday = await stack.call('POST', '/v1/exemptions', { token: admin, body: { day: '2026-12-07', reason: '示例节假日' } });
    expect(holiday.status).toBe(201);
    expect(await acceptBy()).toBe('2026-12-08T15:59:00.000Z');
    // Removing the make-up day: Monday is a holiday, so Tuesday and Wednesday.
    expect((await stack.call('DELETE', '/v1/exemptions/2026-12-05_all', { token: admin })).status).toBe(200);
    expect(await acceptBy()).toBe('2026-12-09T15:59:00.000Z');
    expect((await stack.call('DELETE', '/v1/exemptions/2026-12-07_all', { token: admin })).status).toBe(200);
  });

  it('倒排工期 counts the same calendar', async () => {
    // From Friday 12-04 to Friday 12-11: the working days between are Mon–Thu 12-07 … 12-10.
    expect(await schedule('2026-12-11', 4)).toEqual(['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10']);
    await stack.call('POST', '/v1/exemptions', { token: admin, body: { day: '2026-12-05', kind: 'workday', reason: '调休上班' } });
    await stack.call('POST', '/v1/exemptions', { token: admin, body: { day: '2026-12-09', reason: '示例节假日' } });
    expect(await schedule('2026-12-11', 4)).toEqual(['2026-12-05', '2026-12-07', '2026-12-08', '2026-12-10']);
  });

  it('the national arrangement counts without any entry: 国庆 is skipped, its make-up Saturday worked', async () => {
    now = '2026-09-30T02:00:00.000Z'; // Wednesday before 国庆
    expect(await acceptBy()).toBe('2026-10-09T15:59:00.000Z');
    expect(await schedule('2026-10-12', 3)).toEqual(['2026-10-08', '2026-10-09', '2026-10-10']);
  });
});
