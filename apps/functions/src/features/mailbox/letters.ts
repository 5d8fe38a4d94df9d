import {
  type CaseLetter,
  type LetterActionBody,
  type LetterTracking,
  type MyLetter,
  type PresignedUpload,
  type PresignLetterPhotoBody,
  RATING_LABELS,
  type RateLetterBody,
  ROLE_LABELS,
  type Role,
  type TimelineEntry,
  UPLOAD_LIMITS,
  type WriteLetterBody,
} from '@chuangxing/shared';
import type { Deps } from '../../platform/kernel/deps';
import { DomainError, forbiddenRole, invalid, notFound } from '../../platform/kernel/domain-error';
import { type Binding, bindingsFor, coversTownship, type Principal, reachableTownships } from '../../platform/kernel/principal';
import { codeFromRandom } from '../../platform/kernel/random-code';
import { addDays, shanghaiDay } from '../../platform/kernel/shanghai-time';
import { presignUpload } from '../../platform/storage/presign-upload';
import { UPLOAD_PREFIXES } from '../../platform/storage/upload-prefixes';
import { verifyStoredPhotos } from '../../platform/storage/verify-stored-photos';
import { countersFor, isOverdue, type Letter, type LetterEvent, letterMonth, nextState, publicTimeline, slaDeadline } from './letter';
import type { AuditRecord, CaseScope } from './letter-repository';

const RESIDENT = ROLE_LABELS.resident;

/** A deadline `rule` working days from now, skipping weekends and the district's holidays. */
async function deadline(deps: Deps, now: Date, rule: 'acceptWorkingDays' | 'replyWorkingDays'): Promise<string> {
  const [rules, off] = await Promise.all([deps.rules.getLetterRules(deps.districtId), holidays(deps, now)]);
  return slaDeadline(now, rules[rule], off);
}

/** District holidays this month and next, so SLA deadlines skip them. */
async function holidays(deps: Deps, now: Date): Promise<Set<string>> {
  const day = shanghaiDay(now);
  const months = [day.slice(0, 7), addDays(`${day.slice(0, 7)}-28`, 5).slice(0, 7)];
  const lists = await Promise.all(months.map((m) => deps.rules.listExemptions(deps.districtId, m)));
  return new Set(
    lists
      .flat()
      .filter((e) => !e.branchId)
      .map((e) => e.day),
  );
}

/* ---------------- the writer's side ---------------- */

const PHOTO_URL_SECONDS = 15 * 60;
const photoUrls = (deps: Deps, l: Letter) => Promise.all((l.photos ?? []).map((k) => deps.storage.presignGet(k, PHOTO_URL_SECONDS)));

export async function toMyLetter(deps: Deps, letter: Letter, timeline: TimelineEntry[]): Promise<MyLetter> {
  return {
    id: letter.id,
    queryCode: letter.queryCode,
    branchName: letter.branchName,
    category: letter.category,
    status: letter.status,
    text: letter.text,
    anonymous: letter.anonymous,
    allowPublication: letter.allowPublication,
    callbackRequested: Boolean(letter.sealedPhone),
    createdAt: letter.createdAt,
    ...(letter.rating ? { rating: letter.rating } : {}),
    canRate: letter.status === 'replied',
    reviewed: letter.reviewed,
    photoUrls: await photoUrls(deps, letter),
    timeline: publicTimeline(timeline),
  };
}

/** A presigned POST for one letter photo, filed under the community and day: nothing names the writer. */
export async function presignLetterPhoto(deps: Deps, body: PresignLetterPhotoBody): Promise<PresignedUpload> {
  const branch = await deps.org.getBranch(body.branchId);
  if (!branch || branch.districtId !== deps.districtId) throw invalid('body.branchId', '请选择要写信的社区');
  return presignUpload(
    deps,
    `${UPLOAD_PREFIXES.letter}${branch.id}/${shanghaiDay(deps.clock.now())}`,
    body.contentType,
    UPLOAD_LIMITS.photo,
  );
}

