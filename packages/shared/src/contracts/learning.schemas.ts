import '../zod-config';
import * as z from 'zod/mini';
import { ClientKey, Id, IsoDateTime, intParam, uniqueItems } from './common.contract';
import { userText } from './user-text';

/**
 * 应知应会 knowledge tests and 调查问卷 questionnaires. A test's answer key stays on the server: the
 * question a taker receives (TestQuestion) has no answer field, and scoring happens on submission.
 */

/** Longer texts are written in a text area, so they may hold newlines; short ones are one line. */
const Short = (max: number, empty: string) => userText({ min: 1, max, empty, multiline: max > 60 });

/** Who a test or questionnaire is sent to: the branch roles, resolved from bindings when read. */
export const AUDIENCE_ROLES = ['secretary', 'cadre'] as const;
export const AudienceRole = z.enum(AUDIENCE_ROLES);
export type AudienceRole = z.infer<typeof AudienceRole>;
export const AUDIENCE_ROLE_LABELS: Record<AudienceRole, string> = { secretary: '支部书记', cadre: '村（社区）干部' };

/* ---------- question bank ---------- */

export const QUESTION_KINDS = ['single', 'multiple', 'judge'] as const;
export const QuestionKind = z.enum(QUESTION_KINDS);
export type QuestionKind = z.infer<typeof QuestionKind>;
export const QUESTION_KIND_LABELS: Record<QuestionKind, string> = { single: '单选题', multiple: '多选题', judge: '判断题' };
/** A true/false question always offers these two options, in this order. */
export const JUDGE_OPTIONS = ['正确', '错误'] as const;
export const MAX_OPTIONS = 6;

export const QuestionBody = z.strictObject({
  topic: Short(20, '请填写主题'),
  kind: QuestionKind,
  text: Short(300, '请填写题目'),
  /** Ignored for 判断题 (always 正确 / 错误). */
  options: z._default(z.array(Short(100, '选项不能为空')).check(z.maxLength(MAX_OPTIONS, `最多 ${MAX_OPTIONS} 个选项`)), []),
  /** Indices of the correct options. */
  answer: uniqueItems(
    z.array(z.int().check(z.minimum(0), z.maximum(MAX_OPTIONS - 1))).check(z.minLength(1, '请选择正确答案'), z.maxLength(MAX_OPTIONS)),
  ),
  /** Township staff file questions under their township; district admins leave it out (district-wide topic). */
  townshipId: z.optional(Id),
});
export type QuestionBody = z.infer<typeof QuestionBody>;

/** A bank question as its managers see it: with the answer key. Never sent to a taker. */
export const Question = z.object({
  id: Id,
  topic: z.string(),
  kind: QuestionKind,
  text: z.string(),
  options: z.array(z.string()),
  answer: z.array(z.int()),
  townshipId: z.optional(Id),
  ownerLabel: z.string(),
  createdAt: IsoDateTime,
  createdByName: z.string(),
});
export type Question = z.infer<typeof Question>;
export const QuestionList = z.object({ questions: z.array(Question), topics: z.array(z.string()) });
export const QuestionPath = z.strictObject({ questionId: Id });

/** A question as a taker receives it: no answer key. */
export const TestQuestion = z.strictObject({ id: Id, kind: QuestionKind, text: z.string(), options: z.array(z.string()) });
export type TestQuestion = z.infer<typeof TestQuestion>;

/* ---------- test sessions ---------- */

export const TEST_STATUSES = ['upcoming', 'open', 'closed'] as const;
export type TestStatus = (typeof TEST_STATUSES)[number];
export const TEST_STATUS_LABELS: Record<TestStatus, string> = { upcoming: '未开始', open: '进行中', closed: '已结束' };

export const CreateTestSessionBody = z.strictObject({
  key: ClientKey,
  title: Short(40, '请填写测试名称'),
  townshipIds: uniqueItems(z.array(Id).check(z.minLength(1, '请选择参考的乡镇（街道）'), z.maxLength(18))),
  roles: uniqueItems(z.array(AudienceRole).check(z.minLength(1, '请选择参考人员'), z.maxLength(2))),
  questionIds: uniqueItems(z.array(Id).check(z.minLength(1, '请至少选择一道题'), z.maxLength(50, '最多 50 道题'))),
  opensAt: IsoDateTime,
  closesAt: IsoDateTime,
  durationMinutes: z.int().check(z.minimum(1, '至少 1 分钟'), z.maximum(180, '最长 180 分钟')),
  maxAttempts: z._default(z.int().check(z.minimum(1), z.maximum(5)), 1),
  passScore: z._default(z.int().check(z.minimum(0), z.maximum(100)), 60),
});
export type CreateTestSessionBody = z.infer<typeof CreateTestSessionBody>;

