// The main package holds only the tab pages; every feature lives in a subpackage.
export default defineAppConfig({
  pages: ['pages/index/index', 'pages/org/index', 'pages/me/index'],
  subPackages: [
    {
      root: 'subpackages/account',
      pages: ['pages/dev-login/index', 'pages/bind/index', 'pages/outbox/index'],
    },
    {
      root: 'subpackages/org',
      pages: ['pages/township/index', 'pages/branch/index'],
    },
    {
      // 邀请绑定, 身份管理, 日报规则, 免报管理 and 信箱规则: the administrators' pages (only they get the shortcuts);
      // 创星标准: every official reads it, district admins edit and publish it.
      root: 'subpackages/admin',
      pages: [
        'pages/invitations/index',
        'pages/bindings/index',
        'pages/daily-rules/index',
        'pages/exemptions/index',
        'pages/letter-rules/index',
        'pages/catalogue/index',
      ],
    },
    {
      // 每日一报告: the form (with its offline draft and send queue), the calendar, the detail and the township dashboard.
      root: 'subpackages/report',
      pages: ['pages/edit/index', 'pages/calendar/index', 'pages/detail/index', 'pages/dashboard/index'],
    },
    {
      // 创星计划: the branch's cadres write and submit it, its township approves or returns it, others read it.
      root: 'subpackages/plan',
      pages: ['pages/edit/index'],
    },
    {
      // 清风邮局: writing (大字, photos), 我的信件 with rating and 查询码 lookup, the handlers' queue and case page,
      // 社区半月谈, the community's 公开栏 and 微权说廉, and the 三率 of the communities in reach.
      root: 'subpackages/mailbox',
      pages: [
        'pages/write/index',
        'pages/mine/index',
        'pages/cases/index',
        'pages/case/index',
        'pages/meetings/index',
        'pages/board/index',
        'pages/integrity/index',
        'pages/stats/index',
      ],
    },
    {
      // 每季度一评比: the ranking, a branch's scorecard (charts), the star map, the honour lists with a share image,
      // and the district admin's review/publish and scoring-model pages. Charts live only here.
      root: 'subpackages/ranking',
      pages: ['pages/list/index', 'pages/scorecard/index', 'pages/star-map/index', 'pages/honours/index', 'pages/review/index', 'pages/scoring/index'],
    },
  ],
  // Fetch the org subpackage while the user looks at the org tab. The report subpackage is fetched
  // from home, so that the report form still opens when the village network drops later.
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['subpackages/report'] },
    'pages/org/index': { network: 'all', packages: ['subpackages/org'] },
  },
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: '#f5f1ea',
    navigationBarBackgroundColor: '#b71c1c',
    navigationBarTitleText: '创星',
    navigationBarTextStyle: 'white',
  },
  // Text-only tab bar: WeChat allows omitting iconPath.
  tabBar: {
    color: '#5f5f5f',
    selectedColor: '#b71c1c',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/index/index', text: '首页' },
      { pagePath: 'pages/org/index', text: '组织' },
      { pagePath: 'pages/me/index', text: '我的' },
    ],
  },
});
