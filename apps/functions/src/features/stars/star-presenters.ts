import type { StarApplicationDetail, StarApplicationSummary } from '@chuangxing/shared';
import { movesFor, type StarActor, type StoredStarApplication, type StoredStarEvent } from './star-application';
import type { StarsPorts } from './stars.ports';

/** Evidence photos are read through short-lived URLs. */
const PHOTO_URL_SECONDS = 15 * 60;

export function summaryOf(a: StoredStarApplication): StarApplicationSummary {
  return {
    id: a.id,
    branchId: a.branchId,
    branchName: a.branchName,
    townshipId: a.townshipId,
    star: a.star,
    status: a.status,
    catalogueVersion: a.catalogueVersion,
    met: a.items.filter((i) => i.met).length,
    total: a.items.length,
    version: a.version,
    submittedAt: a.submittedAt,
    updatedAt: a.updatedAt,
    ...(a.publicityFrom ? { publicityFrom: a.publicityFrom } : {}),
    ...(a.publicityUntil ? { publicityUntil: a.publicityUntil } : {}),
    ...(a.awardedAt ? { awardedAt: a.awardedAt } : {}),
    ...(a.openObjections ? { openObjections: a.openObjections } : {}),
  };
}

export async function detailOf(
  deps: Pick<StarsPorts, 'storage'>,
  a: StoredStarApplication,
  history: StoredStarEvent[],
  actors: readonly StarActor[],
  canReadContext: boolean,
): Promise<StarApplicationDetail> {
  return {
    application: summaryOf(a),
    items: await Promise.all(
      a.items.map(async (i) => ({
        itemId: i.itemId,
        kind: i.kind,
        title: i.title,
        met: i.met,
        note: i.note,
        photos: i.photos,
        photoUrls: await Promise.all(i.photos.map((k) => deps.storage.presignGet(k, PHOTO_URL_SECONDS))),
        ...(i.returnReason ? { returnReason: i.returnReason } : {}),
      })),
    ),
    history: history.map((e) => ({
      at: e.at,
      version: e.version,
      kind: e.kind,
      actorName: e.actorName,
      ...(e.note ? { note: e.note } : {}),
      ...(e.reasons?.length ? { reasons: e.reasons } : {}),
    })),
    actions: movesFor(a.status, actors),
    canReadContext,
  };
}
