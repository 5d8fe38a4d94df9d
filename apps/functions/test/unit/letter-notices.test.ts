import { describe, expect, it } from 'vitest';
import type { Letter } from '../../src/features/mailbox/letter';
import { overdueNotices } from '../../src/features/mailbox/letter-notices';
import { makeBinding } from '../support/builders';

const letter = (category: Letter['category']): Letter => ({
  id: 'L1',
  queryCode: 'P5GSY8HPEH',
  districtId: 'erqi',
  townshipId: 't1',
  branchId: 'b1',
  branchName: '示例社区',
  category,
  text: '来信内容',
  anonymous: true,
  allowPublication: false,
  writerName: '',
  sealedWriter: 'sealed',
  writerKey: 'key',
  status: 'submitted',
  reviewed: false,
  createdAt: '2026-11-27T00:00:00.000Z',
  acceptBy: '2026-12-01T15:59:59.999Z',
  version: 1,
});

describe('督办 of overdue letters', () => {
  const township = { level: 'township' as const, districtId: 'erqi', townshipIds: ['t1'] };
  const bindings = [
    makeBinding({ userId: 'staff', role: 'township_staff', scope: township }),
    makeBinding({ userId: 'inspector', role: 'inspector', scope: township }),
    makeBinding({ userId: 'discipline', role: 'discipline', scope: township }),
    makeBinding({ userId: 'discipline', bindingId: 'bind2', role: 'discipline', scope: township }),
  ];
  const recipients = (category: Letter['category']) =>
    overdueNotices(letter(category), bindings, '2026-12-02T02:00:00.000Z').map((n) => n.recipientUserId);

  it('a 廉情 letter goes to 纪检监察 once, never to the 督导员 or the township staff', () => {
    expect(recipients('integrity')).toEqual(['discipline']);
  });

  it('any other letter goes to the township staff, never to 纪检监察 or the 督导员', () => {
    expect(recipients('complaint')).toEqual(['staff']);
  });
});
