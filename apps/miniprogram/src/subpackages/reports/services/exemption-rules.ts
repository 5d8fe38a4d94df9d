import type { Exemption, Me } from '@chuangxing/shared';
import { isDistrictAdmin, staffTownshipIds } from '../../../services/me-helpers';

/** The contract's bound on the reason. */
export const EXEMPTION_REASON_MAX = 100;

/** What the page knows of a branch named in an exemption. */
export interface BranchLabel {
  name: string;
  townshipId: string;
}

/** District admins record holidays and any branch's leave; township staff the leave of their township's branches. */
export function mayAddExemptions(me: Me | undefined): boolean {
  return isDistrictAdmin(me) || staffTownshipIds(me).length > 0;
}

/**
 * Whether to offer 删除, mirroring the server's rule (the server still decides): district admins delete
 * anything; township staff the leave days of branches in their township; nobody else.
 */
export function mayDeleteExemption(me: Me | undefined, exemption: Pick<Exemption, 'branchId'>, branch: BranchLabel | undefined): boolean {
  if (isDistrictAdmin(me)) return true;
  if (!exemption.branchId || !branch) return false;
  return staffTownshipIds(me).includes(branch.townshipId);
}

export type ExemptionKind = 'holiday' | 'workday' | 'leave';

/** 全区节假日, 调休上班 (a district make-up working day) or 支部请假. */
export const exemptionKind = (e: Pick<Exemption, 'branchId' | 'kind'>): ExemptionKind =>
  e.kind === 'workday' ? 'workday' : e.branchId ? 'leave' : 'holiday';

export const EXEMPTION_KIND_LABELS: Record<ExemptionKind, string> = { holiday: '全区节假日', workday: '调休上班', leave: '支部请假' };

/** Saturday or Sunday: the only days a make-up working day can be. */
export function isWeekendDay(day: string): boolean {
  const w = new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)))).getUTCDay();
  return w === 0 || w === 6;
}

/** By day; on one day the district holiday before the branches' leave. */
export function byDay<T extends Pick<Exemption, 'day' | 'branchId'>>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.day.localeCompare(b.day) || Number(Boolean(a.branchId)) - Number(Boolean(b.branchId)));
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'] as const;

/** "6月10日 周二" (a Shanghai calendar day needs no time zone). */
export function dayLabel(day: string): string {
  const weekday = new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)))).getUTCDay();
  return `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日 周${WEEKDAYS[weekday]}`;
}

/** "2025年6月" */
export function monthLabel(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}
