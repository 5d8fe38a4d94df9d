import type { RoleBinding } from '@chuangxing/shared';
import { PAGES } from '../../services/routes';
import { branchesOf, type Shortcut } from './shortcut';

/** 评定星级: secretaries apply, township staff and the district review, everyone reads the 公示. */
export function starShortcuts(has: (role: string) => boolean, secretaryBindings: RoleBinding[], communityId?: string): Shortcut[] {
  const cards: Shortcut[] = [];
  const branches = branchesOf(secretaryBindings);
  for (const br of branches)
    cards.push({
      key: `star-apply:${br.id}`,
      title: '创星申报',
      description: branches.length > 1 ? br.label : '对照标准逐项自评，申报星级，查看审核进度',
      target: { kind: 'page', url: PAGES.starApply(br.id) },
    });
  if (['township_staff', 'taskforce', 'district_admin', 'leader'].some(has))
    cards.push({
      key: 'star-review',
      title: '评星审核',
      description: has('district_admin')
        ? '复审、授星和公示异议处理'
        : has('taskforce')
          ? '本专班负责星的全区复审'
          : '各支部的创星申报，逐项初审',
      target: { kind: 'page', url: PAGES.starReview },
    });
  if (has('district_admin'))
    cards.push({
      key: 'star-withdrawals',
      title: '撤星管理',
      description: '触及一票否决项的撤星：逐条确认或不予撤星，确认后公示',
      target: { kind: 'page', url: PAGES.starWithdrawals() },
    });
  if (has('district_admin'))
    cards.push({
      key: 'star-annual-review',
      title: '年度评星定级',
      description: '每年评定日起，逐个支部确认星级或降星',
      target: { kind: 'page', url: PAGES.starAnnualReview },
    });
  if (has('taskforce') || has('district_admin'))
    cards.push({
      key: 'star-taskforce-board',
      title: '专班进度',
      description: '各乡镇（街道）的创星进度：持星支部、申报、问题整改',
      target: { kind: 'page', url: PAGES.starTaskforceBoard() },
    });
  if (has('district_admin'))
    cards.push({
      key: 'star-taskforces',
      title: '专班设置',
      description: '每颗星由哪个职能部门牵头',
      target: { kind: 'page', url: PAGES.starTaskforces },
    });
  cards.push({
    key: 'star-publicity',
    title: '星级公示',
    description: '正在公示的评星结果，可以提出异议（可匿名）',
    target: { kind: 'page', url: PAGES.starPublicity(communityId) },
  });
  return cards;
}
