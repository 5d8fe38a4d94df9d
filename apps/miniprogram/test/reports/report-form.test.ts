import { describe, expect, it } from 'vitest';
import type { ReportDraft } from '../../src/subpackages/reports/offline/draft-store';
import { chipOf } from '../../src/subpackages/reports/offline/report-status';
import type { QueuedSubmission } from '../../src/subpackages/reports/offline/submission-queue';
import { contentOf, differsFrom, formErrorsOf, validateDraft } from '../../src/subpackages/reports/services/report-form';
import { addMonths, dayLabel, monthWeeks, shanghaiDay, shanghaiInstant } from '../../src/subpackages/reports/services/shanghai-day';
import { makeReport } from '../support/factories';

const draft = (partial: Partial<ReportDraft> = {}): ReportDraft => ({
  branchId: 'jianxinnan',
  day: '2025-06-10',
  items: [{ id: 'i1', star: 'branch_strong', text: '召开支部委员会' }],
  counts: {},
  problems: '',
  tomorrowPlan: '',
  photos: [],
  revision: 1,
  updatedAt: 0,
  ...partial,
});

describe('report form', () => {
  it('validates with the contract’s limits and messages, keyed by form path', () => {
    expect(validateDraft(draft())).toEqual({});
    const errors = validateDraft(
      draft({
        items: [
          { id: 'a', text: 'x' },
          { id: 'b', star: 'harmony', text: '   ' },
          { id: 'c', star: 'harmony', text: '长'.repeat(501) },
        ],
        counts: { peopleServed: -1, meetingsHeld: 100_001 },
        problems: '问'.repeat(1001),
      }),
    );
    expect(errors).toMatchObject({
      'items.0.star': '请选择星级',
      'items.1.text': '请填写工作内容',
      'items.2.text': '不能超过 500 个字',
      'counts.peopleServed': '请填写 0 或正整数',
      'counts.meetingsHeld': '数值过大',
      problems: '不能超过 1000 个字',
    });
    expect(validateDraft(draft({ items: [] }))).toEqual({ items: '至少填写一项工作' });
  });

  it('builds the body content: trimmed text, only set counts, only uploaded photos, no taskId', () => {
    const content = contentOf(
      draft({
        items: [{ id: 'a', star: 'business', text: '  走访  ' }],
        counts: { householdsVisited: 3, peopleServed: undefined },
        photos: [
          { id: 'p1', key: 'k1', thumbKey: 't1', contentType: 'image/jpeg', state: 'uploaded' },
          { id: 'p2', key: 'k2', contentType: 'image/jpeg', state: 'uploaded' },
          { id: 'p3', localPath: 'x', contentType: 'image/jpeg', state: 'waiting' },
        ],
      }),
    );
    expect(content).toEqual({
      items: [{ star: 'business', text: '走访' }],
      counts: { householdsVisited: 3 },
      problems: '',
      tomorrowPlan: '',
      photos: [{ key: 'k1', thumbKey: 't1' }, { key: 'k2' }],
    });
  });

  it('maps the server’s field paths to form paths', () => {
    expect(formErrorsOf({ 'content.items.0.text': 'a', 'content.photos': 'b', 'params.day': 'c' })).toEqual({
      'items.0.text': 'a',
      photos: 'b',
      'params.day': 'c',
    });
  });

  it('status chip: 草稿 / 待发送 / 已提交 / 迟交 / 需处理', () => {
    const report = makeReport();
    const same = draft({ items: [{ id: 'x', star: 'branch_strong', text: '召开支部委员会' }] });
    const sub = (state: QueuedSubmission['state']) => ({ state }) as QueuedSubmission;
    expect(chipOf({})).toBe('draft');
    expect(chipOf({ draft: draft({ items: [{ id: 'x', star: 'harmony', text: '新内容' }] }), report })).toBe('draft');
    expect(chipOf({ draft: same, report })).toBe('submitted');
    expect(chipOf({ report: makeReport({ status: 'late' }) })).toBe('late');
    expect(chipOf({ draft: draft({ submit: { idempotencyKey: 'k', requestedAt: 0 } }) })).toBe('pending');
    expect(chipOf({ draft: same, submission: sub('pending') })).toBe('pending');
    expect(chipOf({ draft: same, submission: sub('conflict') })).toBe('attention');
    expect(chipOf({ draft: same, submission: sub('rejected') })).toBe('attention');
    expect(differsFrom(same, report)).toBe(false);
  });
});

describe('Shanghai days', () => {
  it('today is the Shanghai day whatever the device zone says', () => {
    expect(shanghaiDay(Date.parse('2025-06-10T15:59:59Z'))).toBe('2025-06-10');
    expect(shanghaiDay(Date.parse('2025-06-10T16:00:00Z'))).toBe('2025-06-11');
    expect(shanghaiInstant('2025-06-10', '22:00')).toBe(Date.parse('2025-06-10T22:00:00+08:00'));
  });

  it('month grids start on Monday', () => {
    const weeks = monthWeeks('2025-06');
    expect(weeks[0]).toEqual([undefined, undefined, undefined, undefined, undefined, undefined, '2025-06-01']);
    expect(weeks[weeks.length - 1][0]).toBe('2025-06-30');
    expect(addMonths('2025-01', -1)).toBe('2024-12');
    expect(addMonths('2025-12', 1)).toBe('2026-01');
    expect(dayLabel('2025-06-10')).toBe('6月10日 周二');
  });
});
