import { type App, Stack, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/**
 * cdk-nag v3 as CDK validation plugins: the AwsSolutions and Serverless packs check every template when the
 * app synthesises. Synthesis fails on any error that is not acknowledged (`npm run synth` and every infra
 * test that synthesises the app), and every acknowledgement names one rule (one finding, for IAM5) on one
 * construct, with its reason. The findings and acknowledgements land in the cloud assembly's
 * validation-report.json.
 */
export function addNagChecks(app: App): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
}

/** Acknowledges one cdk-nag rule (or one finding of it, `AwsSolutions-IAM5[Resource::…]`) on one construct. */
export function acknowledge(scope: IConstruct, rule: string, reason: string): void {
  const pack = rule.startsWith('Serverless-') ? 'Serverless' : 'AwsSolutions';
  Validations.of(scope).acknowledge({ id: `${pack}::${rule}`, reason });
}

/**
 * The name cdk-nag shows for a value imported from another stack (`<stack>:ExportsOutput…`): the export CDK
 * creates for the cross-stack reference, resolved here so an IAM5 finding on it can be named exactly.
 */
export function importNameOf(consumer: IConstruct, exported: string, from: Stack): string {
  const resolved = Stack.of(consumer).resolve(from.exportValue(exported)) as { 'Fn::ImportValue'?: string };
  if (!resolved['Fn::ImportValue']) throw new Error(`not an import: ${JSON.stringify(resolved)}`);
  return resolved['Fn::ImportValue'];
}
