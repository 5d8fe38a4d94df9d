import type { RoleBinding } from '@chuangxing/shared';
import { PAGES } from '../../services/routes';
import { branchesOf, type Shortcut } from './shortcut';

export function orgShortcut(title: string, description: string): Shortcut {
  return { key: 'org', title, description, target: { kind: 'tab', url: PAGES.org } };
}

export function branchShortcuts(bindings: RoleBinding[]): Shortcut[] {
  return branchesOf(bindings).map((br) => ({
    key: `branch:${br.id}`,
    title: '我的支部',
    description: br.label,
    target: { kind: 'page', url: PAGES.branch(br.id) },
  }));
}

/** District admins and township staff: invite people and manage their bindings. */
export function adminShortcuts(): Shortcut[] {
  return [
    {
      key: 'invite',
      title: '邀请绑定',
      description: '生成邀请码，邀请干部和工作人员绑定身份',
      target: { kind: 'page', url: PAGES.invitations },
    },
    { key: 'bindings', title: '身份管理', description: '查看和撤销已绑定的身份', target: { kind: 'page', url: PAGES.bindings } },
  ];
}
