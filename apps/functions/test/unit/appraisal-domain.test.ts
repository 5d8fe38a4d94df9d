import { DEFAULT_APPRAISAL_FORM, type PutAppraisalBody } from '@chuangxing/shared';
import { describe, expect, it } from 'vitest';
import {
  type AppraisalActor,
  appraisalResults,
  draftAppraisal,
  isSheetRetry,
  type Scorer,
  type StoredAppraisal,
  type StoredAppraisalSheet,
  submitSheet,
  townshipStandings,
  transitionAppraisal,
  writeReport,
} from '../../src/features/appraisals/appraisals';

const actor: AppraisalActor = { userId: 'u-staff', at: '2026-12-01T02:00:00.000Z' };
const target = { townshipId: 't1', quarter: '2026-Q4' };
const body = (over: Partial<PutAppraisalBody> = {}): PutAppraisalBody => ({
  date: '2026-12-20',
  items: DEFAULT_APPRAISAL_FORM.items,
  weights: DEFAULT_APPRAISAL_FORM.weights,
  residentSeats: 2,
  version: 0,
  ...over,
});
let n = 0;
const codes = () => `CODE${String(++n).padStart(4, '2')}`;
const branches = [
  { id: 'b1', name: '樱桃沟社区' },
  { id: 'b2', name: '侯寨社区' },
  { id: 'b3', name: '尖岗村' },
];
const none = { branches: [], sheets: [] };

function at(state: StoredAppraisal['state']): StoredAppraisal {
  let s = draftAppraisal(undefined, body(), target, actor, codes);
  if (state === 'draft') return s;
  s = transitionAppraisal(s, 'open', s.version, actor, { branches, sheets: [] });
  if (state === 'open') return s;
  s = transitionAppraisal(s, 'scoring', s.version, actor, none);
  if (state === 'scoring') return s;
  return transitionAppraisal(s, 'closed', s.version, actor, none);
}

const sheet = (
  branchId: string,
  group: StoredAppraisalSheet['group'],
  pts: [number, number, number],
  scorerId = `${group}-${branchId}`,
) => ({
  townshipId: 't1',
  quarter: '2026-Q4',
  branchId,
  scorerId,
  group,
  scores: { duty: pts[0], results: pts[1], conduct: pts[2] },
  version: 1,
  at: actor.at,
});

const committee: Scorer = { userId: 'u-staff', group: 'committee' };
const secretaryOfB1: Scorer = { userId: 'u-sec1', group: 'secretaries', ownBranchId: 'b1' };
const full = { scores: { duty: 30, results: 40, conduct: 30 }, version: 0 };

describe('述职评议 session state machine', () => {
  it('creates a draft at version 1 with one distinct code per resident seat, and keeps handed-out codes on edit', () => {
    const s = draftAppraisal(undefined, body({ residentSeats: 3 }), target, actor, codes);
    expect(s).toMatchObject({ state: 'draft', version: 1, sheetRev: 0, branches: [] });
    expect(new Set(s.seats.map((x) => x.code)).size).toBe(3);
    const edited = draftAppraisal(s, body({ residentSeats: 4, version: 1, date: '2026-12-22' }), target, actor, codes);
    expect(edited.version).toBe(2);
    expect(edited.date).toBe('2026-12-22');
    expect(edited.seats.slice(0, 3)).toEqual(s.seats);
    expect(edited.seats).toHaveLength(4);
  });

  it('refuses an edit against a stale version and any edit once the session left draft', () => {
    const s = draftAppraisal(undefined, body(), target, actor, codes);
    expect(() => draftAppraisal(s, body({ version: 0 }), target, actor, codes)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    const open = at('open');
    expect(() => draftAppraisal(open, body({ version: open.version }), target, actor, codes)).toThrow(
      expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }),
    );
  });

  it('moves draft → open → scoring → closed one step at a time, each step one version on', () => {
    const d = at('draft');
    expect(() => transitionAppraisal(d, 'scoring', d.version, actor, none)).toThrow(
      expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }),
    );
    expect(() => transitionAppraisal(d, 'closed', d.version, actor, none)).toThrow(expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }));
    const o = transitionAppraisal(d, 'open', d.version, actor, { branches, sheets: [] });
    expect(o).toMatchObject({ state: 'open', version: d.version + 1, branches });
    const sc = transitionAppraisal(o, 'scoring', o.version, actor, none);
    expect(sc.state).toBe('scoring');
    const c = transitionAppraisal(sc, 'closed', sc.version, actor, none);
    expect(c).toMatchObject({ state: 'closed', closedAt: actor.at });
    expect(() => transitionAppraisal(c, 'closed', c.version, actor, none)).toThrow(expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }));
  });

  it('of two transitions from the same version, the second is a conflict', () => {
    const o = at('open');
    transitionAppraisal(o, 'scoring', o.version, actor, none);
    const moved = { ...o, state: 'scoring' as const, version: o.version + 1 };
    expect(() => transitionAppraisal(moved, 'closed', o.version, actor, none)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
  });

  it('will not open a township without branches', () => {
    const d = at('draft');
    expect(() => transitionAppraisal(d, 'open', d.version, actor, none)).toThrow(expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }));
  });

  it('takes a 述职 only while open, for a branch of the session', () => {
    expect(writeReport(at('open'), undefined, 'b1', { text: '本季度完成网格化治理……', version: 0 }, actor).version).toBe(1);
    expect(() => writeReport(at('scoring'), undefined, 'b1', { text: '本季度完成网格化治理……', version: 0 }, actor)).toThrow(
      expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }),
    );
    expect(() => writeReport(at('open'), undefined, 'bX', { text: '本季度完成网格化治理……', version: 0 }, actor)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });
});

