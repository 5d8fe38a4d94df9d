import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { quarterOf, shanghaiDay } from '@chuangxing/shared';
import { quarterRange } from '../features/rankings/ranking';
import { isConditionalCheckFailed } from '../platform/dynamodb/transaction-errors';
import { demoBaselineStars, rankingDemoItems } from './ranking-demo';

/**
 * `npm start` only: so that a leader opening 季度排名 in the demo sees a ranking, the quarter that has just
 * ended gets the demo rollups and is computed and published by the demo district admin, through the API
 * like anyone would. Skipped when that quarter already has a published ranking. Tests never call it.
 */
export async function publishDemoRanking(o: {
  apiUrl: string;
  adminToken: string;
  doc: DynamoDBDocumentClient;
  table: string;
  now?: Date;
}): Promise<{ quarter: string; outcome: 'published' | 'present' }> {
  const quarter = quarterRange(quarterOf(shanghaiDay(o.now ?? new Date()))).previous;
  const call = (method: string, path: string, body?: unknown) => apiCall(o, method, path, body);

  const versions = (await call('GET', `/v1/rankings/${quarter}/versions`)) as { publishedVersion?: number };
  if (versions.publishedVersion) return { quarter, outcome: 'present' };
  await recordDemoBaselines(o, `${quarter.slice(0, 4)}-01-01`);
  // Never over a real rollup: counters the demo's own reports or letters wrote in that quarter are kept.
  const items = rankingDemoItems(undefined, [quarter]);
  for (let i = 0; i < items.length; i += 16) {
    await Promise.all(
      items.slice(i, i + 16).map((Item) =>
        o.doc.send(new PutCommand({ TableName: o.table, Item, ConditionExpression: 'attribute_not_exists(pk)' })).catch((err) => {
          if (!isConditionalCheckFailed(err)) throw err;
        }),
      ),
    );
  }
  let run: { ranking: { version: number; revision: number }; complete: boolean } | undefined;
  for (let i = 0; i < 30 && !run?.complete; i++) run = (await call('POST', `/v1/rankings/${quarter}/runs`, {})) as typeof run;
  if (!run?.complete) throw new Error('示例排名：计算未完成');
  await call('POST', `/v1/rankings/${quarter}/versions/${run.ranking.version}/publish`, { revision: run.ranking.revision });
  return { quarter, outcome: 'published' };
}

/**
 * The stars each demo branch held when the campaign started (a few 五星, many 三星 and 四星), recorded by the demo
 * district admin through the API as the district would, so the demo ranking shows levels. A branch whose baseline is
 * already recorded (a restart) answers the same; one recorded otherwise (409) is left as it is.
 */
async function recordDemoBaselines(o: { apiUrl: string; adminToken: string }, heldFrom: string) {
  const baselines = demoBaselineStars();
  for (let i = 0; i < baselines.length; i += 8) {
    await Promise.all(
      baselines
        .slice(i, i + 8)
        .map(({ branchId, stars }) =>
          apiCall(o, 'PUT', `/v1/branches/${encodeURIComponent(branchId)}/baseline-stars`, { stars, heldFrom }, [409]),
        ),
    );
  }
}

/** One call as the demo district admin; anything but 2xx (or an `accepted` status) stops the start with its reason. */
async function apiCall(o: { apiUrl: string; adminToken: string }, method: string, path: string, body?: unknown, accepted: number[] = []) {
  const res = await fetch(`${o.apiUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${o.adminToken}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const json = (await res.json()) as Record<string, unknown>;
  if (res.status >= 300 && !accepted.includes(res.status))
    throw new Error(`示例排名：${method} ${path} → ${res.status} ${JSON.stringify(json).slice(0, 200)}`);
  return json;
}
