import { makeBinding } from './factories';

/** The home tests' secretary of 建新南街社区 and district admin of 二七区. */
export const secretary = makeBinding({
  bindingId: 'b-sec',
  role: 'secretary',
  scope: { level: 'branch', districtId: 'erqi', townshipId: 'wulibao', branchId: 'jianxinnan' },
  scopeLabel: '五里堡街道 · 建新南街社区',
});
export const admin = makeBinding({
  bindingId: 'b-adm',
  role: 'district_admin',
  scope: { level: 'district', districtId: 'erqi' },
  scopeLabel: '二七区',
});
