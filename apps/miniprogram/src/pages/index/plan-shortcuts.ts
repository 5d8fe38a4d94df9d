import type { RoleBinding } from '@chuangxing/shared';
import { PAGES } from '../../services/routes';
import { branchesOf, type Shortcut } from './shortcut';

/** 创星标准: every official reads the star catalogue in force; district admins edit and publish it on the same page. */
export const catalogueShortcut: Shortcut = {
  key: 'catalogue',
  title: '创星标准',
  description: '各星级的重点任务和否决项',
  target: { kind: 'page', url: PAGES.catalogue() },
};

/** 挂图作战: district-wide roles read the district board; the server narrows it to the caller's townships. */
export const districtBoardShortcut: Shortcut = {
  key: 'board',
  title: '挂图作战',
  description: '各乡镇（街道）创星计划执行进度，超期节点和双过半',
  target: { kind: 'page', url: PAGES.districtBoard() },
};

/** Cadres and secretaries: 四个一口清 of each branch they belong to (its poster is one tap further). */
export function branchBoardShortcuts(bindings: RoleBinding[]): Shortcut[] {
  return branchesOf(bindings).map((br) => ({
    key: `branch-board:${br.id}`,
    title: '四个一口清',
    description: `${br.label}：任务、底数、措施、机制和作战图`,
    target: { kind: 'page', url: PAGES.branchBoard(br.id) },
  }));
}

/** Cadres and secretaries: their branch's 创星计划 for this year (written, submitted and followed there). */
export function planShortcuts(bindings: RoleBinding[]): Shortcut[] {
  const branches = branchesOf(bindings);
  const many = branches.length > 1;
  return branches.map(
    (br) =>
      ({
        key: `plan:${br.id}`,
        title: '创星计划',
        description: many ? br.label : '今年的保星、目标星级和重点任务倒排工期',
        target: { kind: 'page', url: PAGES.planEdit(br.id) },
      }) as Shortcut,
  );
}

/** 学讲评 for cadres and secretaries: their branch's four lists this month. */
export function reviewShortcuts(bindings: RoleBinding[]): Shortcut[] {
  const branches = branchesOf(bindings);
  const many = branches.length > 1;
  return branches.map(
    (br) =>
      ({
        key: `review:${br.id}`,
        title: '学讲评',
        description: many ? br.label : '困难、问题、办法、举措四张清单，逐项解决',
        target: { kind: 'page', url: PAGES.reviewBoard(br.id) },
      }) as Shortcut,
  );
}

/** 学讲评汇总 for township staff and leaders: per branch, open and done per list, and overdue items. */
export function reviewSummaryShortcut(townshipIds: string[]): Shortcut {
  return {
    key: 'review-summary',
    title: '学讲评',
    description: '各支部四张清单的解决情况和逾期条目',
    target: { kind: 'page', url: PAGES.reviewSummary(townshipIds.length === 1 ? townshipIds[0] : undefined) },
  };
}
