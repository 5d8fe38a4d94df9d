import { DomainError } from '../../platform/kernel/domain-error';
import { addDays } from '../../platform/kernel/shanghai-time';

const isWorkingDay = (day: string, holidays: ReadonlySet<string>) => {
  const w = new Date(`${day}T00:00:00Z`).getUTCDay();
  return w !== 0 && w !== 6 && !holidays.has(day);
};

/**
 * 倒排工期: n milestone dates counted back from the evaluation. The last lands `buffer` working days before
 * it (time to prepare the review); the others are spread evenly over the working days from tomorrow on.
 */
export function scheduleBackwards(
  today: string,
  evaluationDate: string,
  n: number,
  buffer: number,
  holidays: ReadonlySet<string> = new Set(),
): string[] {
  const working: string[] = [];
  for (let d = addDays(today, 1); d < evaluationDate; d = addDays(d, 1)) if (isWorkingDay(d, holidays)) working.push(d);
  const usable = working.slice(0, Math.max(0, working.length - buffer));
  if (usable.length < n) {
    throw new DomainError('VALIDATION_FAILED', '距离评星时间太近，排不下这些节点', [
      { path: 'body.evaluationDate', code: 'too_soon', message: `扣除 ${buffer} 个准备日后只剩 ${usable.length} 个工作日` },
    ]);
  }
  return Array.from({ length: n }, (_, k) => usable[Math.ceil(((k + 1) * usable.length) / n) - 1]);
}

/** The months (`yyyy-mm`) from today's to the evaluation's, whose holidays a schedule must skip: at most 24. */
export function scheduleMonths(today: string, evaluationDate: string): string[] {
  const months: string[] = [];
  for (let m = today.slice(0, 7); m <= evaluationDate.slice(0, 7) && months.length < 24; ) {
    months.push(m);
    const [y, mm] = m.split('-').map(Number);
    m = mm === 12 ? `${y + 1}-01` : `${y}-${String(mm + 1).padStart(2, '0')}`;
  }
  return months;
}
