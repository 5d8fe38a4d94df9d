import type { BranchType, Catalogue, CatalogueStar, Star } from '@chuangxing/shared';
import { useEffect, useState } from 'react';
import { api } from '../../../services/api';
import { sessionStore } from '../../../services/session-store';

type CatalogueTask = CatalogueStar['tasks'][number];

/** The catalogue in force, fetched once per signed-in user and kept in memory; a failed read is tried again next time. */
let cached: { token: string; catalogue: Promise<Catalogue | undefined> } | undefined;

export function loadCatalogue(): Promise<Catalogue | undefined> {
  const token = sessionStore.token() ?? '';
  if (!cached || cached.token !== token) {
    const catalogue = api.getCatalogue({}).then(
      (res) => (res.status === 200 ? res.body : undefined),
      () => undefined,
    );
    const entry = { token, catalogue };
    cached = entry;
    catalogue.then((c) => {
      if (!c && cached === entry) cached = undefined;
    });
  }
  return cached.catalogue;
}

/** Tests: forget the cached catalogue. */
export function resetCatalogueCache(): void {
  cached = undefined;
}

/** The catalogue for a page, or undefined while loading, offline or refused: key tasks are optional. */
export function useCatalogue(enabled = true): Catalogue | undefined {
  const [catalogue, setCatalogue] = useState<Catalogue>();
  useEffect(() => {
    if (!enabled) return undefined;
    let live = true;
    loadCatalogue().then((c) => {
      if (live) setCatalogue(c);
    });
    return () => {
      live = false;
    };
  }, [enabled]);
  return catalogue;
}

/** The key tasks of one star of the branch type's set (none before a star is chosen). */
export function tasksFor(catalogue: Catalogue | undefined, type: BranchType, star: Star | undefined): readonly CatalogueTask[] {
  if (!catalogue || !star) return [];
  return catalogue.content[type].find((s) => s.star === star)?.tasks ?? [];
}

/** A task's title by id, looked up in the branch type's set first. */
export function taskTitle(catalogue: Catalogue | undefined, type: BranchType, taskId: string): string | undefined {
  if (!catalogue) return undefined;
  const other: BranchType = type === 'rural' ? 'community' : 'rural';
  for (const set of [catalogue.content[type], catalogue.content[other]]) {
    for (const s of set) {
      const task = s.tasks.find((t) => t.id === taskId);
      if (task) return task.title;
    }
  }
  return undefined;
}
