/** Page URLs in one place, so a moved page breaks the type check rather than a tap. */
export const PAGES = {
  home: '/pages/index/index',
  /** 消息: the 消息中心 tab. */
  inbox: '/pages/inbox/index',
  org: '/pages/org/index',
  me: '/pages/me/index',
  devLogin: '/subpackages/identity/pages/dev-login/index',
  bind: '/subpackages/identity/pages/bind/index',
  /** 我的 → 修改姓名: the name shown on everything the person does (and, for officials, their work phone). */
  profile: '/subpackages/identity/pages/profile/index',
  /** 隐私保护指引, our own page of it (H5; weapp opens WeChat's page of the guide filled in the console). */
  privacyGuide: '/subpackages/identity/pages/privacy/index',
  /** 通知发件箱: local mode only (what the reminders would have sent). */
  outbox: '/subpackages/identity/pages/outbox/index',
  township: (townshipId: string) => `/subpackages/org/pages/township/index?id=${encodeURIComponent(townshipId)}`,
  branch: (branchId: string) => `/subpackages/org/pages/branch/index?id=${encodeURIComponent(branchId)}`,
  invitations: '/subpackages/identity/pages/invitations/index',
  bindings: '/subpackages/identity/pages/bindings/index',
  /** 日报规则: district admins edit them, everyone else reads them. */
  dailyRules: '/subpackages/reports/pages/daily-rules/index',
  /** 免报管理: a month's holidays and branch leave days. */
  exemptions: '/subpackages/reports/pages/exemptions/index',
  /** 信箱规则: district admins edit the mailbox's time limits and daily limit, everyone else reads them. */
  letterRules: '/subpackages/mailbox/pages/letter-rules/index',
  /** 创星标准: the catalogue in force (or one published `version`); district admins edit the draft there. */
  catalogue: (version?: number) => `/subpackages/catalogue/pages/catalogue/index${version ? `?version=${version}` : ''}`,
  /** 创星计划 of a branch; without `year` this year (Asia/Shanghai). */
  planEdit: (branchId: string, year?: number) =>
    `/subpackages/plans/pages/edit/index?branchId=${encodeURIComponent(branchId)}${year ? `&year=${year}` : ''}`,
  /** 挂图作战 of the district (the townships in the caller's reach). */
  districtBoard: (year?: number) => `/subpackages/plans/pages/board-district/index${year ? `?year=${year}` : ''}`,
  /** 挂图作战 of a township; without `townshipId` the caller's only township. */
  townshipBoard: (townshipId?: string, year?: number) => {
    const query = [townshipId ? `townshipId=${encodeURIComponent(townshipId)}` : '', year ? `year=${year}` : ''].filter(Boolean).join('&');
    return `/subpackages/plans/pages/board-township/index${query ? `?${query}` : ''}`;
  },
  /** 四个一口清: a branch's one-pager. */
  branchBoard: (branchId: string, year?: number) =>
    `/subpackages/plans/pages/board-branch/index?branchId=${encodeURIComponent(branchId)}${year ? `&year=${year}` : ''}`,
  /** 一图一表一清单: the branch's poster, shareable as an image. */
  branchPoster: (branchId: string, year?: number) =>
    `/subpackages/plans/pages/poster/index?branchId=${encodeURIComponent(branchId)}${year ? `&year=${year}` : ''}`,
  /** 任务进展: a key task of the branch's approved plan (updates, evidence, the daily reports that named it). */
  planTask: (branchId: string, year: number, taskId: string) =>
    `/subpackages/plans/pages/task/index?branchId=${encodeURIComponent(branchId)}&year=${year}&taskId=${encodeURIComponent(taskId)}`,
  /** 填写日报; without `day` the page files today (Asia/Shanghai). */
  reportEdit: (branchId: string, day?: string) =>
    `/subpackages/reports/pages/edit/index?branchId=${encodeURIComponent(branchId)}${day ? `&day=${encodeURIComponent(day)}` : ''}`,
  reportCalendar: (branchId: string, month?: string) =>
    `/subpackages/reports/pages/calendar/index?branchId=${encodeURIComponent(branchId)}${month ? `&month=${encodeURIComponent(month)}` : ''}`,
  reportDetail: (branchId: string, day: string) =>
    `/subpackages/reports/pages/detail/index?branchId=${encodeURIComponent(branchId)}&day=${encodeURIComponent(day)}`,
  /** 日报看板; without a township it lists the caller's townships to pick from. */
  reportDashboard: (townshipId?: string, day?: string) => {
    const query = [townshipId ? `townshipId=${encodeURIComponent(townshipId)}` : '', day ? `day=${encodeURIComponent(day)}` : '']
      .filter(Boolean)
      .join('&');
    return `/subpackages/reports/pages/dashboard/index${query ? `?${query}` : ''}`;
  },
  /** 清风邮局 写信; `branchId` preselects the community (a community's QR code or link to its mailbox). */
  writeLetter: (branchId?: string) =>
    `/subpackages/mailbox/pages/write/index${branchId ? `?branchId=${encodeURIComponent(branchId)}` : ''}`,
  /** 我的信件: the caller's letters with their timelines, rating, and the 查询码 lookup. */
  myLetters: '/subpackages/mailbox/pages/mine/index',
  /** 我的信件 with a 查询码 looked up at once (the link on a 代录 slip). */
  trackLetter: (code: string) => `/subpackages/mailbox/pages/mine/index?code=${encodeURIComponent(code)}`,
  /** 代录: a station handler records a resident's phone call, visit or paper letter and hands over the 查询码 slip. */
  recordLetter: '/subpackages/mailbox/pages/record/index',
  /** 民情气象站 / 廉情来信 / 来信督办: the letters the caller handles or oversees. */
  letterCases: '/subpackages/mailbox/pages/cases/index',
  letterCase: (letterId: string) => `/subpackages/mailbox/pages/case/index?id=${encodeURIComponent(letterId)}`,
  /** 社区半月谈: a community's meetings, agendas and minutes; without `branchId` the caller's own community. */
  meetings: (branchId?: string) =>
    `/subpackages/mailbox/pages/meetings/index${branchId ? `?branchId=${encodeURIComponent(branchId)}` : ''}`,
  /** A community's 公开栏; without `branchId` the page asks for the community. */
  letterBoard: (branchId?: string) =>
    `/subpackages/mailbox/pages/board/index${branchId ? `?branchId=${encodeURIComponent(branchId)}` : ''}`,
  /** 来信三率 of the communities in the caller's reach; without `month` this month (Asia/Shanghai), without `townshipId` all of them. */
  letterStats: (month?: string, townshipId?: string) => {
    const query = [month ? `month=${encodeURIComponent(month)}` : '', townshipId ? `townshipId=${encodeURIComponent(townshipId)}` : '']
      .filter(Boolean)
      .join('&');
    return `/subpackages/mailbox/pages/stats/index${query ? `?${query}` : ''}`;
  },
  /** 廉情来信统计: the supervisors' own tally of integrity letters (inspectors only); never part of a community's 三率. */
  integrityLetterStats: '/subpackages/mailbox/pages/stats/index?kind=integrity',
  /** 微权说廉; without `branchId` the page asks for the community. */
  integrityBoard: (branchId?: string) =>
    `/subpackages/mailbox/pages/integrity/index${branchId ? `?branchId=${encodeURIComponent(branchId)}` : ''}`,
  /** 每月一观摩: a month's observations; without `month` this month (Asia/Shanghai). */
  observations: (month?: string) => `/subpackages/observations/pages/list/index${month ? `?month=${encodeURIComponent(month)}` : ''}`,
  observationCreate: '/subpackages/observations/pages/create/index',
  observationScore: (id: string) => `/subpackages/observations/pages/score/index?id=${encodeURIComponent(id)}`,
  observationResults: (id: string) => `/subpackages/observations/pages/results/index?id=${encodeURIComponent(id)}`,
  /** 观摩结果 of one branch (frozen results only); without `quarter` this quarter. */
  branchObservations: (branchId: string, quarter?: string) =>
    `/subpackages/observations/pages/branch/index?branchId=${encodeURIComponent(branchId)}${quarter ? `&quarter=${encodeURIComponent(quarter)}` : ''}`,
  /** 四不两直: the inspector's drafts and recorded visits. */
  inspections: '/subpackages/inspections/pages/list/index',
  /** A new visit, or the caller's own draft `id`. */
  inspectionEdit: (draftId?: string) => `/subpackages/inspections/pages/edit/index${draftId ? `?id=${encodeURIComponent(draftId)}` : ''}`,
  /** 问题清单 of a branch. */
  findings: (branchId: string) => `/subpackages/inspections/pages/findings/index?branchId=${encodeURIComponent(branchId)}`,
  finding: (findingId: string) => `/subpackages/inspections/pages/finding/index?id=${encodeURIComponent(findingId)}`,
  /** 整改督办: a township's findings; without `townshipId` the caller picks one. */
  townshipFindings: (townshipId?: string) =>
    `/subpackages/inspections/pages/township/index${townshipId ? `?townshipId=${encodeURIComponent(townshipId)}` : ''}`,
  /** 学讲评: a branch's four lists for a month (without `month` this month, Asia/Shanghai). */
  reviewBoard: (branchId: string, month?: string) =>
    `/subpackages/study-review/pages/board/index?branchId=${encodeURIComponent(branchId)}${month ? `&month=${encodeURIComponent(month)}` : ''}`,
  /** 学讲评汇总; without `townshipId` the page lists the caller's townships (one opens directly). */
  reviewSummary: (townshipId?: string, month?: string) => {
    const query = [townshipId ? `townshipId=${encodeURIComponent(townshipId)}` : '', month ? `month=${encodeURIComponent(month)}` : '']
      .filter(Boolean)
      .join('&');
    return `/subpackages/study-review/pages/summary/index${query ? `?${query}` : ''}`;
  },
  /** 应知应会: the organiser's sessions (题库, 安排测试, 成绩) and the taker's 我的测试. */
  learnSessions: '/subpackages/learning/pages/sessions/index',
  learnBank: '/subpackages/learning/pages/bank/index',
  learnSchedule: '/subpackages/learning/pages/schedule/index',
  learnMine: '/subpackages/learning/pages/mine/index',
  learnTake: (sessionId: string) => `/subpackages/learning/pages/take/index?id=${encodeURIComponent(sessionId)}`,
  learnResults: (sessionId: string) => `/subpackages/learning/pages/results/index?id=${encodeURIComponent(sessionId)}`,
  /** 调查问卷: the list (organised and to answer), the builder, answering, and the results with CSV. */
  questionnaires: '/subpackages/learning/pages/questionnaires/index',
  questionnaireBuild: '/subpackages/learning/pages/qn-build/index',
  questionnaireAnswer: (id: string) => `/subpackages/learning/pages/qn-answer/index?id=${encodeURIComponent(id)}`,
  questionnaireResults: (id: string) => `/subpackages/learning/pages/qn-results/index?id=${encodeURIComponent(id)}`,
  /** 创星动态: the feed, one post, and the post form (district admins and township staff). */
  newsFeed: '/subpackages/news/pages/feed/index',
  newsDetail: (id: string) => `/subpackages/news/pages/detail/index?id=${encodeURIComponent(id)}`,
  newsPost: '/subpackages/news/pages/post/index',
  /** 亮承诺 · 赛实绩: a branch's commitments of a year and their monthly progress. */
  branchPledges: (branchId: string, year?: number) =>
    `/subpackages/pledges/pages/branch/index?branchId=${encodeURIComponent(branchId)}${year ? `&year=${year}` : ''}`,
  /** 亮赛比擂台: a township's branches, their commitments and progress in a month. */
  pledgeBoard: (townshipId: string, month?: string) =>
    `/subpackages/pledges/pages/board/index?townshipId=${encodeURIComponent(townshipId)}${month ? `&month=${month}` : ''}`,
  /** 创建规划: the district's plan of a year, or (with `townshipId`) a township's; its editors edit it here. */
  creationPlan: (year: number, townshipId?: string) =>
    `/subpackages/creation-plans/pages/edit/index?year=${year}${townshipId ? `&townshipId=${encodeURIComponent(townshipId)}` : ''}`,
  /** 我包联的乡镇: a leader's assigned townships (levels, applications under review, candidates, overdue findings, visits). */
  liaison: '/subpackages/liaison/pages/home/index',
  /** 包联分工: the district admin assigns each county-level leader their townships. */
  liaisonAssignments: '/subpackages/liaison/pages/assignments/index',
  /** 包联 · a branch: record a visit (摸底调查 / 规划指导) and its 五星 candidacy. */
  liaisonBranch: (branchId: string) => `/subpackages/liaison/pages/branch/index?branchId=${encodeURIComponent(branchId)}`,
  /** 述职评议 (比干劲): a township's sessions; `branchId` names the secretary's branch the cards open for. */
  appraisals: (townshipId: string, branchId?: string) =>
    `/subpackages/appraisals/pages/sessions/index?townshipId=${encodeURIComponent(townshipId)}${branchId ? `&branchId=${encodeURIComponent(branchId)}` : ''}`,
  appraisalEdit: (townshipId: string, quarter: string) =>
    `/subpackages/appraisals/pages/edit/index?townshipId=${encodeURIComponent(townshipId)}&quarter=${quarter}`,
  appraisalManage: (townshipId: string, quarter: string) =>
    `/subpackages/appraisals/pages/manage/index?townshipId=${encodeURIComponent(townshipId)}&quarter=${quarter}`,
  appraisalScore: (townshipId: string, quarter: string) =>
    `/subpackages/appraisals/pages/score/index?townshipId=${encodeURIComponent(townshipId)}&quarter=${quarter}`,
  appraisalMine: (townshipId: string, quarter: string, branchId: string) =>
    `/subpackages/appraisals/pages/mine/index?townshipId=${encodeURIComponent(townshipId)}&quarter=${quarter}&branchId=${encodeURIComponent(branchId)}`,
  /** 输入评议码: a resident representative redeems a one-time code; without a township the page asks for one. */
  appraisalRedeem: (townshipId?: string, quarter?: string) => {
    const query = [townshipId ? `townshipId=${encodeURIComponent(townshipId)}` : '', quarter ? `quarter=${quarter}` : '']
      .filter(Boolean)
      .join('&');
    return `/subpackages/appraisals/pages/redeem/index${query ? `?${query}` : ''}`;
  },
  /** 每季度一评比: the district ranking of a quarter (`yyyy-Qn`, Asia/Shanghai; default this quarter). */
  ranking: (quarter?: string) => `/subpackages/rankings/pages/list/index${quarter ? `?quarter=${quarter}` : ''}`,
  /** 支部成绩单: a branch's scorecard in a quarter's ranking (a named `version`: district admins' drafts). */
  rankingScorecard: (quarter: string, branchId: string, version?: number) =>
    `/subpackages/rankings/pages/scorecard/index?quarter=${quarter}&branchId=${encodeURIComponent(branchId)}${version ? `&version=${version}` : ''}`,
  /** A branch's scorecard in the latest published quarter (a secretary's or cadre's 我的排名). */
  myScorecard: (branchId: string) => `/subpackages/rankings/pages/scorecard/index?branchId=${encodeURIComponent(branchId)}`,
  /** 星级地图: branches at 0–5 stars per township against last quarter and the plans. */
  rankingStarMap: (quarter?: string) => `/subpackages/rankings/pages/star-map/index${quarter ? `?quarter=${quarter}` : ''}`,
  /** 十佳 / 百优 / 进步最快, with a share image. */
  rankingHonours: (quarter?: string) => `/subpackages/rankings/pages/honours/index${quarter ? `?quarter=${quarter}` : ''}`,
  /** 评比管理 (district admins): compute, review, annotate, publish, export; versions. */
  rankingReview: (quarter?: string) => `/subpackages/rankings/pages/review/index${quarter ? `?quarter=${quarter}` : ''}`,
  /** 评分模型 (district admins edit and publish; officials who read rankings see it). */
  scoringModel: '/subpackages/rankings/pages/scoring/index',
  /** 创星申报: a branch's star applications and a new one; without `branchId` the secretary's own branch. */
  starApply: (branchId?: string) => `/subpackages/stars/pages/apply/index${branchId ? `?branchId=${encodeURIComponent(branchId)}` : ''}`,
  /** One star application: its path, self-assessment, history, and the caller's move (resubmit, 初审, 复审, 授星). */
  starApplication: (id: string) => `/subpackages/stars/pages/application/index?id=${encodeURIComponent(id)}`,
  /** 评星审核: the applications awaiting the caller (初审 for township staff, 复审 for the district). */
  starReview: '/subpackages/stars/pages/review/index',
  /** 专班进度: one star's progress per township (its 专班, and the district admin). */
  starTaskforceBoard: (star?: string) => `/subpackages/stars/pages/taskforce-board/index${star ? `?star=${encodeURIComponent(star)}` : ''}`,
  /** 专班设置: which department owns each star (district admin). */
  starTaskforces: '/subpackages/stars/pages/taskforces/index',
  /** 星级公示: the district's board for officials; a resident's community (`branchId`, else the remembered one). */
  starPublicity: (branchId?: string) =>
    `/subpackages/stars/pages/publicity/index${branchId ? `?branchId=${encodeURIComponent(branchId)}` : ''}`,
  /** 公示异议 of one application, resolved by the district. */
  starObjections: (applicationId: string) => `/subpackages/stars/pages/objections/index?id=${encodeURIComponent(applicationId)}`,
  /** 撤星管理: the district's queue; with a 廉情 case found 属实, 纪检监察 open a 撤星 from it. */
  starWithdrawals: (fromCase?: { letterId: string; branchId: string }) =>
    `/subpackages/stars/pages/withdrawals/index${
      fromCase ? `?letterId=${encodeURIComponent(fromCase.letterId)}&branchId=${encodeURIComponent(fromCase.branchId)}` : ''
    }`,
  /** 年度评星定级: from the review date the district confirms or lowers each branch's stars (district admin). */
  starAnnualReview: '/subpackages/stars/pages/annual/index',
} as const;

/** The tab pages; they can only be reached with switchTab. */
export const TAB_PAGES: readonly string[] = [PAGES.home, PAGES.inbox, PAGES.org, PAGES.me];
