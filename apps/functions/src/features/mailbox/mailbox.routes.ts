import type { Routes } from '@chuangxing/shared';
import type { RouteImpl } from '../../platform/http/route-context';
import {
  getPublicBoard as boardUseCase,
  getIntegrityBoard as integrityUseCase,
  putIntegrityBoard as putIntegrityUseCase,
  getLetterStats as statsUseCase,
} from './letter-boards';
import {
  actOnCase as actUseCase,
  getCase as getCaseUseCase,
  listCases as listCasesUseCase,
  listMyLetters as listMineUseCase,
  presignLetterPhoto as presignUseCase,
  rateLetter as rateUseCase,
  trackLetter as trackUseCase,
  writeLetter as writeUseCase,
} from './letters';
import {
  addToAgenda as agendaUseCase,
  createMeeting as createMeetingUseCase,
  listMeetings as listMeetingsUseCase,
  recordMinutes as minutesUseCase,
} from './meetings';

export const writeLetter: RouteImpl<Routes['writeLetter']> = async ({ deps, principal, body }) => {
  const out = await writeUseCase(deps, principal, body);
  return { status: out.kind === 'created' ? 201 : 200, body: { letter: out.letter, replayed: out.kind === 'replayed' } };
};

export const listMyLetters: RouteImpl<Routes['listMyLetters']> = async ({ deps, principal }) => ({
  status: 200,
  body: { letters: await listMineUseCase(deps, principal) },
});

export const rateLetter: RouteImpl<Routes['rateLetter']> = async ({ deps, principal, params, body }) => ({
  status: 200,
  body: { letter: await rateUseCase(deps, principal, params.letterId, body) },
});

export const trackLetter: RouteImpl<Routes['trackLetter']> = async ({ deps, params }) => ({
  status: 200,
  body: await trackUseCase(deps, params.code),
});

export const listCases: RouteImpl<Routes['listCases']> = async ({ deps, principal, allowed, query }) => ({
  status: 200,
  body: { letters: await listCasesUseCase(deps, principal, allowed, query.status) },
});

export const getCase: RouteImpl<Routes['getCase']> = async ({ deps, principal, allowed, params }) => ({
  status: 200,
  body: { letter: await getCaseUseCase(deps, principal, allowed, params.letterId) },
});

export const actOnCase: RouteImpl<Routes['actOnCase']> = async ({ deps, principal, allowed, params, body }) => ({
  status: 200,
  body: { letter: await actUseCase(deps, principal, allowed, params.letterId, body) },
});

export const getLetterStats: RouteImpl<Routes['getLetterStats']> = async ({ deps, principal, allowed, query }) => ({
  status: 200,
  body: await statsUseCase(deps, principal, allowed, query.month, query.townshipId),
});

export const getPublicBoard: RouteImpl<Routes['getPublicBoard']> = async ({ deps, params, query }) => ({
  status: 200,
  body: await boardUseCase(deps, params.branchId, query.month),
});

export const getIntegrityBoard: RouteImpl<Routes['getIntegrityBoard']> = async ({ deps, params }) => ({
  status: 200,
  body: await integrityUseCase(deps, params.branchId),
});

export const putIntegrityBoard: RouteImpl<Routes['putIntegrityBoard']> = async ({ deps, principal, allowed, params, body }) => ({
  status: 200,
  body: await putIntegrityUseCase(deps, principal, allowed, params.branchId, body),
});

export const listMeetings: RouteImpl<Routes['listMeetings']> = async ({ deps, principal, allowed, params }) => ({
  status: 200,
  body: { meetings: await listMeetingsUseCase(deps, principal, allowed, params.branchId) },
});

export const createMeeting: RouteImpl<Routes['createMeeting']> = async ({ deps, principal, allowed, params, body }) => ({
  status: 201,
  body: await createMeetingUseCase(deps, principal, allowed, params.branchId, body.date),
});

export const addToAgenda: RouteImpl<Routes['addToAgenda']> = async ({ deps, principal, allowed, params, body }) => ({
  status: 200,
  body: await agendaUseCase(deps, principal, allowed, params.meetingId, body.letterId, body.letterVersion),
});

export const recordMinutes: RouteImpl<Routes['recordMinutes']> = async ({ deps, principal, allowed, params, body }) => ({
  status: 200,
  body: await minutesUseCase(deps, principal, allowed, params.meetingId, body.minutes, body.version),
});

export const presignLetterPhoto: RouteImpl<Routes['presignLetterPhoto']> = async ({ deps, body }) => ({
  status: 200,
  body: await presignUseCase(deps, body),
});
