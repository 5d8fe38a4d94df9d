/**
 * Prints the figures test/cfn-limits.test.ts holds to their budgets, as Markdown for infra/README.md:
 *
 *   npx tsx infra/scripts/limits-report.ts
 *
 * Synthesises the real app without bundling, in cn-northwest-1 with every optional context value set.
 */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { HttpApi, HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { API_FUNCTION_NAMES, type ApiFunctionName, apiFunctionId, deployedRoutes } from '../lib/api-functions';
import { LIMITS, lambdaEnvironmentBytes, lambdaPolicySizes, roleInlinePolicyChars, stackFigures } from '../test/cfn-limits';
import { synthApp } from '../test/helpers';

const REGION = 'cn-northwest-1';
const synth = synthApp({
  region: REGION,
  corsOrigins: 'https://h5.example.cn,https://admin.example.cn',
  wechatAppId: 'wx0123456789abcdef',
  reminderTemplateId: 'tmpl-daily-report-reminder-0123456789abcdef',
});
const templates = { Stateful: synth.statefulTemplate.toJSON(), Stateless: synth.statelessTemplate.toJSON() };
const stateless = templates.Stateless;

/** What one function's policy would be with HttpLambdaIntegration's default: one permission per route. */
function perRouteBytes(name: ApiFunctionName | 'all'): number {
  const stack = new Stack(new App(), 'PerRoute', { env: { region: REGION } });
  const fn = new LambdaFunction(stack, 'Fn', { runtime: Runtime.NODEJS_24_X, handler: 'index.handler', code: Code.fromInline('x') });
  const api = new HttpApi(stack, 'Api');
  const integration = new HttpLambdaIntegration('Integration', fn);
  for (const { route, fn: owner } of deployedRoutes()) {
    if (name === 'all' || owner === name) api.addRoutes({ path: route.path, methods: [HttpMethod[route.method]], integration });
  }
  return Object.values(lambdaPolicySizes(Template.fromStack(stack).toJSON(), REGION))[0].bytes;
}

const n = (x: number) => x.toLocaleString('en-US');
const policies = lambdaPolicySizes(stateless, REGION);
const envs = lambdaEnvironmentBytes(stateless, REGION);
const lines: string[] = [];
lines.push('| function | routes | resource policy (statements, bytes) | with one permission per route | environment |');
lines.push('| --- | --- | --- | --- | --- |');
for (const name of API_FUNCTION_NAMES) {
  const id = Object.keys(policies).find((k) => k.startsWith(apiFunctionId(name)));
  if (!id) throw new Error(`no function ${apiFunctionId(name)} in the template`);
  const routes = deployedRoutes().filter((r) => r.fn === name).length;
  lines.push(
    `| ${name} | ${routes} | ${policies[id].statements}, ${n(policies[id].bytes)} B | ${n(perRouteBytes(name))} B | ${n(envs[id])} B |`,
  );
}
for (const id of Object.keys(policies).filter((k) => !API_FUNCTION_NAMES.some((a) => k.startsWith(apiFunctionId(a))))) {
  lines.push(`| ${id.replace(/[A-F0-9]{8}$/, '')} | – | ${policies[id].statements}, ${n(policies[id].bytes)} B | – | ${n(envs[id])} B |`);
}
lines.push(`| (all ${deployedRoutes().length} routes on one function) | | | ${n(perRouteBytes('all'))} B | |`);
lines.push('');
lines.push('| stack | resources | outputs | parameters | template | largest role inline policy | HTTP API routes |');
lines.push('| --- | --- | --- | --- | --- | --- | --- |');
for (const [name, t] of Object.entries(templates)) {
  const f = stackFigures(t);
  const roles = Object.values(roleInlinePolicyChars(t, REGION));
  const maxRole = roles.length ? Math.max(...roles) : 0;
  lines.push(
    `| ${name} | ${f.resources} | ${f.outputs} | ${f.parameters} | ${n(f.templateBytes)} B | ${n(maxRole)} chars | ${f.httpApiRoutes || '–'} |`,
  );
}
lines.push('');
lines.push('| limit | quota | budget (test fails above) |');
lines.push('| --- | --- | --- |');
for (const [k, v] of Object.entries(LIMITS)) lines.push(`| ${k} | ${n(v.quota)} | ${n(v.budget)} |`);
console.log(lines.join('\n'));
