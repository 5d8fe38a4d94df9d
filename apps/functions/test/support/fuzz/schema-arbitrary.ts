import { LINE_TEXT_PATTERN, MULTILINE_TEXT_PATTERN } from '@chuangxing/shared';
import fc from 'fast-check';

/** A JSON Schema as the contract's OpenAPI document writes it (draft 2020-12, inlined). */
export type Schema = Record<string, unknown>;

/** Values the run has seen, by the property or parameter name they came under (`branchId`, `observationId`, …). */
export interface Pools {
  pick(name: string | undefined): string[];
}

const TEXT_PATTERNS = new Set([LINE_TEXT_PATTERN, MULTILINE_TEXT_PATTERN]);
const ID_PATTERN = '^[A-Za-z0-9_-]{1,64}$';
/** Calendar values near the demo data, so requests reach stored rankings, reports and plans. */
const NEAR = {
  quarter: ['2026-Q3', '2026-Q4', '2026-Q2'],
  month: ['2026-11', '2026-12', '2026-10'],
  day: ['2026-11-27', '2026-12-01', '2026-06-30'],
};

const TEXT_CHARS = fc.constantFrom('创', '星', '支', '部', 'a', 'Z', '7', ' ', '，', '😀', 'é', 'e\u0301', '\u0915\u093c');

function text(schema: Schema, multiline: boolean): fc.Arbitrary<string> {
  const min = (schema.minLength as number | undefined) ?? 0;
  const max = Math.min((schema.maxLength as number | undefined) ?? 30, min + 12);
  const chars = multiline
    ? fc.oneof({ weight: 8, arbitrary: TEXT_CHARS }, { weight: 1, arbitrary: fc.constantFrom('\n', '\t') })
    : TEXT_CHARS;
  return fc
    .array(chars, { minLength: Math.max(min, 1), maxLength: Math.max(max, 1) })
    .map((cs) => cs.join(''))
    .filter((s) => [...s].length >= min && [...s].length <= ((schema.maxLength as number | undefined) ?? Infinity))
    .filter((s) => min === 0 || /\S/u.test(s));
}

function patternsOf(schema: Schema): string[] {
  const all = [schema.pattern, ...((schema.allOf as Schema[] | undefined) ?? []).map((s) => s.pattern)];
  return all.filter((p): p is string => typeof p === 'string');
}

function string(schema: Schema, name: string | undefined, pools: Pools): fc.Arbitrary<string> {
  if (schema.format === 'date-time')
    return fc
      .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString());
  const patterns = patternsOf(schema);
  const textPattern = patterns.find((p) => TEXT_PATTERNS.has(p));
  if (textPattern) return text(schema, textPattern === MULTILINE_TEXT_PATTERN);
  if (patterns.length === 0) {
    const min = (schema.minLength as number | undefined) ?? 0;
    return fc.string({ minLength: min, maxLength: Math.min((schema.maxLength as number | undefined) ?? 20, min + 20) });
  }
  const [first, ...rest] = patterns;
  const regexes = rest.map((p) => new RegExp(p, 'u'));
  const random = fc.stringMatching(new RegExp(first)).filter((s) => regexes.every((r) => r.test(s)));
  const seen = first === ID_PATTERN ? pools.pick(name) : [];
  const near = first.includes('-Q[1-4]')
    ? NEAR.quarter
    : first.endsWith('-(?:0[1-9]|1[0-2])$')
      ? NEAR.month
      : first.includes('02-29')
        ? NEAR.day
        : [];
  const known = [...seen, ...near].filter((s) => new RegExp(first, 'u').test(s));
  return known.length ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: random }) : random;
}

function integer(schema: Schema): fc.Arbitrary<number> {
  const min = Math.max((schema.minimum as number | undefined) ?? -1000, -1_000_000);
  const max = Math.min((schema.maximum as number | undefined) ?? 1000, 1_000_000);
  return fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min, max: Math.min(max, min + 5) }) },
    { weight: 1, arbitrary: fc.integer({ min, max }) },
  );
}

/** Values the schema accepts (mostly: a filtered pattern may rarely miss), with ids from what the run has seen. */
export function arbitraryOf(schema: Schema, pools: Pools, name?: string): fc.Arbitrary<unknown> {
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  const union = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (union) return fc.oneof(...union.map((s) => arbitraryOf(s, pools, name)));
  switch (schema.type) {
    case 'string':
      return string(schema, name, pools);
    case 'integer':
      return integer(schema);
    case 'number':
      return fc.double({ min: (schema.minimum as number) ?? -1000, max: (schema.maximum as number) ?? 1000, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return array(schema, pools, name);
    case 'object':
      return object(schema, pools);
    default:
      return fc.jsonValue({ maxDepth: 1 });
  }
}

function array(schema: Schema, pools: Pools, name: string | undefined): fc.Arbitrary<unknown[]> {
  const minLength = (schema.minItems as number | undefined) ?? 0;
  const maxLength = Math.min((schema.maxItems as number | undefined) ?? 4, minLength + 3);
  // A list of ids named `branchIds` holds `branchId`s.
  const item = arbitraryOf((schema.items as Schema | undefined) ?? {}, pools, name?.replace(/s$/, ''));
  return schema.uniqueItems
    ? fc.uniqueArray(item, { minLength, maxLength, selector: (v) => JSON.stringify(v) })
    : fc.array(item, { minLength, maxLength });
}

function object(schema: Schema, pools: Pools): fc.Arbitrary<Record<string, unknown>> {
  const props = (schema.properties ?? {}) as Record<string, Schema>;
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const entries = Object.entries(props).map(([key, s]) => {
    const value = arbitraryOf(s, pools, key);
    return required.has(key)
      ? value.map((v) => [[key, v]])
      : fc.option(
          value.map((v) => [[key, v]]),
          { nil: [] },
        );
  });
  const fixed = fc.tuple(...entries).map((parts) => Object.fromEntries(parts.flat() as [string, unknown][]));
  const extra = schema.additionalProperties;
  if (Object.keys(props).length === 0 && extra && typeof extra === 'object') {
    return fc.dictionary(fc.stringMatching(/^[a-z]{1,8}$/), arbitraryOf(extra as Schema, pools), { maxKeys: 3 });
  }
  return fixed;
}
