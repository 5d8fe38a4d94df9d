import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { addDays, monthOf, shanghaiDay } from '@chuangxing/shared';
import type { StoredStarApplication } from '../features/stars/star-application';
import { DynamoStarApplicationRepository } from '../features/stars/star-application-repository.dynamodb';

type Call = (method: string, path: string, body?: unknown) => Promise<Record<string, unknown>>;
interface CatalogueStar {
  star: StoredStarApplication['star'];
  tasks: { id: string; title: string }[];
  vetoes: { id: string; text: string }[];
}

const SEEDED_BY = { id: 'demo-seed', name: '示例数据' };

/** Every catalogue item of a star, self-assessed as met: what a branch that applies in earnest sends. */
function selfAssessment(entry: CatalogueStar) {
  return [
    ...entry.tasks.map((t) => ({ itemId: t.id, kind: 'task' as const, title: t.title, met: true, note: '已对照标准逐项落实', photos: [] })),
    ...entry.vetoes.map((v) => ({ itemId: v.id, kind: 'veto' as const, title: v.text, met: true, note: '未发生', photos: [] })),
  ];
}

/**
 * `npm start` only, after the demo baselines: the 评星定级 story a leader and a township should find, told through the
 * API by the demo people as they would (the application a branch without a demo secretary sent is written through the
 * stars feature's own repository). 樱桃沟社区 applies (waiting for 初审) and publishes its 亮赛比 commitments with this
 * month's progress; 幸福社区's application passes 初审 and 复审 and is in 公示 with an anonymous objection; 和平社区's
 * 公示 has ended and it is awarded its star; a 四不两直 finding on 春华社区 hits a veto item and its star is withdrawn
 * (撤星). Told once: a restart that finds 樱桃沟社区's application leaves everything as it is.
 */