describe('score sheets', () => {
  it('takes a full sheet while scoring and replaces it on resubmission (one version on)', () => {
    const s = at('scoring');
    const first = submitSheet(s, undefined, committee, 'b2', full, actor.at);
    expect(first).toMatchObject({ group: 'committee', version: 1, scorerId: 'u-staff' });
    const again = submitSheet(s, first, committee, 'b2', { scores: { duty: 20, results: 30, conduct: 25 }, version: 1 }, actor.at);
    expect(again.version).toBe(2);
    expect(again.scores).toEqual({ duty: 20, results: 30, conduct: 25 });
    expect(isSheetRetry(again, { scores: { duty: 20, results: 30, conduct: 25 }, version: 1 })).toBe(true);
    expect(isSheetRetry(again, { scores: { duty: 21, results: 30, conduct: 25 }, version: 1 })).toBe(false);
    expect(() => submitSheet(s, first, committee, 'b2', full, actor.at)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
  });

  it('refuses sheets before scoring and after close', () => {
    expect(() => submitSheet(at('open'), undefined, committee, 'b2', full, actor.at)).toThrow(
      expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }),
    );
    expect(() => submitSheet(at('closed'), undefined, committee, 'b2', full, actor.at)).toThrow(
      expect.objectContaining({ code: 'ILLEGAL_TRANSITION', message: '评议已结束，不能再打分' }),
    );
  });

  it('never lets a secretary score their own branch, and refuses a caller who is no scorer', () => {
    const s = at('scoring');
    expect(() => submitSheet(s, undefined, secretaryOfB1, 'b1', full, actor.at)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ code: 'own_branch' })] }),
    );
    expect(submitSheet(s, undefined, secretaryOfB1, 'b2', full, actor.at).group).toBe('secretaries');
    expect(() => submitSheet(s, undefined, { userId: 'u-x', group: null }, 'b2', full, actor.at)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN_SCOPE' }),
    );
  });

  it('checks each item against its maximum, and wants every item and no other', () => {
    const s = at('scoring');
    const err = (() => {
      try {
        submitSheet(s, undefined, committee, 'b2', { scores: { duty: 31, results: 40, extra: 1 }, version: 0 }, actor.at);
      } catch (e) {
        return e as { code: string; details: { path: string; code: string }[] };
      }
    })();
    expect(err?.code).toBe('VALIDATION_FAILED');
    expect(err?.details.map((d) => [d.path, d.code])).toEqual([
      ['body.scores.duty', 'too_big'],
      ['body.scores.conduct', 'required'],
      ['body.scores.extra', 'unknown'],
    ]);
  });
});

