import { describe, expect, it } from 'vitest';
import type { FindingFact } from '../../src/features/inspections/inspections.readers';
import {
  assign,
  isVisitRetry,
  type LiaisonActor,
  markCandidate,
  newVisit,
  type StoredCandidate,
  withdrawCandidate,
} from '../../src/features/liaison/liaison';
import { heldToday, liaisonTownship } from '../../src/features/liaison/liaison-home';
import type { Branch } from '../../src/features/org/org.readers';
import type { StarApplicationRecord } from '../../src/features/stars/stars.readers';

const leader: LiaisonActor = { userId: 'u-lead', name: '周领导', at: '2026-11-20T02:00:00.000Z', today: '2026-11-20' };
const other: LiaisonActor = { ...leader, userId: 'u-lead2', name: '吴领导' };
const branch = { id: 'b1', name: '建新南街社区', districtId: 'd', townshipId: 't1' };
const assessment = { strengths: '组织力强', weaknesses: '产业弱', baseline: '无信访积案' };

describe('包联 assignments', () => {
  const admin: LiaisonActor = { ...leader, userId: 'u-admin', name: '孙管理员' };
  const who = { districtId: 'd', id: 'u-lead', name: '周领导' };

  it('the first assignment is version 1; a stale version conflicts; the admin’s own retry changes nothing', () => {
    const first = assign(undefined, { townshipIds: ['t1', 't2'], version: 0 }, who, admin);
    expect([first.version, first.townshipIds, first.updatedByName]).toEqual([1, ['t1', 't2'], '孙管理员']);
    expect(assign(first, { townshipIds: ['t2', 't1'], version: 0 }, who, admin)).toBe(first);
    expect(() => assign(first, { townshipIds: ['t3'], version: 0 }, who, admin)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(assign(first, { townshipIds: ['t3'], version: 1 }, who, admin)).toMatchObject({ version: 2, townshipIds: ['t3'] });
  });
});

describe('包联 visits', () => {
  const body = { clientId: 'visit-0001', kind: 'survey' as const, date: '2026-11-20', notes: '摸底调查' };

  it('a visit on today is recorded; one dated tomorrow (Shanghai) is refused on the date', () => {
    expect(newVisit('v1', body, branch, leader)).toMatchObject({
      id: 'v1',
      branchName: '建新南街社区',
      leaderName: '周领导',
      date: '2026-11-20',
    });
    expect(() => newVisit('v1', { ...body, date: '2026-11-21' }, branch, leader)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ path: 'body.date' })] }),
    );
  });

  it('a retry is the same visit; another branch, kind or text under the same client id is not', () => {
    const stored = newVisit('v1', body, branch, leader);
    expect(isVisitRetry(stored, body, 'b1')).toBe(true);
    expect(isVisitRetry(stored, body, 'b2')).toBe(false);
    expect(isVisitRetry(stored, { ...body, kind: 'guidance' }, 'b1')).toBe(false);
    expect(isVisitRetry(stored, { ...body, notes: '另一次' }, 'b1')).toBe(false);
  });
});

describe('五星 candidates', () => {
  it('marks, re-assesses (keeping who marked it), withdraws and re-marks, each on the version read', () => {
    const first = markCandidate(undefined, { ...assessment, version: 0 }, branch, leader);
    expect([first.status, first.version, first.markedByName]).toEqual(['active', 1, '周领导']);
    // The same write again (a retry) answers what is stored; a stale version from someone else conflicts.
    expect(markCandidate(first, { ...assessment, version: 0 }, branch, leader)).toBe(first);
    expect(() => markCandidate(first, { ...assessment, weaknesses: '短板', version: 0 }, branch, other)).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
    const second = markCandidate(first, { ...assessment, weaknesses: '产业仍弱', version: 1 }, branch, other);
    expect([second.version, second.weaknesses, second.markedByName, second.updatedByName]).toEqual([2, '产业仍弱', '周领导', '吴领导']);

    const withdrawn = withdrawCandidate(second, 2, leader);
    expect([withdrawn.status, withdrawn.version]).toEqual(['withdrawn', 3]);
    expect(withdrawCandidate(withdrawn, 2, leader)).toBe(withdrawn);
    expect(() => withdrawCandidate(withdrawn, 3, other)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(() => withdrawCandidate(undefined, 1, leader)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));

    const again = markCandidate(withdrawn, { ...assessment, version: 3 }, branch, other);
    expect([again.status, again.version, again.markedByName]).toEqual(['active', 4, '吴领导']);
  });
});

