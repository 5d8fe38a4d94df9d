/**
 * The one single-table definition. CDK (infra), the local stack and the tests all derive their table
 * from this object, so they cannot drift. Plain data: no AWS imports.
 *
 * Access patterns (pk / sk, or index):
 * - district → townships (with branch counts):  DIST#{d} / TWN#{t}
 * - branch by id:                                BR#{b} / BRANCH
 * - township → branches:                         gsi1: TWN#{t}#BRS / {name}#{b}
 * - user profile + bindings in one query:        USER#{u} / PROFILE, USER#{u} / BIND#{bindingId}
 * - user by WeChat openid (unique):              OPENID#{openid} / OPENID
 * - demo users (local dev login):                gsi1: DEMO#USERS / {order}
 * - invitation by code hash (unique, one-time):  INVCODE#{sha256} / INVITATION
 * - invitations in a scope, newest first:        gsi1: DIST#{d}#INVS / {townshipKey}#{createdAt}
 * - bindings in a scope:                         gsi1: DIST#{d}#BINDS / {townshipKey}#{createdAt}
 * - unique branch name per township:             TWN#{t}#BRNAME / {name}
 * - seed marker:                                 SEED / {version}
 * - a branch's report for a day (+ revisions, comments): BR#{b} / RPT#{day}[#REV#n | #CMT#id]
 * - a branch's reports over a range:             BR#{b} / between RPT#{from} and RPT#{to}~
 * - branch month and quarter counters:           BR#{b} / STAT#M#{yyyy-mm}, STAT#Q#{yyyy-Qn}
 * - a township's filed branches for a day:       TWN#{t}#DAY#{day} / BR#{b}
 * - the district's townships for a day:          DIST#{d}#DAY#{day} / TWN#{t}  (counters)
 * - daily rules:                                 DIST#{d} / RULES#DAILY
 * - holidays and leave by day or month:          DIST#{d}#EXEMPT / {day}#{branchId | *}
 * - notification outbox, newest first (local):   OUTBOX / {createdAt}#{id}   (ttl 30 days; outbox-keys.ts)
 * - one scheduled-reminder run per district-day: DIST#{d}#REMINDRUN / {day}  (ttl 90 days; outbox-keys.ts)
 * - a branch's plan for a year:                   BR#{b} / PLAN#{year}; gsi1 TWN#{t}#PLANS#{year} / {status}#{b}
 * - a key task's updates, appended:              BR#{b} / PLAN#{year}#TASK#{taskId}#U#{at}#{id}
 * - a key task's latest state (board rollup):    BR#{b} / PLAN#{year}#LATEST#{taskId}; gsi1 TWN#{t}#PROG#{year} / {b}#{taskId}
 * - 每月一观摩 with its score sheets:            OBS#{id} / OBS | REV (scores' revision) | SCORE#{branchId}#{userId}
 * - the district's observations of a month:      gsi1: DIST#{d}#OBS#{yyyy-mm} / {createdAt}#{id}
 * - frozen observation results (quarterly ranking): TWN#{t}#OBSRES#{yyyy-Qn} / {branchId}#{observationId}
 * - an inspector's own drafts and recorded visits: INSPECTOR#{u} / DRAFT#{id} | REC#{recordedAt}#{id}  (only the author's id reaches them)
 * - a recorded 四不两直 visit:                     INSP#{id} / INSP
 * - a 问题清单 item and its history:               FINDING#{id} / FINDING | EV#{at}#{version}
 * - a township's (or one branch's) findings:       gsi1: TWN#{t}#FINDINGS / {branchId}#{findingId}
 * - 学讲评 item of a branch:                     BR#{b} / REVIEW#{itemId}
 * - a branch's 学讲评 items for a month's view:   gsi1: BR#{b}#REVIEWS / {doneMonth|~open}#{period}#{itemId} (>= month)
 * - 应知应会 question bank:                      DIST#{d}#QBANK / Q#{id}
 * - a test session (questions with the key):     TEST#{id} / TEST; gsi1: DIST#{d}#TESTS / {createdAt}#{id}
 * - a person's attempts and best result:         TEST#{id} / ATT#{userId}#{n} | RES#{userId}
 * - 调查问卷 and a township's questionnaires:      QN#{id} / QN; gsi1: TWN#{t}#QNS / {createdAt}#{id}
 * - one response per person:                     QN#{id} / RESP#{userId}
 * - 创星动态 news post and the feed, newest first: NEWS#{id} / NEWS; gsi1: DIST#{d}#NEWS / {createdAt}#{id}
 * - scoring model versions, pointer, draft:       DIST#{d}#SCORING / V#{0001} | LATEST | DRAFT
 * - a quarter's ranking versions (headers):       DIST#{d}#RANK#{yyyy-Qn} / V#{0001} | LATEST | PUBLISHED
 * - a ranking version's data (written once):      DIST#{d}#RANK#{q}#V#{0001} / SHARD#{t}#{chunk} | DONE#{t} | ORDER#{chunk} | RANKS#{t} | LISTS | STARMAP#{chunk}
 * - monthly observation results (ranking input):  TWN#{t}#OBSRES#{yyyy-Qn} / {branchId}#{observationId}
 */
export const tableDefinition = {
  partitionKey: 'pk',
  sortKey: 'sk',
  globalSecondaryIndexes: [{ indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' }],
  timeToLiveAttribute: 'ttl',
} as const;

export type TableDefinition = typeof tableDefinition;

/** Input for DynamoDB CreateTable (local stack and tests); CDK maps the same object in infra. */
export function createTableInput(tableName: string) {
  const attrs = new Set<string>([tableDefinition.partitionKey, tableDefinition.sortKey]);
  for (const g of tableDefinition.globalSecondaryIndexes) {
    attrs.add(g.partitionKey);
    attrs.add(g.sortKey);
  }
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST' as const,
    AttributeDefinitions: [...attrs].map((name) => ({ AttributeName: name, AttributeType: 'S' as const })),
    KeySchema: [
      { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' as const },
      { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' as const },
    ],
    GlobalSecondaryIndexes: tableDefinition.globalSecondaryIndexes.map((g) => ({
      IndexName: g.indexName,
      KeySchema: [
        { AttributeName: g.partitionKey, KeyType: 'HASH' as const },
        { AttributeName: g.sortKey, KeyType: 'RANGE' as const },
      ],
      Projection: { ProjectionType: 'ALL' as const },
    })),
  };
}
