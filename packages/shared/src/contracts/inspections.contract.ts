import '../zod-config';
import * as z from 'zod/mini';
import { Star } from '../enums';
import { ErrorBody } from '../errors';
import { defineRoute, rolesAccess } from '../route';
import {
  BranchPath,
  DayKey,
  Id,
  IsoDateTime,
  PHOTO_CONTENT_TYPES,
  PresignedUpload,
  TownshipPath,
  UPLOAD_LIMITS,
  uniqueItems,
} from './common.contract';
import { userText } from './user-text';

/**
 * 四不两直 unannounced inspections and the 问题清单 they leave behind. An inspector keeps drafts that only the
 * author can ever read; recording one writes the visit and turns every finding into a 问题清单 item of the branch.
 */
export const INSPECTION_LIMITS = { photos: 9, findings: 20 } as const;

export const FINDING_STATUSES = ['open', 'fix_submitted', 'closed'] as const;
export const FindingStatus = z.enum(FINDING_STATUSES);
export type FindingStatus = z.infer<typeof FindingStatus>;
export const FINDING_STATUS_LABELS: Record<FindingStatus, string> = { open: '待整改', fix_submitted: '待销号', closed: '已销号' };

/** Photos of a visit sit under the branch: `inspection/{branchId}/{ulid}.jpg`; a fix's under `inspection-fix/{branchId}/`. */
export const InspectionPhotoKey = z
  .string()
  .check(z.regex(/^inspection\/[A-Za-z0-9_-]{1,64}\/[A-Za-z0-9]{10,40}\.(jpg|png|webp)$/, '照片编号无效'));
export const FixPhotoKey = z
  .string()
  .check(z.regex(/^inspection-fix\/[A-Za-z0-9_-]{1,64}\/[A-Za-z0-9]{10,40}\.(jpg|png|webp)$/, '照片编号无效'));

/** Drafts may leave texts empty; recording requires them (the server names every missing field). */
const Text = (max: number) => userText({ max, multiline: true });
const Required = (max: number, empty: string) => userText({ min: 1, max, empty, multiline: true });

export const FindingInput = z.strictObject({
  /** One star of the branch's set. */
  star: Star,
  description: Text(300),
  /** The person at the branch who must fix it (name or role). */
  owner: Text(30),
  /** 整改时限: a Shanghai day. */
  deadline: DayKey,
  /** A veto item of that star in the catalogue in force: a 一票否决 hit. */
  vetoItemId: z.optional(Id),
});
export type FindingInput = z.infer<typeof FindingInput>;

export const InspectionContent = z.strictObject({
  branchId: Id,
  visitedAt: IsoDateTime,
  location: Text(100),
  photos: uniqueItems(z.array(InspectionPhotoKey).check(z.maxLength(INSPECTION_LIMITS.photos, `最多 ${INSPECTION_LIMITS.photos} 张`))),
  summary: Text(1000),
  findings: z.array(FindingInput).check(z.maxLength(INSPECTION_LIMITS.findings, `最多 ${INSPECTION_LIMITS.findings} 个问题`)),
});
export type InspectionContent = z.infer<typeof InspectionContent>;

