import type { Scope } from './contracts/common.contract';

export interface ScopeNames {
  district?: string;
  townships: Record<string, string | undefined>;
  branches: Record<string, string | undefined>;
}

/** "二七区", "五里堡街道、德化街街道" or "五里堡街道 · 建新南街社区". */
export function describeScope(scope: Scope, names: ScopeNames): string {
  switch (scope.level) {
    case 'district':
      return names.district ?? scope.districtId;
    case 'township':
      return scope.townshipIds.map((id) => names.townships[id] ?? id).join('、');
    case 'branch':
      return `${names.townships[scope.townshipId] ?? scope.townshipId} · ${names.branches[scope.branchId] ?? scope.branchId}`;
  }
}
