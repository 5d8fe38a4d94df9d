import type { mailboxRoutes } from '@chuangxing/shared';
import type { RouteImpls } from '../../platform/http/route-context';
import { actOnCase } from './act-on-case';
import { concludeIntegrityCase } from './conclude-integrity-case';
import { getCase } from './get-case';
import { getIntegrityBoard, putIntegrityBoard } from './integrity-board';
import { getIntegrityLetterStats, getLetterStats } from './letter-stats';
import { listCases } from './list-cases';
import { listMyLetters } from './list-my-letters';
import type { MailboxPorts } from './mailbox.ports';
import { getLetterRules, putLetterRules } from './manage-letter-rules';
import { addToAgenda, createMeeting, listMeetings, recordMinutes } from './meetings';
import { presignLetterPhoto } from './presign-letter-photo';
import { getPublicBoard } from './public-board';
import { rateLetter } from './rate-letter';
import { recordLetter } from './record-letter';
import { supplementLetter } from './supplement-letter';
import { trackLetter } from './track-letter';
import { withdrawLetter } from './withdraw-letter';
import { writeLetter } from './write-letter';

export const mailboxImplementations: RouteImpls<typeof mailboxRoutes, MailboxPorts> = {
  getLetterRules: async ({ deps }) => ({ status: 200, body: await getLetterRules(deps) }),
  putLetterRules: async ({ deps, principal, allowed, body }) => ({
    status: 200,
    body: await putLetterRules(deps, principal, allowed, body),
  }),
  writeLetter: async ({ deps, principal, body }) => {
    const out = await writeLetter(deps, principal, body);
    return { status: out.kind === 'created' ? 201 : 200, body: { letter: out.letter, replayed: out.kind === 'replayed' } };
  },
  presignLetterPhoto: async ({ deps, body }) => ({ status: 200, body: await presignLetterPhoto(deps, body) }),
  listMyLetters: async ({ deps, principal }) => ({ status: 200, body: { letters: await listMyLetters(deps, principal) } }),
  rateLetter: async ({ deps, principal, params, body }) => ({
    status: 200,
    body: { letter: await rateLetter(deps, principal, params.letterId, body) },
  }),
  withdrawLetter: async ({ deps, principal, params, body }) => ({
    status: 200,
    body: { letter: await withdrawLetter(deps, principal, params.letterId, body.version) },
  }),
  supplementLetter: async ({ deps, principal, params, body }) => ({
    status: 200,
    body: { letter: await supplementLetter(deps, principal, params.letterId, body) },
  }),
  recordLetter: async ({ deps, principal, body }) => {
    const out = await recordLetter(deps, principal, body);
    return { status: out.kind === 'created' ? 201 : 200, body: { slip: out.slip, replayed: out.kind === 'replayed' } };
  },
  trackLetter: async ({ deps, params }) => ({ status: 200, body: await trackLetter(deps, params.code) }),
  listCases: async ({ deps, principal, allowed, query }) => ({
    status: 200,
    body: { letters: await listCases(deps, principal, allowed, query.status) },
  }),
  getCase: async ({ deps, principal, allowed, params }) => ({
    status: 200,
    body: { letter: await getCase(deps, principal, allowed, params.letterId) },
  }),
  actOnCase: async ({ deps, principal, allowed, params, body }) => ({
    status: 200,
    body: { letter: await actOnCase(deps, principal, allowed, params.letterId, body) },
  }),
  concludeIntegrityCase: async ({ deps, principal, allowed, params, body }) => ({
    status: 200,
    body: { letter: await concludeIntegrityCase(deps, principal, allowed, params.letterId, body) },
  }),
  listMeetings: async ({ deps, principal, allowed, params }) => ({
    status: 200,
    body: { meetings: await listMeetings(deps, principal, allowed, params.branchId) },
  }),
  createMeeting: async ({ deps, principal, allowed, params, body }) => ({
    status: 201,
    body: await createMeeting(deps, principal, allowed, params.branchId, body.date),
  }),
  addToAgenda: async ({ deps, principal, allowed, params, body }) => ({
    status: 200,
    body: await addToAgenda(deps, principal, allowed, params.meetingId, body.letterId, body.letterVersion),
  }),
  recordMinutes: async ({ deps, principal, allowed, params, body }) => ({
    status: 200,
    body: await recordMinutes(deps, principal, allowed, params.meetingId, body.minutes, body.version),
  }),
  getLetterStats: async ({ deps, principal, allowed, query }) => ({
    status: 200,
    body: await getLetterStats(deps, principal, allowed, query.month, query.townshipId),
  }),
  getIntegrityLetterStats: async ({ deps, principal, allowed, query }) => ({
    status: 200,
    body: await getIntegrityLetterStats(deps, principal, allowed, query.month, query.townshipId),
  }),
  getPublicBoard: async ({ deps, params, query }) => ({ status: 200, body: await getPublicBoard(deps, params.branchId, query.month) }),
  getIntegrityBoard: async ({ deps, params }) => ({ status: 200, body: await getIntegrityBoard(deps, params.branchId) }),
  putIntegrityBoard: async ({ deps, principal, allowed, params, body }) => ({
    status: 200,
    body: await putIntegrityBoard(deps, principal, allowed, params.branchId, body),
  }),
};
