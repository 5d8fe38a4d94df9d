import '../zod-config';
import * as z from 'zod/mini';
import { BRANCH_TYPES, OFFICIAL_ROLES, ROLES, STAR_SETS, Star } from '../enums';
import { ErrorBody } from '../errors';
import { defineRoute, rolesAccess } from '../route';
import { Id, IsoDateTime, intParam } from './common.contract';
import { userText } from './user-text';

/** 创星 standards: each branch type's five stars with their key tasks (重点任务) and veto items (否决项). */
export const CatalogueTask = z.strictObject({
  id: Id,
  title: userText({ min: 2, max: 60, empty: '请填写任务名称' }),
});
export const CatalogueVeto = z.strictObject({
  id: Id,
  text: userText({ min: 2, max: 100, empty: '请填写否决项' }),
});
export const CatalogueStar = z.strictObject({
  star: Star,
  tasks: z.array(CatalogueTask).check(z.minLength(1, '每颗星至少一项重点任务'), z.maxLength(20)),
  vetoes: z.array(CatalogueVeto).check(z.maxLength(10)),
});
export type CatalogueStar = z.infer<typeof CatalogueStar>;

/** Both star sets, each exactly the stars its branch type holds, in order; ids unique across the catalogue. */
export const CatalogueContent = z.strictObject({ rural: z.array(CatalogueStar), community: z.array(CatalogueStar) }).check(
  z.superRefine((c, ctx) => {
    for (const type of BRANCH_TYPES) {
      const stars = c[type].map((s) => s.star);
      if (stars.join() !== STAR_SETS[type].join()) {
        ctx.addIssue({
          code: 'custom',
          path: [type],
          message: `${type === 'rural' ? '农村' : '社区'}星级应依次为：${STAR_SETS[type].join('、')}`,
        });
      }
    }
    const ids = [...c.rural, ...c.community].flatMap((s) => [...s.tasks.map((t) => t.id), ...s.vetoes.map((v) => v.id)]);
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id) && !isSharedStar(c, id)) ctx.addIssue({ code: 'custom', path: ['ids'], message: `编号重复：${id}` });
      seen.add(id);
    }
  }),
);
export type CatalogueContent = z.infer<typeof CatalogueContent>;

/** 支部过硬星 and 平安法治星 are in both sets, so their ids may appear once in each. */
function isSharedStar(c: { rural: CatalogueStar[]; community: CatalogueStar[] }, id: string): boolean {
  const inSet = (set: CatalogueStar[]) =>
    set.filter((s) => s.tasks.some((t) => t.id === id) || s.vetoes.some((v) => v.id === id)).map((s) => s.star);
  const r = inSet(c.rural);
  const m = inSet(c.community);
  return r.length === 1 && m.length === 1 && r[0] === m[0];
}

export const CatalogueCounts = z.object({ rural: z.int(), community: z.int() });

/** A published version: immutable; plans refer to it by number. */
export const Catalogue = z.object({
  version: z.int(),
  content: CatalogueContent,
  counts: CatalogueCounts,
  publishedAt: IsoDateTime,
  /** 示例标准（可配置） until a district publishes its own. */
  note: z.string(),
});
export type Catalogue = z.infer<typeof Catalogue>;

export const CatalogueVersionList = z.object({
  versions: z.array(z.object({ version: z.int(), publishedAt: IsoDateTime, counts: CatalogueCounts, note: z.string() })),
});

export const CatalogueDraft = z.object({
  /** Bumped on every save; a save or publish from a stale revision gets 409. */
  revision: z.int(),
  basedOnVersion: z.int(),
  content: CatalogueContent,
  counts: CatalogueCounts,
  updatedAt: z.optional(IsoDateTime),
});
export type CatalogueDraft = z.infer<typeof CatalogueDraft>;

export const PutCatalogueDraftBody = z.strictObject({ content: CatalogueContent, revision: z.int().check(z.minimum(0)) });
export const PublishCatalogueBody = z.strictObject({
  revision: z.int().check(z.minimum(0)),
  note: userText({ min: 2, max: 100, empty: '请填写版本说明' }),
});
export const CatalogueVersionPath = z.strictObject({ version: intParam(1) });

/* ---------- routes ---------- */

/** The star catalogue: the version in force, published versions, and the district admin's draft. */
export const catalogueRoutes = {
  getCatalogue: defineRoute({
    method: 'GET',
    path: '/v1/catalogue',
    summary: 'The star catalogue in force: both star sets with their key tasks and veto items',
    access: rolesAccess(...ROLES),
    responses: { 200: Catalogue },
  }),
  listCatalogueVersions: defineRoute({
    method: 'GET',
    path: '/v1/catalogue/versions',
    summary: 'Every published catalogue version, newest first',
    access: rolesAccess(...OFFICIAL_ROLES),
    responses: { 200: CatalogueVersionList },
  }),
  getCatalogueVersion: defineRoute({
    method: 'GET',
    path: '/v1/catalogue/versions/{version}',
    summary: 'One published (immutable) catalogue version',
    access: rolesAccess(...ROLES),
    params: CatalogueVersionPath,
    responses: { 200: Catalogue },
  }),
  getCatalogueDraft: defineRoute({
    method: 'GET',
    path: '/v1/catalogue/draft',
    summary: 'The district admin’s working draft (the version in force when none was saved)',
    access: rolesAccess('district_admin'),
    responses: { 200: CatalogueDraft },
  }),
  putCatalogueDraft: defineRoute({
    method: 'PUT',
    path: '/v1/catalogue/draft',
    summary: 'Save the draft (optimistic on its revision)',
    access: rolesAccess('district_admin'),
    body: PutCatalogueDraftBody,
    responses: { 200: CatalogueDraft, 409: ErrorBody },
  }),
  publishCatalogue: defineRoute({
    method: 'POST',
    path: '/v1/catalogue/publish',
    summary: 'Publish the draft as the next immutable version',
    access: rolesAccess('district_admin'),
    body: PublishCatalogueBody,
    responses: { 201: Catalogue, 409: ErrorBody },
  }),
} as const;
