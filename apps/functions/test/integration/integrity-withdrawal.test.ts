import { beforeAll, describe, expect, it } from 'vitest';
import { createTestStack, DEMO, type TestStack } from '../support/test-stack';

/** 撤星 from a 廉情 case: 纪检监察 find it 属实, name the veto item, and the district confirms, as for a finding. */
describe('a 廉情 case found 属实 opens a 撤星 (DynamoDB Local)', () => {
  let stack: TestStack;
  let discipline: string;
  let inspector: string;
  let admin: string;
  let resident: string;
  let secretary: string;
  let letterId = '';
  let vetoId = '';
  const BRANCH = 'jianxinnanjie'; // 建新南街社区, 五里堡街道: the demo 纪工委's township

  const caseOf = async (token = discipline) => stack.call('GET', `/v1/letters/cases/${letterId}`, { token });
  const conclude = (body: unknown, token = discipline) =>
    stack.call('PUT', `/v1/letters/cases/${letterId}/integrity-conclusion`, { token, body });
  const open = (source: Record<string, unknown>, token = discipline) =>
    stack.call('POST', '/v1/star-withdrawals', { token, body: { source: { kind: 'integrity_case', letterId, ...source } } });

  beforeAll(async () => {
    stack = await createTestStack();
    [discipline, inspector, admin, resident, secretary] = await Promise.all(
      [DEMO.discipline, DEMO.inspector, DEMO.district_admin, DEMO.resident, DEMO.secretary].map((p) => stack.tokenFor(p)),
    );
    const written = await stack.call('POST', '/v1/letters', {
      token: resident,
      body: {
        branchId: BRANCH,
        category: 'integrity',
        text: '社区干部在低保评定中收受好处',
        anonymous: true,
        allowPublication: false,
        idempotencyKey: 'integrity-withdrawal-0123456789',
      },
    });
    expect(written.status).toBe(201);
    letterId = written.body.letter.id;
    const catalogue = await stack.call('GET', '/v1/catalogue', { token: admin });
    const strong = (catalogue.body.content.community as { star: string; vetoes: { id: string; text: string }[] }[]).find(
      (s) => s.star === 'branch_strong',
    );
    vetoId = strong?.vetoes.find((v) => v.text.includes('违纪违法'))?.id ?? '';
    expect(vetoId).not.toBe('');
    const baseline = await stack.call('PUT', `/v1/branches/${BRANCH}/baseline-stars`, {
      token: admin,
      body: { stars: ['branch_strong', 'safety_law', 'harmony'] },
    });
    expect(baseline.status).toBe(200);
  });

  it('the conclusion comes after acceptance, once, by 纪检监察 only, and stays internal to the case', async () => {
    const early = await conclude({ outcome: 'upheld', summary: '经核查，收受好处属实', version: 1 });
    expect([early.status, early.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
    const accepted = await stack.call('POST', `/v1/letters/cases/${letterId}/actions`, {
      token: discipline,
      body: { action: 'accept', version: 1 },
    });
    expect(accepted.status).toBe(200);
    const bad = await conclude({ outcome: 'maybe', summary: '', version: 2 });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((f: { path: string }) => f.path).sort()).toEqual(['body.outcome', 'body.summary']);
    expect((await conclude({ outcome: 'upheld', summary: '经核查属实', version: 2 }, inspector)).status).toBe(403);
    expect((await caseOf()).body.letter.version).toBe(2);

    const done = await conclude({ outcome: 'upheld', summary: '经核查，收受好处属实', version: 2 });
    expect(done.status).toBe(200);
    expect(done.body.letter.integrityConclusion).toMatchObject({ outcome: 'upheld', summary: '经核查，收受好处属实' });
    const again = await conclude({ outcome: 'not_upheld', summary: '改为不属实', version: 3 });
    expect([again.status, again.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
    const stale = await conclude({ outcome: 'not_upheld', summary: '改为不属实', version: 2 });
    expect([stale.status, stale.body.code]).toEqual([409, 'CONFLICT']);
    // The writer follows the letter by its public timeline: the conclusion is an internal note, never shown to them.
    const mine = await stack.call('GET', '/v1/letters/mine', { token: resident });
    const letter = mine.body.letters.find((l: { id: string }) => l.id === letterId);
    expect(JSON.stringify(letter)).not.toContain('核查结论');
  });

  it('only 纪检监察 open a 撤星 from the case, naming a veto item of a star the branch holds; once per case', async () => {
    // An inspector or the district cannot cite an integrity letter (they never see it): the same answer as no letter.
    for (const token of [inspector, admin]) {
      const res = await open({ vetoItemId: vetoId }, token);
      expect([res.status, res.body.code, res.body.details[0].path]).toEqual([404, 'NOT_FOUND', 'body.source.letterId']);
    }
    const unknownVeto = await open({ vetoItemId: 'no-such-veto' });
    expect(unknownVeto.status).toBe(400);
    expect(unknownVeto.body.details[0]).toMatchObject({ path: 'body.source.vetoItemId', code: 'unknown_veto' });

    const first = await open({ vetoItemId: vetoId });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      branchId: BRANCH,
      star: 'branch_strong',
      status: 'open',
      source: { kind: 'integrity_case', letterId, vetoItemId: vetoId },
    });
    const replay = await open({ vetoItemId: vetoId });
    expect([replay.status, replay.body.id]).toEqual([200, first.body.id]);

    const confirmed = await stack.call('POST', `/v1/star-withdrawals/${first.body.id}/decision`, {
      token: admin,
      body: { action: 'confirm', reason: '经纪工委核查属实，触及一票否决项', version: 1 },
    });
    expect(confirmed.status).toBe(200);
    const stars = await stack.call('GET', `/v1/branches/${BRANCH}/stars`, { token: secretary });
    expect(stars.body.held.map((h: { star: string }) => h.star).sort()).toEqual(['harmony', 'safety_law']);

    // The community sees the 撤星 and its veto item on the 公示 board, never that a letter was behind it.
    const board = await stack.call('GET', `/v1/branches/${BRANCH}/star-publicity`, { token: resident });
    expect(board.body.withdrawals).toHaveLength(1);
    expect(board.body.withdrawals[0].vetoText).toContain('违纪违法');
    expect(JSON.stringify(board.body)).not.toContain(letterId);
    expect(JSON.stringify(stars.body)).not.toContain(letterId);
  });

  it('a case found 不属实, or any letter that is not 廉情, opens nothing', async () => {
    const written = await stack.call('POST', '/v1/letters', {
      token: resident,
      body: {
        branchId: BRANCH,
        category: 'integrity',
        text: '怀疑社区干部优亲厚友',
        anonymous: false,
        allowPublication: false,
        idempotencyKey: 'integrity-withdrawal-2-0123456789',
      },
    });
    const id = written.body.letter.id;
    await stack.call('POST', `/v1/letters/cases/${id}/actions`, { token: discipline, body: { action: 'accept', version: 1 } });
    const concluded = await stack.call('PUT', `/v1/letters/cases/${id}/integrity-conclusion`, {
      token: discipline,
      body: { outcome: 'not_upheld', summary: '经核查不属实', version: 2 },
    });
    expect(concluded.status).toBe(200);
    const res = await stack.call('POST', '/v1/star-withdrawals', {
      token: discipline,
      body: { source: { kind: 'integrity_case', letterId: id, vetoItemId: vetoId } },
    });
    expect(res.status).toBe(400);
    expect(res.body.details[0]).toMatchObject({ path: 'body.source.letterId', code: 'not_upheld' });

    const complaint = await stack.call('POST', '/v1/letters', {
      token: resident,
      body: {
        branchId: BRANCH,
        category: 'complaint',
        text: '楼道灯坏了很久',
        anonymous: false,
        allowPublication: false,
        idempotencyKey: 'integrity-withdrawal-3-0123456789',
      },
    });
    const notIntegrity = await stack.call('POST', '/v1/star-withdrawals', {
      token: discipline,
      body: { source: { kind: 'integrity_case', letterId: complaint.body.letter.id, vetoItemId: vetoId } },
    });
    expect([notIntegrity.status, notIntegrity.body.code]).toEqual([404, 'NOT_FOUND']);
    const conclusionOnComplaint = await stack.call('PUT', `/v1/letters/cases/${complaint.body.letter.id}/integrity-conclusion`, {
      token: discipline,
      body: { outcome: 'upheld', summary: '属实', version: 1 },
    });
    expect(conclusionOnComplaint.status).toBe(404);
  });
});
