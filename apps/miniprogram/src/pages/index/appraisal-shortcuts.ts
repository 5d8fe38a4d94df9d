import type { RoleBinding } from '@chuangxing/shared';
import { PAGES } from '../../services/routes';
import type { Shortcut } from './shortcut';

/** 述职评议 (比干劲): township staff run it per township; a secretary reports, scores the others and reads their result. */
export function appraisalShortcuts(staffTownships: string[], secretaryBindings: RoleBinding[]): Shortcut[] {
  const cards: Shortcut[] = staffTownships.map((t) => ({
    key: `appraisals:${t}`,
    title: '述职评议',
    description: '设置评议方案，组织述职和打分，查看评议结果',
    target: { kind: 'page', url: PAGES.appraisals(t) },
  }));
  for (const b of secretaryBindings) {
    const scope = b.scope;
    if (scope.level !== 'branch' || cards.some((c) => c.key === `appraisals:${scope.townshipId}:${scope.branchId}`)) continue;
    cards.push({
      key: `appraisals:${scope.townshipId}:${scope.branchId}`,
      title: '述职评议',
      description: secretaryBindings.length > 1 ? b.scopeLabel : '提交我的述职，给其他支部打分，查看本支部结果',
      target: { kind: 'page', url: PAGES.appraisals(scope.townshipId, scope.branchId) },
    });
  }
  return cards;
}
