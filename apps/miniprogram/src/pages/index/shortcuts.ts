import type { Me, RoleBinding } from '@chuangxing/shared';
import type { PendingReport } from '../../services/report-outbox';
import { PAGES } from '../../services/routes';

export type ShortcutTarget =
  | { kind: 'tab'; url: string }
  | { kind: 'page'; url: string }
  /** Not built yet: shown as 即将上线, never a dead link. */
  | { kind: 'soon' };

export interface Shortcut {
  key: string;
  title: string;
  description: string;
  target: ShortcutTarget;
}

/** District admins, leaders and inspectors: pick a township from the per-township rates. */
const districtDashboard: Shortcut = {
  key: 'report-dashboard',
  title: '日报看板',
  description: '各乡镇（街道）今日报送率和未提交支部',
  target: { kind: 'page', url: PAGES.reportDashboard() },
};

function orgShortcut(title: string, description: string): Shortcut {
  return { key: 'org', title, description, target: { kind: 'tab', url: PAGES.org } };
}

/** The branches the bindings are scoped to, each once, in binding order, with the binding's label. */
function branchesOf(bindings: RoleBinding[]): { id: string; label: string }[] {
  const branches: { id: string; label: string }[] = [];
  for (const b of bindings) {
    const scope = b.scope;
    if (scope.level === 'branch' && !branches.some((x) => x.id === scope.branchId))
      branches.push({ id: scope.branchId, label: b.scopeLabel });
  }
  return branches;
}

function branchShortcuts(bindings: RoleBinding[]): Shortcut[] {
  return branchesOf(bindings).map((br) => ({
    key: `branch:${br.id}`,
    title: '我的支部',
    description: br.label,
    target: { kind: 'page', url: PAGES.branch(br.id) },
  }));
}

/** District admins and township staff: invite people and manage their bindings. */
function adminShortcuts(): Shortcut[] {
  return [
    {
      key: 'invite',
      title: '邀请绑定',
      description: '生成邀请码，邀请干部和工作人员绑定身份',
      target: { kind: 'page', url: PAGES.invitations },
    },
    { key: 'bindings', title: '身份管理', description: '查看和撤销已绑定的身份', target: { kind: 'page', url: PAGES.bindings } },
  ];
}

/** District admins set the reporting rules; they and township staff record the days without a report. */
const dailyRulesShortcut: Shortcut = {
  key: 'daily-rules',
  title: '日报规则',
  description: '截止时间、补报天数和提醒时间',
  target: { kind: 'page', url: PAGES.dailyRules },
};
const exemptionsShortcut: Shortcut = {
  key: 'exemptions',
  title: '免报管理',
  description: '登记节假日和支部请假，当天无需报送',
  target: { kind: 'page', url: PAGES.exemptions },
};

/** 来信三率 (响应率, 解决率, 满意率) per community: overseers see every community in their reach. */
const letterStatsShortcut: Shortcut = {
  key: 'letter-stats',
  title: '来信三率',
  description: '各社区来信的响应率、解决率和满意率',
  target: { kind: 'page', url: PAGES.letterStats() },
};
/** A station handler sees its own community's (the server narrows the list); same key, so an overseer's card wins. */
const ownLetterStatsShortcut: Shortcut = {
  key: 'letter-stats',
  title: '本社区三率',
  description: '本社区来信的响应率、解决率和满意率',
  target: { kind: 'page', url: PAGES.letterStats() },
};
/** District admins set the mailbox's time limits and daily limit. */
const letterRulesShortcut: Shortcut = {
  key: 'letter-rules',
  title: '信箱规则',
  description: '受理、答复时限，自动归档天数和每人每天来信数',
  target: { kind: 'page', url: PAGES.letterRules },
};

/** 创星标准: every official reads the star catalogue in force; district admins edit and publish it on the same page. */
const catalogueShortcut: Shortcut = {
  key: 'catalogue',
  title: '创星标准',
  description: '各星级的重点任务和否决项',
  target: { kind: 'page', url: PAGES.catalogue() },
};

/** 挂图作战: district-wide roles read the district board; the server narrows it to the caller's townships. */
const districtBoardShortcut: Shortcut = {
  key: 'board',
  title: '挂图作战',
  description: '各乡镇（街道）创星计划执行进度，超期节点和双过半',
  target: { kind: 'page', url: PAGES.districtBoard() },
};

