import { LIAISON_REVIEW_STATUSES, type LiaisonReviewStatus, type LiaisonTownship, STARS, type Star } from '@chuangxing/shared';
import type { FindingFact } from '../inspections/inspections.readers';
import type { Branch } from '../org/org.readers';
import type { StarApplicationRecord, StarHoldingRecord } from '../stars/stars.readers';
import { candidateView, type StoredCandidate, type StoredVisit, visitView } from './liaison';

/** The review steps a leader follows: 初审, 复审 and 公示. */
export const UNDER_REVIEW = LIAISON_REVIEW_STATUSES;
const underReview = (a: StarApplicationRecord): a is StarApplicationRecord & { status: LiaisonReviewStatus } =>
  (UNDER_REVIEW as readonly string[]).includes(a.status);

/** A star counts today when it was held by today and not withdrawn by today. */
export const heldToday = (h: StarHoldingRecord, today: string) => h.heldFrom <= today && !(h.withdrawnOn && h.withdrawnOn <= today);

const overdue = (f: FindingFact, today: string) => f.status !== 'closed' && f.deadline < today;
const starOrder = (s: Star) => STARS.indexOf(s);

export interface TownshipSources {
  township: { id: string; name: string };
  branches: Branch[];
  holdings: StarHoldingRecord[];
  /** Applications under review of this township (others are ignored). */
  applications: StarApplicationRecord[];
  findings: FindingFact[];
  candidates: StoredCandidate[];
  visits: StoredVisit[];
}

/** One township of a leader's home, from what each source answered (pure; the use case does the reads). */
export function liaisonTownship(s: TownshipSources, today: string): LiaisonTownship {
  const names = new Map(s.branches.map((b) => [b.id, b.name]));
  const mine = (branchId: string) => names.has(branchId);
  const held = s.holdings.filter((h) => mine(h.branchId) && heldToday(h, today));
  const late = s.findings.filter((f) => mine(f.branchId) && overdue(f, today));
  const active = s.candidates.filter((c) => c.status === 'active' && mine(c.branchId));
  const apps = s.applications.filter(underReview).filter((a) => a.townshipId === s.township.id);
  const count = (status: LiaisonReviewStatus) => apps.filter((a) => a.status === status).length;
  return {
    id: s.township.id,
    name: s.township.name,
    branches: [...s.branches]
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN'))
      .map((b) => ({
        id: b.id,
        name: b.name,
        stars: held
          .filter((h) => h.branchId === b.id)
          .map((h) => h.star)
          .sort((x, y) => starOrder(x) - starOrder(y)),
        overdueFindings: late.filter((f) => f.branchId === b.id).length,
        candidate: active.some((c) => c.branchId === b.id),
      })),
    underReview: {
      township_review: count('township_review'),
      district_review: count('district_review'),
      publicity: count('publicity'),
      items: apps
        .sort((a, b) => UNDER_REVIEW.indexOf(a.status) - UNDER_REVIEW.indexOf(b.status) || a.submittedAt.localeCompare(b.submittedAt))
        .map((a) => ({ id: a.id, branchId: a.branchId, branchName: a.branchName, star: a.star, status: a.status })),
    },
    candidates: active.map(candidateView),
    overdueFindings: late
      .sort((a, b) => a.deadline.localeCompare(b.deadline))
      .map((f) => ({ branchId: f.branchId, branchName: names.get(f.branchId) ?? '', star: f.star, deadline: f.deadline })),
    recentVisits: [...s.visits].sort((a, b) => b.date.localeCompare(a.date) || b.recordedAt.localeCompare(a.recordedAt)).map(visitView),
  };
}
