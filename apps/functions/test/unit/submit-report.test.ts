import { describe, expect, it } from 'vitest';
import { submitReport } from '../../src/features/reports/submit-report';
import { makeBranch, makePrincipal } from '../support/builders';
import { memoryDeps } from '../support/memory-deps';

const FILERS = ['cadre', 'secretary'] as const;
const content = {
  items: [{ star: 'branch_strong' as const, text: '召开支部委员会' }],
  counts: {},
  problems: '',
  tomorrowPlan: '',
  photos: [],
};
const cadreOf = (branchId: string, id = 'u-cadre') =>
  makePrincipal([{ role: 'cadre', scope: { level: 'branch', districtId: 'erqi', townshipId: 't1', branchId } }], {
    id,
    displayName: '李明',
  });

async function setup(now: string) {
  const m = memoryDeps(now);
  await m.org.createBranch(makeBranch({ id: 'b1', townshipId: 't1', name: '甲村', type: 'rural' }));
  await m.org.createBranch(makeBranch({ id: 'b2', townshipId: 't1', name: '乙村', type: 'rural' }));
  return m;
}

describe('submitting a daily report (in-memory fakes)', () => {
  it('the first submission writes the report and bumps month, quarter and township-day counters once', async () => {
    const { deps, reports } = await setup('2026-11-27T12:00:00.000Z'); // 20:00 Shanghai
    const out = await submitReport(deps, cadreOf('b1'), FILERS, 'b1', '2026-11-27', { content, idempotencyKey: 'key-aaaaaaaaaaaaaaaa' });
    expect(out.kind).toBe('created');
    expect(out.report).toMatchObject({ status: 'on_time', version: 1, townshipId: 't1', submittedBy: 'u-cadre' });
    const again = await submitReport(deps, cadreOf('b1'), FILERS, 'b1', '2026-11-27', { content, idempotencyKey: 'key-aaaaaaaaaaaaaaaa' });
    expect(again.kind).toBe('replayed');
    expect([...reports.counters.entries()]).toEqual([
      ['M|b1|2026-11', { submitted: 1, onTime: 1, late: 0 }],
      ['Q|b1|2026-Q4', { submitted: 1, onTime: 1, late: 0 }],
      ['T|t1|2026-11-27', { submitted: 1, onTime: 1, late: 0 }],
    ]);
  });

  it('after the deadline the first submission is late, and later edits do not change that', async () => {
    const { deps, reports } = await setup('2026-11-27T14:30:00.000Z'); // 22:30 Shanghai
    await submitReport(deps, cadreOf('b2'), FILERS, 'b2', '2026-11-27', { content, idempotencyKey: 'key-bbbbbbbbbbbbbbbb' });
    const edited = await submitReport(deps, cadreOf('b2'), FILERS, 'b2', '2026-11-27', {
      content: { ...content, problems: '道路施工' },
      idempotencyKey: 'key-cccccccccccccccc',
      expectedVersion: 1,
    });
    expect(edited).toMatchObject({ kind: 'updated', report: { status: 'late', version: 2, content: { problems: '道路施工' } } });
    expect(reports.counters.get('T|t1|2026-11-27')).toEqual({ submitted: 1, onTime: 0, late: 1 });
  });

  it('another branch answers 404; a second first-submission with a new key is a conflict', async () => {
    const { deps } = await setup('2026-11-27T02:00:00.000Z');
    await expect(
      submitReport(deps, cadreOf('b1'), FILERS, 'b2', '2026-11-27', { content, idempotencyKey: 'key-dddddddddddddddd' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await submitReport(deps, cadreOf('b1'), FILERS, 'b1', '2026-11-27', { content, idempotencyKey: 'key-eeeeeeeeeeeeeeee' });
    await expect(
      submitReport(deps, cadreOf('b1', 'u-other'), FILERS, 'b1', '2026-11-27', { content, idempotencyKey: 'key-ffffffffffffffff' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('a township-scoped binding cannot file even with the right role name', async () => {
    const { deps } = await setup('2026-11-27T02:00:00.000Z');
    const odd = makePrincipal([{ role: 'cadre', scope: { level: 'township', districtId: 'erqi', townshipIds: ['t1'] } }]);
    await expect(
      submitReport(deps, odd, FILERS, 'b1', '2026-11-27', { content, idempotencyKey: 'key-gggggggggggggggg' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('photos must exist in storage under the report’s own prefix', async () => {
    const { deps, storage } = await setup('2026-11-27T02:00:00.000Z');
    const key = 'daily-report/b1/2026-11-27/01JABCDEFGHJKMNPQRSTVWXYZ0.jpg';
    const withPhoto = { ...content, photos: [{ key }] };
    await expect(
      submitReport(deps, cadreOf('b1'), FILERS, 'b1', '2026-11-27', { content: withPhoto, idempotencyKey: 'key-hhhhhhhhhhhhhhhh' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ path: 'body.content.photos.0.key', code: 'photo_missing' }],
    });
    storage.objects.set(key, { size: 3 * 1024 * 1024, contentType: 'image/jpeg' });
    await expect(
      submitReport(deps, cadreOf('b1'), FILERS, 'b1', '2026-11-27', { content: withPhoto, idempotencyKey: 'key-hhhhhhhhhhhhhhhh' }),
    ).rejects.toMatchObject({
      details: [{ code: 'photo_too_big' }],
    });
    storage.objects.set(key, { size: 200_000, contentType: 'image/png' });
    await expect(
      submitReport(deps, cadreOf('b1'), FILERS, 'b1', '2026-11-27', { content: withPhoto, idempotencyKey: 'key-hhhhhhhhhhhhhhhh' }),
    ).rejects.toMatchObject({
      details: [{ code: 'photo_type' }],
    });
    storage.objects.set(key, { size: 200_000, contentType: 'image/jpeg' });
    expect(
      (await submitReport(deps, cadreOf('b1'), FILERS, 'b1', '2026-11-27', { content: withPhoto, idempotencyKey: 'key-hhhhhhhhhhhhhhhh' }))
        .kind,
    ).toBe('created');
    const foreign = { ...content, photos: [{ key: 'daily-report/b2/2026-11-27/01JABCDEFGHJKMNPQRSTVWXYZ0.jpg' }] };
    await expect(
      submitReport(deps, cadreOf('b1'), FILERS, 'b1', '2026-11-27', {
        content: foreign,
        idempotencyKey: 'key-iiiiiiiiiiiiiiii',
        expectedVersion: 1,
      }),
    ).rejects.toMatchObject({
      details: [{ code: 'foreign_photo' }],
    });
  });
});
