import { DomainError } from '../../platform/kernel/domain-error';
import { WorkingCalendar } from '../../platform/kernel/working-calendar';

/**
 * 倒排工期: n milestone dates counted back from the evaluation. The last lands `buffer` working days before
 * it (time to prepare the review); the others are spread evenly over the working days from tomorrow on, on
 * the district's working-day calendar (holidays skipped, 调休 make-up days counted).
 */
export function scheduleBackwards(
  today: string,
  evaluationDate: string,
  n: number,
  buffer: number,
  calendar = new WorkingCalendar(),
): string[] {
  const working = calendar.workingDaysBetween(today, evaluationDate);
  const usable = working.slice(0, Math.max(0, working.length - buffer));
  if (usable.length < n) {
    throw new DomainError('VALIDATION_FAILED', '距离评星时间太近，排不下这些节点', [
      { path: 'body.evaluationDate', code: 'too_soon', message: `扣除 ${buffer} 个准备日后只剩 ${usable.length} 个工作日` },
    ]);
  }
  return Array.from({ length: n }, (_, k) => usable[Math.ceil(((k + 1) * usable.length) / n) - 1]);
}
