/**
 * `npm run bench:board`: the 挂图作战 read of issue 5 against the local stack (in-memory DynamoDB Local, the
 * real API over HTTP on 127.0.0.1). One township of 200 branches, each with an approved plan of 20 key
 * tasks; the board is read with 1 update per task, then again after 4 more per task (16,000 more items).
 * Prints ms and DynamoDB requests of the township board, the district board and one branch sheet; the request
 * counts must not grow with the updates. Writes .artifacts/bench-board.json. A benchmark, not a test.
 */

import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { sampleContent } from '@chuangxing/functions/features/catalogue/catalogue';
import { bindingItem, profileItem } from '@chuangxing/functions/features/identity/identity.entities';
import { branchItem, orgEntities, townshipItem } from '@chuangxing/functions/features/org/org.entities';
import type { StoredPlan } from '@chuangxing/functions/features/plans/branch-plan';
import { plansEntities } from '@chuangxing/functions/features/plans/plans.entities';
import { startLocalStack } from '@chuangxing/functions/local/local-stack';
import { batchPut } from '@chuangxing/functions/local/seed';
import { createDocumentClient } from '@chuangxing/functions/platform/dynamodb/document-client';

const ROOT = resolve(__dirname, '..');
const BRANCHES = Number(process.env.BENCH_BRANCHES ?? 200);
const TASKS = 20;
const RUNS = 10;

const counts = new Map<string, number>();
const clientProto = Object.getPrototypeOf(DynamoDBClient.prototype) as { send: (...a: unknown[]) => unknown };
const originalSend = clientProto.send;
clientProto.send = function (this: unknown, ...args: unknown[]) {
  const [command, ...rest] = args as [{ constructor: { name: string } }, ...unknown[]];
  const name = command.constructor.name.replace(/Command$/, '');
  counts.set(name, (counts.get(name) ?? 0) + 1);
  return originalSend.call(this, command, ...rest);
};
const totalRequests = () => [...counts.values()].reduce((a, b) => a + b, 0);
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

