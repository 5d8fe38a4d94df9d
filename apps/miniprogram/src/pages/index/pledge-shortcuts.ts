import type { RoleBinding } from '@chuangxing/shared';
import { PAGES } from '../../services/routes';
import { branchesOf, type Shortcut } from './shortcut';

/** Secretaries and cadres: their branch's 亮承诺 · 赛实绩, and their township's 亮赛比擂台. */
export function branchPledgeShortcuts(bindings: RoleBinding[]): Shortcut[] {
  const branches = branchesOf(bindings);
  const townships = [...new Set(bindings.flatMap((b) => (b.scope.level === 'branch' ? [b.scope.townshipId] : [])))];
  return [
    ...branches.map(
      (br): Shortcut => ({
        key: `pledges:${br.id}`,
        title: '亮承诺 · 赛实绩',
        description: branches.length > 1 ? br.label : '书记公开年度承诺，每月填报实绩',
        target: { kind: 'page', url: PAGES.branchPledges(br.id) },
      }),
    ),
    ...townships.map((t): Shortcut => pledgeBoardShortcut(t)),
  ];
}

/** 亮赛比擂台 of one township (township staff, and the branches' people for their own township). */
export function pledgeBoardShortcut(townshipId: string): Shortcut {
  return {
    key: `pledge-board:${townshipId}`,
    title: '亮赛比擂台',
    description: '本乡镇（街道）各支部的承诺和每月实绩，比学赶超',
    target: { kind: 'page', url: PAGES.pledgeBoard(townshipId) },
  };
}
