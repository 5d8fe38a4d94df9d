import type { InspectionContent } from '@chuangxing/shared';
import { describe, expect, it } from 'vitest';
import {
  checkInspectionContent,
  checkRecordable,
  isOverdue,
  nextFindingStatus,
  starCounts,
} from '../../src/features/inspections/inspection';

describe('问题清单 state machine', () => {
  it('open → fix_submitted → closed, or back to open (退回)', () => {
    expect(nextFindingStatus('open', 'submit_fix')).toBe('fix_submitted');
    expect(nextFindingStatus('fix_submitted', 'close')).toBe('closed');
    expect(nextFindingStatus('fix_submitted', 'reject')).toBe('open');
  });

  it.each([
    ['open', 'close'],
    ['open', 'reject'],
    ['fix_submitted', 'submit_fix'],
    ['closed', 'submit_fix'],
    ['closed', 'close'],
    ['closed', 'reject'],
  ] as const)('%s + %s → ILLEGAL_TRANSITION', (status, action) => {
    expect(() => nextFindingStatus(status, action)).toThrowError(expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }));
  });
});

describe('overdue rule (Asia/Shanghai days)', () => {
  it('overdue only once the deadline day is over, and never when closed', () => {
    expect(isOverdue({ deadline: '2026-11-26', status: 'open' }, '2026-11-27')).toBe(true);
    expect(isOverdue({ deadline: '2026-11-26', status: 'fix_submitted' }, '2026-11-27')).toBe(true);
    expect(isOverdue({ deadline: '2026-11-27', status: 'open' }, '2026-11-27')).toBe(false);
    expect(isOverdue({ deadline: '2026-11-01', status: 'closed' }, '2026-11-27')).toBe(false);
  });

  it('counts open and overdue findings per star of the branch’s set, in its order', () => {
    const counts = starCounts(
      'community',
      [
        { star: 'co_build', status: 'open', deadline: '2026-11-20' },
        { star: 'co_build', status: 'closed', deadline: '2026-11-20' },
        { star: 'co_build', status: 'fix_submitted', deadline: '2026-12-20' },
        { star: 'harmony', status: 'open', deadline: '2026-12-01' },
      ],
      '2026-11-27',
    );
    expect(counts.map((c) => c.star)).toEqual(['branch_strong', 'business', 'co_build', 'safety_law', 'harmony']);
    expect(counts[2]).toEqual({ star: 'co_build', open: 2, overdue: 1, closed: 1 });
    expect(counts[4]).toEqual({ star: 'harmony', open: 1, overdue: 0, closed: 0 });
    expect(counts[0]).toEqual({ star: 'branch_strong', open: 0, overdue: 0, closed: 0 });
  });
});

describe('inspection content', () => {
  const base: InspectionContent = {
    branchId: 'b1',
    visitedAt: '2026-11-27T01:00:00.000Z',
    location: '村委会',
    photos: [],
    summary: '走访情况',
    findings: [{ star: 'ecology', description: '垃圾未清运', owner: '村主任', deadline: '2026-12-05', vetoItemId: 'ecology-v1' }],
  };
  const vetoes = new Map([
    ['ecology-v1', 'ecology' as const],
    ['safety_law-v1', 'safety_law' as const],
  ]);

  it('stars must be of the branch type’s set, and a veto item of that star', () => {
    expect(checkInspectionContent(base, 'rural', vetoes)).toEqual([]);
    // 生态宜居星 is a rural star; the community catalogue has none of its veto items.
    expect(checkInspectionContent(base, 'community', new Map()).map((e) => e.path)).toEqual([
      'body.content.findings.0.star',
      'body.content.findings.0.vetoItemId',
    ]);
    const wrongVeto = { ...base, findings: [{ ...base.findings[0], vetoItemId: 'safety_law-v1' }] };
    expect(checkInspectionContent(wrongVeto, 'rural', vetoes).map((e) => e.code)).toEqual(['unknown_veto']);
  });

  it('recording needs the place, the summary, each finding’s text and owner, no past deadline, no future visit', () => {
    const now = new Date('2026-11-27T02:00:00.000Z');
    expect(checkRecordable(base, '2026-11-27', now)).toEqual([]);
    const bad = {
      ...base,
      location: ' ',
      summary: '',
      visitedAt: '2026-11-27T03:00:00.000Z',
      findings: [{ ...base.findings[0], description: '', owner: '', deadline: '2026-11-26' }],
    };
    expect(checkRecordable(bad, '2026-11-27', now).map((e) => e.path)).toEqual([
      'content.location',
      'content.summary',
      'content.visitedAt',
      'content.findings.0.description',
      'content.findings.0.owner',
      'content.findings.0.deadline',
    ]);
  });
});