export async function tellDemoStarStory(o: {
  apiUrl: string;
  tokenFor: (personId: string) => Promise<string>;
  doc: DynamoDBDocumentClient;
  table: string;
  now?: Date;
}): Promise<'told' | 'present'> {
  const as = async (personId: string): Promise<Call> => {
    const token = await o.tokenFor(personId);
    return (method, path, body) => call(o.apiUrl, token, method, path, body);
  };
  const [admin, secretary, township, resident, inspector] = await Promise.all(
    ['demo-district-admin', 'demo-secretary', 'demo-township-staff', 'demo-resident', 'demo-inspector'].map(as),
  );
  const existing = (await admin('GET', '/v1/branches/yingtaogou/star-applications')) as { applications: unknown[] };
  if (existing.applications.length) return 'present';

  const now = o.now ?? new Date();
  const today = shanghaiDay(now);
  const catalogue = (await admin('GET', '/v1/catalogue')) as {
    version: number;
    content: { rural: CatalogueStar[]; community: CatalogueStar[] };
  };
  const entry = (type: 'rural' | 'community', star: string) => {
    const found = catalogue.content[type].find((s) => s.star === star);
    if (!found) throw new Error(`示例评星：目录中没有 ${star}`);
    return found;
  };

  // 1. 樱桃沟社区 applies for 文明幸福星: it waits for the township's 初审.
  await secretary('POST', '/v1/branches/yingtaogou/star-applications', {
    star: 'civility',
    clientKey: 'demo-story-apply-yingtaogou',
    items: selfAssessment(entry('rural', 'civility')).map(({ title: _t, ...i }) => i),
  });

  // 2. 幸福社区 (no demo secretary) applied for 幸福和谐星; 初审 and 复审 pass, 公示 begins, a resident objects anonymously.
  const repo = new DynamoStarApplicationRepository(o.doc, o.table);
  const at = now.toISOString();
  const base = { districtId: 'erqi', townshipId: 'wulibao', catalogueVersion: catalogue.version, submittedAt: at, updatedAt: at };
  const submitted = await repo.create(
    {
      ...base,
      id: 'DEMOAPPXINGFU',
      branchId: 'wulibao-b03',
      branchName: '幸福社区',
      star: 'harmony',
      items: selfAssessment(entry('community', 'harmony')),
      status: 'township_review',
      version: 1,
      clientKey: 'demo-story-apply-xingfu',
      submittedBy: SEEDED_BY.id,
    },
    { at, version: 1, kind: 'applied', actorId: SEEDED_BY.id, actorName: SEEDED_BY.name },
  );
  const id = submitted.application.id;
  await township('POST', `/v1/star-applications/${id}/decisions`, { action: 'approve', version: 1, note: '材料齐全，同意上报' });
  await admin('POST', `/v1/star-applications/${id}/decisions`, { action: 'approve', version: 2, note: '复审通过，进入公示' });
  await resident('POST', `/v1/star-applications/${id}/objections`, {
    text: '小区里的矛盾纠纷调解室经常锁门，希望核实',
    anonymous: true,
    clientKey: 'demo-story-objection-xingfu',
  });

  // 3. 和平社区's 平安法治星 has been in 公示 for its working days with no objection: the district awards it.
  await repo.create(
    {
      ...base,
      id: 'DEMOAPPHEPING',
      branchId: 'wulibao-b02',
      branchName: '和平社区',
      star: 'safety_law',
      items: selfAssessment(entry('community', 'safety_law')),
      status: 'publicity',
      version: 3,
      clientKey: 'demo-story-apply-heping',
      submittedBy: SEEDED_BY.id,
      publicityFrom: addDays(today, -8),
      publicityUntil: addDays(today, -1),
    },
    { at, version: 3, kind: 'district_approved', actorId: SEEDED_BY.id, actorName: SEEDED_BY.name },
  );
  await admin('POST', '/v1/star-applications/DEMOAPPHEPING/decisions', { action: 'award', version: 3 });

  // 4. 撤星: an unannounced inspection of 春华社区 finds a veto item of its 平安法治星 hit; the district confirms.
  const veto = entry('community', 'safety_law').vetoes[0];
  const draft = (await inspector('POST', '/v1/inspections/drafts', {
    content: {
      branchId: 'dehuajie-b01',
      visitedAt: at,
      location: '春华社区',
      photos: [],
      summary: '四不两直暗访',
      findings: [
        {
          star: 'safety_law',
          description: `${veto.text}（暗访核实）`,
          owner: '社区书记',
          deadline: addDays(today, 7),
          vetoItemId: veto.id,
        },
      ],
    },
  })) as { id: string };
  const recorded = (await inspector('POST', `/v1/inspections/drafts/${draft.id}/record`, { version: 1 })) as { id: string };
  const findings = (await admin('GET', '/v1/townships/dehuajie/findings')) as { findings: { id: string; inspectionId: string }[] };
  const finding = findings.findings.find((f) => f.inspectionId === recorded.id);
  if (!finding) throw new Error('示例评星：暗访问题未记录');
  const withdrawal = (await inspector('POST', '/v1/star-withdrawals', { source: { kind: 'finding', findingId: finding.id } })) as {
    id: string;
  };
  await admin('POST', `/v1/star-withdrawals/${withdrawal.id}/decision`, {
    action: 'confirm',
    reason: '暗访核实触及一票否决项，撤销平安法治星',
    version: 1,
  });

  // 5. 亮赛比: 樱桃沟社区's commitments for the year, and this month's progress on each.
  const year = today.slice(0, 4);
  const pledges = [
    { id: 'demopledge01', star: 'industry', period: 'year', text: '发展樱桃采摘游，带动农户增收', measure: '村集体经营收入增长 10%' },
    { id: 'demopledge02', star: 'ecology', period: 'year', text: '完成背街小巷环境整治', measure: '整治道路 5 条' },
    { id: 'demopledge03', star: 'civility', period: 'Q4', text: '评选星级文明户', measure: '评出文明户 30 户' },
  ];
  await secretary('PUT', `/v1/branches/yingtaogou/pledges/${year}`, { items: pledges, version: 0 });
  const progress = [
    [60, '采摘园新建停车场，11 月接待游客 1200 人次'],
    [80, '已整治 4 条，剩余 1 条月底完工'],
    [40, '已入户评议 12 户'],
  ] as const;
  for (const [i, [percent, text]] of progress.entries())
    await secretary('PUT', `/v1/branches/yingtaogou/pledges/${year}/progress/${monthOf(today)}/${pledges[i].id}`, {
      percent,
      text,
      version: 0,
    });
  return 'told';
}

async function call(apiUrl: string, token: string, method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(`${apiUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const json = (await res.json()) as Record<string, unknown>;
  if (res.status >= 300) throw new Error(`示例评星：${method} ${path} → ${res.status} ${JSON.stringify(json).slice(0, 200)}`);
  return json;
}
