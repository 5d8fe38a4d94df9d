import type {
  Branch,
  BranchType,
  CaseLetter,
  Catalogue,
  CatalogueStar,
  DailyReport,
  DevUser,
  IntegrityBoard,
  Invitation,
  Me,
  Meeting,
  MyLetter,
  OrgTree,
  PublicBoard,
  ReportDetail,
  RoleBinding,
  Session,
  TownshipSummary,
} from '@chuangxing/shared';

const T0 = '2025-01-01T08:00:00+08:00';

export function makeTownship(partial: Partial<TownshipSummary> = {}): TownshipSummary {
  return {
    id: 'wulibao',
    name: '五里堡街道',
    kind: 'subdistrict',
    isDemo: false,
    counts: { rural: 0, community: 9, total: 9 },
    ...partial,
  };
}

export function makeOrgTree(partial: Partial<OrgTree> = {}): OrgTree {
  const townships = partial.townships ?? [
    makeTownship(),
    makeTownship({ id: 'dehuajie', name: '德化街街道', counts: { rural: 0, community: 6, total: 6 } }),
    makeTownship({ id: 'houzhai', name: '侯寨乡', kind: 'township', isDemo: true, counts: { rural: 12, community: 2, total: 14 } }),
  ];
  const sum = (k: 'rural' | 'community' | 'total') => townships.reduce((n, t) => n + t.counts[k], 0);
  return {
    district: { id: 'erqi', name: '二七区' },
    townships,
    totals: { rural: sum('rural'), community: sum('community'), total: sum('total') },
    ...partial,
  };
}

export function makeBranch(partial: Partial<Branch> = {}): Branch {
  const type = partial.type ?? 'community';
  return {
    id: 'jianxinnan',
    districtId: 'erqi',
    townshipId: 'wulibao',
    name: '建新南街社区',
    type,
    stars:
      type === 'rural'
        ? ['branch_strong', 'industry', 'ecology', 'safety_law', 'civility']
        : ['branch_strong', 'business', 'co_build', 'safety_law', 'harmony'],
    isDemo: false,
    version: 1,
    createdAt: T0,
    updatedAt: T0,
    ...partial,
  };
}

export function makeBinding(partial: Partial<RoleBinding> = {}): RoleBinding {
  return {
    bindingId: 'bind-1',
    userId: 'u-staff',
    role: 'township_staff',
    scope: { level: 'township', districtId: 'erqi', townshipIds: ['wulibao'] },
    scopeLabel: '五里堡街道',
    createdAt: T0,
    createdBy: 'u-admin',
    ...partial,
  };
}

export function makeMe(partial: Partial<Me> = {}): Me {
  const bindings = partial.bindings ?? [makeBinding()];
  return {
    user: { id: 'u-staff', displayName: '王芳', isDemo: true, createdAt: T0 },
    roles: partial.roles ?? ['resident', ...bindings.map((b) => b.role)],
    bindings,
    ...partial,
  };
}

export function makeSession(partial: Partial<Session> = {}): Session {
  return {
    token: 'token-1',
    expiresAt: '2999-01-01T00:00:00+08:00',
    me: makeMe(),
    ...partial,
  };
}

export function makeDevUser(partial: Partial<DevUser> = {}): DevUser {
  return {
    userId: 'demo-staff',
    displayName: '王芳',
    role: 'township_staff',
    scopeLabel: '五里堡街道',
    ...partial,
  };
}

export function makeInvitation(partial: Partial<Invitation> = {}): Invitation {
  return {
    id: 'inv-1',
    inviteeName: '张三',
    role: 'secretary',
    scope: { level: 'branch', districtId: 'erqi', townshipId: 'wulibao', branchId: 'jianxinnan' },
    scopeLabel: '五里堡街道 · 建新南街社区',
    status: 'open',
    expiresAt: '2999-01-01T00:00:00.000Z',
    createdAt: T0,
    createdBy: 'u-staff',
    ...partial,
  };
}

/* ---------- daily report ---------- */

export function makeReport(partial: Partial<DailyReport> = {}): DailyReport {
  return {
    branchId: 'jianxinnan',
    townshipId: 'wulibao',
    day: '2025-06-10',
    status: 'on_time',
    content: { items: [{ star: 'branch_strong', text: '召开支部委员会' }], counts: {}, problems: '', tomorrowPlan: '', photos: [] },
    version: 1,
    submittedAt: '2025-06-10T18:00:00+08:00',
    submittedBy: 'u-sec',
    updatedAt: '2025-06-10T18:00:00+08:00',
    updatedBy: 'u-sec',
    ...partial,
  };
}

export function makeReportDetail(partial: Partial<ReportDetail> = {}): ReportDetail {
  const report = partial.report ?? makeReport();
  return {
    report,
    comments: [],
    revisions: [{ version: report.version, editedBy: report.updatedBy, editedByName: '张书记（支部书记）', editedAt: report.updatedAt }],
    photoUrls: report.content.photos.map((p) => ({
      url: `https://storage.test/${p.key}`,
      thumbUrl: p.thumbKey ? `https://storage.test/${p.thumbKey}` : undefined,
    })),
    ...partial,
  };
}

export const secretaryBinding = (branchId = 'jianxinnan') =>
  makeBinding({
    bindingId: 'b-sec',
    userId: 'u-sec',
    role: 'secretary',
    scope: { level: 'branch', districtId: 'erqi', townshipId: 'wulibao', branchId },
    scopeLabel: '五里堡街道 · 建新南街社区',
  });

/* ---------- 清风邮局 ---------- */

