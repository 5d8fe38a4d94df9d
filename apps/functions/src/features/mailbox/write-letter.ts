import { ROLE_LABELS, type TimelineEntry, type WriteLetterBody } from '@chuangxing/shared';
import { unknownReference } from '../../platform/kernel/domain-error';
import type { Principal } from '../../platform/kernel/principal';
import { shanghaiDay } from '../../platform/kernel/shanghai-time';
import type { AuditRecord } from './letter-repository';
import type { MailboxPorts } from './mailbox.ports';
import { newLetter } from './new-letter';
import { toMyLetter } from './present-letter';

/** Any WeChat user writes, named or anonymous. The account is kept sealed; officials never see it. */
export async function writeLetter(deps: MailboxPorts, principal: Principal, body: WriteLetterBody) {
  const branch = await deps.org.getBranch(body.branchId);
  if (!branch || branch.districtId !== deps.districtId) throw unknownReference('body.branchId', '没有这个社区，请重新选择');
  // Photos are uploaded the same day to the same community (the presign files them so).
  const now = deps.clock.now();
  const at = now.toISOString();
  const userId = principal.user.id;
  const letter = await newLetter(
    deps,
    branch,
    body,
    {
      anonymous: body.anonymous,
      writerName: body.anonymous ? '' : principal.user.displayName,
      sealedWriter: await deps.sealer.seal(userId),
      writerKey: deps.sealer.keyedHash(userId),
      ...(body.callbackPhone ? { sealedPhone: await deps.sealer.seal(body.callbackPhone) } : {}),
    },
    now,
  );
  const timeline: TimelineEntry = { at, kind: 'submitted', actor: ROLE_LABELS.resident, internal: false };
  const audit: AuditRecord = { at, actor: 'writer', action: 'submit', from: '', to: 'submitted' };
  const out = await deps.letters.create(letter, {
    idempotencyKey: body.idempotencyKey,
    day: shanghaiDay(now),
    maxPerDay: (await deps.letterRules.get(deps.districtId)).perDayLimit,
    timeline,
    audit,
  });
  // A count only: nothing about the writer, the community or the letter goes with it.
  if (out.kind === 'created') deps.metrics.count('LettersWritten');
  const stored = await deps.letters.get(out.letter.id);
  return { kind: out.kind, letter: await toMyLetter(deps, out.letter, stored?.timeline ?? [timeline]) };
}
