import type { LiaisonTownship, MyLiaison } from '@chuangxing/shared';

/** Both star sets have five stars: a level bar has five segments (numbered, which also keys them). */
export const LEVEL_SEGMENTS = [1, 2, 3, 4, 5] as const;

/** The branch and its township in the leader's home, if it is one of theirs. */
export function branchInHome(home: MyLiaison, branchId: string) {
  for (const township of home.townships) {
    const branch = township.branches.find((b) => b.id === branchId);
    if (branch)
      return {
        township,
        branch,
        candidate: township.candidates.find((c) => c.branchId === branchId),
        visits: township.recentVisits.filter((v) => v.branchId === branchId),
      };
  }
  return undefined;
}

/** How many branches of the township hold each level (five stars first), for the section's summary line. */
export function levelSummary(township: LiaisonTownship): string {
  const counts = new Map<number, number>();
  for (const b of township.branches) counts.set(b.stars.length, (counts.get(b.stars.length) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([level, n]) => `${level ? `${level}星` : '未评星'} ${n} 个`)
    .join('，');
}