export const residentMe = () =>
  makeMe({ user: { id: 'u-res', displayName: '王阿姨', isDemo: true, createdAt: T0 }, roles: ['resident'], bindings: [] });

export const stationBinding = (branchId = 'jianxinnanjie') =>
  makeBinding({
    bindingId: 'b-station',
    userId: 'u-station',
    role: 'station_handler',
    scope: { level: 'branch', districtId: 'erqi', townshipId: 'wulibao', branchId },
    scopeLabel: '五里堡街道 · 建新南街社区',
  });

export const inspectorBinding = () =>
  makeBinding({
    bindingId: 'b-insp',
    userId: 'u-insp',
    role: 'inspector',
    scope: { level: 'township', districtId: 'erqi', townshipIds: ['wulibao'] },
    scopeLabel: '五里堡街道',
  });

export function makeMyLetter(partial: Partial<MyLetter> = {}): MyLetter {
  return {
    id: 'L1',
    queryCode: 'AB3CD4EF5G',
    branchId: 'jianxinnanjie',
    branchName: '建新南街社区',
    category: 'complaint',
    status: 'submitted',
    text: '小区东门路灯坏了一个月了',
    anonymous: true,
    allowPublication: false,
    callbackRequested: false,
    createdAt: '2026-01-06T09:00:00+08:00',
    canRate: false,
    reviewed: false,
    canWithdraw: false,
    canSupplement: false,
    version: 1,
    photoUrls: [],
    timeline: [{ at: '2026-01-06T09:00:00+08:00', kind: 'submitted', actor: '居民', internal: false }],
    ...partial,
  };
}

export function makeCaseLetter(partial: Partial<CaseLetter> = {}): CaseLetter {
  return {
    id: 'L1',
    queryCode: 'AB3CD4EF5G',
    branchId: 'jianxinnanjie',
    branchName: '建新南街社区',
    townshipId: 'wulibao',
    category: 'complaint',
    status: 'submitted',
    text: '小区东门路灯坏了一个月了',
    anonymous: true,
    writerName: '匿名',
    createdAt: '2026-01-06T09:00:00+08:00',
    acceptBy: '2026-01-08T23:59:00+08:00',
    reviewed: false,
    version: 1,
    photoUrls: [],
    timeline: [{ at: '2026-01-06T09:00:00+08:00', kind: 'submitted', actor: '居民', internal: false }],
    actions: ['accept', 'decline', 'transfer', 'note'],
    ...partial,
  };
}

export function makeIntegrityBoard(partial: Partial<IntegrityBoard> = {}): IntegrityBoard {
  return {
    branchId: 'jianxinnanjie',
    townshipId: 'wulibao',
    branchName: '建新南街社区',
    commitments: [{ position: '社区党委书记', name: '李华', powers: ['低保初审', '用章审批'], commitment: '公开办事，不收礼、不优亲厚友' }],
    updatedAt: '2026-01-05T10:00:00+08:00',
    version: 2,
    ...partial,
  };
}

export function makePublicBoard(partial: Partial<PublicBoard> = {}): PublicBoard {
  return {
    branchId: 'jianxinnanjie',
    townshipId: 'wulibao',
    branchName: '建新南街社区',
    month: '2026-01',
    rates: {
      received: 12,
      respondedInTime: 11,
      accepted: 10,
      replied: 8,
      rated: 6,
      satisfied: 5,
      responseRate: 11 / 12,
      resolutionRate: 0.8,
      satisfactionRate: 5 / 6,
    },
    letters: [
      {
        category: 'suggestion',
        text: '建议在广场增加几张长椅',
        reply: '已增加 4 张长椅',
        status: 'archived',
        createdAt: '2026-01-03T09:00:00+08:00',
      },
    ],
    ...partial,
  };
}

export function makeMeeting(partial: Partial<Meeting> = {}): Meeting {
  return {
    id: 'M1',
    branchId: 'jianxinnanjie',
    branchName: '建新南街社区',
    date: '2099-01-14',
    status: 'planned',
    agenda: [],
    version: 1,
    ...partial,
  };
}

/** Task counts per star: rural 6+6+6+6+5 = 29, community 6+5+5+6+5 = 27 (the sample catalogue's totals). */
const CATALOGUE_SHAPE: Record<BranchType, [CatalogueStar['star'], number][]> = {
  rural: [
    ['branch_strong', 6],
    ['industry', 6],
    ['ecology', 6],
    ['safety_law', 6],
    ['civility', 5],
  ],
  community: [
    ['branch_strong', 6],
    ['business', 5],
    ['co_build', 5],
    ['safety_law', 6],
    ['harmony', 5],
  ],
};

/** Ids `<star>-<n>` / `<star>-v<n>` (the shared stars repeat theirs in both sets, as the contract allows). */
export function makeCatalogueContent(): Catalogue['content'] {
  const set = (type: BranchType): CatalogueStar[] =>
    CATALOGUE_SHAPE[type].map(([star, n]) => ({
      star,
      tasks: Array.from({ length: n }, (_, i) => ({ id: `${star}-${i + 1}`, title: `${star} 重点任务 ${i + 1}` })),
      vetoes: [{ id: `${star}-v1`, text: `${star} 否决项 1` }],
    }));
  return { rural: set('rural'), community: set('community') };
}

export function makeCatalogue(partial: Partial<Catalogue> = {}): Catalogue {
  return {
    version: 1,
    content: makeCatalogueContent(),
    counts: { rural: 29, community: 27 },
    publishedAt: '2026-03-01T10:00:00+08:00',
    note: '示例标准（可配置）',
    ...partial,
  };
}