/** Any WeChat user writes, named or anonymous. The account is kept sealed; officials never see it. */
export async function writeLetter(deps: Deps, principal: Principal, body: WriteLetterBody) {
  const branch = await deps.org.getBranch(body.branchId);
  if (!branch || branch.districtId !== deps.districtId) throw invalid('body.branchId', '请选择要写信的社区');
  // Photos are uploaded the same day to the same community (the presign files them so).
  await verifyStoredPhotos(
    deps.storage,
    `letter/${branch.id}/`,
    body.photos.map((key, i) => ({ key, path: `body.photos.${i}`, limit: UPLOAD_LIMITS.photo })),
  );
  const now = deps.clock.now();
  const at = now.toISOString();
  const userId = principal.user.id;
  const letter: Letter = {
    id: deps.ids.next(),
    queryCode: codeFromRandom(deps.randomBytes, 10),
    districtId: branch.districtId,
    townshipId: branch.townshipId,
    branchId: branch.id,
    branchName: branch.name,
    category: body.category,
    text: body.text,
    ...(body.photos.length ? { photos: body.photos } : {}),
    anonymous: body.anonymous,
    allowPublication: body.allowPublication,
    writerName: body.anonymous ? '' : principal.user.displayName,
    sealedWriter: await deps.sealer.seal(userId),
    writerKey: deps.sealer.keyedHash(userId),
    ...(body.callbackPhone ? { sealedPhone: await deps.sealer.seal(body.callbackPhone) } : {}),
    status: 'submitted',
    reviewed: false,
    createdAt: at,
    acceptBy: await deadline(deps, now, 'acceptWorkingDays'),
    version: 1,
  };
  const timeline: TimelineEntry = { at, kind: 'submitted', actor: RESIDENT, internal: false };
  const audit: AuditRecord = { at, actor: 'writer', action: 'submit', from: '', to: 'submitted' };
  const out = await deps.letters.create(letter, {
    idempotencyKey: body.idempotencyKey,
    day: shanghaiDay(now),
    maxPerDay: (await deps.rules.getLetterRules(deps.districtId)).perDayLimit,
    timeline,
    audit,
  });
  const stored = await deps.letters.get(out.letter.id);
  return { kind: out.kind, letter: await toMyLetter(deps, out.letter, stored?.timeline ?? [timeline]) };
}

export async function listMyLetters(deps: Deps, principal: Principal): Promise<MyLetter[]> {
  const mine = await deps.letters.listByWriter(deps.sealer.keyedHash(principal.user.id));
  return Promise.all(mine.map(({ letter, timeline }) => toMyLetter(deps, letter, timeline)));
}

/** Only the writer rates: 不满意 reopens the letter once (复核); any later rating archives it. */
export async function rateLetter(deps: Deps, principal: Principal, letterId: string, body: RateLetterBody): Promise<MyLetter> {
  const found = await deps.letters.get(letterId);
  if (!found || found.letter.writerKey !== deps.sealer.keyedHash(principal.user.id)) throw notFound('信件');
  const { letter } = found;
  const state = nextState(letter, { type: 'rate', rating: body.rating });
  const now = deps.clock.now();
  const at = now.toISOString();
  const next: Letter = {
    ...letter,
    ...state,
    rating: body.rating,
    ...(body.comment ? { ratingComment: body.comment } : {}),
    ...(state.status === 'reopened' ? { replyBy: await deadline(deps, now, 'replyWorkingDays') } : {}),
    version: letter.version + 1,
  };
  const entries: TimelineEntry[] = [
    {
      at,
      kind: 'rated',
      actor: RESIDENT,
      text: body.comment ? `${RATING_LABELS[body.rating]}：${body.comment}` : RATING_LABELS[body.rating],
      internal: false,
    },
    state.status === 'reopened'
      ? { at, kind: 'reopened', actor: RESIDENT, text: '居民不满意，进入复核', internal: false }
      : { at, kind: 'archived', actor: RESIDENT, internal: false },
  ];
  const add = countersFor(letter, state, { type: 'rate', rating: body.rating }, at);
  await deps.letters.transition(
    next,
    letter.version,
    entries,
    { at, actor: 'writer', action: 'rate', from: letter.status, to: state.status },
    [{ townshipId: letter.townshipId, branchId: letter.branchId, month: letterMonth(letter), add }],
  );
  return toMyLetter(deps, next, [...found.timeline, ...entries]);
}

