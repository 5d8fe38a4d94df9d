import { shanghaiDay } from '../../platform/kernel/shanghai-time';
import { scheduleBackwards, scheduleMonths } from './backward-schedule';
import type { PlansPorts } from './plans.ports';

/** 倒排工期 from today to the evaluation, skipping the district's holidays (not a branch's own leave days). */
export async function proposeSchedule(
  deps: Pick<PlansPorts, 'districtId' | 'clock' | 'rules'>,
  evaluationDate: string,
  milestones: number,
  buffer: number,
): Promise<string[]> {
  const today = shanghaiDay(deps.clock.now());
  const lists = await Promise.all(scheduleMonths(today, evaluationDate).map((m) => deps.rules.listExemptions(deps.districtId, m)));
  const holidays = new Set(
    lists
      .flat()
      .filter((e) => !e.branchId)
      .map((e) => e.day),
  );
  return scheduleBackwards(today, evaluationDate, milestones, buffer, holidays);
}
