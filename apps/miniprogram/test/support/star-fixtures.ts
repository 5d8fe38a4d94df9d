import type {
  MyStarObjection,
  ReviewedStarObjection,
  StarApplicationDetail,
  StarApplicationSummary,
  StarAssessmentItem,
} from '@chuangxing/shared';

export const T = '2026-11-20T02:00:00.000Z';

export function makeStarSummary(partial: Partial<StarApplicationSummary> = {}): StarApplicationSummary {
  return {
    id: 'A1',
    branchId: 'jianxinnan',
    branchName: '建新南街社区',
    townshipId: 'wulibao',
    star: 'safety_law',
    status: 'township_review',
    catalogueVersion: 1,
    met: 3,
    total: 4,
    version: 1,
    submittedAt: T,
    updatedAt: T,
    ...partial,
  };
}

export function makeStarItem(partial: Partial<StarAssessmentItem> = {}): StarAssessmentItem {
  return {
    itemId: 'safety_law-1',
    kind: 'task',
    title: 'safety_law 重点任务 1',
    met: true,
    note: '每月排查矛盾纠纷',
    photos: [],
    photoUrls: [],
    ...partial,
  };
}

export function makeStarDetail(partial: Partial<StarApplicationDetail> = {}): StarApplicationDetail {
  return {
    application: makeStarSummary(),
    items: [
      makeStarItem(),
      makeStarItem({ itemId: 'safety_law-2', title: 'safety_law 重点任务 2', met: false, note: '' }),
      makeStarItem({ itemId: 'safety_law-v1', kind: 'veto', title: 'safety_law 否决项 1', note: '' }),
    ],
    history: [{ at: T, version: 1, kind: 'applied', actorName: '张书记' }],
    actions: [],
    canReadContext: false,
    ...partial,
  };
}

export function makeReviewedObjection(partial: Partial<ReviewedStarObjection> = {}): ReviewedStarObjection {
  return {
    id: 'O1',
    applicationId: 'A1',
    text: '消防通道长期堵塞，没有整改',
    anonymous: true,
    status: 'open',
    version: 1,
    createdAt: T,
    ...partial,
  };
}

export function makeMyObjection(partial: Partial<MyStarObjection> = {}): MyStarObjection {
  return {
    id: 'O1',
    applicationId: 'A1',
    branchName: '建新南街社区',
    star: 'safety_law',
    text: '消防通道长期堵塞，没有整改',
    anonymous: true,
    status: 'open',
    createdAt: T,
    ...partial,
  };
}
