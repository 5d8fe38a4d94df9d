import type { PublicBoard } from '@chuangxing/shared';
import { notFound } from '../../platform/kernel/domain-error';
import { ratesOf, redactPersonalData, shanghaiMonth } from './letter';
import type { MailboxPorts } from './mailbox.ports';

/** The community's public board: readable by every resident, with no personal data. */
export async function getPublicBoard(deps: MailboxPorts, branchId: string, month = shanghaiMonth(deps.clock.now())): Promise<PublicBoard> {
  const branch = await deps.org.getBranch(branchId);
  if (!branch) throw notFound('社区');
  const [counters, letters] = await Promise.all([
    deps.letters.countersOf(branch.townshipId, month),
    deps.letters.published(branch.townshipId, branchId, 20),
  ]);
  return {
    branchId,
    townshipId: branch.townshipId,
    branchName: branch.name,
    month,
    rates: ratesOf(counters.find((c) => c.branchId === branchId)?.counters ?? {}),
    letters: letters.map((l) => ({
      category: l.category,
      text: redactPersonalData(l.text),
      ...(l.lastReply ? { reply: redactPersonalData(l.lastReply) } : {}),
      status: l.status,
      createdAt: l.createdAt,
    })),
  };
}