/** Cadres and secretaries: 四个一口清 of each branch they belong to (its poster is one tap further). */
function branchBoardShortcuts(bindings: RoleBinding[]): Shortcut[] {
  return branchesOf(bindings).map((br) => ({
    key: `branch-board:${br.id}`,
    title: '四个一口清',
    description: `${br.label}：任务、底数、措施、机制和作战图`,
    target: { kind: 'page', url: PAGES.branchBoard(br.id) },
  }));
}
/** 每季度一评比: township staff, leaders and district admins read the published ranking (the server keeps each to their townships). */
const rankingShortcut: Shortcut = {
  key: 'ranking',
  title: '季度排名',
  description: '各支部本季度得分、星级和进步，十佳百优和星级地图',
  target: { kind: 'page', url: PAGES.ranking() },
};
/** District admins compute, review, annotate and publish each quarter's ranking, and set the scoring model. */
const rankingReviewShortcut: Shortcut = {
  key: 'ranking-review',
  title: '评比管理',
  description: '计算本季度排名，审核批注后发布',
  target: { kind: 'page', url: PAGES.rankingReview() },
};
const scoringShortcut: Shortcut = {
  key: 'scoring',
  title: '评分模型',
  description: '各项权重、扣分、达星规则和榜单名额',
  target: { kind: 'page', url: PAGES.scoringModel },
};

/** Cadres and secretaries: today's report and the month calendar of each branch they file for. */
function reportShortcuts(bindings: RoleBinding[]): Shortcut[] {
  const branches = branchesOf(bindings);
  const many = branches.length > 1;
  return branches.flatMap((br) => [
    {
      key: `report-edit:${br.id}`,
      title: '填写今日日报',
      description: many ? br.label : '记录今天的工作、问题和明日计划，可离线填写',
      target: { kind: 'page', url: PAGES.reportEdit(br.id) },
    } as Shortcut,
    {
      key: `report-calendar:${br.id}`,
      title: '我的日报日历',
      description: many ? br.label : '按月查看每天的报送情况',
      target: { kind: 'page', url: PAGES.reportCalendar(br.id) },
    } as Shortcut,
  ]);
}

/** Cadres and secretaries: their branch's 创星计划 for this year (written, submitted and followed there). */
function planShortcuts(bindings: RoleBinding[]): Shortcut[] {
  const branches = branchesOf(bindings);
  const many = branches.length > 1;
  return branches.map(
    (br) =>
      ({
        key: `plan:${br.id}`,
        title: '创星计划',
        description: many ? br.label : '今年的保星、目标星级和重点任务倒排工期',
        target: { kind: 'page', url: PAGES.planEdit(br.id) },
      }) as Shortcut,
  );
}

/** 学讲评 for cadres and secretaries: their branch's four lists this month. */
function reviewShortcuts(bindings: RoleBinding[]): Shortcut[] {
  const branches = branchesOf(bindings);
  const many = branches.length > 1;
  return branches.map(
    (br) =>
      ({
        key: `review:${br.id}`,
        title: '学讲评',
        description: many ? br.label : '困难、问题、办法、举措四张清单，逐项解决',
        target: { kind: 'page', url: PAGES.reviewBoard(br.id) },
      }) as Shortcut,
  );
}

/** 学讲评汇总 for township staff and leaders: per branch, open and done per list, and overdue items. */
function reviewSummaryShortcut(townshipIds: string[]): Shortcut {
  return {
    key: 'review-summary',
    title: '学讲评',
    description: '各支部四张清单的解决情况和逾期条目',
    target: { kind: 'page', url: PAGES.reviewSummary(townshipIds.length === 1 ? townshipIds[0] : undefined) },
  };
}

/**
 * 清风邮局 for officials: one queue card whose title says what the caller does there — 民情气象站 (a community's
 * station handler), 廉情来信 (inspectors handle integrity letters) or 来信督办 (township staff and district admins
 * read and chase overdue letters).
 */
