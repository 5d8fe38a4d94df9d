import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindingItem, profileItem } from '../../src/features/identity/identity.entities';
import type { StoredStarApplication } from '../../src/features/stars/star-application';
import { DynamoStarApplicationRepository } from '../../src/features/stars/star-application-repository.dynamodb';
import { addDays, shanghaiDay } from '../../src/platform/kernel/shanghai-time';
import { createHttpTestStack, type HttpTestStack } from '../support/http-stack';
import { DEMO } from '../support/test-stack';

describe('held stars, the baseline and 撤星 on DynamoDB Local', () => {
  let stack: HttpTestStack;
  let aheadDays = 0;
  const now = () => new Date(Date.now() + aheadDays * 86_400_000);
  const today = () => shanghaiDay(now());
  let admin: string;
  let admin2: string;
  let inspector: string;
  let cadre: string;
  let resident: string;
  let vetoId = '';

  const stars = (branchId = 'yingtaogou', token = cadre) => stack.call('GET', `/v1/branches/${branchId}/stars`, { token });
  const baseline = (body: unknown, branchId = 'yingtaogou', token = admin) =>
    stack.call('PUT', `/v1/branches/${branchId}/baseline-stars`, { token, body });
  const open = (findingId: string, token = inspector) =>
    stack.call('POST', '/v1/star-withdrawals', { token, body: { source: { kind: 'finding', findingId } } });
  const decide = (id: string, body: Record<string, unknown>, token = admin) =>
    stack.call('POST', `/v1/star-withdrawals/${id}/decision`, { token, body });
  const heldItems = async () => (await stack.snapshot()).filter((i) => /^STAR(HELD|WD)/.test(String(i.pk)));

  /** Records an inspection of 樱桃沟社区 (recording confirms its findings) and answers the finding ids in input order. */
  async function recordFindings(findings: { description: string; [k: string]: unknown }[]): Promise<string[]> {
    const content = { branchId: 'yingtaogou', visitedAt: now().toISOString(), location: '樱桃沟', photos: [], summary: '暗访', findings };
    const draft = await stack.call('POST', '/v1/inspections/drafts', { token: inspector, body: { content } });
    expect(draft.status).toBe(201);
    const rec = await stack.call('POST', `/v1/inspections/drafts/${draft.body.id}/record`, { token: inspector, body: { version: 1 } });
    expect(rec.status).toBe(201);
    const list = await stack.call('GET', '/v1/townships/demo-gwh/findings', { token: admin });
    expect(list.status).toBe(200);
    const mine = (list.body.findings as { id: string; inspectionId: string; description: string }[]).filter(
      (f) => f.inspectionId === rec.body.id,
    );
    expect(mine).toHaveLength(findings.length);
    return findings.map((f) => mine.find((m) => m.description === f.description)?.id ?? '');
  }

  beforeAll(async () => {
    stack = await createHttpTestStack({ clock: { now } });
    const createdAt = '2026-02-01T00:00:00.000Z';
    await stack.doc.send(
      new PutCommand({
        TableName: stack.tableName,
        Item: profileItem({ id: 'admin-2', displayName: '第二审核人', isDemo: false, createdAt }),
      }),
    );
    await stack.doc.send(
      new PutCommand({
        TableName: stack.tableName,
        Item: bindingItem({
          bindingId: 'admin-2-b1',
          userId: 'admin-2',
          role: 'district_admin',
          scope: { level: 'district', districtId: 'erqi' },
          scopeLabel: '二七区',
          holderName: '第二审核人',
          createdAt,
          createdBy: 'test',
        }),
      }),
    );
    await stack.doc.send(
      new PutCommand({
        TableName: stack.tableName,
        Item: profileItem({ id: 'resident-hs', displayName: '居民', isDemo: false, createdAt }),
      }),
    );
    admin = await stack.tokenFor(DEMO.district_admin);
    admin2 = await stack.tokenFor('admin-2');
    inspector = await stack.tokenFor(DEMO.inspector);
    cadre = await stack.tokenFor(DEMO.cadre);
    resident = await stack.tokenFor('resident-hs');
    const catalogue = await stack.call('GET', '/v1/catalogue', { token: cadre });
    const industry = (catalogue.body.content.rural as { star: string; vetoes: { id: string }[] }[]).find((s) => s.star === 'industry');
    vetoId = industry?.vetoes[0]?.id ?? '';
    expect(vetoId).not.toBe('');
  });
  afterAll(() => stack.stop());

  it('the district records the baseline once: validated, audited, idempotent, and other stars are refused', async () => {
    const before = await stars();
    expect([before.status, before.body.level, before.body.held, before.body.baselineRecordedOn]).toEqual([200, 0, [], undefined]);

    const bad = await baseline({ stars: ['industry', 'nonsense'] });
    expect([bad.status, bad.body.details[0].path]).toEqual([400, 'body.stars.1']);
    const twice = await baseline({ stars: ['industry', 'industry'] });
    expect([twice.status, twice.body.details[0].code]).toEqual([400, 'duplicate']);
    expect(await heldItems()).toEqual([]);

    const res = await baseline({ stars: ['industry', 'ecology'] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ level: 2, baselineRecordedOn: today() });
    expect(res.body.held.map((h: { star: string; basis: string; heldFrom: string }) => [h.star, h.basis, h.heldFrom]).sort()).toEqual([
      ['ecology', 'baseline', today()],
      ['industry', 'baseline', today()],
    ]);
    const after = await heldItems();
    const again = await baseline({ stars: ['ecology', 'industry'] });
    expect([again.status, again.body.level]).toEqual([200, 2]);
    expect(await heldItems()).toEqual(after);
    const other = await baseline({ stars: ['industry'] });
    expect([other.status, other.body.code]).toEqual([409, 'CONFLICT']);
    expect(await heldItems()).toEqual(after);
    // Audited: one baseline event naming who recorded it.
    const events = after.filter((i) => i.entity === 'held-star-event');
    expect(events).toEqual([expect.objectContaining({ kind: 'baseline', stars: ['industry', 'ecology'], actorId: DEMO.district_admin })]);
    // Only the district admin records it.
    expect((await baseline({ stars: [] }, 'jianxinnanjie', inspector)).status).toBe(403);
  });

  it('everyone in the district reads a branch’s stars, a resident included; an unknown branch is 404', async () => {
    const seen = await stars('yingtaogou', resident);
    expect([seen.status, seen.body.level]).toEqual([200, 2]);
    expect((await stars('nowhere', resident)).status).toBe(404);
  });

  let withdrawalId = '';

  it('a recorded finding naming a veto item opens a withdrawal, once per finding; other findings cannot', async () => {
    const [findingId, plainFinding] = await recordFindings([
      { star: 'industry', description: '合作社账目造假', owner: '李明', deadline: addDays(today(), 7), vetoItemId: vetoId },
      { star: 'industry', description: '台账不全', owner: '李明', deadline: addDays(today(), 7) },
    ]);
    const first = await open(findingId);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      branchId: 'yingtaogou',
      star: 'industry',
      status: 'open',
      version: 1,
      source: { kind: 'finding', findingId, vetoItemId: vetoId },
    });
    withdrawalId = first.body.id;
    const snapshot = await heldItems();
    const replay = await open(findingId, admin);
    expect([replay.status, replay.body.id]).toEqual([200, withdrawalId]);
    expect(await heldItems()).toEqual(snapshot);

    const plain = await open(plainFinding);
    expect([plain.status, plain.body.details[0].code]).toEqual([400, 'not_a_veto_hit']);
    const unknown = await open('01JNOSUCHFINDING000000000');
    expect([unknown.status, unknown.body.details[0].path]).toEqual([404, 'body.source.findingId']);
    expect((await open(findingId, cadre)).status).toBe(403);
    expect(await heldItems()).toEqual(snapshot);

    const queue = await stack.call('GET', '/v1/star-withdrawals', { token: admin, query: { status: 'open' } });
    expect(queue.body.withdrawals.map((w: { id: string }) => w.id)).toEqual([withdrawalId]);
    expect((await stack.call('GET', '/v1/star-withdrawals', { token: admin, query: { status: 'bogus' } })).status).toBe(400);
  });

  it('two reviewers confirm at once: exactly one wins, the star is no longer held, and the withdrawal is published', async () => {
    const body = { action: 'confirm', reason: '否决项经核实属实', version: 1 };
    const results = await Promise.all([decide(withdrawalId, body, admin), decide(withdrawalId, body, admin2)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.status === 200)!;
    expect(winner.body).toMatchObject({ status: 'confirmed', version: 2, decision: { reason: '否决项经核实属实' } });
    expect(winner.body.publicityFrom > today()).toBe(true);
    expect((await decide(withdrawalId, { ...body, action: 'reject', version: 2 })).status).toBe(409);

    const after = await stars();
    expect(after.body.level).toBe(1);
    expect(after.body.held.map((h: { star: string }) => h.star)).toEqual(['ecology']);
    expect(after.body.withdrawn).toEqual([{ star: 'industry', heldFrom: today(), basis: 'baseline', withdrawnOn: today(), withdrawalId }]);
    const items = await heldItems();
    expect(items.filter((i) => i.entity === 'held-star-event').map((i) => i.kind)).toEqual(['baseline', 'withdrawn']);
    expect(items.filter((i) => i.entity === 'star-withdrawal-event').map((i) => i.kind)).toEqual(['opened', 'confirmed']);

    const board = await stack.call('GET', '/v1/star-publicity', { token: cadre });
    expect(board.body.withdrawals).toEqual([
      expect.objectContaining({
        id: withdrawalId,
        branchName: '樱桃沟社区',
        star: 'industry',
        reason: '否决项经核实属实',
        withdrawnOn: today(),
      }),
    ]);
    const community = await stack.call('GET', '/v1/branches/yingtaogou/star-publicity', { token: resident });
    expect(community.body.withdrawals.map((w: { id: string }) => w.id)).toEqual([withdrawalId]);
    const elsewhere = await stack.call('GET', '/v1/branches/jianxinnanjie/star-publicity', { token: resident });
    expect(elsewhere.body.withdrawals).toEqual([]);
  });

  it('the 公示 of a 撤星 ends after its last day: the board no longer lists it, the record stays', async () => {
    const until = (await stack.call('GET', '/v1/star-publicity', { token: cadre })).body.withdrawals[0].publicityUntil as string;
    const days = Math.round((Date.parse(`${until}T00:00:00Z`) - Date.parse(`${today()}T00:00:00Z`)) / 86_400_000);
    // Tokens expire on the API's clock: issue one again after moving it.
    const board = async () => stack.call('GET', '/v1/star-publicity', { token: await stack.tokenFor(DEMO.cadre) });
    try {
      aheadDays = days;
      expect((await board()).body.withdrawals).toHaveLength(1);
      aheadDays = days + 1;
      expect((await board()).body.withdrawals).toEqual([]);
      expect((await stars('yingtaogou', await stack.tokenFor(DEMO.cadre))).body.withdrawn).toHaveLength(1);
    } finally {
      aheadDays = 0;
    }
  });

  it('a rejected withdrawal leaves the star held; a veto hit on a star no longer held opens nothing', async () => {
    const [ecologyHit] = await recordFindings([
      { star: 'ecology', description: '环境问题', owner: '李明', deadline: addDays(today(), 7), vetoItemId: await vetoOf('ecology') },
    ]);
    const opened = await open(ecologyHit);
    expect(opened.status).toBe(201);
    const missing = await decide(opened.body.id, { action: 'confirm', reason: '', version: 1 });
    expect([missing.status, missing.body.details[0].path]).toEqual([400, 'body.reason']);
    const rejected = await decide(opened.body.id, { action: 'reject', reason: '问题已整改，不构成否决', version: 1 });
    expect([rejected.status, rejected.body.status]).toEqual([200, 'rejected']);
    expect((await stars()).body.held.map((h: { star: string }) => h.star)).toEqual(['ecology']);
    const late = await decide(opened.body.id, { action: 'confirm', reason: '再议', version: 2 });
    expect([late.status, late.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);

    const [again] = await recordFindings([
      { star: 'industry', description: '再次发现', owner: '李明', deadline: addDays(today(), 7), vetoItemId: vetoId },
    ]);
    const res = await open(again);
    expect([res.status, res.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
  });

  async function vetoOf(star: string): Promise<string> {
    const catalogue = await stack.call('GET', '/v1/catalogue', { token: cadre });
    const entry = (catalogue.body.content.rural as { star: string; vetoes: { id: string }[] }[]).find((s) => s.star === star);
    return entry?.vetoes[0]?.id ?? '';
  }

  it('授星 starts the held record in the same transaction; a baseline cannot come after an award', async () => {
    const at = now().toISOString();
    const app: StoredStarApplication = {
      id: 'HSAPP1',
      districtId: 'erqi',
      townshipId: 'wulibao',
      branchId: 'jianxinnanjie',
      branchName: '建新南街社区',
      star: 'harmony',
      catalogueVersion: 1,
      items: [{ itemId: 'harmony-t1', kind: 'task', title: '任务', met: true, note: '', photos: [] }],
      status: 'publicity',
      version: 5,
      clientKey: 'held-test-app-0001',
      submittedAt: at,
      submittedBy: 'demo-secretary',
      updatedAt: at,
      publicityFrom: addDays(today(), -8),
      publicityUntil: addDays(today(), -1),
    };
    await new DynamoStarApplicationRepository(stack.doc, stack.tableName).create(app, {
      at,
      version: 5,
      kind: 'district_approved',
      actorId: DEMO.district_admin,
      actorName: '区委组织部',
    });
    const award = await stack.call('POST', '/v1/star-applications/HSAPP1/decisions', {
      token: admin,
      body: { action: 'award', version: 5 },
    });
    expect(award.status).toBe(200);
    const held = await stars('jianxinnanjie', resident);
    expect(held.body).toMatchObject({ level: 1, held: [{ star: 'harmony', basis: 'award', applicationId: 'HSAPP1', heldFrom: today() }] });
    const late = await baseline({ stars: ['harmony'] }, 'jianxinnanjie');
    expect([late.status, late.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);

    // 樱桃沟社区 holds 生态宜居星 by its baseline: awarding it again fails as one transaction, nothing changes.
    const repo = new DynamoStarApplicationRepository(stack.doc, stack.tableName);
    await repo.create(
      {
        ...app,
        id: 'HSAPP2',
        townshipId: 'demo-gwh',
        branchId: 'yingtaogou',
        branchName: '樱桃沟社区',
        star: 'ecology',
        clientKey: 'held-test-app-0002',
      },
      { at, version: 5, kind: 'district_approved', actorId: DEMO.district_admin, actorName: '区委组织部' },
    );
    const before = await stack.snapshot();
    const twice = await stack.call('POST', '/v1/star-applications/HSAPP2/decisions', {
      token: admin,
      body: { action: 'award', version: 5 },
    });
    expect([twice.status, twice.body.code]).toEqual([409, 'CONFLICT']);
    expect(await stack.snapshot()).toEqual(before);
    expect((await repo.get('HSAPP2'))?.application.status).toBe('publicity');
  });

  it('the annual 评星定级: refused before its configured day; the district confirms or lowers once, and of two decisions one wins', async () => {
    const year = Number(today().slice(0, 4));
    const rules = await stack.call('GET', '/v1/star-rules', { token: admin });
    expect(rules.body.annualReviewDate).toBe('12-20');
    const bad = await stack.call('PUT', '/v1/star-rules', {
      token: admin,
      body: { publicityWorkingDays: 5, annualReviewDate: '13-01', version: rules.body.version },
    });
    expect([bad.status, bad.body.details[0].path]).toEqual([400, 'body.annualReviewDate']);
    const set = await stack.call('PUT', '/v1/star-rules', {
      token: admin,
      body: { publicityWorkingDays: 5, annualReviewDate: '01-01', version: rules.body.version },
    });
    expect([set.status, set.body.annualReviewDate]).toEqual([200, '01-01']);

    const review = await stack.call('GET', `/v1/star-reviews/${year}`, { token: admin });
    expect(review.status).toBe(200);
    expect(review.body.reviewDate).toBe(`${year}-01-01`);
    const rowOf = (b: { branches: { branchId: string }[] }, id: string) =>
      b.branches.find((r) => r.branchId === id) as { held: string[]; decision?: { kept: string[]; lowered: string[] } } | undefined;
    expect(rowOf(review.body, 'yingtaogou')?.held).toEqual(['ecology']);
    expect(rowOf(review.body, 'jianxinnanjie')?.held).toEqual(['harmony']);

    const before = await heldItems();
    const early = await stack.call('POST', `/v1/star-reviews/${year + 1}/branches/yingtaogou`, {
      token: admin,
      body: { keep: ['ecology'], reason: '提前评定' },
    });
    expect([early.status, early.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
    const notHeld = await stack.call('POST', `/v1/star-reviews/${year}/branches/jianxinnanjie`, {
      token: admin,
      body: { keep: ['business'], reason: '评定' },
    });
    expect([notHeld.status, notHeld.body.details[0].code]).toEqual([400, 'not_held']);
    expect(await heldItems()).toEqual(before);

    const decideAs = (token: string, keep: string[]) =>
      stack.call('POST', `/v1/star-reviews/${year}/branches/yingtaogou`, {
        token,
        body: { keep, reason: keep.length ? '年度评定，保留' : '年度评定，降星' },
      });
    const results = await Promise.all([decideAs(admin, ['ecology']), decideAs(admin2, [])]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const confirmed = results[0].status === 200;
    const after = await stars();
    expect(after.body.level).toBe(confirmed ? 1 : 0);
    if (!confirmed)
      expect(after.body.withdrawn.map((h: { star: string; withdrawalId: string }) => [h.star, h.withdrawalId])).toContainEqual([
        'ecology',
        `annual-${year}`,
      ]);
    const decided = rowOf((await stack.call('GET', `/v1/star-reviews/${year}`, { token: admin })).body, 'yingtaogou');
    expect(decided?.decision).toMatchObject(confirmed ? { kept: ['ecology'], lowered: [] } : { kept: [], lowered: ['ecology'] });
    const events = (await heldItems()).filter((i) => i.entity === 'held-star-event' && String(i.kind).startsWith('annual'));
    expect(events).toEqual([expect.objectContaining({ kind: confirmed ? 'annual_confirmed' : 'annual_lowered', stars: ['ecology'] })]);

    // The winner's decision again changes nothing; a different one is refused.
    const settled = await heldItems();
    expect((await decideAs(admin, confirmed ? ['ecology'] : [])).status).toBe(200);
    expect((await decideAs(admin, confirmed ? [] : ['ecology'])).status).toBe(409);
    expect(await heldItems()).toEqual(settled);
  });
  it('a baseline names the day the branch already held its stars (the campaign start), never a day ahead', async () => {
    const ahead = await baseline({ stars: ['harmony'], heldFrom: '2099-01-01' }, 'wulibao-b02');
    expect([ahead.status, ahead.body.details?.[0]?.path]).toEqual([400, 'body.heldFrom']);
    const start = await baseline({ stars: ['harmony'], heldFrom: '2026-01-05' }, 'wulibao-b02');
    expect([start.status, start.body.held.map((h: { star: string; heldFrom: string }) => [h.star, h.heldFrom])]).toEqual([
      200,
      [['harmony', '2026-01-05']],
    ]);
    expect(start.body.baselineRecordedOn).toBe(today());
  });
});
