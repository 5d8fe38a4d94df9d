import { INVITATION_CODE_ALPHABET, RedeemInvitationBody } from '@chuangxing/shared';
import { describe, expect, it } from 'vitest';
import { assertMayGrant, formatCode, INVITATION_CODE_LENGTH, isExpired } from '../../src/features/identity/invitation';
import type { DomainError } from '../../src/platform/kernel/domain-error';
import { codeFromRandom } from '../../src/platform/kernel/random-code';
import { makeBinding } from '../support/builders';

function bytes(...values: number[]) {
  let i = 0;
  return (n: number) => Uint8Array.from({ length: n }, () => values[i++ % values.length]);
}

describe('invitation codes', () => {
  it('are 8 characters from the unambiguous alphabet', () => {
    const code = codeFromRandom((n) => crypto.getRandomValues(new Uint8Array(n)), INVITATION_CODE_LENGTH);
    expect(code).toMatch(new RegExp(`^[${INVITATION_CODE_ALPHABET}]{8}$`));
    expect(code).not.toMatch(/[01IO]/);
  });

  it('skip bytes above the largest multiple of the alphabet size, so letters stay uniform', () => {
    const n = INVITATION_CODE_ALPHABET.length; // 31: bytes 248..255 would bias the first letters
    const code = codeFromRandom(bytes(255, 250, 0, n + 1, 2 * n + 2, 248, 3, 4, 5, 6, 7), INVITATION_CODE_LENGTH);
    expect(code).toBe(
      `${INVITATION_CODE_ALPHABET[0]}${INVITATION_CODE_ALPHABET[1]}${INVITATION_CODE_ALPHABET[2]}${INVITATION_CODE_ALPHABET.slice(3, 8)}`,
    );
  });

  it('are shown in two halves and accepted back in any case, with dashes or spaces', () => {
    expect(formatCode('ABCD2345')).toBe('ABCD-2345');
    const parsed = RedeemInvitationBody.safeParse({ code: ' abcd-2345 ' });
    expect(parsed.success && parsed.data.code).toBe('ABCD2345');
    expect(RedeemInvitationBody.safeParse({ code: 'ABCD-234O' }).success).toBe(false);
  });

  it('expire at their expiry instant', () => {
    expect(isExpired({ expiresAt: '2026-01-01T00:00:00Z' }, new Date('2025-12-31T23:59:59Z'))).toBe(false);
    expect(isExpired({ expiresAt: '2026-01-01T00:00:00Z' }, new Date('2026-01-01T00:00:00Z'))).toBe(true);
  });
});

describe('who may grant what', () => {
  const districtAdmin = [makeBinding({ role: 'district_admin', scope: { level: 'district', districtId: 'erqi' } })];
  const staff = [makeBinding({ role: 'township_staff', scope: { level: 'township', districtId: 'erqi', townshipIds: ['t1'] } })];
  const branchScope = (t: string) => ({ level: 'branch' as const, districtId: 'erqi', townshipId: t, branchId: 'b1' });
  const codeOf = (fn: () => void) => {
    try {
      fn();
      return 'ok';
    } catch (e) {
      return (e as DomainError).code;
    }
  };

  it('a district admin grants any role at a scope level the role allows', () => {
    expect(
      codeOf(() => assertMayGrant(districtAdmin, 'erqi', 'leader', { level: 'township', districtId: 'erqi', townshipIds: ['t1', 't2'] })),
    ).toBe('ok');
    expect(codeOf(() => assertMayGrant(districtAdmin, 'erqi', 'district_admin', { level: 'district', districtId: 'erqi' }))).toBe('ok');
    expect(codeOf(() => assertMayGrant(districtAdmin, 'erqi', 'cadre', { level: 'district', districtId: 'erqi' }))).toBe(
      'VALIDATION_FAILED',
    );
    expect(codeOf(() => assertMayGrant(districtAdmin, 'erqi', 'cadre', { ...branchScope('t1'), districtId: 'other' }))).toBe(
      'FORBIDDEN_SCOPE',
    );
  });

  it('township staff grant branch and township roles inside their own township only', () => {
    expect(codeOf(() => assertMayGrant(staff, 'erqi', 'cadre', branchScope('t1')))).toBe('ok');
    expect(codeOf(() => assertMayGrant(staff, 'erqi', 'station_handler', branchScope('t1')))).toBe('ok');
    expect(codeOf(() => assertMayGrant(staff, 'erqi', 'cadre', branchScope('t2')))).toBe('FORBIDDEN_SCOPE');
    expect(codeOf(() => assertMayGrant(staff, 'erqi', 'leader', { level: 'township', districtId: 'erqi', townshipIds: ['t1'] }))).toBe(
      'FORBIDDEN_ROLE',
    );
    expect(codeOf(() => assertMayGrant(staff, 'erqi', 'district_admin', { level: 'district', districtId: 'erqi' }))).toBe('FORBIDDEN_ROLE');
    expect(codeOf(() => assertMayGrant(staff, 'erqi', 'inspector', { level: 'district', districtId: 'erqi' }))).toBe('FORBIDDEN_ROLE');
  });

  it('纪检监察 is bound at a township or the district: the district admin grants both, township staff their own township', () => {
    const township = (t: string) => ({ level: 'township' as const, districtId: 'erqi', townshipIds: [t] });
    expect(codeOf(() => assertMayGrant(districtAdmin, 'erqi', 'discipline', { level: 'district', districtId: 'erqi' }))).toBe('ok');
    expect(codeOf(() => assertMayGrant(districtAdmin, 'erqi', 'discipline', township('t2')))).toBe('ok');
    expect(codeOf(() => assertMayGrant(districtAdmin, 'erqi', 'discipline', branchScope('t1')))).toBe('VALIDATION_FAILED');
    expect(codeOf(() => assertMayGrant(staff, 'erqi', 'discipline', township('t1')))).toBe('ok');
    expect(codeOf(() => assertMayGrant(staff, 'erqi', 'discipline', township('t2')))).toBe('FORBIDDEN_SCOPE');
    expect(codeOf(() => assertMayGrant(staff, 'erqi', 'discipline', { level: 'district', districtId: 'erqi' }))).toBe('FORBIDDEN_ROLE');
  });

  it('township staff are bound to exactly one township', () => {
    expect(
      codeOf(() =>
        assertMayGrant(districtAdmin, 'erqi', 'township_staff', { level: 'township', districtId: 'erqi', townshipIds: ['t1', 't2'] }),
      ),
    ).toBe('VALIDATION_FAILED');
  });
});
