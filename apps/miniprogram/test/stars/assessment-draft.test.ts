import type { CatalogueStar } from '@chuangxing/shared';
import { describe, expect, it } from 'vitest';
import {
  answerLabels,
  assessmentOf,
  draftFromApplication,
  draftFromCatalogue,
} from '../../src/subpackages/stars/services/assessment-draft';

const star: CatalogueStar = {
  star: 'safety_law',
  tasks: [
    { id: 't1', title: '矛盾纠纷排查' },
    { id: 't2', title: '法治宣传' },
  ],
  vetoes: [{ id: 'v1', text: '发生重大安全事故' }],
};

describe('自评 draft', () => {
  it('lists every key task, then every veto item, none answered', () => {
    const items = draftFromCatalogue(star);
    expect(items.map((i) => [i.itemId, i.kind, i.title, i.met])).toEqual([
      ['t1', 'task', '矛盾纠纷排查', undefined],
      ['t2', 'task', '法治宣传', undefined],
      ['v1', 'veto', '发生重大安全事故', undefined],
    ]);
  });

  it('words a veto item’s answers as triggered or not', () => {
    expect(answerLabels('task')).toEqual({ met: '达标', unmet: '未达标' });
    expect(answerLabels('veto')).toEqual({ met: '未触发', unmet: '已触发' });
  });

  it('refuses an unanswered item and one whose photos are not all stored; otherwise builds the body', () => {
    const items = draftFromCatalogue(star);
    items[0].met = true;
    items[0].note = '  每月排查  ';
    items[2].met = false;
    const keys = (id: string) => (id === 't1' ? undefined : ['star-evidence/b/01ARZ3NDEKTSV4RRFFQ69G5FAV.jpg']);
    expect(assessmentOf(items, keys)).toEqual({
      problems: { t1: '照片还在上传或上传失败，请稍候或移除失败的照片', t2: '请选择达标或未达标' },
    });
    items[1].met = true;
    expect(assessmentOf(items, () => [])).toEqual({
      items: [
        { itemId: 't1', kind: 'task', met: true, note: '每月排查', photos: [] },
        { itemId: 't2', kind: 'task', met: true, note: '', photos: [] },
        { itemId: 'v1', kind: 'veto', met: false, note: '', photos: [] },
      ],
    });
  });

  it('a returned application keeps its answers, photos and the reason', () => {
    const [item] = draftFromApplication([
      {
        itemId: 't1',
        kind: 'task',
        title: '矛盾纠纷排查',
        met: true,
        note: 'n',
        photos: ['star-evidence/b/01ARZ3NDEKTSV4RRFFQ69G5FAV.jpg'],
        photoUrls: ['https://s/1.jpg'],
        returnReason: '缺少台账照片',
      },
    ]);
    expect(item).toMatchObject({
      met: true,
      note: 'n',
      photos: [{ key: 'star-evidence/b/01ARZ3NDEKTSV4RRFFQ69G5FAV.jpg', url: 'https://s/1.jpg' }],
      returnReason: '缺少台账照片',
    });
  });
});
