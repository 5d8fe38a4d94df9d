import { describe, expect, it } from 'vitest';
import type { StoredBranchResult, StoredObservation, StoredScore } from '../../src/features/observations/observation';
import { observationsEntities as e, observationResultItem } from '../../src/features/observations/observations.entities';

/** The stored layout of 每月一观摩: existing observations, sheets and frozen results must keep reading. */
describe('observations entities keep the stored layout', () => {
  it('an observation: OBS#{id} / OBS, indexed by district and month, newest first', () => {
    const obs: StoredObservation = {
      id: 'o1',
      districtId: 'erqi',
      month: '2026-11',
      title: '十一月观摩',
      townshipId: 't1',
      organiserLabel: '一号街道',
      branches: [{ branchId: 'b1', name: '一村', townshipId: 't1', type: 'rural' }],
      observers: [{ userId: 'u1', name: '王' }],
      status: 'open',
      createdAt: '2026-11-02T02:00:00.000Z',
      createdBy: 'u0',
      createdByName: '孙',
      version: 1,
    };
    const item = e.observation.item({ id: 'o1' }, obs);
    expect(item).toEqual({
      pk: 'OBS#o1',
      sk: 'OBS',
      gsi1pk: 'DIST#erqi#OBS#2026-11',
      gsi1sk: '2026-11-02T02:00:00.000Z#o1',
      entity: 'observation',
      ...obs,
    });
    expect(e.month('erqi', '2026-11')).toBe(item.gsi1pk);
    expect(e.observation.parse(item)).toEqual(obs);
  });

  it('the scores’ revision and the sheets: one partition, read as the range REV … SCORE#~', () => {
    expect(e.scoresRevision.key({ observationId: 'o1' })).toEqual({ pk: 'OBS#o1', sk: 'REV' });
    const score: StoredScore = {
      observationId: 'o1',
      branchId: 'b1',
      observerId: 'u1',
      observerName: '王',
      scores: [{ star: 'branch_strong', score: 8 }],
      comment: '',
      updatedAt: '2026-11-03T02:00:00.000Z',
    };
    const item = e.score.item({ observationId: 'o1', branchId: 'b1', observerId: 'u1' }, score);
    expect(item).toEqual({ pk: 'OBS#o1', sk: 'SCORE#b1#u1', entity: 'observation-score', ...score });
    expect(e.sheets('o1')).toEqual({ pk: 'OBS#o1', from: 'REV', to: 'SCORE#~' });
    expect([e.isRevision({ sk: 'REV' }), e.isScore({ sk: 'REV' }), e.isScore(item), e.isRevision(item)]).toEqual([
      true,
      false,
      true,
      false,
    ]);
    expect(e.score.parse(item)).toEqual(score);
  });

  it('a frozen result: filed under its township and the quarter of its month', () => {
    const r: StoredBranchResult = {
      observationId: 'o1',
      title: '十一月观摩',
      month: '2026-11',
      branchId: 'b1',
      branchName: '一村',
      townshipId: 't1',
      perStar: [{ star: 'branch_strong', value: 8, count: 1, trimmed: false }],
      overall: 8,
      observerCount: 1,
      comments: ['好'],
      closedAt: '2026-11-20T08:00:00.000Z',
    };
    const item = observationResultItem(r);
    expect(item).toEqual({ pk: 'TWN#t1#OBSRES#2026-Q4', sk: 'b1#o1', entity: 'observation-result', ...r });
    expect(e.results('t1', '2026-Q4')).toBe(item.pk);
    expect(String(item.sk).startsWith(e.branchResults('b1'))).toBe(true);
    expect(e.result.parse(item)).toEqual(r);
  });
});