export const InspectionDraft = z.object({
  id: Id,
  content: InspectionContent,
  branchName: z.string(),
  townshipId: Id,
  /** Presigned URLs of the draft's photos, in order. */
  photoUrls: z.array(z.string()),
  version: z.int(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type InspectionDraft = z.infer<typeof InspectionDraft>;

export const InspectionDraftPath = z.strictObject({ draftId: Id });
export const CreateInspectionDraftBody = z.strictObject({ content: InspectionContent });
export const SaveInspectionDraftBody = z.strictObject({ content: InspectionContent, version: z.int().check(z.minimum(1)) });
export const RecordInspectionBody = z.strictObject({ version: z.int().check(z.minimum(1)) });

/** A 问题清单 item as lists show it; `overdue`: the deadline has passed (Asia/Shanghai) and it is not closed. */
export const FindingRow = z.object({
  id: Id,
  inspectionId: Id,
  branchId: Id,
  branchName: z.string(),
  townshipId: Id,
  star: Star,
  description: z.string(),
  owner: z.string(),
  deadline: DayKey,
  vetoItemId: z.optional(Id),
  vetoText: z.optional(z.string()),
  status: FindingStatus,
  overdue: z.boolean(),
  version: z.int(),
  createdAt: IsoDateTime,
  closedAt: z.optional(IsoDateTime),
});
export type FindingRow = z.infer<typeof FindingRow>;

export const FINDING_EVENT_KINDS = ['recorded', 'fix_submitted', 'closed', 'rejected'] as const;
export const FINDING_EVENT_LABELS: Record<(typeof FINDING_EVENT_KINDS)[number], string> = {
  recorded: '督导发现问题',
  fix_submitted: '提交整改',
  closed: '销号',
  rejected: '退回重改',
};
export const FindingEvent = z.object({
  at: IsoDateTime,
  kind: z.enum(FINDING_EVENT_KINDS),
  actorName: z.string(),
  text: z.optional(z.string()),
  photoUrls: z.optional(z.array(z.string())),
});
export type FindingEvent = z.infer<typeof FindingEvent>;

export const FindingDetail = z.object({
  finding: FindingRow,
  /** The visit it came from (without the inspector's other findings). */
  inspection: z.object({
    id: Id,
    visitedAt: IsoDateTime,
    location: z.string(),
    summary: z.string(),
    inspectorName: z.string(),
    photoUrls: z.array(z.string()),
  }),
  /** Oldest first: recorded, each fix, each 退回 with its reason, the 销号 with its note. */
  history: z.array(FindingEvent),
  /** What the caller may do now: the branch submits a fix; an inspector in scope closes (销号) or returns it. */
  actions: z.array(z.enum(['submit_fix', 'close', 'reject'])),
});
export type FindingDetail = z.infer<typeof FindingDetail>;

export const StarCounts = z.object({ star: Star, open: z.int(), overdue: z.int(), closed: z.int() });
export type StarCounts = z.infer<typeof StarCounts>;

export const BranchFindings = z.object({
  branchId: Id,
  branchName: z.string(),
  findings: z.array(FindingRow),
  /** Per star of the branch's set: open (not closed) and overdue findings. */
  stars: z.array(StarCounts),
});
export type BranchFindings = z.infer<typeof BranchFindings>;

export const FINDING_FILTERS = ['all', 'open', 'overdue', 'closed'] as const;
export const FindingFilter = z.enum(FINDING_FILTERS);
export type FindingFilter = z.infer<typeof FindingFilter>;
export const TownshipFindingsQuery = z.strictObject({ status: z._default(FindingFilter, 'all') });
export const TownshipFindings = z.object({
  townshipId: Id,
  filter: FindingFilter,
  /** Findings matching the filter, overdue first, then by deadline. */
  findings: z.array(FindingRow),
  /** Every branch with findings, with its per-star open and overdue counts (regardless of the filter). */
  branches: z.array(z.object({ branchId: Id, branchName: z.string(), stars: z.array(StarCounts) })),
});
export type TownshipFindings = z.infer<typeof TownshipFindings>;

export const FindingPath = z.strictObject({ findingId: Id });
export const FindingActionBody = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('submit_fix'),
    version: z.int().check(z.minimum(1)),
    text: Required(500, '请写明整改情况'),
    photos: z._default(
      uniqueItems(z.array(FixPhotoKey).check(z.maxLength(INSPECTION_LIMITS.photos, `最多 ${INSPECTION_LIMITS.photos} 张`))),
      [],
    ),
  }),
  z.strictObject({ action: z.literal('close'), version: z.int().check(z.minimum(1)), note: Required(200, '请填写销号意见') }),
  z.strictObject({ action: z.literal('reject'), version: z.int().check(z.minimum(1)), reason: Required(200, '请填写退回原因') }),
]);
export type FindingActionBody = z.infer<typeof FindingActionBody>;

export const InspectionSummary = z.object({
  id: Id,
  branchId: Id,
  branchName: z.string(),
  visitedAt: IsoDateTime,
  findings: z.int(),
  /** Drafts: when last saved; recorded: when recorded. */
  at: IsoDateTime,
  version: z.optional(z.int()),
});
export const InspectionList = z.object({ drafts: z.array(InspectionSummary), recorded: z.array(InspectionSummary) });
export type InspectionList = z.infer<typeof InspectionList>;

export const RecordedInspection = z.object({
  id: Id,
  branchId: Id,
  branchName: z.string(),
  townshipId: Id,
  visitedAt: IsoDateTime,
  location: z.string(),
  summary: z.string(),
  inspectorName: z.string(),
  recordedAt: IsoDateTime,
  findings: z.array(FindingRow),
  /** The branch's cadres and secretary who were notified. */
  notified: z.int(),
});
export type RecordedInspection = z.infer<typeof RecordedInspection>;

