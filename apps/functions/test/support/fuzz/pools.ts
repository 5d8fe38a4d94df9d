import fc from 'fast-check';
import { DEMO } from '../test-stack';
import { arbitraryOf, type Pools, type Schema } from './schema-arbitrary';

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Ids of the demo seed, by the name they go under in paths and bodies. */
const SEEDED: Record<string, string[]> = {
  branchId: ['yingtaogou', 'jianxinnanjie', 'demo-gwh-b02'],
  townshipId: ['wulibao', 'dehuajie', 'demo-gwh'],
  districtId: ['erqi'],
  userId: Object.values(DEMO),
  observerId: Object.values(DEMO),
  bindingId: ['demo-cadre-b1'],
  questionId: ['demo-q01', 'demo-q02'],
  newsId: ['demo-news-1'],
  taskId: ['industry-t1', 'branch_strong-t1'],
};

/**
 * What the run has seen: the seed's ids, and every id a successful answer carried, filed under its property
 * name (`branchId`), and a new resource's `id` also under the path parameter that names it
 * (`POST /v1/observations` → `observationId`), so later requests reach what earlier ones made.
 */
export function createPools(): Pools & {
  harvest(path: string, body: unknown): void;
  sample(name: string, schema: Schema): string;
  setParamNames(paths: string[]): void;
} {
  const seen = new Map<string, Set<string>>(Object.entries(SEEDED).map(([k, v]) => [k, new Set(v)]));
  const paramOfCollection = new Map<string, string>();
  const add = (name: string, value: string) => {
    if (!ID.test(value)) return;
    const set = seen.get(name) ?? new Set<string>();
    seen.set(name, set);
    if (set.size < 200) set.add(value);
  };
  const walk = (value: unknown, idName: string | undefined) => {
    if (Array.isArray(value)) for (const v of value) walk(v, idName);
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (typeof v === 'string' && (k === 'id' || k.endsWith('Id'))) {
          add(k, v);
          if (k === 'id' && idName) add(idName, v);
        } else if (typeof v === 'string' && k === 'queryCode') add('code', v);
        else walk(v, undefined);
      }
    }
  };
  return {
    pick(name) {
      const own = name ? [...(seen.get(name) ?? [])] : [];
      return own.length ? own : [...(seen.get('id') ?? [])].slice(0, 50);
    },
    harvest(path, body) {
      walk(body, paramOfCollection.get(path));
    },
    sample(name, schema) {
      const own = [...(seen.get(name) ?? [])];
      return own.length ? own[0] : String(fc.sample(arbitraryOf(schema, this), { seed: 1, numRuns: 1 })[0]);
    },
    setParamNames(paths) {
      for (const p of paths) {
        const m = /^(.*)\/\{(\w+)\}$/.exec(p);
        if (m && !m[1].includes('{')) paramOfCollection.set(m[1], m[2]);
      }
    },
  };
}