export const TestSession = z.object({
  id: Id,
  title: z.string(),
  organiserLabel: z.string(),
  townshipIds: z.array(Id),
  roles: z.array(AudienceRole),
  questionCount: z.int(),
  opensAt: IsoDateTime,
  closesAt: IsoDateTime,
  durationMinutes: z.int(),
  maxAttempts: z.int(),
  passScore: z.int(),
  status: z.enum(TEST_STATUSES),
  createdByName: z.string(),
  createdAt: IsoDateTime,
});
export type TestSession = z.infer<typeof TestSession>;
export const TestSessionList = z.object({ sessions: z.array(TestSession) });
export const TestSessionPath = z.strictObject({ sessionId: Id });

export const MyTest = z.object({
  session: TestSession,
  attemptsUsed: z.int(),
  bestScore: z.optional(z.int()),
  /** An attempt started and still within its time. */
  inProgress: z.optional(z.object({ attemptNo: z.int(), deadline: IsoDateTime })),
  canStart: z.boolean(),
});
export type MyTest = z.infer<typeof MyTest>;
export const MyTestList = z.object({ tests: z.array(MyTest) });

export const StartAttemptBody = z.strictObject({ key: ClientKey });
export const StartedAttempt = z.object({
  sessionId: Id,
  attemptNo: z.int(),
  title: z.string(),
  startedAt: IsoDateTime,
  /** The server's limit; a submission later than this plus a short grace is refused (TIME_UP). */
  deadline: IsoDateTime,
  /** The server's clock when it answered, so the countdown does not trust the phone's clock. */
  serverNow: IsoDateTime,
  questions: z.array(TestQuestion),
});
export type StartedAttempt = z.infer<typeof StartedAttempt>;

export const AttemptPath = z.strictObject({ sessionId: Id, attemptNo: intParam(1, 5) });
export const AnswerChoice = z.strictObject({
  questionId: Id,
  choice: uniqueItems(z.array(z.int().check(z.minimum(0), z.maximum(MAX_OPTIONS - 1))).check(z.maxLength(MAX_OPTIONS))),
});
export const SubmitAttemptBody = z.strictObject({ answers: z.array(AnswerChoice).check(z.maxLength(50)) });
export type SubmitAttemptBody = z.infer<typeof SubmitAttemptBody>;

export const AttemptResult = z.object({
  sessionId: Id,
  attemptNo: z.int(),
  score: z.int(),
  correctCount: z.int(),
  total: z.int(),
  passed: z.boolean(),
  submittedAt: IsoDateTime,
  attemptsLeft: z.int(),
  /** Each question with the answer key: only once no attempt is left or the session has closed. */
  review: z.optional(
    z.array(
      z.object({
        questionId: Id,
        text: z.string(),
        options: z.array(z.string()),
        chosen: z.array(z.int()),
        answer: z.array(z.int()),
        correct: z.boolean(),
      }),
    ),
  ),
});
export type AttemptResult = z.infer<typeof AttemptResult>;

/** Score buckets of the histogram, on the 0–100 scale. */
export const SCORE_BUCKETS = [
  { label: '0–59', min: 0, max: 59 },
  { label: '60–69', min: 60, max: 69 },
  { label: '70–79', min: 70, max: 79 },
  { label: '80–89', min: 80, max: 89 },
  { label: '90–100', min: 90, max: 100 },
] as const;

export const ParticipationRow = z.object({
  townshipId: Id,
  name: z.string(),
  /** The audience when the results are read (current bindings), not when the test was scheduled. */
  audience: z.int(),
  taken: z.int(),
  /** taken / audience, 0 when nobody is in the audience. */
  rate: z.number(),
  average: z.optional(z.number()),
  passed: z.int(),
  histogram: z.array(z.object({ label: z.string(), count: z.int() })),
});
export type ParticipationRow = z.infer<typeof ParticipationRow>;