export const PresignInspectionPhotoBody = z.strictObject({
  /** `inspection`: an inspector's visit photo; `fix`: the branch's evidence of a fix. */
  purpose: z.enum(['inspection', 'fix']),
  branchId: Id,
  contentType: z.enum(PHOTO_CONTENT_TYPES),
  size: z.int().check(z.minimum(1), z.maximum(UPLOAD_LIMITS.photo)),
});
export type PresignInspectionPhotoBody = z.infer<typeof PresignInspectionPhotoBody>;

/* ---------- routes ---------- */

/** 四不两直 inspections and the 问题清单 they leave behind. */
export const inspectionsRoutes = {
  listInspections: defineRoute({
    method: 'GET',
    path: '/v1/inspections',
    summary: '四不两直: the caller’s own drafts (seen by no one else) and the visits they recorded',
    access: rolesAccess('inspector'),
    responses: { 200: InspectionList },
  }),
  createInspectionDraft: defineRoute({
    method: 'POST',
    path: '/v1/inspections/drafts',
    summary: 'Start a draft of an unannounced visit to a branch in the inspector’s scope (the branch is not told)',
    access: rolesAccess('inspector'),
    body: CreateInspectionDraftBody,
    responses: { 201: InspectionDraft },
  }),
  getInspectionDraft: defineRoute({
    method: 'GET',
    path: '/v1/inspections/drafts/{draftId}',
    summary: 'One of the caller’s own drafts (anyone else’s is 404)',
    access: rolesAccess('inspector'),
    params: InspectionDraftPath,
    responses: { 200: InspectionDraft },
  }),
  saveInspectionDraft: defineRoute({
    method: 'PUT',
    path: '/v1/inspections/drafts/{draftId}',
    summary: 'Save a draft (optimistic on its version)',
    access: rolesAccess('inspector'),
    params: InspectionDraftPath,
    body: SaveInspectionDraftBody,
    responses: { 200: InspectionDraft, 409: ErrorBody },
  }),
  deleteInspectionDraft: defineRoute({
    method: 'DELETE',
    path: '/v1/inspections/drafts/{draftId}',
    summary: 'Discard one of the caller’s drafts; answers the list without it',
    access: rolesAccess('inspector'),
    params: InspectionDraftPath,
    responses: { 200: InspectionList },
  }),
  recordInspection: defineRoute({
    method: 'POST',
    path: '/v1/inspections/drafts/{draftId}/record',
    summary:
      'Record the visit: one transaction writes it and its 问题清单 items, then the branch’s cadres are notified (a retry answers the same visit)',
    access: rolesAccess('inspector'),
    params: InspectionDraftPath,
    body: RecordInspectionBody,
    responses: { 201: RecordedInspection, 409: ErrorBody },
  }),
  presignInspectionPhoto: defineRoute({
    method: 'POST',
    path: '/v1/uploads/inspection-photos',
    summary: 'A presigned POST for one visit photo (inspectors in scope) or fix photo (the branch’s own cadres), ≤ 2 MB',
    access: rolesAccess('inspector', 'cadre', 'secretary'),
    body: PresignInspectionPhotoBody,
    responses: { 200: PresignedUpload },
  }),
  listBranchFindings: defineRoute({
    method: 'GET',
    path: '/v1/branches/{branchId}/findings',
    summary: '问题清单 of a branch (recorded findings only), overdue flagged, with per-star open and overdue counts',
    access: rolesAccess('cadre', 'secretary', 'township_staff', 'leader', 'inspector', 'district_admin'),
    params: BranchPath,
    responses: { 200: BranchFindings },
  }),
  listTownshipFindings: defineRoute({
    method: 'GET',
    path: '/v1/townships/{townshipId}/findings',
    summary: '整改督办: a township’s findings (all, open, overdue or closed) and per branch per star counts',
    access: rolesAccess('township_staff', 'leader', 'inspector', 'district_admin'),
    params: TownshipPath,
    query: TownshipFindingsQuery,
    responses: { 200: TownshipFindings },
  }),
  getFinding: defineRoute({
    method: 'GET',
    path: '/v1/findings/{findingId}',
    summary: 'A 问题清单 item with its visit, its history (fixes, 退回, 销号) and the moves the caller may make',
    access: rolesAccess('cadre', 'secretary', 'township_staff', 'leader', 'inspector', 'district_admin'),
    params: FindingPath,
    responses: { 200: FindingDetail },
  }),
  actOnFinding: defineRoute({
    method: 'POST',
    path: '/v1/findings/{findingId}/actions',
    summary: 'The branch submits a fix; an inspector in scope closes it (销号) or returns it with a reason (versioned)',
    access: rolesAccess('cadre', 'secretary', 'inspector'),
    params: FindingPath,
    body: FindingActionBody,
    responses: { 200: FindingDetail, 409: ErrorBody },
  }),
} as const;
