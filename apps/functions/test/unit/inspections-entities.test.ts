import { describe, expect, it } from 'vitest';
import type { StoredFinding, StoredFindingEvent, StoredInspection, StoredInspectionDraft } from '../../src/features/inspections/inspection';
import { inspectionEntities as E } from '../../src/features/inspections/inspections.entities';

/** The stored formats of 四不两直 items, exactly as the data already in the table has them. */
describe('inspection entities', () => {
  const at = '2026-11-27T02:00:00.000Z';

  it('a draft and a recorded visit sit under their author, with no index key', () => {
    const draft: StoredInspectionDraft = {
      id: 'd1',
      authorId: 'u1',
      content: { branchId: 'b1', visitedAt: at, location: '', photos: [], summary: '', findings: [] },
      branchName: '樱桃沟',
      townshipId: 't1',
      version: 2,
      createdAt: at,
      updatedAt: at,
    };
    expect(E.draft.item({ authorId: 'u1', id: 'd1' }, draft)).toEqual({
      pk: 'INSPECTOR#u1',
      sk: 'DRAFT#d1',
      entity: 'inspection-draft',
      ...draft,
    });
    const summary = { id: 'i1', branchId: 'b1', branchName: '樱桃沟', visitedAt: at, findings: 3, recordedAt: at };
    expect(E.recorded.item({ authorId: 'u1', recordedAt: at, id: 'i1' }, summary)).toEqual({
      pk: 'INSPECTOR#u1',
      sk: `REC#${at}#i1`,
      entity: 'inspection-recorded',
      ...summary,
    });
    expect(E.inspector).toEqual({ pk: expect.any(Function), drafts: 'DRAFT#', recorded: 'REC#' });
    expect(E.inspector.pk('u1')).toBe('INSPECTOR#u1');
  });

  it('a visit, a finding in the township index, and its history ordered by zero-padded version', () => {
    const inspection: StoredInspection = {
      id: 'i1',
      districtId: 'erqi',
      townshipId: 't1',
      branchId: 'b1',
      branchName: '樱桃沟',
      visitedAt: at,
      location: 'x',
      photos: ['inspection/b1/p.jpg'],
      summary: 'y',
      inspectorId: 'u1',
      inspectorName: '赵督导',
      recordedAt: at,
      findingIds: ['f1'],
    };
    expect(E.inspection.item({ id: 'i1' }, inspection)).toEqual({ pk: 'INSP#i1', sk: 'INSP', entity: 'inspection', ...inspection });

    const finding: StoredFinding = {
      id: 'f1',
      inspectionId: 'i1',
      inspectorId: 'u1',
      districtId: 'erqi',
      townshipId: 't1',
      branchId: 'b1',
      branchName: '樱桃沟',
      star: 'industry',
      description: 'd',
      owner: 'o',
      deadline: '2026-12-01',
      status: 'fix_submitted',
      version: 2,
      createdAt: at,
      updatedAt: at,
      fix: { text: 't', photos: [], at, by: 'u2', byName: '李明' },
    };
    const item = E.finding.item({ id: 'f1' }, finding);
    expect(item).toEqual({
      pk: 'FINDING#f1',
      sk: 'FINDING',
      entity: 'finding',
      gsi1pk: 'TWN#t1#FINDINGS',
      gsi1sk: 'b1#f1',
      ...finding,
    });
    expect(E.townshipFindings('t1')).toBe('TWN#t1#FINDINGS');
    // Reading back keeps only the declared fields (no keys, no `entity`).
    expect(E.finding.parse({ ...item, stray: 1 })).toEqual(finding);

    const event: StoredFindingEvent = { at, version: 12, kind: 'closed', actorId: 'u1', actorName: '赵督导', text: undefined };
    expect(E.event.item({ findingId: 'f1', at, version: 12 }, event)).toEqual({
      pk: 'FINDING#f1',
      sk: `EV#${at}#0012`,
      entity: 'finding-event',
      at,
      version: 12,
      kind: 'closed',
      actorId: 'u1',
      actorName: '赵督导',
    });
  });
});
