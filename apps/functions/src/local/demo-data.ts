import type { BranchType, Role, Scope, Star, TownshipKind } from '@chuangxing/shared';
import type { Branch, Township } from '../features/org/org';
import type { Binding, UserProfile } from '../platform/kernel/principal';

/**
 * Demo data for 二七区. Only 五里堡街道, 德化街街道, 建新南街社区 and 樱桃沟社区 are confirmed by the source
 * article; every other unit is generated and flagged isDemo so the UI can label it 示例.
 */
export const DEMO_DISTRICT = { id: 'erqi', name: '二七区' };
const SEED_TIME = '2026-01-05T00:00:00.000Z';

interface TownshipSeed {
  id: string;
  name: string;
  kind: TownshipKind;
  isDemo: boolean;
  branches: { name: string; type: BranchType; isDemo: boolean; id?: string }[];
}

const COMMUNITY_WORDS = [
  '和平',
  '幸福',
  '光明',
  '建设',
  '长江',
  '嵩山',
  '兴华',
  '康桥',
  '春华',
  '锦绣',
  '翠竹',
  '清风',
  '明月',
  '东方',
  '南湖',
  '西园',
  '北苑',
  '友爱',
  '朝阳',
  '振兴',
  '红旗',
  '新华',
  '育才',
  '祥和',
];
const VILLAGE_WORDS = [
  '刘庄',
  '王寨',
  '李湾',
  '张岗',
  '杨河',
  '赵沟',
  '陈楼',
  '马坡',
  '孙庄',
  '周营',
  '吴岭',
  '郑湾',
  '侯岗',
  '尚庄',
  '柏树',
  '石门',
  '桃园',
  '杏花',
  '枣林',
  '梨园',
  '苇园',
  '泉水',
  '龙岗',
  '凤山',
];

function demoBranches(words: string[], start: number, count: number, type: BranchType) {
  const suffix = type === 'community' ? '社区' : '村';
  return Array.from({ length: count }, (_, i) => ({ name: `${words[(start + i) % words.length]}${suffix}`, type, isDemo: true }));
}

const CN_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一'];

function buildTownships(): TownshipSeed[] {
  const list: TownshipSeed[] = [
    {
      id: 'wulibao',
      name: '五里堡街道',
      kind: 'subdistrict',
      isDemo: false,
      branches: [
        { id: 'jianxinnanjie', name: '建新南街社区', type: 'community', isDemo: false },
        ...demoBranches(COMMUNITY_WORDS, 0, 8, 'community'),
      ],
    },
    { id: 'dehuajie', name: '德化街街道', kind: 'subdistrict', isDemo: false, branches: demoBranches(COMMUNITY_WORDS, 8, 8, 'community') },
  ];
  for (let i = 0; i < 11; i++) {
    list.push({
      id: `demo-jd${String(i + 1).padStart(2, '0')}`,
      name: `示例${CN_NUMBERS[i]}街道`,
      kind: 'subdistrict',
      isDemo: true,
      branches: demoBranches(COMMUNITY_WORDS, i * 3 + 1, 8, 'community'),
    });
  }
  // 樱桃沟社区's branch works to the rural star set (产业兴旺、生态宜居、文明幸福), as the article shows.
  list.push({
    id: 'demo-gwh',
    name: '示例管委会',
    kind: 'management',
    isDemo: true,
    branches: [{ id: 'yingtaogou', name: '樱桃沟社区', type: 'rural', isDemo: false }, ...demoBranches(VILLAGE_WORDS, 0, 7, 'rural')],
  });
  const rural: [TownshipKind, string][] = [
    ['town', '示例一镇'],
    ['town', '示例二镇'],
    ['township', '示例一乡'],
    ['township', '示例二乡'],
  ];
  rural.forEach(([kind, name], i) => {
    list.push({ id: `demo-xz${i + 1}`, name, kind, isDemo: true, branches: demoBranches(VILLAGE_WORDS, 7 + i * 5, 10, 'rural') });
  });
  return list;
}

export interface DemoData {
  townships: Township[];
  branches: Branch[];
  users: UserProfile[];
  bindings: Binding[];
}