describe('a leader’s township section', () => {
  const b = (id: string, name: string): Branch => ({
    id,
    name,
    districtId: 'd',
    townshipId: 't1',
    type: 'community',
    isDemo: false,
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  });
  const app = (id: string, branchId: string, status: StarApplicationRecord['status'], townshipId = 't1') =>
    ({
      id,
      branchId,
      townshipId,
      branchName: branchId,
      star: 'harmony',
      status,
      submittedAt: `2026-11-0${id.length}T00:00:00Z`,
    }) as StarApplicationRecord;
  const finding = (branchId: string, deadline: string, status: FindingFact['status'] = 'open'): FindingFact => ({
    branchId,
    star: 'safety_law',
    status,
    deadline,
    createdAt: '2026-10-01T00:00:00.000Z',
  });
  const candidate = (branchId: string, status: StoredCandidate['status']) =>
    ({ ...markCandidate(undefined, { ...assessment, version: 0 }, { ...branch, id: branchId }, leader), status }) as StoredCandidate;

  it('counts stars held today, reviews in this township, overdue open findings and active candidates', () => {
    const section = liaisonTownship(
      {
        township: { id: 't1', name: '五里堡街道' },
        branches: [b('b1', '建新南街社区'), b('b2', '和平社区')],
        holdings: [
          { branchId: 'b1', star: 'harmony', heldFrom: '2026-01-01', basis: 'baseline' },
          { branchId: 'b1', star: 'branch_strong', heldFrom: '2026-01-01', basis: 'baseline' },
          { branchId: 'b1', star: 'business', heldFrom: '2026-01-01', basis: 'baseline', withdrawnOn: '2026-11-01' },
          { branchId: 'b2', star: 'civility', heldFrom: '2026-12-01', basis: 'award' },
        ],
        applications: [
          app('a1', 'b2', 'publicity'),
          app('a22', 'b1', 'township_review'),
          app('a3', 'x', 'district_review', 't9'),
          app('a4', 'b2', 'awarded'),
        ],
        findings: [
          finding('b2', '2026-11-19'),
          finding('b2', '2026-11-20'),
          finding('b1', '2026-10-01', 'closed'),
          finding('b2', '2026-11-01', 'fix_submitted'),
        ],
        candidates: [candidate('b1', 'active'), candidate('b2', 'withdrawn')],
        visits: [],
      },
      '2026-11-20',
    );
    expect(section.branches.map((x) => [x.id, x.stars, x.overdueFindings, x.candidate])).toEqual([
      ['b2', [], 2, false],
      ['b1', ['branch_strong', 'harmony'], 0, true],
    ]);
    expect(section.underReview).toMatchObject({ township_review: 1, district_review: 0, publicity: 1 });
    expect(section.underReview.items.map((i) => i.id)).toEqual(['a22', 'a1']);
    expect(section.overdueFindings.map((f) => [f.branchName, f.deadline])).toEqual([
      ['和平社区', '2026-11-01'],
      ['和平社区', '2026-11-19'],
    ]);
    expect(section.candidates.map((c) => c.branchId)).toEqual(['b1']);
  });

  it('a star withdrawn today no longer counts; one held from today does', () => {
    expect(
      heldToday({ branchId: 'b', star: 'harmony', heldFrom: '2026-01-01', basis: 'baseline', withdrawnOn: '2026-11-20' }, '2026-11-20'),
    ).toBe(false);
    expect(heldToday({ branchId: 'b', star: 'harmony', heldFrom: '2026-11-20', basis: 'baseline' }, '2026-11-20')).toBe(true);
  });
});