function lettersShortcut(has: (role: string) => boolean): Shortcut {
  const target: ShortcutTarget = { kind: 'page', url: PAGES.letterCases };
  if (has('station_handler')) return { key: 'letters', title: '民情气象站', description: '本社区来信：受理、转办、答复', target };
  if (has('inspector')) return { key: 'letters', title: '廉情来信', description: '廉情监督来信的受理和办理', target };
  return { key: 'letters', title: '来信督办', description: '各社区来信办理情况，超期来信及时督办', target };
}

/** Station handlers: their community's 公开栏 and 微权说廉; secretaries: 微权说廉 (they keep it up to date). */
function communityBoardShortcuts(bindings: RoleBinding[], withBoard: boolean): Shortcut[] {
  return branchesOf(bindings).flatMap((br) => [
    ...(withBoard
      ? [
          {
            key: `letter-board:${br.id}`,
            title: '公开栏',
            description: `${br.label}：来信数量、满意率和公开的来信`,
            target: { kind: 'page', url: PAGES.letterBoard(br.id) },
          } as Shortcut,
        ]
      : []),
    {
      key: `integrity:${br.id}`,
      title: '微权说廉',
      description: `${br.label}：小微权力和廉洁承诺`,
      target: { kind: 'page', url: PAGES.integrityBoard(br.id) },
    } as Shortcut,
  ]);
}

/** Station handlers: their community's 社区半月谈 (agendas from the letters, minutes after the meeting). */
function meetingShortcuts(bindings: RoleBinding[]): Shortcut[] {
  return branchesOf(bindings).map((br) => ({
    key: `meetings:${br.id}`,
    title: '社区半月谈',
    description: `${br.label}：来信议题和会议纪要`,
    target: { kind: 'page', url: PAGES.meetings(br.id) },
  }));
}

/** 每月一观摩: township staff and the district organise and score; inspectors and leaders score and oversee. */
const observationsShortcut: Shortcut = {
  key: 'observations',
  title: '每月一观摩',
  description: '待我评分的观摩、组织的观摩和观摩结果',
  target: { kind: 'page', url: PAGES.observations() },
};

/** Cadres and secretaries: their branch's locked observation results (who scored stays hidden). */
function branchObservationShortcuts(bindings: RoleBinding[]): Shortcut[] {
  return branchesOf(bindings).map((br) => ({
    key: `observe:${br.id}`,
    title: '观摩结果',
    description: `${br.label}：本季度观摩的各星得分和意见`,
    target: { kind: 'page', url: PAGES.branchObservations(br.id) },
  }));
}

/** Cadres and secretaries: their branch's 问题清单 from 四不两直 visits (submit fixes there). */
function findingsShortcuts(bindings: RoleBinding[]): Shortcut[] {
  const branches = branchesOf(bindings);
  return branches.map((br) => ({
    key: `findings:${br.id}`,
    title: '问题清单',
    description: branches.length > 1 ? br.label : '督导组发现的问题，按整改时限整改并提交',
    target: { kind: 'page', url: PAGES.findings(br.id) },
  }));
}

/** 整改督办: a township's findings, open and overdue first (one township opens directly, else the picker). */
function findingsOverviewShortcut(townships: string[]): Shortcut {
  return {
    key: 'findings-township',
    title: '整改督办',
    description: '督导发现问题的整改进度，超期问题及时督办',
    target: { kind: 'page', url: PAGES.townshipFindings(townships.length === 1 ? townships[0] : undefined) },
  };
}

/**
 * Residents' 微权说廉 opens 建新南街社区 (the seed's 清廉社区) until residents have a community of their own.
 * The id is the seed's; see subpackages/mailbox/communities.ts (the stop-gap directory).
 */
const RESIDENT_INTEGRITY_BRANCH = 'jianxinnanjie';

