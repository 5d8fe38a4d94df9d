import type { App } from 'aws-cdk-lib';
import type { AppSettings } from './context';
import { addNagChecks } from './nag';
import { StatefulStack } from './stateful-stack';
import { StatelessStack } from './stateless-stack';

/**
 * Both stacks of the app, checked by cdk-nag when the app synthesises; bin/app.ts and the tests build them
 * through this one function.
 */
export function createStacks(app: App, settings: AppSettings) {
  addNagChecks(app);
  // Only the region is pinned (TableV2 with a customer-managed key needs it). The account stays the
  // AWS::AccountId pseudo parameter, and no code hard-codes a partition: CDK derives `aws` or `aws-cn`
  // from the region, so the same app deploys to a commercial region or to AWS China.
  const env = { region: settings.region };

  const stateful = new StatefulStack(app, `${settings.stackPrefix}-Stateful`, {
    env,
    description: '创星: table, photo bucket and key (retained)',
    corsOrigins: settings.corsOrigins,
  });
  const stateless = new StatelessStack(app, `${settings.stackPrefix}-Stateless`, {
    env,
    description: '创星: API functions, HTTP API, secret, scheduled jobs, alarms and dashboard',
    table: stateful.table,
    key: stateful.key,
    photoBucket: stateful.photoBucket,
    settings,
  });
  return { stateful, stateless };
}
