import type { ScoringModelContent, StarMapRow } from '@chuangxing/shared';
import { defineEntity, pad } from '../../platform/dynamodb/entity';
import { versionedDocumentEntities } from '../../platform/dynamodb/versioned-document.dynamodb';
import type { Scorecard } from './ranking';
import type { OrderRow, ShardRow, StoredRankingHeader } from './ranking-repository';

/**
 * The scoring model (评分办法), one partition per district:
 * - published versions:  DIST#{d}#SCORING / V#{0001}   (immutable)
 * - the version in force: DIST#{d}#SCORING / LATEST    (pointer)
 * - the admin's draft:    DIST#{d}#SCORING / DRAFT
 */
export const scoringModelEntities = versionedDocumentEntities<ScoringModelContent>('SCORING', 'scoring');

type Run = { districtId: string; quarter: string };
type Version = Run & { version: number };

const runPk = ({ districtId, quarter }: Run) => `DIST#${districtId}#RANK#${quarter}`;
/** Everything a computed version holds lives under its own partition, written once. */
const dataPk = ({ districtId, quarter, version }: Version) => `DIST#${districtId}#RANK#${quarter}#V#${pad(version)}`;

const HEADER_FIELDS = [
  'quarter',
  'version',
  'status',
  'trigger',
  'scoringVersion',
  'model',
  'townshipIds',
  'asOfDay',
  'inputsHash',
  'branchCount',
  'revision',
  'annotations',
  'createdAt',
  'createdBy',
  'publishedAt',
  'publishedBy',
] as const satisfies readonly (keyof StoredRankingHeader)[];

export interface ShardChunk {
  townshipId: string;
  chunk: number;
  chunks: number;
  hash: string;
  cards: Scorecard[];
  rows: ShardRow[];
}

/**
 * A quarter's rankings:
 * - version headers, newest first:   DIST#{d}#RANK#{yyyy-Qn} / V#{0001}  (status, scoring version, inputs hash, annotations)
 * - the latest and published pointers: DIST#{d}#RANK#{q} / LATEST | PUBLISHED
 * A version's data, written once while it is computing:
 * - a township's scorecards (chunked): DIST#{d}#RANK#{q}#V#{0001} / SHARD#{t}#{000}
 * - the township's checkpoint:          … / DONE#{t}   (written after its chunks)
 * - the district order (chunked):       … / ORDER#{0000}
 * - district rank by branch:            … / RANKS#{t}
 * - 十佳 / 百优 / most improved:          … / LISTS
 * - the star map (chunked):             … / STARMAP#{0000}
 */
export const rankingEntities = {
  runPk,
  dataPk,
  /** Sort-key prefixes of the queries over a run's or a version's partition. */
  prefix: {
    version: 'V#',
    shard: (townshipId?: string) => (townshipId ? `SHARD#${townshipId}#` : 'SHARD#'),
    done: 'DONE#',
    order: 'ORDER#',
    starMap: 'STARMAP#',
  },
  header: defineEntity<StoredRankingHeader, Version>({
    name: 'ranking-version',
    key: (k) => ({ pk: runPk(k), sk: `V#${pad(k.version)}` }),
    fields: HEADER_FIELDS,
  }),
  latest: defineEntity<{ version: number }, Run>({
    name: 'ranking-latest',
    key: (k) => ({ pk: runPk(k), sk: 'LATEST' }),
    fields: ['version'],
  }),
  published: defineEntity<{ version: number; publishedAt: string }, Run>({
    name: 'ranking-published',
    key: (k) => ({ pk: runPk(k), sk: 'PUBLISHED' }),
    fields: ['version', 'publishedAt'],
  }),
  shard: defineEntity<ShardChunk, Version & { townshipId: string; chunk: number }>({
    name: 'ranking-shard',
    key: (k) => ({ pk: dataPk(k), sk: `SHARD#${k.townshipId}#${pad(k.chunk, 3)}` }),
    fields: ['townshipId', 'chunk', 'chunks', 'hash', 'cards', 'rows'],
  }),
  done: defineEntity<{ townshipId: string; chunks: number; hash: string }, Version & { townshipId: string }>({
    name: 'ranking-done',
    key: (k) => ({ pk: dataPk(k), sk: `DONE#${k.townshipId}` }),
    fields: ['townshipId', 'chunks', 'hash'],
  }),
  order: defineEntity<{ rows: OrderRow[] }, Version & { chunk: number }>({
    name: 'ranking-order',
    key: (k) => ({ pk: dataPk(k), sk: `ORDER#${pad(k.chunk)}` }),
    fields: ['rows'],
  }),
  ranks: defineEntity<{ ranks: Record<string, number> }, Version & { townshipId: string }>({
    name: 'ranking-ranks',
    key: (k) => ({ pk: dataPk(k), sk: `RANKS#${k.townshipId}` }),
    fields: ['ranks'],
  }),
  lists: defineEntity<{ topTen: OrderRow[]; topHundred: OrderRow[]; mostImproved: OrderRow[] }, Version>({
    name: 'ranking-lists',
    key: (k) => ({ pk: dataPk(k), sk: 'LISTS' }),
    fields: ['topTen', 'topHundred', 'mostImproved'],
  }),
  starMap: defineEntity<{ townships: StarMapRow[] }, Version & { chunk: number }>({
    name: 'ranking-star-map',
    key: (k) => ({ pk: dataPk(k), sk: `STARMAP#${pad(k.chunk)}` }),
    fields: ['townships'],
  }),
};
