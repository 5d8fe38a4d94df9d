import type { Directory } from '@chuangxing/shared';
import { notFound } from '../../platform/kernel/domain-error';
import type { OrgPorts } from './org.ports';

/** Public org data (names and types only): one query for the townships, one per township for its branches. */
export async function getDirectory(deps: OrgPorts): Promise<Directory> {
  const [district, townships] = await Promise.all([deps.org.getDistrict(deps.districtId), deps.org.listTownships(deps.districtId)]);
  if (!district) throw notFound('区');
  const branches = await Promise.all(townships.map((t) => deps.org.listBranches(t.id)));
  return {
    district: { id: district.id, name: district.name },
    townships: townships.map((t, i) => ({
      id: t.id,
      name: t.name,
      isDemo: t.isDemo,
      branches: branches[i].map((b) => ({ id: b.id, name: b.name, type: b.type })),
    })),
  };
}
