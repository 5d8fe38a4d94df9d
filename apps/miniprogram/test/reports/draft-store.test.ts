import { describe, expect, it, vi } from 'vitest';
import { createDraftStore, DRAFT_INDEX_KEY, draftStorageKey, type ReportDraft } from '../../src/subpackages/reports/offline/draft-store';
import { fakeClock, fakeStorage } from '../support/fake-clock';

const draft = (partial: Partial<ReportDraft> = {}) => ({
  branchId: 'b1',
  day: '2025-06-10',
  items: [{ id: 'i1', star: 'branch_strong' as const, text: '' }],
  counts: {},
  problems: '',
  tomorrowPlan: '',
  photos: [],
  ...partial,
});

describe('draft store', () => {
  it('keeps changes in memory at once and writes them after a short debounce, once', async () => {
    const storage = fakeStorage();
    const clock = fakeClock();
    const store = createDraftStore({ storage, clock, debounceMs: 400 });
    const listener = vi.fn();
    store.subscribe('b1', '2025-06-10', listener);

    store.put(draft());
    for (const text of ['走', '走访', '走访群众']) {
      store.update('b1', '2025-06-10', (d) => ({ ...d, items: [{ ...d.items[0], text }] }));
      await clock.advance(100);
    }
    expect(store.get('b1', '2025-06-10')?.items[0].text).toBe('走访群众');
    expect(listener).toHaveBeenCalledTimes(4);
    expect(storage.writes(draftStorageKey('b1', '2025-06-10'))).toBe(0);

    await clock.advance(100);
    expect(storage.writes(draftStorageKey('b1', '2025-06-10'))).toBe(1);
    expect((storage.raw(draftStorageKey('b1', '2025-06-10')) as ReportDraft).items[0].text).toBe('走访群众');
    expect(store.get('b1', '2025-06-10')?.revision).toBe(4);
  });

  it('is read back after a restart; a photo that was uploading waits to be uploaded again', () => {
    const storage = fakeStorage();
    const clock = fakeClock();
    const first = createDraftStore({ storage, clock });
    first.put(
      draft({
        submit: { idempotencyKey: 'key-aaaaaaaaaaaaaaaa', requestedAt: 1 },
        photos: [{ id: 'p1', localPath: 'wxfile://p1.jpg', contentType: 'image/jpeg', state: 'uploading', progress: 40 }],
      }),
    );
    first.flush();

    const second = createDraftStore({ storage, clock });
    expect(second.list()).toEqual([{ branchId: 'b1', day: '2025-06-10', submit: true, updatedAt: clock.now() }]);
    expect(second.get('b1', '2025-06-10')?.photos[0]).toMatchObject({
      state: 'waiting',
      progress: undefined,
      localPath: 'wxfile://p1.jpg',
    });
  });

  it('remove deletes the draft and its index line; prune drops days that can no longer be filed', () => {
    const storage = fakeStorage();
    const store = createDraftStore({ storage, clock: fakeClock() });
    store.put(draft());
    store.put(draft({ day: '2025-06-01' }));
    store.put(draft({ branchId: 'b2', day: '2025-06-09' }));
    store.flush();

    store.remove('b1', '2025-06-10');
    store.prune('2025-06-08');
    store.flush();

    expect(store.get('b1', '2025-06-10')).toBeUndefined();
    expect(storage.raw(draftStorageKey('b1', '2025-06-01'))).toBeUndefined();
    expect((storage.raw(DRAFT_INDEX_KEY) as { day: string }[]).map((e) => e.day)).toEqual(['2025-06-09']);
  });

  it('still works in memory when storage is full', () => {
    const storage = fakeStorage();
    storage.set = () => {
      throw new Error('setStorage:fail exceed storage max size 10Mb');
    };
    const store = createDraftStore({ storage, clock: fakeClock() });
    store.put(draft());
    expect(() => store.flush()).not.toThrow();
    expect(store.get('b1', '2025-06-10')).toBeTruthy();
  });
});
