import type { RoleBinding } from '@chuangxing/shared';
import { PAGES } from '../../services/routes';
import { branchesOf, type Shortcut } from './shortcut';

/** District admins, leaders and inspectors: pick a township from the per-township rates. */
export const districtDashboard: Shortcut = {
  key: 'report-dashboard',
  title: '日报看板',
  description: '各乡镇（街道）今日报送率和未提交支部',
  target: { kind: 'page', url: PAGES.reportDashboard() },
};

/** District admins set the reporting rules; they and township staff record the days without a report. */
export const dailyRulesShortcut: Shortcut = {
  key: 'daily-rules',
  title: '日报规则',
  description: '截止时间、补报天数和提醒时间',
  target: { kind: 'page', url: PAGES.dailyRules },
};
export const exemptionsShortcut: Shortcut = {
  key: 'exemptions',
  title: '免报管理',
  description: '登记节假日和支部请假，当天无需报送',
  target: { kind: 'page', url: PAGES.exemptions },
};

/** Cadres and secretaries: today's report and the month calendar of each branch they file for. */
export function reportShortcuts(bindings: RoleBinding[]): Shortcut[] {
  const branches = branchesOf(bindings);
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
