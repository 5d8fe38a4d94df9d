import { describe, expect, it } from 'vitest';
import { listBranchFilers, remindMissing } from '../../src/features/reports/remind-missing';
import { makeBranch } from '../support/builders';
import { ALLOWED, admin, filer, staffOf, world } from '../support/reminder-world';

describe('honest reminders', () => {
  it('names who was reached, the branches nobody is bound to, and who heard in the 消息中心 only', async () => {
    const { deps, org, users, consents, inbox, notifier } = await world();
    await org.createBranch(makeBranch({ id: 'kongbai', townshipId: 't1', name: '空白社区' }));
    // 王五 joined today and has not been asked for consent yet.
    users.bindings.set('wangwu-b', filer('wangwu', 'heping', 'secretary', 't1', { holderName: '王五' }));
    consents.consents.delete('cadre-a|daily_reminder');
    const r = await remindMissing(deps, staffOf('t1'), ALLOWED, 't1');
    expect(r).toEqual({
      day: '2026-11-27',
      branches: 2,
      recipients: 2,
      reached: [{ branchId: 'heping', name: '和平社区', people: 4 }],
      unbound: [{ branchId: 'kongbai', name: '空白社区' }],
      inboxOnly: [
        { userId: 'cadre-a', name: 'cadre-a', branchId: 'heping', branchName: '和平社区' },
        { userId: 'wangwu', name: '王五', branchId: 'heping', branchName: '和平社区' },
      ],
    });
    expect(notifier.sent.map((m) => m.recipientUserId).sort()).toEqual(['both', 'secretary-a']);
    // Everyone reached has it in the 消息中心, WeChat or not.
    for (const u of ['cadre-a', 'wangwu', 'both', 'secretary-a']) expect(inbox.of(u).map((n) => n.kind)).toEqual(['daily_reminder']);
  });

  it('lists each branch’s filers with the phone they gave, to the township’s managers only', async () => {
    const { deps, users } = await world();
    // The phone is the person's own (given at an invitation or in 我的), not the binding's.
    users.profiles.set('cadre-b', {
      id: 'cadre-b',
      displayName: 'cadre-b',
      isDemo: false,
      createdAt: '2026-11-01T00:00:00.000Z',
      workPhone: '13800000002',
    });
    const res = await listBranchFilers(deps, staffOf('t1'), ALLOWED, 't1');
    const byBranch = Object.fromEntries(res.branches.map((b) => [b.branchId, b.filers]));
    expect(byBranch.heping.map((f) => f.userId).sort()).toEqual(['both', 'cadre-a', 'secretary-a']);
    expect(byBranch.xingfu).toEqual([{ userId: 'cadre-b', name: 'cadre-b', role: 'cadre', phone: '13800000002' }]);
    expect(byBranch.heping.find((f) => f.userId === 'cadre-a')).not.toHaveProperty('phone');
    await expect(listBranchFilers(deps, staffOf('t2'), ALLOWED, 't1')).rejects.toMatchObject({ code: 'FORBIDDEN_SCOPE' });
    await expect(listBranchFilers(deps, admin, ALLOWED, 'nowhere')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
