import { type RouteDef, type RouteName, routes } from '@chuangxing/shared';
import { describe, expect, it } from 'vitest';
import { implementations } from '../../src/handlers/all-routes';
import { coreImplementations } from '../../src/handlers/core-routes';
import { learningImplementations } from '../../src/handlers/learning-routes';
import { rankingImplementations } from '../../src/handlers/rankings-routes';
import { API_CONTEXTS, type ApiContext, contextOfPath } from '../../src/handlers/route-contexts';

const contract = Object.entries(routes as Record<RouteName, RouteDef>) as [RouteName, RouteDef][];
const sets: Record<ApiContext, Record<string, unknown>> = {
  core: coreImplementations,
  rankings: rankingImplementations,
  learning: learningImplementations,
};

describe('route → context map', () => {
  it('puts every contract route in exactly one context, and its implementation in that context’s set only', () => {
    for (const [name, route] of contract) {
      const owners = API_CONTEXTS.filter((c) => name in sets[c]);
      expect(owners, `${name} ${route.path}`).toEqual([contextOfPath(route.path)]);
    }
    // A routes module may export a helper too; only route names count.
    const implemented = API_CONTEXTS.flatMap((c) => Object.keys(sets[c]).filter((k) => k in routes));
    expect(implemented.sort()).toEqual(contract.map(([name]) => name).sort());
    expect(
      Object.keys(implementations)
        .filter((k) => k in routes)
        .sort(),
    ).toEqual(implemented);
  });

  it('keeps the local-only routes in core, and splits the contract into the three contexts', () => {
    const local = contract.filter(([, r]) => r.localOnly);
    expect(local.length).toBeGreaterThan(0);
    for (const [, r] of local) expect(contextOfPath(r.path)).toBe('core');
    const byContext = (c: ApiContext) => contract.filter(([, r]) => contextOfPath(r.path) === c).map(([n]) => n);
    expect(byContext('rankings')).toEqual(
      expect.arrayContaining(['getScoringModel', 'publishScoringModel', 'getRanking', 'exportRanking']),
    );
    expect(byContext('learning')).toEqual(expect.arrayContaining(['listQuestions', 'createQuestionnaire', 'listNews', 'presignNewsPhoto']));
    expect(byContext('core')).toEqual(expect.arrayContaining(['health', 'getMe', 'devLogin', 'presignPhoto', 'writeLetter', 'getPlan']));
  });

  it('matches whole path segments only', () => {
    expect(contextOfPath('/v1/news')).toBe('learning');
    expect(contextOfPath('/v1/news/{newsId}')).toBe('learning');
    expect(contextOfPath('/v1/newsletter')).toBe('core');
    expect(contextOfPath('/v1/uploads/photos')).toBe('core');
    expect(contextOfPath('/v1/scoringx')).toBe('core');
  });
});
