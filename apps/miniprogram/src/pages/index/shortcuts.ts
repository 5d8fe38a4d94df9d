import type { Me } from '@chuangxing/shared';
import type { MyCommunity } from '../../services/my-community';
import type { PendingReport } from '../../services/report-outbox';
import { PAGES } from '../../services/routes';
import { appraisalShortcuts } from './appraisal-shortcuts';
import {
  communityBoardShortcuts,
  integrityLetterStatsShortcut,
  letterRulesShortcut,
  letterStatsShortcut,
  lettersShortcut,
  meetingShortcuts,
  ownLetterStatsShortcut,
  recordLetterShortcut,
} from './mailbox-shortcuts';
import { adminShortcuts, branchShortcuts, orgShortcut } from './org-shortcuts';
import {
  branchObservationShortcuts,
  findingsOverviewShortcut,
  findingsShortcuts,
  myRankingShortcuts,
  observationsShortcut,
  rankingReviewShortcut,
  rankingShortcut,
  scoringShortcut,
} from './oversight-shortcuts';
import {
  branchBoardShortcuts,
  catalogueShortcut,
  districtBoardShortcut,
  planShortcuts,
  reviewShortcuts,
  reviewSummaryShortcut,
} from './plan-shortcuts';
import { branchPledgeShortcuts, pledgeBoardShortcut } from './pledge-shortcuts';
import { dailyRulesShortcut, districtDashboard, exemptionsShortcut, reportShortcuts } from './report-shortcuts';
import { type Shortcut, townshipIdsOf } from './shortcut';
import { starShortcuts } from './star-shortcuts';

export type { Shortcut, ShortcutTarget } from './shortcut';

// The learning cards stay in this module: the ES5 build spreads a local array as is, an imported one through a helper.

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

/**
 * A resident's community (remembered when they chose it or wrote to it): its 微权说廉 and 公开栏 one tap away.
 * Without one, both pages open on the community picker.
 */
function residentCommunityShortcuts(community?: MyCommunity): Shortcut[] {
  const suffix = community ? `:${community.id}` : '';
  return [
    {
      key: `integrity${suffix}`,
      title: '微权说廉',
      description: community ? `${community.name}干部的小微权力和廉洁承诺` : '选一个社区，看干部的小微权力和廉洁承诺',
      target: { kind: 'page', url: PAGES.integrityBoard(community?.id) },
    },
    {
      key: `letter-board${suffix}`,
      title: '公开栏',
      description: community ? `${community.name}：来信数量、满意率和公开的来信` : '选一个社区，看来信数量、满意率和公开的来信',
      target: { kind: 'page', url: PAGES.letterBoard(community?.id) },
    },
  ];
}

/**
 * The home cards for the caller's roles, in a stable order, without duplicates. A daily report still
 * waiting on this device comes first: opening it sends it.
 */
export function shortcutsFor(me: Me, pending: PendingReport[] = [], community?: MyCommunity): Shortcut[] {
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
    cards.push({
      key: 'liaison-assignments',
      title: '包联分工',
      description: '给每位县级领导安排包联乡镇（街道），一眼看出谁还没有安排',
      target: { kind: 'page', url: PAGES.liaisonAssignments },
    });
  }
  if (has('leader')) {
    cards.push({
      key: 'liaison',
      title: '我包联的乡镇',
      description: '包联乡镇的星级、在审申报、五星候选和逾期问题，记录走访',
      target: { kind: 'page', url: PAGES.liaison },
    });
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
    cards.push(...townships.map(pledgeBoardShortcut));
  }
  if (has('inspector')) {
    cards.push(orgShortcut('组织架构', '督导范围内的组织一览'));
    cards.push(districtDashboard);
    cards.push(districtBoardShortcut);
    cards.push({
      key: 'inspection',
      title: '四不两直',
      description: '不打招呼直奔现场，记录发现的问题',
      target: { kind: 'page', url: PAGES.inspections },
    });
    cards.push(findingsOverviewShortcut(townshipIdsOf(byRole('inspector'))));
  }
  if (has('discipline')) {
    // 纪检监察 (纪（工）委, 亲清监察站): the 廉情 letters of their townships and their tally; not the 督导员's.
    cards.push(lettersShortcut(has));
    cards.push(integrityLetterStatsShortcut);
    cards.push(orgShortcut('组织架构', '监督范围内的组织一览'));
  }
  if (has('cadre') || has('secretary')) {
    cards.push(...reportShortcuts([...byRole('secretary'), ...byRole('cadre')]));
  }
  if (has('station_handler')) {
    // The station's daily work first: its letter queue and 社区半月谈, its 三率, then its community's 公开栏 and 微权说廉.
    cards.push(lettersShortcut(has));
    cards.push(recordLetterShortcut);
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
  if (has('township_staff') || has('secretary'))
    cards.push(...appraisalShortcuts(townshipIdsOf(byRole('township_staff')), byRole('secretary')));
  if (has('cadre') || has('secretary')) {
    cards.push(...branchObservationShortcuts([...byRole('secretary'), ...byRole('cadre')]));
    cards.push(...myRankingShortcuts([...byRole('secretary'), ...byRole('cadre')]));
    cards.push(...branchPledgeShortcuts([...byRole('secretary'), ...byRole('cadre')]));
  }

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
    cards.push(...residentCommunityShortcuts(community));
    cards.push({ key: 'bind', title: '绑定身份', description: '干部和工作人员请输入邀请码', target: { kind: 'page', url: PAGES.bind } });
  } else {
    cards.push(catalogueShortcut);
    cards.push(writeCard);
  }
  cards.push(...starShortcuts(has, byRole('secretary'), official ? undefined : community?.id));
  cards.push(newsShortcut);

  const seen = new Set<string>();
  return cards.filter((c) => {
    if (seen.has(c.key)) return false;
    seen.add(c.key);
    return true;
  });
}
