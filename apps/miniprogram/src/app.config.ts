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
      pages: ['pages/edit/index', 'pages/task/index'],
    },
    {
      // 学讲评: a branch's four lists per month (its cadres keep them), and the township summary.
      root: 'subpackages/review',
      pages: ['pages/board/index', 'pages/summary/index'],
    },
    {
      // 挂图作战: the district and township boards (plan against actual, 双过半), a branch's 四个一口清 and its poster.
      root: 'subpackages/board',
      pages: ['pages/district/index', 'pages/township/index', 'pages/branch/index', 'pages/poster/index'],
    },
    {
      // 每月一观摩: the month's observations (待我评分 / 我组织的), planning one, scoring, the results and the branch's own results.
      root: 'subpackages/observe',
      pages: ['pages/list/index', 'pages/create/index', 'pages/score/index', 'pages/results/index', 'pages/branch/index'],
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
      // 四不两直: inspectors' drafts and visits, the branch's 问题清单 (fix, 销号, 退回) and the township's 整改督办.
      root: 'subpackages/inspect',
      pages: ['pages/list/index', 'pages/edit/index', 'pages/findings/index', 'pages/finding/index', 'pages/township/index'],
    },
    {
      // 应知应会 tests (题库, 安排测试, 我的测试 with the timer, 参考率 and scores) and 调查问卷 (builder, answering, results, CSV).
      root: 'subpackages/learn',
      pages: [
        'pages/sessions/index',
        'pages/bank/index',
        'pages/schedule/index',
        'pages/mine/index',
        'pages/take/index',
        'pages/results/index',
        'pages/questionnaires/index',
        'pages/qn-build/index',
        'pages/qn-answer/index',
        'pages/qn-results/index',
      ],
    },
    {
      // 创星动态: the campaign news feed everyone reads; the district and townships post.
      root: 'subpackages/news',
      pages: ['pages/feed/index', 'pages/detail/index', 'pages/post/index'],
    },
    {
      // 每季度一评比: the ranking, a branch's scorecard (charts), the star map, the honour lists with a share image,
      // and the district admin's review/publish and scoring-model pages. Charts live only here.
      root: 'subpackages/ranking',
      pages: [
        'pages/list/index',
        'pages/scorecard/index',
        'pages/star-map/index',
        'pages/honours/index',
        'pages/review/index',
        'pages/scoring/index',
      ],
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
