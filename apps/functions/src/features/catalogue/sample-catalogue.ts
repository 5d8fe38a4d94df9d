import type { BranchType, Star } from '@chuangxing/shared';

/**
 * The default star catalogue: 29 rural and 27 community key tasks, written from the focus areas of
 * DOMAIN.md §2. The official item texts are not public, so these are labelled 示例标准（可配置）: a district
 * admin edits them as a draft and publishes a new version. Data, not code paths.
 */
export interface SampleStar {
  star: Star;
  tasks: string[];
  vetoes: string[];
}

const BRANCH_STRONG: SampleStar = {
  star: 'branch_strong',
  tasks: [
    '严格落实“三会一课”、主题党日等组织生活制度',
    '村（社区）“两委”班子结构合理、分工明确、履职到位',
    '党员发展、教育、管理、监督规范有序',
    '党群服务中心规范运行，便民服务事项公开',
    '落实“四议两公开”，党务村（居）务公开及时',
    '党组织书记能力过硬，带头领办实事',
  ],
  vetoes: ['党组织班子软弱涣散、长期不发挥作用', '党员干部出现严重违纪违法问题并造成恶劣影响'],
};

const SAFETY_LAW: SampleStar = {
  star: 'safety_law',
  tasks: [
    '实现“零上访、零事故、零案件”目标',
    '网格化管理全覆盖，网格员（微网格员）配备到位',
    '矛盾纠纷排查化解及时，调解成功率高',
    '12345 等热线诉求按时办结、群众满意',
    '常态化开展治安巡防和安全隐患排查',
    '开展法治宣传教育，培育“法律明白人”',
  ],
  vetoes: ['发生重大刑事案件', '发生造成人员死亡的安全生产事故'],
};

/** Rural set: 6 + 6 + 6 + 6 + 5 = 29. */
const RURAL: SampleStar[] = [
  BRANCH_STRONG,
  {
    star: 'industry',
    tasks: [
      '培育“一村一品”特色产业',
      '组建或引进农民专业合作社，带动农户增收',
      '村集体经济年收入稳步增长',
      '推动农村一二三产业融合发展',
      '开展农业实用技术和就业技能培训',
      '盘活闲置土地、房屋等集体资源资产',
    ],
    vetoes: ['村集体经济出现重大资产流失', '发生侵害农民土地权益的群体性事件'],
  },
  {
    star: 'ecology',
    tasks: [
      '深入开展人居环境整治，村容村貌整洁',
      '完成农村户厕改造并规范管护',
      '生活垃圾收运处置体系健全',
      '生活污水得到有效治理',
      '开展“清洁家庭”“美丽庭院”评选',
      '村庄绿化美化，公共空间管护到位',
    ],
    vetoes: ['发生重大环境污染事件', '违法占用耕地建设问题突出未整改'],
  },
  SAFETY_LAW,
  {
    star: 'civility',
    tasks: [
      '新时代文明实践站常态化开展活动',
      '修订完善“一约五会”，推进移风易俗',
      '开展道德模范、好媳妇好婆婆等评选',
      '养老、托幼等公共服务便民可及',
      '组织群众性文化体育活动',
    ],
    vetoes: ['发生重大封建迷信或非法宗教活动', '大操大办、高价彩礼问题突出且未整治'],
  },
];

/** Community set: 6 + 5 + 5 + 6 + 5 = 27. */
const COMMUNITY: SampleStar[] = [
  BRANCH_STRONG,
  {
    star: 'business',
    tasks: [
      '社区“两委”与辖区企业、商户建立常态联系机制',
      '优化营商环境，为商户提供政策和办事帮办',
      '开展就业创业服务，帮扶困难群体就业',
      '培育社区商业和便民服务网点',
      '建立商户诉求收集与解决台账',
    ],
    vetoes: ['发生严重损害营商环境的事件并造成恶劣影响', '社区工作人员向企业商户吃拿卡要'],
  },
  {
    star: 'co_build',
    tasks: [
      '推行“红色物业”，党组织领导物业服务',
      '建立居委会、业委会、物业服务企业“三方联动”机制',
      '推进老旧小区改造，群众参与决策',
      '驻区单位共建共享资源清单落实',
      '居民议事协商平台常态运行',
    ],
    vetoes: ['小区物业矛盾引发重大群体性事件', '老旧小区改造出现重大质量安全问题'],
  },
  SAFETY_LAW,
  {
    star: 'harmony',
    tasks: [
      '党群服务中心功能完善、开放时间满足居民需求',
      '建设老年人日间照料中心或助餐点',
      '组建志愿服务队伍，常态开展志愿服务',
      '关爱困难群众、留守老人和儿童',
      '开展邻里节等社区文化活动',
    ],
    vetoes: ['发生侵害困难群众利益的严重事件', '社区服务场所被挪作他用'],
  },
];

export const SAMPLE_CATALOGUE: Record<BranchType, SampleStar[]> = { rural: RURAL, community: COMMUNITY };