describe('results', () => {
  const session = { items: DEFAULT_APPRAISAL_FORM.items, weights: DEFAULT_APPRAISAL_FORM.weights, branches };

  it('weights the groups’ mean sheets 50/30/20 and ranks the township (ties share a rank)', () => {
    const rows = appraisalResults(session, [
      sheet('b1', 'committee', [30, 40, 30]), // 100
      sheet('b1', 'secretaries', [15, 20, 15], 's2'), // 50
      sheet('b1', 'secretaries', [30, 40, 30], 's3'), // 100 → mean 75
      sheet('b1', 'residents', [24, 32, 24]), // 80
      sheet('b2', 'committee', [30, 40, 30]),
      sheet('b2', 'secretaries', [30, 40, 30]),
      sheet('b2', 'residents', [30, 40, 30]),
    ]);
    const b1 = rows.find((r) => r.branchId === 'b1');
    expect(b1).toMatchObject({ score: 88.5, groups: { committee: 100, secretaries: 75, residents: 80 }, sheetCount: 4, rank: 2 });
    expect(b1?.appliedWeights).toEqual({ committee: 50, secretaries: 30, residents: 20 });
    expect(rows.find((r) => r.branchId === 'b2')).toMatchObject({ score: 100, rank: 1 });
    // Nobody scored 尖岗村: no score and no rank, never a 0.
    expect(rows.find((r) => r.branchId === 'b3')).toMatchObject({ score: null, rank: null, sheetCount: 0 });
  });

  it('re-normalises over the groups that sent sheets, and says so in the applied weights', () => {
    const [b1] = appraisalResults(session, [sheet('b1', 'committee', [30, 40, 30]), sheet('b1', 'secretaries', [15, 20, 15])]);
    // 100 × 50/80 + 50 × 30/80
    expect(b1.score).toBe(81.25);
    expect(b1.groups.residents).toBeNull();
    expect(b1.appliedWeights).toEqual({ committee: 63, secretaries: 38, residents: 0 });
  });

  it('freezes the results into the session at close from the sheets read', () => {
    const s = at('scoring');
    const closed = transitionAppraisal(s, 'closed', s.version, actor, { branches: [], sheets: [sheet('b2', 'committee', [15, 20, 15])] });
    expect(closed.results?.find((r) => r.branchId === 'b2')).toMatchObject({ score: 50, rank: 1 });
    expect(closed.branches).toEqual(branches);
  });

  it('gives equal scores the same rank', () => {
    const rows = appraisalResults(session, [
      sheet('b1', 'committee', [30, 40, 30]),
      sheet('b2', 'committee', [30, 40, 30]),
      sheet('b3', 'committee', [0, 0, 0]),
    ]);
    expect(rows.map((r) => r.rank)).toEqual([1, 1, 3]);
  });
});

describe('比干劲 on the 亮赛比 board (townshipStandings)', () => {
  const result = (branchId: string, score: number | null, rank: number | null) => ({
    branchId,
    branchName: `支部${branchId}`,
    score,
    rank,
    groups: { committee: score, secretaries: null, residents: null },
    appliedWeights: { committee: 100, secretaries: 0, residents: 0 },
    sheetCount: score === null ? 0 : 1,
  });
  const q3 = {
    quarter: '2026-Q3',
    state: 'closed' as const,
    results: [result('b1', null, null), result('b2', 80, 2), result('b3', 90, 1)],
  };
  const q2 = { quarter: '2026-Q2', state: 'closed' as const, results: [result('b1', 70, 1)] };
  const q4 = { quarter: '2026-Q4', state: 'scoring' as const };

  it('takes the latest closed session up to the quarter, best first, unscored last, totals and ranks only', () => {
    const out = townshipStandings([q2, q3], '2026-Q4');
    expect(out.closed?.quarter).toBe('2026-Q3');
    expect(out.closed?.results).toEqual([
      { branchId: 'b3', branchName: '支部b3', score: 90, rank: 1 },
      { branchId: 'b2', branchName: '支部b2', score: 80, rank: 2 },
      { branchId: 'b1', branchName: '支部b1', score: null, rank: null },
    ]);
    expect(out.running).toBeUndefined();
    // A board of an earlier quarter shows that quarter's state, not a later one.
    expect(townshipStandings([q2, q3], '2026-Q2').closed?.quarter).toBe('2026-Q2');
    expect(townshipStandings([q2, q3], '2026-Q1')).toEqual({});
  });

  it('names a later session still under way; a draft, or one older than the closed session, is not named', () => {
    expect(townshipStandings([q3, q4], '2026-Q4').running).toEqual({ quarter: '2026-Q4', state: 'scoring' });
    expect(townshipStandings([q4], '2026-Q4')).toEqual({ running: { quarter: '2026-Q4', state: 'scoring' } });
    expect(townshipStandings([q3, { quarter: '2026-Q4', state: 'draft' }], '2026-Q4').running).toBeUndefined();
    expect(townshipStandings([{ quarter: '2026-Q2', state: 'open' }, q3], '2026-Q4').running).toBeUndefined();
    expect(townshipStandings([q3, q4], '2026-Q3').running).toBeUndefined();
  });
});
