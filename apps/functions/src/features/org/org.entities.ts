import { defineEntity, type Gsi1Key, type TableKey } from '../../platform/dynamodb/entity';
import type { Branch, District, Township } from './org';

/**
 * The organisation: a district, its townships (with branch counters) and their branches.
 *
 * Access patterns (pk / sk, or index):
 * - district → townships (with branch counts):  DIST#{d} / TWN#{t}   (the district itself: DIST#{d} / DISTRICT)
 * - branch by id:                                BR#{b} / BRANCH
 * - township → branches:                         gsi1: TWN#{t}#BRS / {name}#{b}
 * - unique branch name per township:             TWN#{t}#BRNAME / {name}
 */

const districtPk = (districtId: string) => `DIST#${districtId}`;
const TOWNSHIP_PREFIX = 'TWN#';
const branchesOf = (townshipId: string) => `TWN#${townshipId}#BRS`;
const branchIndex = (b: Pick<Branch, 'id' | 'townshipId' | 'name'>): Gsi1Key => ({
  gsi1pk: branchesOf(b.townshipId),
  gsi1sk: `${b.name}#${b.id}`,
});

/** A township as stored: its counters are two top-level numbers, bumped in the branch's creation transaction. */
export type TownshipRecord = Omit<Township, 'counts'> & { ruralCount?: number; communityCount?: number };

export const TOWNSHIP_COUNTER: Record<Branch['type'], keyof TownshipRecord & string> = {
  rural: 'ruralCount',
  community: 'communityCount',
};

const branchNameKey = ({ townshipId, name }: { townshipId: string; name: string }): TableKey => ({
  pk: `TWN#${townshipId}#BRNAME`,
  sk: name,
});

export const orgEntities = {
  district: defineEntity<District, { districtId: string }>({
    name: 'district',
    key: ({ districtId }) => ({ pk: districtPk(districtId), sk: 'DISTRICT' }),
    fields: ['id', 'name'],
  }),
  township: defineEntity<TownshipRecord, { districtId: string; townshipId: string }>({
    name: 'township',
    key: ({ districtId, townshipId }) => ({ pk: districtPk(districtId), sk: `${TOWNSHIP_PREFIX}${townshipId}` }),
    fields: ['id', 'districtId', 'name', 'kind', 'isDemo', 'order', 'ruralCount', 'communityCount'],
  }),
  branch: defineEntity<Branch, { branchId: string }>({
    name: 'branch',
    key: ({ branchId }) => ({ pk: `BR#${branchId}`, sk: 'BRANCH' }),
    index: branchIndex,
    fields: ['id', 'districtId', 'townshipId', 'name', 'type', 'isDemo', 'version', 'createdAt', 'updatedAt'],
  }),
  /** The lock that keeps a branch name unique in its township. Stored as ever: keys and `branchId`, no `entity`. */
  branchName: defineEntity<{ branchId: string }, { townshipId: string; name: string }>({
    name: 'branch-name',
    untagged: true,
    key: branchNameKey,
    fields: ['branchId'],
  }),
  /** The district's townships: one query on its partition. */
  townshipsOf: (districtId: string) => ({ pk: districtPk(districtId), skPrefix: TOWNSHIP_PREFIX }),
  /** The gsi1 partition of a township's branches (sorted by name). */
  branchesOf,
  /** A branch's gsi1 keys: a rename moves it within its township's partition. */
  branchIndex,
};

/** A township's stored form (counters flattened) and back. */
export const townshipRecord = ({ counts, ...rest }: Township): TownshipRecord => ({
  ...rest,
  ruralCount: counts.rural,
  communityCount: counts.community,
});

export const townshipOf = ({ ruralCount, communityCount, ...rest }: TownshipRecord): Township => ({
  ...rest,
  counts: { rural: ruralCount ?? 0, community: communityCount ?? 0 },
});

/** Whole items, for the seed, the benches and tests that write the organisation directly. */
export const townshipItem = (t: Township) => orgEntities.township.item({ districtId: t.districtId, townshipId: t.id }, townshipRecord(t));
export const branchItem = (b: Branch) => orgEntities.branch.item({ branchId: b.id }, b);
