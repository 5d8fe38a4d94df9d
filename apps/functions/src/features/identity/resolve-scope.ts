import { describeScope, type Scope } from '@chuangxing/shared';
import { unknownReference } from '../../platform/kernel/domain-error';
import type { IdentityPorts } from './identity.ports';

/** Checks that every unit a scope names exists (and that a branch sits in its township); returns its label. */
export async function resolveScope(deps: Pick<IdentityPorts, 'org' | 'districtId'>, scope: Scope): Promise<string> {
  const district = await deps.org.getDistrict(scope.districtId);
  if (!district || scope.districtId !== deps.districtId) throw unknownReference('body.scope.districtId', '区不存在');
  const townships: Record<string, string> = {};
  const branches: Record<string, string> = {};
  if (scope.level === 'township') {
    const found = await Promise.all(scope.townshipIds.map((id) => deps.org.getTownship(scope.districtId, id)));
    found.forEach((t, i) => {
      if (!t) throw unknownReference(`body.scope.townshipIds.${i}`, '乡镇（街道）不存在');
      townships[t.id] = t.name;
    });
  } else if (scope.level === 'branch') {
    const [t, b] = await Promise.all([deps.org.getTownship(scope.districtId, scope.townshipId), deps.org.getBranch(scope.branchId)]);
    if (!t) throw unknownReference('body.scope.townshipId', '乡镇（街道）不存在');
    if (!b || b.townshipId !== t.id) throw unknownReference('body.scope.branchId', '该乡镇（街道）下没有这个支部');
    townships[t.id] = t.name;
    branches[b.id] = b.name;
  }
  return describeScope(scope, { district: district.name, townships, branches });
}
