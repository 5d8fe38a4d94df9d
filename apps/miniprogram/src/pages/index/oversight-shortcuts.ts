import type { RoleBinding } from '@chuangxing/shared';
import { PAGES } from '../../services/routes';
import { branchesOf, type Shortcut } from './shortcut';

/** Cadres and secretaries: their branch's 问题清单 from 四不两直 visits (submit fixes there). */
export function findingsShortcuts(bindings: RoleBinding[]): Shortcut[] {
  const branches = branchesOf(bindings);
  return branches.map((br) => ({
    key: `findings:${br.id}`,
    title: '问题清单',
    description: branches.length > 1 ? br.label : '督导组发现的问题，按整改时限整改并提交',
    target: { kind: 'page', url: PAGES.findings(br.id) },
  }));
}

/** 整改督办: a township's findings, open and overdue first (one township opens directly, else the picker). */
export function findingsOverviewShortcut(townships: string[]): Shortcut {
  return {
    key: 'findings-township',
    title: '整改督办',
    description: '督导发现问题的整改进度，超期问题及时督办',
    target: { kind: 'page', url: PAGES.townshipFindings(townships.length === 1 ? townships[0] : undefined) },
  };
}

/** Cadres and secretaries: their branch's locked observation results (who scored stays hidden). */
export function branchObservationShortcuts(bindings: RoleBinding[]): Shortcut[] {
  return branchesOf(bindings).map((br) => ({
    key: `observe:${br.id}`,
    title: '观摩结果',
    description: `${br.label}：本季度观摩的各星得分和意见`,
    target: { kind: 'page', url: PAGES.branchObservations(br.id) },
  }));
}

/** Secretaries and cadres: their branch's scorecard in the latest published ranking (亮赛比: its place in the open). */
export function myRankingShortcuts(bindings: RoleBinding[]): Shortcut[] {
  const branches = branchesOf(bindings);
  return branches.map((br) => ({
    key: `my-ranking:${br.id}`,
    title: '我的排名',
    description: branches.length > 1 ? br.label : '本支部在乡镇（街道）和全区的名次、得分和星级',
    target: { kind: 'page', url: PAGES.myScorecard(br.id) },
  }));
}

/** 每月一观摩: township staff and the district organise and score; inspectors and leaders score and oversee. */
export const observationsShortcut: Shortcut = {
  key: 'observations',
  title: '每月一观摩',
  description: '待我评分的观摩、组织的观摩和观摩结果',
  target: { kind: 'page', url: PAGES.observations() },
};

/** 每季度一评比: township staff, leaders and district admins read the published ranking (the server keeps each to their townships). */
export const rankingShortcut: Shortcut = {
  key: 'ranking',
  title: '季度排名',
  description: '最近一期已发布的支部得分、星级和进步，十佳百优和星级地图',
  target: { kind: 'page', url: PAGES.ranking() },
};
/** District admins compute, review, annotate and publish each quarter's ranking, and set the scoring model. */
export const rankingReviewShortcut: Shortcut = {
  key: 'ranking-review',
  title: '评比管理',
  description: '计算本季度排名，审核批注后发布',
  target: { kind: 'page', url: PAGES.rankingReview() },
};
export const scoringShortcut: Shortcut = {
  key: 'scoring',
  title: '评分模型',
  description: '各项权重、扣分、达星规则和榜单名额',
  target: { kind: 'page', url: PAGES.scoringModel },
};