export const TestResults = z.object({
  session: TestSession,
  townships: z.array(ParticipationRow),
  totals: ParticipationRow,
  people: z.array(
    z.object({ userId: Id, name: z.string(), branchName: z.string(), townshipId: Id, score: z.optional(z.int()), attempts: z.int() }),
  ),
});
export type TestResults = z.infer<typeof TestResults>;
export const TestReminderResult = z.object({ missing: z.int(), recipients: z.int() });

/* ---------- questionnaires ---------- */

export const QN_KINDS = ['single', 'multiple', 'text'] as const;
export const QnKind = z.enum(QN_KINDS);
export type QnKind = z.infer<typeof QnKind>;
export const QN_KIND_LABELS: Record<QnKind, string> = { single: '单选', multiple: '多选', text: '填空' };

export const QnQuestionBody = z.strictObject({
  kind: QnKind,
  text: Short(200, '请填写问题'),
  options: z._default(z.array(Short(60, '选项不能为空')).check(z.maxLength(8, '最多 8 个选项')), []),
  required: z._default(z.boolean(), true),
});
export type QnQuestionBody = z.infer<typeof QnQuestionBody>;

export const CreateQuestionnaireBody = z.strictObject({
  key: ClientKey,
  townshipId: Id,
  title: Short(40, '请填写问卷标题'),
  intro: z._default(userText({ max: 300, multiline: true }), ''),
  roles: uniqueItems(z.array(AudienceRole).check(z.minLength(1, '请选择发送对象'), z.maxLength(2))),
  questions: z.array(QnQuestionBody).check(z.minLength(1, '至少一个问题'), z.maxLength(20, '最多 20 个问题')),
  closesAt: IsoDateTime,
});
export type CreateQuestionnaireBody = z.infer<typeof CreateQuestionnaireBody>;

export const QnQuestion = z.object({ id: Id, kind: QnKind, text: z.string(), options: z.array(z.string()), required: z.boolean() });
export type QnQuestion = z.infer<typeof QnQuestion>;

export const Questionnaire = z.object({
  id: Id,
  townshipId: Id,
  townshipName: z.string(),
  title: z.string(),
  intro: z.string(),
  roles: z.array(AudienceRole),
  questions: z.array(QnQuestion),
  closesAt: IsoDateTime,
  status: z.enum(['open', 'closed']),
  createdByName: z.string(),
  createdAt: IsoDateTime,
});
export type Questionnaire = z.infer<typeof Questionnaire>;
export const QuestionnairePath = z.strictObject({ questionnaireId: Id });

export const QuestionnaireList = z.object({
  /** The ones the caller runs (township staff, district admins), with the response count. */
  organised: z.array(z.object({ questionnaire: Questionnaire, responses: z.int() })),
  /** The ones sent to the caller (cadres, secretaries), and whether they have answered. */
  toAnswer: z.array(z.object({ questionnaire: Questionnaire, answered: z.boolean() })),
});

export const QnAnswer = z.strictObject({
  questionId: Id,
  choice: z._default(uniqueItems(z.array(z.int().check(z.minimum(0), z.maximum(7))).check(z.maxLength(8))), []),
  text: z._default(userText({ max: 500, multiline: true }), ''),
});
export type QnAnswer = z.infer<typeof QnAnswer>;
export const ResponseBody = z.strictObject({ answers: z.array(QnAnswer).check(z.maxLength(20)) });
export type ResponseBody = z.infer<typeof ResponseBody>;

export const MyResponse = z.object({ answers: z.array(QnAnswer), submittedAt: IsoDateTime, updatedAt: IsoDateTime });
export const QuestionnaireDetail = z.object({
  questionnaire: Questionnaire,
  myResponse: z.optional(MyResponse),
  /** The caller is in the audience and the questionnaire is open (answers may be edited until it closes). */
  canAnswer: z.boolean(),
  isOrganiser: z.boolean(),
});
export type QuestionnaireDetail = z.infer<typeof QuestionnaireDetail>;

export const QuestionnaireResults = z.object({
  questionnaire: Questionnaire,
  audience: z.int(),
  responded: z.int(),
  questions: z.array(
    z.object({
      questionId: Id,
      kind: QnKind,
      text: z.string(),
      answered: z.int(),
      options: z.array(z.object({ label: z.string(), count: z.int() })),
      texts: z.array(z.object({ text: z.string(), branchName: z.string() })),
    }),
  ),
});
export type QuestionnaireResults = z.infer<typeof QuestionnaireResults>;
