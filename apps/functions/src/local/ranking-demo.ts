import { starSetFor } from '@chuangxing/shared';
import { mailboxEntities } from '../features/mailbox/mailbox.entities';
import { observationResultItem } from '../features/observations/observations.entities';
import { quarterRange } from '../features/rankings/ranking';
import { reportsEntities } from '../features/reports/reports.entities';
import { buildDemoData, type DemoData } from './demo-data';

/**
 * Optional demo rollups for the quarterly ranking (not in the default seed): for two quarters, each demo
 * branch's daily-report counters, its community's 三率 counters and an observation result, varied by a fixed
 * formula so rankings, improvement and the star map have something to show. Add these items to
 * `demoItems()` (local/seed.ts) to see rankings in the local stack: log in as 孙管理员, POST
 * /v1/rankings/2026-Q3/runs, publish, then the same for 2026-Q4.
 */
export function rankingDemoItems(data: DemoData = buildDemoData(), quarters = ['2026-Q3', '2026-Q4']): Record<string, unknown>[] {
  const items: Record<string, unknown>[] = [];
  quarters.forEach((quarter, qi) => {
    const { months } = quarterRange(quarter);
    data.branches.forEach((b, i) => {
      const h = (i * 37 + qi * 11) % 100; // 0–99, differs by branch and quarter
      const onTime = 40 + Math.round((h * 50) / 99);
      const late = h % 7;
      items.push({ ...reportsEntities.quarterStats.key({ branchId: b.id, quarter }), submitted: onTime + late, onTime, late });
      // A frozen observation result as the observation feature writes it (observers score 0–10).
      items.push(
        observationResultItem({
          observationId: `demo-${quarter}`,
          title: '示例观摩',
          month: months[1],
          branchId: b.id,
          branchName: b.name,
          townshipId: b.townshipId,
          perStar: [{ star: 'branch_strong', value: 6 + (h % 40) / 10, count: 3, trimmed: false }],
          overall: 5.5 + (h % 45) / 10,
          observerCount: 3,
          comments: [],
          closedAt: `${months[1]}-25T08:00:00.000Z`,
        }),
      );
      if (b.type === 'community') {
        const received = 2 + (h % 9);
        items.push(
          mailboxEntities.counters.item(
            { townshipId: b.townshipId, month: months[0], branchId: b.id },
            {
              branchId: b.id,
              received,
              respondedInTime: received - (h % 2),
              accepted: received - 1,
              replied: received - 1 - (h % 3 === 0 ? 1 : 0),
              rated: 2,
              satisfied: h % 4 === 0 ? 1 : 2,
            },
          ),
        );
      }
    });
  });
  return items;
}

/**
 * The demo branches' stars at the campaign start, by a fixed formula: one in twelve holds 五星, four in twelve 四星,
 * six 三星 and one 二星 (each the first stars of its set, 支部过硬 first).
 */
export function demoBaselineStars(data: DemoData = buildDemoData()) {
  const LEVELS = [5, 4, 4, 4, 4, 3, 3, 3, 3, 3, 3, 2];
  return data.branches.map((b, i) => ({ branchId: b.id, stars: starSetFor(b.type).slice(0, LEVELS[(i * 7) % LEVELS.length]) }));
}
