import type { FindingRow, InspectionDraft } from '@chuangxing/shared';
import type { Kernel } from '../../platform/kernel/kernel';
import { shanghaiDay } from '../../platform/kernel/shanghai-time';
import { isOverdue, type StoredFinding, type StoredInspectionDraft } from './inspection';
import type { InspectionsPorts } from './inspections.ports';

const PHOTO_URL_SECONDS = 15 * 60;

/** The mini-program page a 问题清单 message opens. */
export const FINDINGS_PAGE = (branchId: string) => `subpackages/inspections/pages/findings/index?branchId=${encodeURIComponent(branchId)}`;

/** Today in Asia/Shanghai: the day overdue is judged on. */
export const today = (deps: Pick<Kernel, 'clock'>) => shanghaiDay(deps.clock.now());

/** Short-lived URLs to show stored photos. */
export const urls = (deps: Pick<InspectionsPorts, 'storage'>, keys: readonly string[] = []) =>
  Promise.all(keys.map((k) => deps.storage.presignGet(k, PHOTO_URL_SECONDS)));

export function findingRow(f: StoredFinding, day: string): FindingRow {
  return {
    id: f.id,
    inspectionId: f.inspectionId,
    branchId: f.branchId,
    branchName: f.branchName,
    townshipId: f.townshipId,
    star: f.star,
    description: f.description,
    owner: f.owner,
    deadline: f.deadline,
    ...(f.vetoItemId ? { vetoItemId: f.vetoItemId } : {}),
    ...(f.vetoText ? { vetoText: f.vetoText } : {}),
    status: f.status,
    overdue: isOverdue(f, day),
    version: f.version,
    createdAt: f.createdAt,
    ...(f.closedAt ? { closedAt: f.closedAt } : {}),
  };
}

/** Overdue first, then open before closed, then by deadline. */
export const byUrgency = (a: FindingRow, b: FindingRow) =>
  Number(b.overdue) - Number(a.overdue) ||
  Number(a.status === 'closed') - Number(b.status === 'closed') ||
  a.deadline.localeCompare(b.deadline) ||
  a.createdAt.localeCompare(b.createdAt);

export async function presentDraft(deps: Pick<InspectionsPorts, 'storage'>, d: StoredInspectionDraft): Promise<InspectionDraft> {
  return {
    id: d.id,
    content: d.content,
    branchName: d.branchName,
    townshipId: d.townshipId,
    photoUrls: await urls(deps, d.content.photos),
    version: d.version,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
  };
}
