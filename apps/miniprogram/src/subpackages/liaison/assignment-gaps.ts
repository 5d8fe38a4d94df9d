import type { LiaisonAssignment } from '@chuangxing/shared';

interface Township {
  id: string;
  name: string;
}

/** What the district still lacks in 包联: townships no leader follows, and leaders without a township. */
export function assignmentGaps(assignments: readonly LiaisonAssignment[], townships: readonly Township[]) {
  const covered = new Set(assignments.flatMap((a) => a.townships.map((t) => t.id)));
  return {
    uncovered: townships.filter((t) => !covered.has(t.id)),
    idle: assignments.filter((a) => a.townships.length === 0),
  };
}

/** A saved assignment replaces the loaded one until a reload brings a newer version. */
export function latestOf(loaded: readonly LiaisonAssignment[], saved: ReadonlyMap<string, LiaisonAssignment>): LiaisonAssignment[] {
  return loaded.map((a) => {
    const mine = saved.get(a.leaderId);
    return mine && mine.version > a.version ? mine : a;
  });
}

/** The picked townships in the district's order (the order the page lists them), whatever order they were tapped in. */
export const inDistrictOrder = (picked: ReadonlySet<string>, townships: readonly Township[]) =>
  townships.filter((t) => picked.has(t.id)).map((t) => t.id);
