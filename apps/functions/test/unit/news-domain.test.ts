import { describe, expect, it } from 'vitest';
import { authorUnit, canDeleteNews, excerptOf, type StoredNews } from '../../src/features/news/news';
import { makePrincipal } from '../support/builders';

const admin = makePrincipal([{ role: 'district_admin', scope: { level: 'district', districtId: 'erqi' }, scopeLabel: '二七区' }], {
  id: 'a1',
});
const staff = makePrincipal([{ role: 'township_staff', scopeLabel: '一号街道' }], { id: 's1' });
const post = { authorId: 's1' } as StoredNews;

describe('创星动态', () => {
  it('the feed shows the first 80 characters of the body', () => {
    expect(excerptOf('短')).toBe('短');
    expect(excerptOf('字'.repeat(80))).toBe('字'.repeat(80));
    expect(excerptOf('字'.repeat(81))).toBe(`${'字'.repeat(80)}…`);
  });

  it('the author or a district admin of this district may delete a post', () => {
    expect(canDeleteNews('erqi', staff, post)).toBe(true);
    expect(canDeleteNews('erqi', admin, post)).toBe(true);
    expect(canDeleteNews('other', admin, post)).toBe(false);
    expect(canDeleteNews('erqi', makePrincipal([{ role: 'township_staff' }], { id: 's2' }), post)).toBe(false);
  });

  it('a post is signed by the district for its admins, else by the township of the staff binding', () => {
    expect(authorUnit(admin, ['district_admin', 'township_staff'], '二七区')).toBe('二七区');
    expect(authorUnit(staff, ['district_admin', 'township_staff'], '二七区')).toBe('一号街道');
    // Only the route's roles count; without a staff binding the district signs.
    expect(authorUnit(staff, ['district_admin'], '二七区')).toBe('二七区');
  });
});
