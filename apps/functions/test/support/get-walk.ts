import { type RouteDef, routes } from '@chuangxing/shared';

export interface GetRequest {
  path: string;
  query?: Record<string, string>;
}

/**
 * Every GET route an official can reach (file routes and local-only ones aside), pointed at one branch and
 * its township (the demo's 建新南街社区 and 五里堡街道 by default); letter routes are expanded for each of the
 * given letters.
 */
export function officialGetRequests(
  letters: { id: string; queryCode: string }[] = [],
  at: { branchId: string; townshipId: string } = { branchId: 'jianxinnanjie', townshipId: 'wulibao' },
): GetRequest[] {
  const out: GetRequest[] = [];
  for (const [name, r] of Object.entries(routes as Record<string, RouteDef>)) {
    // File routes (the daily-report XLSX) carry no letter data; they are checked in export.test.ts.
    if (r.method !== 'GET' || r.localOnly || r.produces) continue;
    if (r.path === '/v1/letters/cases/{letterId}') for (const l of letters) out.push({ path: `/v1/letters/cases/${l.id}` });
    else if (r.path === '/v1/letters/track/{code}') for (const l of letters) out.push({ path: `/v1/letters/track/${l.queryCode}` });
    else if (r.path === '/v1/letters/cases') out.push({ path: r.path }, { path: r.path, query: { status: 'closed' } });
    else if (!r.path.includes('{')) out.push({ path: r.path });
    else {
      // Every other parameterised GET, pointed at the letters' own community and township.
      const path = r.path
        .replace('{branchId}', at.branchId)
        .replace('{townshipId}', at.townshipId)
        .replace('{day}', new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10));
      if (!path.includes('{')) out.push({ path, ...(name === 'listReports' ? { query: { from: '2026-11-01', to: '2026-11-27' } } : {}) });
    }
  }
  return out;
}
