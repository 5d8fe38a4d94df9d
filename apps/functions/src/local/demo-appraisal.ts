import { DEFAULT_APPRAISAL_FORM, quarterOf, shanghaiDay } from '@chuangxing/shared';

type Session = {
  version: number;
  state: string;
  branches: { branchId: string }[];
  seats?: { code: string; redeemed: boolean }[];
};

/**
 * `npm start` only: 示例管委会's 述职评议 (比干劲) of this quarter, held through the API by the demo people. 王干事 opens it,
 * 张书记 (樱桃沟社区) reports, then 王干事 scores every branch for the party committee, 张书记 scores the others for
 * the secretaries and a resident representative (with one of the township's codes) scores three; 王干事 closes it,
 * so the results are frozen and the quarter's ranking reads them. Held once: a session already there is left as it is.
 */
export async function holdDemoAppraisal(o: { apiUrl: string; tokenFor: (id: string) => Promise<string>; now?: Date }) {
  const today = shanghaiDay(o.now ?? new Date());
  const path = `/v1/townships/demo-gwh/appraisals/${quarterOf(today)}`;
  const [staff, secretary, resident] = await Promise.all(
    ['demo-township-staff-gwh', 'demo-secretary', 'demo-resident'].map(async (id) => {
      const token = await o.tokenFor(id);
      return (method: string, p: string, body?: unknown, accepted: number[] = []) => call(o.apiUrl, token, method, p, body, accepted);
    }),
  );
  const existing = await staff('GET', path, undefined, [404]);
  if (existing.status !== 404) return 'present';
  await staff('PUT', path, { date: today, ...DEFAULT_APPRAISAL_FORM, residentSeats: 2, version: 0 });
  const session = async () => (await staff('GET', path)).body as Session;
  await staff('POST', `${path}/transition`, { to: 'open', version: (await session()).version });
  await secretary('PUT', `${path}/reports/yingtaogou`, {
    text: '本季度樱桃沟社区完成樱桃采摘园停车场建设，整治背街小巷 4 条，评出文明户 12 户；不足是网格员入户频次不够。',
    version: 0,
  });
  await staff('POST', `${path}/transition`, { to: 'scoring', version: (await session()).version });
  const scoring = await session();
  const code = scoring.seats?.[0]?.code;
  if (code) await resident('POST', `${path}/seats`, { code });
  const sheet = (i: number) => ({ duty: 20 + (i % 9), results: 26 + ((i * 7) % 13), conduct: 22 + (i % 7) });
  for (const [i, b] of scoring.branches.entries()) {
    await staff('PUT', `${path}/sheets/${b.branchId}`, { scores: sheet(i), version: 0 });
    if (b.branchId !== 'yingtaogou') await secretary('PUT', `${path}/sheets/${b.branchId}`, { scores: sheet(i + 3), version: 0 });
    if (code && i < 3) await resident('PUT', `${path}/sheets/${b.branchId}`, { scores: sheet(i + 5), version: 0 });
  }
  await staff('POST', `${path}/transition`, { to: 'closed', version: (await session()).version });
  return 'held';
}

async function call(apiUrl: string, token: string, method: string, path: string, body?: unknown, accepted: number[] = []) {
  const res = await fetch(`${apiUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const json = (await res.json()) as Record<string, unknown>;
  if (res.status >= 300 && !accepted.includes(res.status))
    throw new Error(`示例述职评议：${method} ${path} → ${res.status} ${JSON.stringify(json).slice(0, 200)}`);
  return { status: res.status, body: json };
}
