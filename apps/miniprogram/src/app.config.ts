// The main package holds only the tab pages; every feature lives in a subpackage.
export default defineAppConfig({
  pages: ['pages/index/index', 'pages/inbox/index', 'pages/org/index', 'pages/me/index'],
  subPackages: [
    {
      // 身份: demo-user login, 绑定身份 (confirming the name), 修改姓名, the 隐私保护指引 and (local mode only) the
      // notification outbox; 邀请绑定 and 身份管理 for the administrators (only they get the shortcuts).
      root: 'subpackages/identity',
      pages: [
        'pages/dev-login/index',
        'pages/bind/index',
        'pages/profile/index',
        'pages/privacy/index',
        'pages/outbox/index',
        'pages/invitations/index',
        'pages/bindings/index',
      ],
    },
    {
      root: 'subpackages/org',
      pages: ['pages/township/index', 'pages/branch/index'],
    },
    {
      // 创星标准: every official reads it, district admins edit and publish it.
      root: 'subpackages/catalogue',
      pages: ['pages/catalogue/index'],
    },
    {
      // 每日一报告: the form (with its offline draft and send queue), the calendar, the detail and the township dashboard;
      // 日报规则 and 免报管理.
      root: 'subpackages/reports',
      pages: [
        'pages/edit/index',
        'pages/calendar/index',
        'pages/detail/index',
        'pages/dashboard/index',
        'pages/daily-rules/index',
        'pages/exemptions/index',
      ],
    },
    {
      // 创星计划: the branch's cadres write and submit it, its township approves or returns it, others read it; 任务进展.
      // 挂图作战: the district and township boards (plan against actual, 双过半), a branch's 四个一口清 and its poster.
      root: 'subpackages/plans',
      pages: [
        'pages/edit/index',
        'pages/task/index',
        'pages/board-district/index',
        'pages/board-township/index',
        'pages/board-branch/index',
        'pages/poster/index',
      ],
    },
    {
      // 学讲评: a branch's four lists per month (its cadres keep them), and the township summary.
      root: 'subpackages/study-review',
      pages: ['pages/board/index', 'pages/summary/index'],
    },
    {
      // 亮赛比: a secretary's 亮承诺 and the branch's monthly 赛实绩, and the township's 亮赛比擂台.
      root: 'subpackages/pledges',
      pages: ['pages/branch/index', 'pages/board/index'],
    },
    {
      // 包联: a leader's assigned townships at a glance, and per branch a visit record and its 五星 candidacy; the
      // district admin's 包联分工 (which leader follows which townships).
      root: 'subpackages/liaison',
      pages: ['pages/home/index', 'pages/branch/index', 'pages/assignments/index'],
    },
    {
      // 每月一观摩: the month's observations (待我评分 / 我组织的), planning one, scoring, the results and the branch's own results.
      root: 'subpackages/observations',
      pages: ['pages/list/index', 'pages/create/index', 'pages/score/index', 'pages/results/index', 'pages/branch/index'],
    },
    {
      // 清风邮局: writing (大字, photos), 我的信件 with rating and 查询码 lookup, the handlers' queue and case page,
      // 社区半月谈, the community's 公开栏 and 微权说廉, the 三率 of the communities in reach, 信箱规则, and 代录.
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
        'pages/letter-rules/index',
        'pages/record/index',
      ],
    },
    {
      // 四不两直: inspectors' drafts and visits, the branch's 问题清单 (fix, 销号, 退回) and the township's 整改督办.
      root: 'subpackages/inspections',
      pages: ['pages/list/index', 'pages/edit/index', 'pages/findings/index', 'pages/finding/index', 'pages/township/index'],
    },
    {
      // 应知应会 tests (题库, 安排测试, 我的测试 with the timer, 参考率 and scores) and 调查问卷 (builder, answering, results, CSV).
      root: 'subpackages/learning',
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
      root: 'subpackages/rankings',
      pages: [
        'pages/list/index',
        'pages/scorecard/index',
        'pages/star-map/index',
        'pages/honours/index',
        'pages/review/index',
        'pages/scoring/index',
      ],
    },
    {
      // 评星定级: 创星申报 (self-assessment with evidence), 初审 / 复审 and 授星, the 公示 board with objections, 撤星,
      // the 专班's progress board and the admin's 专班 editor.
      root: 'subpackages/stars',
      pages: [
        'pages/apply/index',
        'pages/application/index',
        'pages/review/index',
        'pages/publicity/index',
        'pages/objections/index',
        'pages/withdrawals/index',
        'pages/annual/index',
        'pages/taskforce-board/index',
        'pages/taskforces/index',
      ],
    },
    {
      // 述职评议 (比干劲): the township's sessions, draft editor and moving on, codes, progress and results; a scorer's
      // sheets; a secretary's 述职 and own result; a resident representative's 输入评议码.
      root: 'subpackages/appraisals',
      pages: [
        'pages/sessions/index',
        'pages/edit/index',
        'pages/manage/index',
        'pages/score/index',
        'pages/mine/index',
        'pages/redeem/index',
      ],
    },
    {
      // 区乡村三级创建规划: the district's and a township's yearly plan (targets, key dates, units), read and edited.
      root: 'subpackages/creation-plans',
      pages: ['pages/edit/index'],
    },
  ],
  // Fetch the org subpackage while the user looks at the org tab. The reports subpackage is fetched
  // from home, so that the report form still opens when the village network drops later.
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['subpackages/reports'] },
    'pages/org/index': { network: 'all', packages: ['subpackages/org'] },
  },
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: '#f5f1ea',
    navigationBarBackgroundColor: '#b71c1c',
    navigationBarTitleText: '创星',
    navigationBarTextStyle: 'white',
  },
  // Privacy APIs (choosing photos) wait for the user's consent, asked by our own popup (services/privacy-gate.ts).
  __usePrivacyCheck__: true,
  // An internal tool: WeChat search indexes none of its pages (src/sitemap.json, copied into the weapp build).
  sitemapLocation: 'sitemap.json',
  // Text-only tab bar: WeChat allows omitting iconPath.
  tabBar: {
    color: '#5f5f5f',
    selectedColor: '#b71c1c',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/index/index', text: '首页' },
      // 消息中心: its badge is the unread count (services/unread-badge.ts).
      { pagePath: 'pages/inbox/index', text: '消息' },
      { pagePath: 'pages/org/index', text: '组织' },
      { pagePath: 'pages/me/index', text: '我的' },
    ],
  },
});
