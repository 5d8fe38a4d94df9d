import { shanghaiDay } from '../../platform/kernel/shanghai-time';
import { districtCalendar } from '../reports/reports.readers';
import { scheduleBackwards } from './backward-schedule';
import type { PlansPorts } from './plans.ports';

/** 倒排工期 from today to the evaluation, on the district's working-day calendar (not a branch's own leave days). */
export async function proposeSchedule(
  deps: Pick<PlansPorts, 'districtId' | 'clock' | 'calendar'>,
  evaluationDate: string,
  milestones: number,
  buffer: number,
): Promise<string[]> {
  const today = shanghaiDay(deps.clock.now());
  const calendar = await districtCalendar(deps.calendar, deps.districtId, today, evaluationDate);
  return scheduleBackwards(today, evaluationDate, milestones, buffer, calendar);
}
