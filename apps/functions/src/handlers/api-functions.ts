import type { FeatureName } from '@chuangxing/shared';

/**
 * The one list of which features each API function serves. Everything else is derived from it: the handler
 * entries are type-checked against it (handlers/*-api.handler.ts), CDK builds one function per entry, routes
 * each contract path to the function of its feature and grants each function the upload prefixes of its
 * features (infra/lib/api-functions.ts), and the bundle test checks that a function carries only its own
 * features' code. The cut keeps each bundle within its budget (docs/benchmarks.md).
 */
export const API_FUNCTIONS = {
  /** Sign-in, people and the organisation, the standards, the 消息中心 and the API's own description. */
  core: ['meta', 'identity', 'org', 'catalogue', 'inbox'],
  /** 每日一报告, and the ranking's XLSX export (this bundle already carries the workbook writer; the rankings had no room). */
  reports: ['reports', 'ranking-export'],
  /** 清风邮局: the only function that seals and opens writers' identities. */
  mailbox: ['mailbox'],
  /** The branches' creation work: 创星计划 with 挂图作战, 学讲评, and 亮赛比 (亮承诺, 赛实绩, 比干劲's 述职评议). */
  work: ['plans', 'study-review', 'pledges', 'appraisals'],
  /** The township's field work: 每月一观摩 and 四不两直. */
  field: ['observations', 'inspections'],
  /** 每季度一评比. */
  rankings: ['rankings'],
  /** 应知应会, 调查问卷 and 创星动态. */
  learning: ['learning', 'news'],
  /** 评星定级: 创星申报 with its review path, 公示 and objections, held stars and 撤星 (its own bundle: work had no room). */
  stars: ['stars'],
  /**
   * Above the branch: the 区乡村三级创建规划 against the baselines, the leaders' 包联 (visits, 五星 candidates, their
   * home) and 评星's review context. All read the stars through the stars feature's readers (stars would have been
   * 279 KB with the first two, and the context made room there for the 评星 notices).
   */
  planning: ['creation-plans', 'liaison', 'star-review'],
} as const satisfies Record<string, readonly FeatureName[]>;

export type ApiFunctionName = keyof typeof API_FUNCTIONS;
export type FeaturesOf<F extends ApiFunctionName> = (typeof API_FUNCTIONS)[F][number];
export const API_FUNCTION_NAMES = Object.keys(API_FUNCTIONS) as ApiFunctionName[];

/** The function that serves a feature (every feature is served by exactly one). */
export function functionOfFeature(feature: FeatureName): ApiFunctionName {
  const found = API_FUNCTION_NAMES.find((f) => (API_FUNCTIONS[f] as readonly FeatureName[]).includes(feature));
  if (!found) throw new Error(`no API function serves the ${feature} feature`);
  return found;
}

/** Features whose code seals or opens sealed values (anonymous writers, call-back phones): they need the KMS key. */
export const SEALING_FEATURES: readonly FeatureName[] = ['mailbox'];
