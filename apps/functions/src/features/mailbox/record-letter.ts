import { LETTER_CHANNEL_LABELS, type LetterSlip, type RecordLetterBody, ROLE_LABELS, type TimelineEntry } from '@chuangxing/shared';
import { forbiddenScope, unknownReference } from '../../platform/kernel/domain-error';
import { bindingsFor, type Principal } from '../../platform/kernel/principal';
import { shanghaiDay } from '../../platform/kernel/shanghai-time';
import type { AuditRecord } from './letter-repository';
import type { MailboxPorts } from './mailbox.ports';
import { newLetter } from './new-letter';

/** How many letters one station handler may record a day: a guard against a runaway client, not a quota. */
export const RECORDED_PER_DAY = 200;

/**
 * 代录: the station records a letter a resident brought by phone, in person or on paper. It is a letter like any
 * other (counters, deadlines, 廉情 routing), but it has no writer account: the resident's name and phone, when
 * given, are sealed and opened only for the letter's handler, and the resident follows it by the 查询码 slip.
 * Retries are keyed under the recording handler (a keyed hash no user's 我的信件 can match), with a daily guard
 * of its own instead of a resident's five letters.
 */
export async function recordLetter(
  deps: MailboxPorts,
  principal: Principal,
  body: RecordLetterBody,
): Promise<{ kind: 'created' | 'replayed'; slip: LetterSlip }> {
  const branch = await deps.org.getBranch(body.branchId);
  if (!branch || branch.districtId !== deps.districtId) throw unknownReference('body.branchId', '没有这个社区，请重新选择');
  const station = bindingsFor(principal, ['station_handler']).some((b) => b.scope.level === 'branch' && b.scope.branchId === branch.id);
  if (!station) throw forbiddenScope();
  const now = deps.clock.now();
  const at = now.toISOString();
  const letter = await newLetter(
    deps,
    branch,
    body,
    {
      // Officials' views never carry the resident's name in clear: it is sealed below like a phone.
      anonymous: true,
      writerName: '',
      sealedWriter: '',
      writerKey: deps.sealer.keyedHash(`recorded:${principal.user.id}`),
      ...(body.residentPhone ? { sealedPhone: await deps.sealer.seal(body.residentPhone) } : {}),
      ...(body.residentName ? { sealedName: await deps.sealer.seal(body.residentName) } : {}),
      channel: body.channel,
    },
    now,
  );
  const timeline: TimelineEntry = {
    at,
    kind: 'submitted',
    actor: ROLE_LABELS.station_handler,
    text: `居民${LETTER_CHANNEL_LABELS[body.channel]}反映，由民情气象站代录`,
    internal: false,
  };
  // The handler is an official: the audit names them, as for every official's move.
  const audit: AuditRecord = { at, actor: principal.user.id, action: 'record', from: '', to: 'submitted' };
  const out = await deps.letters.create(letter, {
    idempotencyKey: body.idempotencyKey,
    day: shanghaiDay(now),
    maxPerDay: RECORDED_PER_DAY,
    timeline,
    audit,
  });
  if (out.kind === 'created') deps.metrics.count('LettersWritten');
  const l = out.letter;
  return {
    kind: out.kind,
    slip: {
      queryCode: l.queryCode,
      branchName: l.branchName,
      category: l.category,
      channel: l.channel ?? body.channel,
      createdAt: l.createdAt,
      acceptBy: l.acceptBy,
    },
  };
}