/** 创星动态: everyone reads the campaign news. */
const newsShortcut: Shortcut = {
  key: 'news',
  title: '创星动态',
  description: '全区和各乡镇（街道）的创建动态',
  target: { kind: 'page', url: PAGES.newsFeed },
};
/** District admins and township staff: schedule 应知应会 tests and read 参考率; run 调查问卷. */
const learnOrganiserShortcuts: Shortcut[] = [
  {
    key: 'learn-sessions',
    title: '应知应会测试',
    description: '题库、安排测试、参考率和成绩分布',
    target: { kind: 'page', url: PAGES.learnSessions },
  },
  {
    key: 'questionnaires',
    title: '调查问卷',
    description: '向各支部干部发放问卷，汇总结果',
    target: { kind: 'page', url: PAGES.questionnaires },
  },
];
/** Cadres and secretaries: take their tests and answer questionnaires. */
const learnTakerShortcuts: Shortcut[] = [
  { key: 'learn-mine', title: '我的测试', description: '应知应会知识测试，限时作答', target: { kind: 'page', url: PAGES.learnMine } },
  {
    key: 'questionnaires',
    title: '调查问卷',
    description: '填写乡镇（街道）发来的问卷',
    target: { kind: 'page', url: PAGES.questionnaires },
  },
];

function townshipIdsOf(bindings: RoleBinding[]): string[] {
  const ids = new Set<string>();
  for (const b of bindings) if (b.scope.level === 'township') for (const id of b.scope.townshipIds) ids.add(id);
  return [...ids];
}

/**
 * The home cards for the caller's roles, in a stable order, without duplicates. A daily report still
 * waiting on this device comes first: opening it sends it.
 */