async function main() {
  console.log(`bench:board: ${BRANCHES} branches × ${TASKS} key tasks in one township`);
  const stack = await startLocalStack({ seed: false });
  const doc = createDocumentClient({ endpoint: stack.dynamoEndpoint });
  const d = 'erqi';
  const tid = 'bt0';
  const year = 2026;
  const now = new Date().toISOString();
  const tasks = sampleContent()
    .rural.flatMap((s) => s.tasks.map((t) => ({ id: t.id, star: s.star })))
    .slice(0, TASKS);
  const items: Record<string, unknown>[] = [
    orgEntities.district.item({ districtId: d }, { id: d, name: '压测区' }),
    townshipItem({
      id: tid,
      districtId: d,
      name: '压测乡镇',
      kind: 'town',
      isDemo: true,
      order: 0,
      counts: { rural: BRANCHES, community: 0 },
    }),
    profileItem({ id: 'bench-staff', displayName: '乡镇干事', isDemo: false, createdAt: now }),
    bindingItem({
      bindingId: 'bench-staff-b',
      userId: 'bench-staff',
      role: 'township_staff',
      scope: { level: 'township', districtId: d, townshipIds: [tid] },
      scopeLabel: tid,
      createdAt: now,
      createdBy: 'bench',
    }),
    profileItem({ id: 'bench-admin', displayName: '管理员', isDemo: false, createdAt: now }),
    bindingItem({
      bindingId: 'bench-admin-b',
      userId: 'bench-admin',
      role: 'district_admin',
      scope: { level: 'district', districtId: d },
      scopeLabel: d,
      createdAt: now,
      createdBy: 'bench',
    }),
  ];
  const updates = (round: number) =>
    Array.from({ length: BRANCHES }, (_, b) =>
      tasks.map((t, i) => {
        const at = new Date(Date.parse(`${year}-03-01T00:00:00Z`) + (round * 1000 + i) * 60_000).toISOString();
        const id = `u${round}`;
        return plansEntities.taskUpdate.item(
          { branchId: `bb${b}`, year, taskId: t.id, at, id },
          { id, taskId: t.id, status: 'in_progress', percent: 10 * round, note: '', evidence: [], at, by: 'x', byName: 'x' },
        );
      }),
    ).flat();
  for (let b = 0; b < BRANCHES; b++) {
    const bid = `bb${b}`;
    items.push(
      branchItem({
        id: bid,
        districtId: d,
        townshipId: tid,
        name: `压测村${b}`,
        type: 'rural',
        isDemo: true,
        version: 1,
        createdAt: now,
        updatedAt: now,
      }),
    );
    const plan: StoredPlan = {
      branchId: bid,
      branchName: `压测村${b}`,
      townshipId: tid,
      districtId: d,
      year,
      catalogueVersion: 0,
      status: 'approved',
      version: 3,
      updatedAt: now,
      updatedBy: 'bench',
      content: {
        heldStars: ['branch_strong'],
        targetStars: ['branch_strong', 'industry', 'ecology'],
        stars: [],
        tasks: tasks.map((t) => ({
          taskId: t.id,
          owner: '责任人',
          milestones: [
            { title: '节点一', due: `${year}-04-30` },
            { title: '节点二', due: `${year}-09-30` },
          ],
        })),
      },
    };
    items.push(plansEntities.plan.item({ branchId: bid, year }, plan));
    for (const [i, t] of tasks.entries()) {
      const status = (b + i) % 3 === 0 ? 'done' : 'in_progress';
      items.push(
        plansEntities.taskLatest.item(
          { branchId: bid, year, taskId: t.id },
          {
            townshipId: tid,
            year,
            branchId: bid,
            taskId: t.id,
            star: t.star,
            status,
            percent: status === 'done' ? 100 : 40,
            at: now,
            ...(status === 'done' ? { doneAt: `${year}-05-01T00:00:00.000Z` } : {}),
          },
        ),
      );
    }
  }
  items.push(...updates(1));
  let t0 = performance.now();
  await batchPut(doc, stack.tableName, items);
  console.log(`seeded ${items.length} items in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const staff = (await stack.deps.tokens.issue('bench-staff')).token;
  const admin = (await stack.deps.tokens.issue('bench-admin')).token;

  async function measure(path: string, token: string) {
    await fetch(`${stack.apiUrl}${path}`, { headers: { authorization: `Bearer ${token}` } }); // warm-up
    const ms: number[] = [];
    let requests = 0;
    let bytes = 0;
    for (let i = 0; i < RUNS; i++) {
      const before = totalRequests();
      const start = performance.now();
      const res = await fetch(`${stack.apiUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
      const text = await res.text();
      ms.push(performance.now() - start);
      if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status} ${text.slice(0, 200)}`);
      requests = totalRequests() - before;
      bytes = text.length;
    }
    ms.sort((a, b) => a - b);
    return {
      p50ms: Number(pct(ms, 50).toFixed(1)),
      maxms: Number(ms[ms.length - 1].toFixed(1)),
      dynamoRequests: requests,
      responseKB: Number((bytes / 1024).toFixed(1)),
    };
  }
  const read = async () => ({
    township: await measure(`/v1/townships/${tid}/board/${year}`, staff),
    district: await measure(`/v1/board/${year}`, admin),
    branch: await measure(`/v1/branches/bb0/board/${year}`, staff),
  });
  const oneUpdate = await read();
  t0 = performance.now();
  await batchPut(
    doc,
    stack.tableName,
    [2, 3, 4, 5].flatMap((r) => updates(r)),
  );
  console.log(`added ${4 * BRANCHES * TASKS} updates in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const fiveUpdates = await read();
  const result = {
    date: new Date().toISOString(),
    branches: BRANCHES,
    tasksPerBranch: TASKS,
    runs: RUNS,
    oneUpdatePerTask: oneUpdate,
    fiveUpdatesPerTask: fiveUpdates,
  };
  const row = (r: { p50ms: number; maxms: number; dynamoRequests: number; responseKB: number }) =>
    `${r.p50ms} ms p50 / ${r.maxms} ms max · ${r.dynamoRequests} DynamoDB requests · ${r.responseKB} KB`;
  console.table({
    'township board, 1 update/task': row(oneUpdate.township),
    'township board, 5 updates/task': row(fiveUpdates.township),
    'district board, 1 update/task': row(oneUpdate.district),
    'district board, 5 updates/task': row(fiveUpdates.district),
    'branch sheet, 1 update/task': row(oneUpdate.branch),
    'branch sheet, 5 updates/task': row(fiveUpdates.branch),
  });
  mkdirSync(join(ROOT, '.artifacts'), { recursive: true });
  writeFileSync(join(ROOT, '.artifacts/bench-board.json'), JSON.stringify(result, null, 2));
  await stack.stop();
  const same = (['township', 'district', 'branch'] as const).every((k) => oneUpdate[k].dynamoRequests === fiveUpdates[k].dynamoRequests);
  if (!same) {
    console.error('DynamoDB requests grew with the number of updates');
    process.exitCode = 1;
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