export function buildDemoData(): DemoData {
  const seeds = buildTownships();
  const townships: Township[] = [];
  const branches: Branch[] = [];
  seeds.forEach((t, order) => {
    const own = t.branches.map(
      (b, i): Branch => ({
        id: b.id ?? `${t.id}-b${String(i + 1).padStart(2, '0')}`,
        districtId: DEMO_DISTRICT.id,
        townshipId: t.id,
        name: b.name,
        type: b.type,
        isDemo: b.isDemo,
        version: 1,
        createdAt: SEED_TIME,
        updatedAt: SEED_TIME,
      }),
    );
    branches.push(...own);
    townships.push({
      id: t.id,
      districtId: DEMO_DISTRICT.id,
      name: t.name,
      kind: t.kind,
      isDemo: t.isDemo,
      order,
      counts: { rural: own.filter((b) => b.type === 'rural').length, community: own.filter((b) => b.type === 'community').length },
    });
  });

  const d = DEMO_DISTRICT.id;
  // The demo cadre gave a (made-up) work phone: the township's missing-branch list offers a call.
  const people: { id: string; name: string; role: Role; scope?: Scope; label: string; phone?: string; star?: Star }[] = [
    { id: 'demo-resident', name: '王阿姨（居民）', role: 'resident', label: '任意社区居民' },
    {
      id: 'demo-cadre',
      name: '李明（村干部）',
      role: 'cadre',
      scope: { level: 'branch', districtId: d, townshipId: 'demo-gwh', branchId: 'yingtaogou' },
      label: '示例管委会 · 樱桃沟社区',
      phone: '13800000001',
    },
    {
      id: 'demo-secretary',
      name: '张书记（支部书记）',
      role: 'secretary',
      scope: { level: 'branch', districtId: d, townshipId: 'demo-gwh', branchId: 'yingtaogou' },
      label: '示例管委会 · 樱桃沟社区',
    },
    {
      id: 'demo-township-staff',
      name: '刘干事（街道）',
      role: 'township_staff',
      scope: { level: 'township', districtId: d, townshipIds: ['wulibao'] },
      label: '五里堡街道',
    },
    // The township of the demo cadre and secretary, so their reports can be followed from the township side too.
    {
      id: 'demo-township-staff-gwh',
      name: '王干事（管委会）',
      role: 'township_staff',
      scope: { level: 'township', districtId: d, townshipIds: ['demo-gwh'] },
      label: '示例管委会',
    },
    { id: 'demo-inspector', name: '赵督导（督导组）', role: 'inspector', scope: { level: 'district', districtId: d }, label: '二七区' },
    // 廉情 letters go to the discipline side, not the 督导组: the township's 纪工委 (and its 亲清监察站).
    {
      id: 'demo-discipline',
      name: '钱书记（纪工委）',
      role: 'discipline',
      scope: { level: 'township', districtId: d, townshipIds: ['wulibao'] },
      label: '五里堡街道',
    },
    {
      id: 'demo-station-handler',
      name: '陈接待（民情气象站）',
      role: 'station_handler',
      scope: { level: 'branch', districtId: d, townshipId: 'wulibao', branchId: 'jianxinnanjie' },
      label: '五里堡街道 · 建新南街社区',
    },
    {
      id: 'demo-leader',
      name: '周领导（县级领导）',
      role: 'leader',
      scope: { level: 'township', districtId: d, townshipIds: ['wulibao', 'dehuajie'] },
      label: '五里堡街道、德化街街道',
    },
    // 一颗星一个专班: the 政法委 reviews 平安法治星 across the district, the 组织部 支部过硬星.
    {
      id: 'demo-taskforce',
      name: '郑主任（政法委专班）',
      role: 'taskforce',
      scope: { level: 'district', districtId: d },
      star: 'safety_law',
      label: '二七区 · 平安法治星专班',
    },
    {
      id: 'demo-taskforce-zzb',
      name: '吴部长（组织部专班）',
      role: 'taskforce',
      scope: { level: 'district', districtId: d },
      star: 'branch_strong',
      label: '二七区 · 支部过硬星专班',
    },
    {
      id: 'demo-district-admin',
      name: '孙管理员（区委组织部）',
      role: 'district_admin',
      scope: { level: 'district', districtId: d },
      label: '二七区',
    },
  ];
  const users: UserProfile[] = people.map((p, order) => ({
    id: p.id,
    displayName: p.name,
    isDemo: true,
    createdAt: SEED_TIME,
    ...(p.phone ? { workPhone: p.phone } : {}),
    demo: { role: p.role, scopeLabel: p.label, order },
  }));
  const bindings: Binding[] = people.flatMap((p) =>
    p.scope && p.role !== 'resident'
      ? [
          {
            bindingId: `${p.id}-b1`,
            userId: p.id,
            role: p.role,
            scope: p.scope,
            scopeLabel: p.label,
            ...(p.star ? { star: p.star } : {}),
            holderName: p.name,
            createdAt: SEED_TIME,
            createdBy: 'seed',
          },
        ]
      : [],
  );
  return { townships, branches, users, bindings };
}
