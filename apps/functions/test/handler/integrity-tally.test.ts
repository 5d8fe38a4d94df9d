import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { bindingItem, profileItem } from '../../src/features/identity/identity.entities';
import { officialGetRequests } from '../support/get-walk';
import { createTestStack, DEMO, type TestStack } from '../support/test-stack';

const MONTH = '2026-11';
const TOWNSHIP = { id: 'wulibao', name: '五里堡街道' };
const scope = { level: 'branch', districtId: 'erqi', townshipId: 'wulibao', branchId: 'jianxinnanjie' } as const;
/** Every official role of 建新南街社区 (cadre and secretary are bound here for the test), and those above it. */
const OFFICIALS: Record<string, string> = {
  cadre: 'jx-cadre',
  secretary: 'jx-secretary',
  station_handler: DEMO.station_handler,
  township_staff: DEMO.township_staff,
  leader: DEMO.leader,
  district_admin: DEMO.district_admin,
};

describe('廉情 stays with 纪检监察: an integrity letter moves nothing the named community or the public sees', () => {
  let stack: TestStack;
  let discipline: string;
  let resident: string;
  let otherCommunity: string;

  beforeAll(async () => {
    stack = await createTestStack({ clock: { now: () => new Date('2026-11-27T02:00:00.000Z') } });
    const put = (Item: Record<string, unknown>) => stack.doc.send(new PutCommand({ TableName: stack.tableName, Item }));
    for (const role of ['cadre', 'secretary'] as const) {
      const id = OFFICIALS[role];
      await put(profileItem({ id, displayName: `建新南街${role}`, isDemo: false, createdAt: '2026-11-01T00:00:00.000Z' }));
      await put(
        bindingItem({
          bindingId: `${id}-b1`,
          userId: id,
          role,
          scope,
          scopeLabel: '五里堡街道 · 建新南街社区',
          createdAt: '2026-11-01T00:00:00.000Z',
          createdBy: 'seed',
        }),
      );
    }
    discipline = await stack.tokenFor(DEMO.discipline); // 五里堡街道纪工委
    resident = await stack.tokenFor(DEMO.resident);
    const branches = await stack.call('GET', '/v1/org/townships/wulibao/branches', { token: discipline });
    otherCommunity = branches.body.branches.find(
      (b: { id: string; type: string }) => b.type === 'community' && b.id !== 'jianxinnanjie',
    ).id;

    // A community letter, handled and rated first, so the counters being compared are not empty.
    const handler = await stack.tokenFor(DEMO.station_handler);
    const w = await write({ category: 'complaint', text: '楼道灯坏了', key: 'community-1' });
    await act(handler, w, { action: 'accept', version: 1 });
    await act(handler, w, { action: 'reply', version: 2, text: '楼道灯已经修好' });
    expect((await rate(w, 'satisfied')).status).toBe(200);
  });

  async function write(o: { category: string; text: string; key: string; branchId?: string }) {
    const res = await stack.call('POST', '/v1/letters', {
      token: resident,
      body: {
        branchId: o.branchId ?? 'jianxinnanjie',
        category: o.category,
        text: o.text,
        anonymous: false,
        allowPublication: true,
        idempotencyKey: `tally-${o.key}-0123456789`,
      },
    });
    expect(res.status).toBe(201);
    return res.body.letter.id as string;
  }
  async function act(token: string, id: string, body: Record<string, unknown>) {
    const res = await stack.call('POST', `/v1/letters/cases/${id}/actions`, { token, body });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
  const rate = (id: string, rating: string) => stack.call('POST', `/v1/letters/mine/${id}/rating`, { token: resident, body: { rating } });

  /** What each official of the community reads through every GET route, the 三率 and board of the month, and the ranking's inputs. */
  async function everythingTheCommunitySees() {
    const seen: Record<string, unknown> = {};
    for (const [role, userId] of Object.entries(OFFICIALS)) {
      const token = await stack.tokenFor(userId);
      for (const req of [
        ...officialGetRequests(),
        { path: '/v1/letters/stats', query: { month: MONTH } },
        { path: '/v1/letters/stats', query: { month: MONTH, townshipId: 'wulibao' } },
        { path: '/v1/branches/jianxinnanjie/board', query: { month: MONTH } },
        { path: `/v1/branches/${otherCommunity}/board`, query: { month: MONTH } },
      ]) {
        const res = await stack.call('GET', req.path, { token, query: req.query });
        seen[`${role} GET ${req.path}?${new URLSearchParams(req.query)}`] = [res.status, res.body];
      }
    }
    // The public board as any resident reads it, and the ranking's inputs for the quarter (its score comes only from them).
    seen.board = (await stack.call('GET', '/v1/branches/jianxinnanjie/board', { token: resident, query: { month: MONTH } })).body;
    seen.rankingInputs = await stack.deps.scoringInputs.loadTownship('erqi', TOWNSHIP, '2026-Q4');
    return seen;
  }

  it('every official of the named community sees the same figures before and after, while 纪检监察’s tally counts them', async () => {
    const before = await everythingTheCommunitySees();
    const stats = before['station_handler GET /v1/letters/stats?month=2026-11'] as [number, { communities: { rates: unknown }[] }];
    expect(stats[1].communities[0].rates).toMatchObject({ received: 1, accepted: 1, respondedInTime: 1, replied: 1, satisfied: 1 });

    // An integrity letter naming 建新南街社区, worked through the whole loop by 纪检监察, and one transferred on.
    const integrity = await write({ category: 'integrity', text: '社区干部收受物业好处', key: 'integrity-1' });
    await act(discipline, integrity, { action: 'accept', version: 1 });
    await act(discipline, integrity, { action: 'reply', version: 2, text: '已立案，正在核查' });
    expect((await rate(integrity, 'satisfied')).status).toBe(200);
    const moved = await write({ category: 'integrity', text: '网格员优亲厚友', key: 'integrity-2' });
    await act(discipline, moved, { action: 'transfer', version: 1, toBranchId: otherCommunity, reason: '所涉人员属该社区' });

    const after = await everythingTheCommunitySees();
    for (const key of Object.keys(before)) expect(after[key], key).toEqual(before[key]);
    expect(Object.keys(after)).toEqual(Object.keys(before));

    // 纪检监察's tally has both letters: the named community's loop, and the transfer counted where it went.
    const tally = await stack.call('GET', '/v1/letters/integrity-stats', { token: discipline, query: { month: MONTH } });
    expect(tally.status).toBe(200);
    const rows = Object.fromEntries(tally.body.communities.map((c: { branchId: string; rates: unknown }) => [c.branchId, c.rates]));
    expect(rows.jianxinnanjie).toMatchObject({ received: 2, respondedInTime: 2, accepted: 1, replied: 1, rated: 1, satisfied: 1 });
    expect(rows[otherCommunity]).toMatchObject({ received: 1, accepted: 0 });
    expect(tally.body.communities).toHaveLength(2);
  });

  it('only 纪检监察 read the tally (not the 督导员), within their townships', async () => {
    for (const userId of [...Object.values(OFFICIALS), DEMO.inspector, DEMO.resident]) {
      const res = await stack.call('GET', '/v1/letters/integrity-stats', { token: await stack.tokenFor(userId) });
      expect(res.status, userId).toBe(403);
    }
    const other = await stack.call('GET', '/v1/letters/integrity-stats', { token: discipline, query: { townshipId: 'no-such-township' } });
    expect(other.status).toBe(403);
    // A township outside the 纪工委's own.
    const dehuajie = await stack.call('GET', '/v1/letters/integrity-stats', { token: discipline, query: { townshipId: 'dehuajie' } });
    expect(dehuajie.status).toBe(403);
  });
});