/** Anyone holding the query code follows the progress; the text and the writer stay out. */
export async function trackLetter(deps: Deps, code: string): Promise<LetterTracking> {
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
    timeline: publicTimeline(timeline),
  };
}

/* ---------------- the officials' side ---------------- */

type Access = { level: 'act' | 'read'; binding: Binding };

/**
 * 廉情 letters reach only the township's supervisors (inspectors), never the community they name. Other
 * letters are handled by the community's station; township staff and district admins oversee (read only).
 */
export function accessTo(
  deps: Pick<Deps, 'districtId'>,
  principal: Principal,
  allowed: readonly Role[],
  letter: Letter,
): Access | undefined {
  const bindings = bindingsFor(principal, allowed);
  if (letter.category === 'integrity') {
    const b = bindings.find((x) => x.role === 'inspector' && coversTownship(x, deps.districtId, letter.townshipId));
    return b ? { level: 'act', binding: b } : undefined;
  }
  const handler = bindings.find((x) => x.role === 'station_handler' && x.scope.level === 'branch' && x.scope.branchId === letter.branchId);
  if (handler) return { level: 'act', binding: handler };
  const overseer = bindings.find(
    (x) => (x.role === 'township_staff' || x.role === 'district_admin') && coversTownship(x, deps.districtId, letter.townshipId),
  );
  return overseer ? { level: 'read', binding: overseer } : undefined;
}

async function toCaseLetter(deps: Deps, letter: Letter, timeline: TimelineEntry[], access: Access): Promise<CaseLetter> {
  return {
    id: letter.id,
    queryCode: letter.queryCode,
    branchId: letter.branchId,
    branchName: letter.branchName,
    townshipId: letter.townshipId,
    category: letter.category,
    status: letter.status,
    text: letter.text,
    anonymous: letter.anonymous,
    writerName: letter.anonymous ? '匿名' : letter.writerName,
    // The phone goes only to the handler, and only because the writer asked for a call-back.
    ...(letter.sealedPhone && access.level === 'act' ? { callbackPhone: await deps.sealer.open(letter.sealedPhone) } : {}),
    createdAt: letter.createdAt,
    acceptBy: letter.acceptBy,
    ...(letter.replyBy ? { replyBy: letter.replyBy } : {}),
    reviewed: letter.reviewed,
    ...(letter.rating ? { rating: letter.rating } : {}),
    version: letter.version,
    photoUrls: await photoUrls(deps, letter),
    timeline,
    actions: access.level === 'act' ? allowedActions(letter) : [],
  };
}

/** The moves the state machine allows now; 半月谈 takes accepted (or reopened) letters of a community. */
function allowedActions(letter: Letter): CaseLetter['actions'] {
  const moves = (['accept', 'decline', 'transfer', 'note', 'reply'] as const).filter((type) => {
    try {
      nextState(letter, { type });
      return true;
    } catch {
      return false;
    }
  });
  const schedulable = letter.category !== 'integrity' && (letter.status === 'accepted' || letter.status === 'reopened');
  return schedulable ? [...moves, 'schedule'] : moves;
}

export async function getCase(deps: Deps, principal: Principal, allowed: readonly Role[], letterId: string): Promise<CaseLetter> {
  const found = await deps.letters.get(letterId);
  const access = found && accessTo(deps, principal, allowed, found.letter);
  if (!found || !access) throw notFound('信件');
  return toCaseLetter(deps, found.letter, found.timeline, access);
}

