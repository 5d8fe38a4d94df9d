/** The campaign's working rhythm, printed on every branch's 四个一口清 and poster (DOMAIN.md). */
export const RHYTHM = [
  '每日一报告：支部每天报告创星进展',
  '每月一观摩：乡镇（街道）、区组织观摩打分',
  '每季度一评比：全区排名，不比基础比变化',
] as const;

/** 评星办法 in one line: how a star is won or lost. */
export const EVALUATION = '评星办法：重点任务全部完成方可评星；触碰任一否决项，该星一票否决。';
