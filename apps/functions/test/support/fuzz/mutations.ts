import fc from 'fast-check';
import type { Schema } from './schema-arbitrary';

/** What a careless or hostile client sends in place of a valid value. */
const BAD_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\u001a\u001c\u0002',
  'a\u0007b',
  '\r\n',
  '\ud800',
  '\u0378',
  'x'.repeat(70),
  '长'.repeat(5001),
  '0000-00-00',
  '1626-02-80',
  '2026-02-30',
  '2025-02-29',
  '1999-12-31',
  '2100-01-01',
  '0000-Q1',
  '1969-Q4',
  '2026-Q5',
  '2026-13',
  '../..',
  'bad id!',
  '<script>',
  '１２',
  'NaN',
];
const BAD_NUMBERS = [-1, 0, 1.5, -0.5, 1e21, 2 ** 53, 101, 9999, Number.MAX_SAFE_INTEGER];
const BAD_VALUES: unknown[] = [null, true, [], {}, [null], { x: 1 }, 'x', 0];

/** A small deterministic generator, seeded by fast-check, for choosing where and how to break a value. */
function chooser(seed: number) {
  let s = seed >>> 0 || 1;
  return <T>(items: readonly T[]): T => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return items[s % items.length];
  };
}

type Path = (string | number)[];

/** Every place in a value, with the schema that describes it (as far as the schema's shape shows). */
function places(value: unknown, schema: Schema, path: Path = []): { path: Path; value: unknown; schema: Schema }[] {
  const out = [{ path, value, schema }];
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) out.push(...places(v, (schema.items as Schema) ?? {}, [...path, i]));
  } else if (value && typeof value === 'object') {
    const props = (schema.properties ?? {}) as Record<string, Schema>;
    for (const [k, v] of Object.entries(value)) out.push(...places(v, props[k] ?? {}, [...path, k]));
  }
  return out;
}

function setAt(root: unknown, path: Path, next: unknown | typeof DELETE): unknown {
  if (path.length === 0) return next === DELETE ? undefined : next;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let cur = copy;
  for (const key of path.slice(0, -1)) cur = cur[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (next === DELETE) {
    if (Array.isArray(cur)) cur.splice(Number(last), 1);
    else delete cur[last];
  } else cur[last] = next;
  return copy;
}
const DELETE = Symbol('delete');

/** One change to one place of `value`: a wrong type, an out-of-range number, a bad string, a missing or extra field, a duplicate. */
export function mutate(value: unknown, schema: Schema, seed: number): unknown {
  const pick = chooser(seed);
  const place = pick(places(value, schema));
  const kinds = ['value', 'type'];
  if (typeof place.value === 'string') kinds.push('string', 'string', 'long');
  if (typeof place.value === 'number') kinds.push('number', 'number');
  if (Array.isArray(place.value)) kinds.push('duplicate', 'grow');
  if (place.value && typeof place.value === 'object' && !Array.isArray(place.value)) kinds.push('extra', 'drop');
  switch (pick(kinds)) {
    case 'string':
      return setAt(value, place.path, pick(BAD_STRINGS));
    case 'long': {
      const max = (place.schema.maxLength as number | undefined) ?? 64;
      return setAt(value, place.path, `${place.value as string}${'字'.repeat(max + 1)}`);
    }
    case 'number': {
      const s = place.schema;
      const edges = [...BAD_NUMBERS, ...[s.minimum, s.maximum].flatMap((b) => (typeof b === 'number' ? [b - 1, b + 1] : []))];
      return setAt(value, place.path, pick(edges));
    }
    case 'duplicate': {
      const arr = place.value as unknown[];
      return arr.length ? setAt(value, place.path, [...arr, arr[0]]) : setAt(value, place.path, [null]);
    }
    case 'grow': {
      const arr = place.value as unknown[];
      const n = ((place.schema.maxItems as number | undefined) ?? 50) + 1;
      return setAt(
        value,
        place.path,
        Array.from({ length: n }, (_, i) => arr[i % Math.max(arr.length, 1)] ?? i),
      );
    }
    case 'extra':
      return setAt(value, [...place.path, pick(['__proto__x', 'isAdmin', 'status', 'unknown'])], pick(BAD_VALUES));
    case 'drop': {
      const keys = Object.keys(place.value as object);
      return keys.length ? setAt(value, [...place.path, pick(keys)], DELETE) : setAt(value, place.path, null);
    }
    case 'type':
      return setAt(value, place.path, pick(BAD_VALUES));
    default:
      return setAt(value, place.path, pick([...BAD_VALUES, ...BAD_STRINGS, ...BAD_NUMBERS]));
  }
}

/** A valid value, or one with a single change. */
export function maybeMutated(valid: fc.Arbitrary<unknown>, schema: Schema): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 2, arbitrary: valid },
    { weight: 3, arbitrary: fc.tuple(valid, fc.nat()).map(([v, seed]) => mutate(v, schema, seed)) },
  );
}
