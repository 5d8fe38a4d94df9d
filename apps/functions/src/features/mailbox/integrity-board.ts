import type { IntegrityBoard, PutIntegrityBoardBody, Role } from '@chuangxing/shared';
import { notFound } from '../../platform/kernel/domain-error';
import { bindingsFor, managesTownship, type Principal } from '../../platform/kernel/principal';
import type { MailboxPorts } from './mailbox.ports';

/** 微权说廉: a community's integrity commitments, public to every resident. */
export async function getIntegrityBoard(deps: MailboxPorts, branchId: string): Promise<IntegrityBoard> {
  const branch = await deps.org.getBranch(branchId);
  if (!branch) throw notFound('社区');
  const board = await deps.letters.getIntegrityBoard(branchId);
  return {
    branchId,
    townshipId: branch.townshipId,
    branchName: branch.name,
    commitments: board?.commitments ?? [],
    ...(board?.updatedAt ? { updatedAt: board.updatedAt } : {}),
    version: board?.version ?? 0,
  };
}

/** The community's own secretary or station handler publishes; so may the staff of its township. */
export async function putIntegrityBoard(
  deps: MailboxPorts,
  principal: Principal,
  allowed: readonly Role[],
  branchId: string,
  body: PutIntegrityBoardBody,
): Promise<IntegrityBoard> {
  const branch = await deps.org.getBranch(branchId);
  const bindings = bindingsFor(principal, allowed);
  const own = bindings.some((b) => b.scope.level === 'branch' && b.scope.branchId === branchId);
  if (!branch || !(own || bindings.some((b) => managesTownship(b, deps.districtId, branch.townshipId)))) throw notFound('社区');
  const at = deps.clock.now().toISOString();
  await deps.letters.putIntegrityBoard(
    { branchId, commitments: body.commitments, version: body.version + 1, updatedAt: at, updatedBy: principal.user.id },
    body.version,
  );
  return {
    branchId,
    townshipId: branch.townshipId,
    branchName: branch.name,
    commitments: body.commitments,
    updatedAt: at,
    version: body.version + 1,
  };
}