export function shortcutsFor(me: Me, pending: PendingReport[] = []): Shortcut[] {
  const active = me.bindings.filter((b) => !b.revokedAt);
  const has = (role: string) => me.roles.includes(role as Me['roles'][number]) || active.some((b) => b.role === role);
  const byRole = (role: string) => active.filter((b) => b.role === role);
  const cards: Shortcut[] = [];

  if (pending.length) {
    const first = pending[0];
    cards.push({
      key: 'report-pending',
      title: '日报待发送',
      description: `有 ${pending.length} 份日报还在手机上，联网后点此发送`,
      target: { kind: 'page', url: PAGES.reportEdit(first.branchId, first.day) },
    });
  }
  if (has('district_admin')) {
    cards.push(orgShortcut('全区组织', '各乡镇（街道）和支部一览'));
    cards.push(districtDashboard);
    cards.push(...adminShortcuts());
    cards.push(dailyRulesShortcut, exemptionsShortcut);
    cards.push(lettersShortcut(has));
    cards.push(letterStatsShortcut, letterRulesShortcut);
    cards.push(districtBoardShortcut);
    cards.push(rankingShortcut, rankingReviewShortcut, scoringShortcut);
    cards.push(catalogueShortcut);
  }
  if (has('leader')) {
    cards.push(orgShortcut('组织架构', '分管乡镇（街道）和支部一览'));
    cards.push(districtDashboard);
    cards.push(letterStatsShortcut);
    cards.push(districtBoardShortcut);
    cards.push(findingsOverviewShortcut(townshipIdsOf(byRole('leader'))));
    cards.push(reviewSummaryShortcut([]));
    cards.push(rankingShortcut);
  }
  if (has('township_staff')) {
    const townships = townshipIdsOf(byRole('township_staff'));
    cards.push(orgShortcut('组织架构', '本乡镇（街道）组织一览'));
    cards.push({
      key: 'report-dashboard',
      title: '今日日报看板',
      description: '今日报送率，未提交支部一键提醒',
      target: { kind: 'page', url: PAGES.reportDashboard(townships.length === 1 ? townships[0] : undefined) },
    });
    cards.push(
      townships.length === 1
        ? {
            key: 'branches',
            title: '各支部',
            description: '本乡镇（街道）的村和社区',
            target: { kind: 'page', url: PAGES.township(townships[0]) },
          }
        : { key: 'branches', title: '各支部', description: '选择乡镇（街道）查看支部', target: { kind: 'tab', url: PAGES.org } },
    );
    // 计划审批: the township's branches, each linking to its 创星计划 (批准 / 退回 there).
    cards.push({
      key: 'plan-review',
      title: '计划审批',
      description: '各支部提交的创星计划，逐个批准或退回',
      target: townships.length === 1 ? { kind: 'page', url: PAGES.township(townships[0]) } : { kind: 'tab', url: PAGES.org },
    });
    cards.push({
      key: 'board',
      title: '挂图作战',
      description: '各支部计划对实际，超期节点排在前面，双过半检查',
      target: { kind: 'page', url: townships.length === 1 ? PAGES.townshipBoard(townships[0]) : PAGES.districtBoard() },
    });
    cards.push(...adminShortcuts());
    cards.push(exemptionsShortcut);
    cards.push(lettersShortcut(has));
    cards.push(letterStatsShortcut);
    cards.push(findingsOverviewShortcut(townships));
    cards.push(reviewSummaryShortcut(townships));
    cards.push(rankingShortcut);
  }
  if (has('inspector')) {
    cards.push(orgShortcut('组织架构', '督导范围内的组织一览'));
    cards.push(districtDashboard);
    cards.push(districtBoardShortcut);
    cards.push(lettersShortcut(has));
    cards.push({
      key: 'inspection',
      title: '四不两直',
      description: '不打招呼直奔现场，记录发现的问题',
      target: { kind: 'page', url: PAGES.inspections },
    });
    cards.push(findingsOverviewShortcut(townshipIdsOf(byRole('inspector'))));
  }
  if (has('cadre') || has('secretary')) {
    cards.push(...reportShortcuts([...byRole('secretary'), ...byRole('cadre')]));
  }
  if (has('station_handler')) {
    // The station's daily work first: its letter queue and 社区半月谈, its 三率, then its community's 公开栏 and 微权说廉.
    cards.push(lettersShortcut(has));
    cards.push(...meetingShortcuts(byRole('station_handler')));
    cards.push(ownLetterStatsShortcut);
    cards.push(...communityBoardShortcuts(byRole('station_handler'), true));
  }
  if (has('cadre') || has('secretary') || has('station_handler')) {
    cards.push(...branchShortcuts([...byRole('secretary'), ...byRole('cadre'), ...byRole('station_handler')]));
  }
  if (has('cadre') || has('secretary')) {
    cards.push(...planShortcuts([...byRole('secretary'), ...byRole('cadre')]));
    cards.push(...branchBoardShortcuts([...byRole('secretary'), ...byRole('cadre')]));
    cards.push(...findingsShortcuts([...byRole('secretary'), ...byRole('cadre')]));
    cards.push(...reviewShortcuts([...byRole('secretary'), ...byRole('cadre')]));
  }
  if (has('secretary')) {
    cards.push(...communityBoardShortcuts(byRole('secretary'), false));
  }
  if (['township_staff', 'district_admin', 'inspector', 'leader'].some(has)) cards.push(observationsShortcut);
  if (has('cadre') || has('secretary')) cards.push(...branchObservationShortcuts([...byRole('secretary'), ...byRole('cadre')]));

  if (has('district_admin') || has('township_staff')) cards.push(...learnOrganiserShortcuts);
  if (has('cadre') || has('secretary')) cards.push(...learnTakerShortcuts);

  const writeCard: Shortcut = {
    key: 'mailbox',
    title: '清风邮局',
    description: '给社区写信：反映问题、提出建议，可以匿名',
    target: { kind: 'page', url: PAGES.writeLetter() },
  };
  const official = active.length > 0 || me.roles.some((r) => r !== 'resident');
  if (!official) {
    // Residents: the mailbox first, then (for cadres who have not bound yet) 绑定身份.
    cards.push(writeCard);
    cards.push({
      key: 'my-letters',
      title: '我的信件',
      description: '查看来信的办理进度，对答复进行评价',
      target: { kind: 'page', url: PAGES.myLetters },
    });
    cards.push({
      key: `integrity:${RESIDENT_INTEGRITY_BRANCH}`,
      title: '微权说廉',
      description: '建新南街社区干部的小微权力和廉洁承诺',
      target: { kind: 'page', url: PAGES.integrityBoard(RESIDENT_INTEGRITY_BRANCH) },
    });
    cards.push({ key: 'bind', title: '绑定身份', description: '干部和工作人员请输入邀请码', target: { kind: 'page', url: PAGES.bind } });
  } else {
    cards.push(catalogueShortcut);
    cards.push(writeCard);
  }
  cards.push(newsShortcut);

  const seen = new Set<string>();
  return cards.filter((c) => {
    if (seen.has(c.key)) return false;
    seen.add(c.key);
    return true;
  });
}
