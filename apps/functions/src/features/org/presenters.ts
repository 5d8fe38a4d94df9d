import type { Branch as BranchDto, TownshipSummary } from '@chuangxing/shared';
import { type Branch, starsOf, type Township } from './org';

export const presentBranch = (b: Branch): BranchDto => ({ ...b, stars: starsOf(b) });

export const presentTownship = (t: Township): TownshipSummary => ({
  id: t.id,
  name: t.name,
  kind: t.kind,
  isDemo: t.isDemo,
  counts: { ...t.counts, total: t.counts.rural + t.counts.community },
});
