import type { StoredQuestion } from '../features/learning/question';
import type { StoredNews } from '../features/news/news';

/**
 * A small demo question bank on the 五星支部 campaign (DOMAIN.md) and one news post. Seeded with the
 * demo district; written as items like the catalogue (no seed version bump: an older local table simply
 * has an empty bank and feed until it is re-created).
 */
const AT = '2026-01-05T00:00:00.000Z';
const TOPIC = '五星支部创建';

type Q = Pick<StoredQuestion, 'kind' | 'text' | 'options' | 'answer'>;
const QUESTIONS: Q[] = [
  {
    kind: 'single',
    text: '“五星”支部创建中，支部的星级由什么决定？',
    options: ['所获星的数量', '党员人数', '集体经济收入', '上级指定'],
    answer: [0],
  },
  {
    kind: 'single',
    text: '农村和社区都有的两颗星是哪两颗？',
    options: ['支部过硬星和平安法治星', '产业兴旺星和生态宜居星', '宜业兴业星和共建共享星', '文明幸福星和幸福和谐星'],
    answer: [0],
  },
  { kind: 'multiple', text: '平安法治星的“三零”指的是哪些？', options: ['零上访', '零事故', '零案件', '零投诉'], answer: [0, 1, 2] },
  { kind: 'judge', text: '在本地用法中，“摘星”指失去一颗星。', options: ['正确', '错误'], answer: [1] },
  {
    kind: 'single',
    text: '“每日一报告、每月一观摩、每季度一评比”中，评比的周期是？',
    options: ['每月', '每季度', '每半年', '每年'],
    answer: [1],
  },
  { kind: 'multiple', text: '“亮赛比”包括哪些内容？', options: ['亮承诺', '赛实绩', '比干劲', '比基础'], answer: [0, 1, 2] },
  { kind: 'judge', text: '督导组按“四不两直”开展工作，检查前不向支部发通知。', options: ['正确', '错误'], answer: [0] },
  {
    kind: 'single',
    text: '“双过半”是指到年中时，至少完成全年任务的多少？',
    options: ['三分之一', '一半', '三分之二', '全部'],
    answer: [1],
  },
  {
    kind: 'multiple',
    text: '“四个一口清”要求支部书记能说清哪些内容？',
    options: ['创建任务', '排查底数', '工作措施', '工作机制'],
    answer: [0, 1, 2, 3],
  },
  { kind: 'judge', text: '否决项只否决对应的那一颗星，不影响其他星。', options: ['正确', '错误'], answer: [0] },
];

export function demoQuestions(districtId: string, districtName: string): StoredQuestion[] {
  return QUESTIONS.map((q, i) => ({
    id: `demo-q${String(i + 1).padStart(2, '0')}`,
    districtId,
    topic: TOPIC,
    ...q,
    ownerLabel: districtName,
    createdAt: AT,
    createdBy: 'seed',
    createdByName: '区委组织部',
  }));
}

export function demoNews(districtId: string, districtName: string): StoredNews {
  return {
    id: 'demo-news-1',
    districtId,
    title: '全区“五星”支部创建推进会召开',
    body: '区委组织部召开全区“五星”支部创建推进会，通报各乡镇（街道）创建进展，部署“三星成片、四星倍增、五星不断涌现”目标任务。会议要求各支部坚持每日一报告、每月一观摩、每季度一评比，对照创星计划倒排工期、挂图作战。',
    photos: [],
    authorId: 'demo-district-admin',
    authorName: '孙管理员（区委组织部）',
    authorUnit: districtName,
    createdAt: AT,
  };
}
