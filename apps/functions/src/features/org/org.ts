import { type BranchType, type Star, starSetFor, type TownshipKind } from '@chuangxing/shared';

export interface District {
  id: string;
  name: string;
}

export interface Township {
  id: string;
  districtId: string;
  name: string;
  kind: TownshipKind;
  isDemo: boolean;
  order: number;
  counts: { rural: number; community: number };
}

export interface Branch {
  id: string;
  districtId: string;
  townshipId: string;
  name: string;
  type: BranchType;
  isDemo: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export function starsOf(branch: Pick<Branch, 'type'>): Star[] {
  return [...starSetFor(branch.type)];
}

export function totalCounts(townships: Township[]) {
  const rural = townships.reduce((n, t) => n + t.counts.rural, 0);
  const community = townships.reduce((n, t) => n + t.counts.community, 0);
  return { rural, community, total: rural + community };
}

/** Branch names compare after trimming and collapsing inner whitespace. */
export function normaliseName(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}
