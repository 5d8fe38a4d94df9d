import type { StoredAssignment, StoredCandidate, StoredVisit } from '../features/liaison/liaison';
import { liaisonEntities as E } from '../features/liaison/liaison.entities';

/**
 * 包联 in the demo: 周领导 is assigned 五里堡街道 and 德化街街道 by the district admin, has visited three branches and
 * marks 建新南街社区 as a 五星 candidate, so a leader's home tells its story at once.
 */
export function demoLiaisonItems(districtId: string): Record<string, unknown>[] {
  const leader = { id: 'demo-leader', name: '周领导（县级领导）' };
  const admin = { id: 'demo-district-admin', name: '孙管理员（区委组织部）' };
  const at = '2026-01-06T01:00:00.000Z';
  const assignment: StoredAssignment = {
    districtId,
    leaderId: leader.id,
    leaderName: leader.name,
    townshipIds: ['wulibao', 'dehuajie'],
    version: 1,
    updatedAt: at,
    updatedBy: admin.id,
    updatedByName: admin.name,
  };
  const visit = (n: number, v: Pick<StoredVisit, 'townshipId' | 'branchId' | 'branchName' | 'kind' | 'date' | 'notes'>): StoredVisit => ({
    id: `demo-liaison-visit-${n}`,
    clientId: `demo-visit-${n}`,
    districtId,
    leaderId: leader.id,
    leaderName: leader.name,
    recordedAt: `${v.date}T08:00:00.000Z`,
    ...v,
  });
  const visits = [
    visit(1, {
      townshipId: 'wulibao',
      branchId: 'jianxinnanjie',
      branchName: '建新南街社区',
      kind: 'survey',
      date: '2026-10-15',
      notes: '摸底：网格员配齐，老旧小区加装电梯推进慢，居民议事会每月开。',
    }),
    visit(2, {
      townshipId: 'wulibao',
      branchId: 'wulibao-b02',
      branchName: '和平社区',
      kind: 'guidance',
      date: '2026-11-05',
      notes: '指导创建规划：先补齐平安法治星短板，年底冲四星。',
    }),
    visit(3, {
      townshipId: 'dehuajie',
      branchId: 'dehuajie-b01',
      branchName: '春华社区',
      kind: 'survey',
      date: '2026-11-12',
      notes: '摸底：商圈党建基础好，物业矛盾较多。',
    }),
  ];
  const candidate: StoredCandidate = {
    branchId: 'jianxinnanjie',
    townshipId: 'wulibao',
    branchName: '建新南街社区',
    status: 'active',
    strengths: '支部战斗力强，红色物业全覆盖',
    weaknesses: '老旧小区改造进度偏慢',
    baseline: '无信访积案，无廉情问题',
    version: 1,
    markedBy: leader.id,
    markedByName: leader.name,
    updatedAt: '2026-10-15T09:00:00.000Z',
    updatedBy: leader.id,
    updatedByName: leader.name,
  };
  return [
    E.assignment.item({ districtId, leaderId: leader.id }, assignment),
    E.assignmentEvent.item(
      { districtId, leaderId: leader.id, version: 1 },
      { districtId, leaderId: leader.id, version: 1, townshipIds: assignment.townshipIds, at, by: admin.id, byName: admin.name },
    ),
    ...visits.map((v) => E.visit.item({ leaderId: v.leaderId, clientId: v.clientId }, v)),
    E.candidate.item({ branchId: candidate.branchId }, candidate),
  ];
}
