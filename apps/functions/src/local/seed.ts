import { BatchWriteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { countsOf, SAMPLE_NOTE, sampleContent } from '../features/catalogue/catalogue';
import { catalogueEntities } from '../features/catalogue/catalogue.entities';
import { bindingItem, profileItem } from '../features/identity/identity.entities';
import { learningEntities } from '../features/learning/learning.entities';
import { newsEntities } from '../features/news/news.entities';
import { branchItem, orgEntities, townshipItem } from '../features/org/org.entities';
import { buildDemoData, DEMO_DISTRICT, type DemoData } from './demo-data';
import { seedInvitedPeople } from './demo-invitation';
import { demoNews, demoQuestions } from './demo-learning';
import { demoLiaisonItems } from './demo-liaison';

export const SEED_VERSION = 'demo-v1';

/** The seed marker (SEED / {version}): written after the demo data, so a later start skips seeding. */
const seedMarker = (version: string) => ({ pk: 'SEED', sk: version });

export async function batchPut(doc: DynamoDBDocumentClient, table: string, items: Record<string, unknown>[]): Promise<number> {
  let requests = 0;
  for (let i = 0; i < items.length; i += 25) {
    let pending = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; pending.length; attempt++) {
      requests++;
      const res = await doc.send(new BatchWriteCommand({ RequestItems: { [table]: pending } }));
      pending = (res.UnprocessedItems?.[table] ?? []) as typeof pending;
      if (pending.length) await new Promise((r) => setTimeout(r, Math.min(1000, 50 * 2 ** attempt)));
    }
  }
  return requests;
}

export function demoItems(data: DemoData = buildDemoData()): Record<string, unknown>[] {
  const news = demoNews(DEMO_DISTRICT.id, DEMO_DISTRICT.name);
  return [
    orgEntities.district.item({ districtId: DEMO_DISTRICT.id }, DEMO_DISTRICT),
    ...data.townships.map(townshipItem),
    ...data.branches.map(branchItem),
    ...data.branches.map((b) => orgEntities.branchName.item({ townshipId: b.townshipId, name: b.name }, { branchId: b.id })),
    ...data.users.map(profileItem),
    ...data.bindings.map(bindingItem),
    // The demo district starts with the sample standards published as version 1.
    catalogueEntities.version.item(
      { districtId: DEMO_DISTRICT.id, version: 1 },
      { version: 1, content: sampleContent(), publishedAt: '2026-01-05T00:00:00.000Z', publishedBy: 'seed', note: SAMPLE_NOTE },
      { counts: countsOf(sampleContent()) },
    ),
    catalogueEntities.latest.item({ districtId: DEMO_DISTRICT.id }, { version: 1 }),
    // 应知应会 demo bank (10 questions on the campaign) and one 创星动态 post.
    ...demoQuestions(DEMO_DISTRICT.id, DEMO_DISTRICT.name).map((q) => learningEntities.question.item(q, q)),
    newsEntities.post.item(news, news),
    // 包联: the demo leader's two townships, visits and a 五星 candidate.
    ...demoLiaisonItems(DEMO_DISTRICT.id),
  ];
}

/**
 * Writes the demo data once; a marker item makes later starts skip it, so edits made while running survive.
 * `invitedPeople` (on by default; the API tests leave it off, their fixtures count people) adds the person who came
 * in through an invitation and the newcomer still waiting for one (demo-invitation.ts).
 */
export async function seedDemoData(
  doc: DynamoDBDocumentClient,
  table: string,
  opts: { invitedPeople?: boolean } = {},
): Promise<'seeded' | 'already-seeded'> {
  const marker = await doc.send(new GetCommand({ TableName: table, Key: seedMarker(SEED_VERSION), ConsistentRead: true }));
  if (marker.Item) return 'already-seeded';
  const data = buildDemoData();
  await batchPut(doc, table, demoItems(data));
  if (opts.invitedPeople !== false) await seedInvitedPeople(doc, table, data.users.length);
  await doc.send(new PutCommand({ TableName: table, Item: { ...seedMarker(SEED_VERSION), at: new Date().toISOString() } }));
  return 'seeded';
}