/** The queues the caller's bindings open: a community's, a township's oversight view, or 廉情 by township. */
export async function listCases(deps: Deps, principal: Principal, allowed: readonly Role[], status: 'open' | 'closed' = 'open') {
  const bindings = bindingsFor(principal, allowed);
  const scopes: CaseScope[] = [];
  const allTownships = async () => (await deps.org.listTownships(deps.districtId)).map((t) => t.id);
  for (const b of bindings) {
    const s = b.scope;
    if (b.role === 'station_handler' && s.level === 'branch')
      scopes.push({ kind: 'branch', townshipId: s.townshipId, branchId: s.branchId });
    if (b.role === 'inspector' || b.role === 'township_staff' || b.role === 'district_admin') {
      const reach = reachableTownships([b], deps.districtId);
      const ids = reach === 'all' ? await allTownships() : [...reach];
      for (const t of ids) scopes.push({ kind: b.role === 'inspector' ? 'integrity' : 'township', townshipId: t });
    }
  }
  const lists = await Promise.all(scopes.map((sc) => deps.letters.listCases(sc, status === 'open')));
  const byId = new Map(lists.flat().map((l) => [l.id, l]));
  const now = deps.clock.now().getTime();
  return [...byId.values()]
    .filter((l) => accessTo(deps, principal, allowed, l))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .slice(0, 200)
    .map((l) => ({
      id: l.id,
      queryCode: l.queryCode,
      branchName: l.branchName,
      category: l.category,
      status: l.status,
      excerpt: l.text.slice(0, 60),
      createdAt: l.createdAt,
      acceptBy: l.acceptBy,
      ...(l.replyBy ? { replyBy: l.replyBy } : {}),
      overdue: isOverdue(l, new Date(now)),
    }));
}

/** Accept, decline, transfer, note or reply: the state machine decides what is legal, the version who wins. */
export async function actOnCase(
  deps: Deps,
  principal: Principal,
  allowed: readonly Role[],
  letterId: string,
  body: LetterActionBody,
): Promise<CaseLetter> {
  const found = await deps.letters.get(letterId);
  const access = found && accessTo(deps, principal, allowed, found.letter);
  if (!found || !access) throw notFound('信件');
  if (access.level !== 'act') throw forbiddenRole();
  const { letter } = found;
  if (body.version !== letter.version) throw new DomainError('CONFLICT', '这封信刚被他人处理过，请刷新后重试');
  const event: LetterEvent = { type: body.action };
  const state = nextState(letter, event);
  const now = deps.clock.now();
  const at = now.toISOString();
  const actor = ROLE_LABELS[access.binding.role];
  let next: Letter = { ...letter, ...state, version: letter.version + 1 };
  let entry: TimelineEntry;
  switch (body.action) {
    case 'accept':
      next = { ...next, replyBy: await deadline(deps, now, 'replyWorkingDays') };
      entry = { at, kind: 'accepted', actor, ...(body.note ? { text: body.note } : {}), internal: false };
      break;
    case 'decline':
      entry = { at, kind: 'declined', actor, text: body.reason, internal: false };
      break;
    case 'transfer': {
      const to = await deps.org.getBranch(body.toBranchId);
      if (!to || to.districtId !== deps.districtId) throw invalid('body.toBranchId', '转办对象不存在');
      if (to.id === letter.branchId) throw invalid('body.toBranchId', '不能转给本单位');
      next = {
        ...next,
        branchId: to.id,
        branchName: to.name,
        townshipId: to.townshipId,
        acceptBy: await deadline(deps, now, 'acceptWorkingDays'),
      };
      delete next.replyBy;
      entry = { at, kind: 'transferred', actor, text: `转至${to.name}：${body.reason}`, internal: false };
      break;
    }
    case 'note':
      entry = { at, kind: 'note', actor, text: body.text, internal: body.internal };
      break;
    case 'reply':
      next = { ...next, lastReply: body.text, repliedAt: at };
      entry = { at, kind: 'replied', actor, text: body.text, internal: false };
      break;
  }
  const month = letterMonth(letter);
  const counters = [{ townshipId: letter.townshipId, branchId: letter.branchId, month, add: countersFor(letter, next, event, at) }];
  // The receiving community counts the letter as received too.
  if (body.action === 'transfer') counters.push({ townshipId: next.townshipId, branchId: next.branchId, month, add: { received: 1 } });
  await deps.letters.transition(
    next,
    letter.version,
    [entry],
    { at, actor: principal.user.id, action: body.action, from: letter.status, to: next.status },
    counters,
  );
  return toCaseLetter(deps, next, [...found.timeline, entry], access);
}
