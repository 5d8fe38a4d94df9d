import type { Branch, CatalogueStar, InspectionDraft } from '@chuangxing/shared';
import { api } from '../../../../services/api';
import { expectStatus } from '../../../../services/api-failure';
import type { inspectorTownships } from '../../inspect-form';

export interface Loaded {
  draft?: InspectionDraft;
  branch?: Branch;
  townships: { id: string; name: string }[];
  catalogue: { rural: CatalogueStar[]; community: CatalogueStar[] };
}

/** The draft (when editing one) with its branch, the townships the inspector may visit, and the veto items of the catalogue. */
export async function loadInspection(draftId: string | undefined, inspector: ReturnType<typeof inspectorTownships>): Promise<Loaded> {
  const [draft, tree, catalogue] = await Promise.all([
    draftId ? api.getInspectionDraft({ params: { draftId } }).then((r) => expectStatus(r, 200)) : Promise.resolve(undefined),
    api.getOrgTree({}).then((r) => expectStatus(r, 200)),
    api.getCatalogue({}).then((r) => expectStatus(r, 200)),
  ]);
  const branch = draft ? expectStatus(await api.getBranch({ params: { branchId: draft.content.branchId } }), 200).branch : undefined;
  const townships = tree.townships.filter((t) => inspector === 'all' || inspector.includes(t.id)).map((t) => ({ id: t.id, name: t.name }));
  return { draft, branch, townships, catalogue: catalogue.content };
}
