import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  CreateObservationBody,
  DayKey,
  FILE_CONTENT_TYPES,
  MonthKey,
  NewsFeedQuery,
  PlanPath,
  QuarterKey,
  QuestionBody,
  RankingQuery,
  userText,
} from '../src';
import { buildOpenApiDocument } from '../src/openapi';

type Json = Record<string, unknown>;
const doc = buildOpenApiDocument({ includeLocalOnly: true }) as { paths: Record<string, Record<string, Json>> };
const op = (path: string, method: string) => doc.paths[path][method] as Json;
const ok = (schema: z.ZodMiniType, value: unknown) => schema.safeParse(value).success;

describe('calendar keys: real dates of 2000–2099, in the schema and in the OpenAPI pattern alike', () => {
  const dayPattern = new RegExp(
    ((op('/v1/branches/{branchId}/reports/{day}', 'get').parameters as Json[])[1].schema as Json).pattern as string,
    'u',
  );

  it.each(['0000-00-00', '1626-02-80', '2026-02-29', '2026-04-31', '2026-13-01', '1999-12-31', '2100-01-01', '2026-1-01'])(
    'refuses day %s',
    (day) => {
      expect(ok(DayKey, day)).toBe(false);
      expect(dayPattern.test(day)).toBe(false);
    },
  );

  it.each(['2000-02-29', '2024-02-29', '2026-12-31', '2099-12-31', '2026-01-01'])('accepts day %s', (day) => {
    expect(ok(DayKey, day)).toBe(true);
    expect(dayPattern.test(day)).toBe(true);
  });

  it('quarters and months are bounded the same way', () => {
    for (const q of ['0000-Q1', '1969-Q4', '2100-Q1', '2026-Q5', '2026-Q0']) expect(ok(QuarterKey, q), q).toBe(false);
    for (const q of ['2000-Q1', '2026-Q4', '2099-Q4']) expect(ok(QuarterKey, q), q).toBe(true);
    for (const m of ['0000-01', '1999-12', '2026-13', '2026-00']) expect(ok(MonthKey, m), m).toBe(false);
    expect(ok(MonthKey, '2026-11')).toBe(true);
  });

  it('integer parameters are decimal digits within their bounds, never an empty or hexadecimal value', () => {
    expect(PlanPath.parse({ branchId: 'b', year: '2026' }).year).toBe(2026);
    for (const year of ['', ' 2026', '0x7EA', '2026.0', '1e3', '2019', '2100'])
      expect(ok(PlanPath, { branchId: 'b', year }), year).toBe(false);
    expect(ok(RankingQuery, { offset: '' })).toBe(false);
    expect(RankingQuery.parse({})).toEqual({ offset: 0, limit: 50 });
  });
});

describe('user text: NFC, no control characters but newline and tab, lengths in code points', () => {
  const line = userText({ min: 1, max: 5 });
  const lines = userText({ max: 20, multiline: true });

  it('refuses control characters, surrogate halves and unassigned code points', () => {
    for (const bad of ['\u001a\u001c\u0002', 'a\u0000b', 'a\u007fb', 'a\rb', '\ud800', 'a\u0378']) {
      expect(ok(line, bad), JSON.stringify(bad)).toBe(false);
      expect(ok(lines, bad), JSON.stringify(bad)).toBe(false);
    }
    expect(ok(line, 'a\nb')).toBe(false);
    expect(lines.parse('第一行\n\t第二行')).toBe('第一行\n\t第二行');
  });

  it('trims, normalises to NFC and needs a character that is not a space', () => {
    expect(line.parse(' e\u0301 ')).toBe('é');
    // The limit holds for the text as sent, as the document's maxLength says.
    expect(ok(line, '  e\u0301  ')).toBe(false);
    expect(ok(line, '   ')).toBe(false);
    expect(ok(line, '\u3000')).toBe(false);
  });

  it('counts code points, as JSON Schema does', () => {
    expect(ok(line, '😀'.repeat(5))).toBe(true);
    expect(ok(line, '😀'.repeat(6))).toBe(false);
    expect(z.toJSONSchema(line)).toMatchObject({ type: 'string', minLength: 1, maxLength: 5 });
  });

  it('a quiz question of control characters only is refused', () => {
    expect(ok(QuestionBody, { topic: '测试', kind: 'judge', text: '\u001a\u001c\u0002', answer: [0] })).toBe(false);
  });

  it('every string a client sends is constrained in the document: user text by its pattern, the rest by a format, pattern or enum', () => {
    const loose: string[] = [];
    const walk = (schema: unknown, where: string) => {
      if (!schema || typeof schema !== 'object') return;
      const s = schema as Json;
      const patterns = [s.pattern, ...((s.allOf as Json[] | undefined) ?? []).map((a) => a.pattern)].filter(Boolean);
      if (s.type === 'string' && !patterns.length && !s.format && !s.enum && !('const' in s)) loose.push(where);
      for (const [k, v] of Object.entries(s)) if (typeof v === 'object') walk(v, `${where}.${k}`);
    };
    for (const [path, methods] of Object.entries(doc.paths))
      for (const [method, o] of Object.entries(methods)) {
        walk(o.parameters, `${method} ${path} parameters`);
        walk(o.requestBody, `${method} ${path} body`);
      }
    expect(loose).toEqual([]);
  });
});

describe('the document says what the server does', () => {
  it('duplicates the server refuses are refused by uniqueItems', () => {
    const body = (op('/v1/observations', 'post').requestBody as { content: Record<string, { schema: Json }> }).content['application/json']
      .schema;
    expect((body.properties as Record<string, Json>).branchIds.uniqueItems).toBe(true);
    expect(ok(CreateObservationBody, { month: '2026-11', title: '观摩', branchIds: ['a', 'a'], observerIds: ['u'] })).toBe(false);
  });

  it('the exports document the XLSX or CSV they send', () => {
    const type = (path: string) => Object.keys(((op(path, 'get').responses as Json)['200'] as { content: Json }).content);
    expect(type('/v1/rankings/{quarter}/export')).toEqual([FILE_CONTENT_TYPES.xlsx]);
    expect(type('/v1/townships/{townshipId}/compliance/export')).toEqual([FILE_CONTENT_TYPES.xlsx]);
    expect(type('/v1/questionnaires/{questionnaireId}/export')).toEqual([FILE_CONTENT_TYPES.csv]);
  });

  it('closing a closed questionnaire answers a documented 409', () => {
    expect(Object.keys(op('/v1/questionnaires/{questionnaireId}/close', 'post').responses as Json)).toContain('409');
  });

  it('a news cursor is what the server accepts: the last post’s time and id', () => {
    expect(ok(NewsFeedQuery, { cursor: '2026-11-27T02:00:00.000Z~demo-news-1' })).toBe(true);
    for (const cursor of ['bm9wZQ', '', '2026-11-27T02:00:00.000Z#x', '2026-11-27~x'])
      expect(ok(NewsFeedQuery, { cursor }), cursor).toBe(false);
  });

  it('a body whose fields are all optional may be left out; any other is required', () => {
    const required = (path: string, method: string) => (op(path, method).requestBody as { required: boolean }).required;
    expect(required('/v1/rankings/{quarter}/runs', 'post')).toBe(false);
    expect(required('/v1/townships/{townshipId}/reminders', 'post')).toBe(false);
    expect(required('/v1/observations', 'post')).toBe(true);
  });
});
