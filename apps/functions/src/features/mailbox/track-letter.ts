import type { LetterTracking } from '@chuangxing/shared';
import { notFound } from '../../platform/kernel/domain-error';
import { publicTimeline } from './letter';
import type { MailboxPorts } from './mailbox.ports';
import { withAnswerBy } from './present-letter';

/** Anyone holding the query code follows the progress; the text and the writer stay out. */
export async function trackLetter(deps: MailboxPorts, code: string): Promise<LetterTracking> {
  const id = await deps.letters.letterIdByCode(code);
  const found = id ? await deps.letters.get(id) : undefined;
  if (!found) throw notFound('信件');
  const { letter, timeline } = found;
  return {
    queryCode: letter.queryCode,
    branchName: letter.branchName,
    category: letter.category,
    status: letter.status,
    createdAt: letter.createdAt,
    ...withAnswerBy(letter),
    timeline: publicTimeline(timeline),
  };
}
