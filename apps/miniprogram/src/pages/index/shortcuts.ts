import type { Me, RoleBinding } from '@chuangxing/shared';
import type { PendingReport } from '../../services/report-outbox';
import { PAGES } from '../../services/routes';

export type ShortcutTarget =
  | { kind: 'tab'; url: string }
  | { kind: 'page'; url: string }
  /** Not built yet: shown as 即将上线, never a dead link. */
  | { kind: 'soon' };

export interface Shortcut {
  key: string;
  title: string;
  description: string;
  target: ShortcutTarget;
}

const soon: ShortcutTarget = { kind: 'soon' };

/** District admins, leaders and inspectors: pick a township from the per-township rates. */
const districtDashboard: Shortcut = {
  key: 'report-dashboard',
  title: '日报看板',
  description: '各乡镇（街道）今日报送率和未提交支部',
  target: { kind: 'page', url: PAGES.reportDashboard() },
};

function orgShortcut(title: string, description: string): Shortcut {
  return { key: 'org', title, description, target: { kind: 'tab', url: PAGES.org } };
}

function branchShortcuts(bindings: RoleBinding[]): Shortcut[] {
  return bindings.flatMap((b) =>
    b.scope.level === 'branch'
      ? [{ key: `branch:${b.scope.branchId}`, title: '我的支部', description: b.scopeLabel, target: { kind: 'page', url: PAGES.branch(b.scope.branchId) } } as Shortcut]
      : [],
  );
}

/** District admins and township staff: invite people and manage their bindings. */
function adminShortcuts(): Shortcut[] {
  return [
    { key: 'invite', title: '邀请绑定', description: '生成邀请码，邀请干部和工作人员绑定身份', target: { kind: 'page', url: PAGES.invitations } },
    { key: 'bindings', title: '身份管理', description: '查看和撤销已绑定的身份', target: { kind: 'page', url: PAGES.bindings } },
  ];
}

/** District admins set the reporting rules; they and township staff record the days without a report. */
const dailyRulesShortcut: Shortcut = {
  key: 'daily-rules',
  title: '日报规则',
  description: '截止时间、补报天数和提醒时间',
  target: { kind: 'page', url: PAGES.dailyRules },
};
const exemptionsShortcut: Shortcut = {
  key: 'exemptions',
  title: '免报管理',
  description: '登记节假日和支部请假，当天无需报送',
  target: { kind: 'page', url: PAGES.exemptions },
};

/** Cadres and secretaries: today's report and the month calendar of each branch they file for. */
function reportShortcuts(bindings: RoleBinding[]): Shortcut[] {
  const branches: { id: string; label: string }[] = [];
  for (const b of bindings) {
    const scope = b.scope;
    if (scope.level !== 'branch' || branches.some((x) => x.id === scope.branchId)) continue;
    branches.push({ id: scope.branchId, label: b.scopeLabel });
  }
  const many = branches.length > 1;
  return branches.flatMap((br) => [
    {
      key: `report-edit:${br.id}`,
      title: '填写今日日报',
      description: many ? br.label : '记录今天的工作、问题和明日计划，可离线填写',
      target: { kind: 'page', url: PAGES.reportEdit(br.id) },
    } as Shortcut,
    {
      key: `report-calendar:${br.id}`,
      title: '我的日报日历',
      description: many ? br.label : '按月查看每天的报送情况',
      target: { kind: 'page', url: PAGES.reportCalendar(br.id) },
    } as Shortcut,
  ]);
}

function townshipIdsOf(bindings: RoleBinding[]): string[] {
  const ids = new Set<string>();
  for (const b of bindings) if (b.scope.level === 'township') b.scope.townshipIds.forEach((id) => ids.add(id));
  return [...ids];
}

/**
 * The home cards for the caller's roles, in a stable order, without duplicates. A daily report still
 * waiting on this device comes first: opening it sends it.
 */
export function shortcutsFor(me: Me, pending: PendingReport[] = []): Shortcut[] {
  const active = me.bindings.filter((b) => !b.revokedAt);
  const has = (role: string) => me.roles.includes(role as Me['roles'][number]) || active.some((b) => b.role === role);
  const byRole = (role: string) => active.filter((b) => b.role === role);
  const cards: Shortcut[] = [];

  if (pending.length) {
    const first = pending[0];
    cards.push({
      key: 'report-pending',
      title: '日报待发送',
      description: `有 ${pending.length} 份日报还在手机上，联网后点此发送`,
      target: { kind: 'page', url: PAGES.reportEdit(first.branchId, first.day) },
    });
  }
  if (has('district_admin')) {
    cards.push(orgShortcut('全区组织', '各乡镇（街道）和支部一览'));
    cards.push(districtDashboard);
    cards.push(...adminShortcuts());
    cards.push(dailyRulesShortcut, exemptionsShortcut);
  }
  if (has('leader')) {
    cards.push(orgShortcut('组织架构', '分管乡镇（街道）和支部一览'));
    cards.push(districtDashboard);
    cards.push({ key: 'ranking', title: '季度排名', description: '各支部创星进度排名', target: soon });
  }
  if (has('township_staff')) {
    const townships = townshipIdsOf(byRole('township_staff'));
    cards.push(orgShortcut('组织架构', '本乡镇（街道）组织一览'));
    cards.push({
      key: 'report-dashboard',
      title: '今日日报看板',
      description: '今日报送率，未提交支部一键提醒',
      target: { kind: 'page', url: PAGES.reportDashboard(townships.length === 1 ? townships[0] : undefined) },
    });
    cards.push(
      townships.length === 1
        ? { key: 'branches', title: '各支部', description: '本乡镇（街道）的村和社区', target: { kind: 'page', url: PAGES.township(townships[0]) } }
        : { key: 'branches', title: '各支部', description: '选择乡镇（街道）查看支部', target: { kind: 'tab', url: PAGES.org } },
    );
    cards.push(...adminShortcuts());
    cards.push(exemptionsShortcut);
  }
  if (has('inspector')) {
    cards.push(orgShortcut('组织架构', '督导范围内的组织一览'));
    cards.push(districtDashboard);
    cards.push({ key: 'inspection', title: '督导记录', description: '四不两直走访记录', target: soon });
  }
  if (has('cadre') || has('secretary')) {
    cards.push(...reportShortcuts([...byRole('secretary'), ...byRole('cadre')]));
  }
  if (has('cadre') || has('secretary') || has('station_handler')) {
    cards.push(...branchShortcuts([...byRole('secretary'), ...byRole('cadre'), ...byRole('station_handler')]));
  }
  if (has('station_handler')) {
    cards.push({ key: 'letters', title: '群众来信', description: '处理清风邮局来信', target: soon });
  }

  const official = active.length > 0 || me.roles.some((r) => r !== 'resident');
  if (!official) {
    cards.push({ key: 'bind', title: '绑定身份', description: '干部和工作人员请输入邀请码', target: { kind: 'page', url: PAGES.bind } });
  }
  cards.push({ key: 'mailbox', title: '清风邮局', description: '向党组织反映问题、提出建议', target: soon });

  const seen = new Set<string>();
  return cards.filter((c) => (seen.has(c.key) ? false : (seen.add(c.key), true)));
}
