/**
 * Issue 14's one migration: every active 督导员 binding gets a 纪检监察 binding for the same person and scope, so
 * the 廉情 letters inspectors handled are not orphaned when they move to the new role. Idempotent: a second run
 * writes nothing. See docs/migrations.md.
 *
 *   npx tsx scripts/migrate-discipline.ts --table <name> [--endpoint <url>] [--region <region>] [--dry-run]
 */
import { parseArgs } from 'node:util';
import { DynamoDisciplineMigrationStore } from '@chuangxing/functions/features/identity/migrations/discipline-migration-store.dynamodb';
import {
  describeReport,
  grantDisciplineToInspectors,
} from '@chuangxing/functions/features/identity/migrations/grant-discipline-to-inspectors';
import { createDocumentClient } from '@chuangxing/functions/platform/dynamodb/document-client';

const USAGE = 'usage: npx tsx scripts/migrate-discipline.ts --table <name> [--endpoint <url>] [--region <region>] [--dry-run]';

async function main(): Promise<number> {
  let values: { table?: string; endpoint?: string; region?: string; 'dry-run'?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        table: { type: 'string' },
        endpoint: { type: 'string' },
        region: { type: 'string' },
        'dry-run': { type: 'boolean' },
        help: { type: 'boolean' },
      },
    }));
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.table) {
    console.error(USAGE);
    return 2;
  }
  // An operator command: the SDK's own patience, not the API's 8 s request budget.
  const doc = createDocumentClient({ endpoint: values.endpoint, region: values.region }, false);
  const report = await grantDisciplineToInspectors(new DynamoDisciplineMigrationStore(doc, values.table), {
    at: new Date().toISOString(),
    dryRun: values['dry-run'] ?? false,
  });
  console.log(`table ${values.table}${values.endpoint ? ` at ${values.endpoint}` : ''}`);
  for (const line of describeReport(report)) console.log(line);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
