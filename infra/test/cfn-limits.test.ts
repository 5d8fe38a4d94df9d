import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { HttpApi, HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { describe, expect, it } from 'vitest';
import { API_FUNCTION_NAMES, apiFunctionId, deployedRoutes } from '../lib/api-functions';
import { LIMITS, lambdaEnvironmentBytes, lambdaPolicySizes, roleInlinePolicyChars, stackFigures } from './cfn-limits';
import { resourcesOf, synthApp } from './helpers';

// The longest region name of both partitions, and every optional context value set, so figures are upper bounds.
const REGION = 'cn-northwest-1';
const synth = synthApp({
  region: REGION,
  corsOrigins: 'https://h5.example.cn,https://admin.example.cn',
  wechatAppId: 'wx0123456789abcdef',
  reminderTemplateId: 'tmpl-daily-report-reminder-0123456789abcdef',
});
const templates = {
  stateful: synth.statefulTemplate.toJSON(),
  stateless: synth.statelessTemplate.toJSON(),
};
const stateless = templates.stateless;
const functionIds = Object.keys(synth.statelessTemplate.findResources('AWS::Lambda::Function'));
const apiFunctionIds = API_FUNCTION_NAMES.map((n) => functionIds.find((id) => id.startsWith(apiFunctionId(n)))!);

describe('Lambda resource-based policies', () => {
  const sizes = lambdaPolicySizes(stateless, REGION);

  it('stay under 16 KB each (Lambda refuses a policy over 20,480 bytes)', () => {
    expect(Object.keys(sizes).sort()).toEqual([...functionIds].sort());
    for (const [id, { bytes }] of Object.entries(sizes)) {
      expect(bytes, id).toBeLessThanOrEqual(LIMITS.lambdaPolicyBytes.budget);
    }
  });

  it('hold one invoke permission per API function, for the whole API, and none on the jobs', () => {
    for (const id of apiFunctionIds) expect(sizes[id].statements, id).toBe(1);
    for (const id of functionIds.filter((f) => !apiFunctionIds.includes(f))) expect(sizes[id].statements, id).toBe(0);
    const apiId = Object.keys(synth.statelessTemplate.findResources('AWS::ApiGatewayV2::Api'))[0];
    for (const p of resourcesOf(synth.statelessTemplate, 'AWS::Lambda::Permission')) {
      expect(p.Properties!.Principal).toBe('apigateway.amazonaws.com');
      const source = JSON.stringify(p.Properties!.SourceArn);
      // Any stage, method and path of this one API; never another API.
      expect(source).toContain(`{"Ref":"${apiId}"}`);
      expect(source).toMatch(/\/\*\/\*\/\*"\]\]\}$/);
    }
  });

  it('would catch per-route permissions: every route scoped one by one on one function passes the Lambda limit', () => {
    // HttpLambdaIntegration's default (one permission per route) on a function serving every route of the
    // contract reproduces the PolicyLengthExceededException this test guards against.
    const app = new App();
    const stack = new Stack(app, 'PerRoute', { env: { region: REGION } });
    const fn = new LambdaFunction(stack, 'Fn', { runtime: Runtime.NODEJS_24_X, handler: 'index.handler', code: Code.fromInline('x') });
    const api = new HttpApi(stack, 'Api');
    const integration = new HttpLambdaIntegration('Integration', fn);
    for (const { route } of deployedRoutes()) api.addRoutes({ path: route.path, methods: [HttpMethod[route.method]], integration });
    const [only] = Object.values(lambdaPolicySizes(Template.fromStack(stack).toJSON(), REGION));
    expect(only.statements).toBe(deployedRoutes().length);
    expect(only.bytes).toBeGreaterThan(LIMITS.lambdaPolicyBytes.quota);
  });
});

describe('CloudFormation limits', () => {
  for (const [name, template] of Object.entries(templates)) {
    it(`${name}: resources, outputs, parameters and template size stay within budget`, () => {
      const f = stackFigures(template);
      expect(f.resources).toBeGreaterThan(0);
      expect(f.resources).toBeLessThanOrEqual(LIMITS.resources.budget);
      expect(f.outputs).toBeLessThanOrEqual(LIMITS.outputs.budget);
      expect(f.parameters).toBeLessThanOrEqual(LIMITS.parameters.budget);
      expect(f.templateBytes).toBeLessThanOrEqual(LIMITS.templateBytes.budget);
    });

    it(`${name}: every role's inline policies stay under IAM's 10,240 characters`, () => {
      for (const [role, chars] of Object.entries(roleInlinePolicyChars(template, REGION))) {
        expect(chars, role).toBeLessThanOrEqual(LIMITS.roleInlinePolicyChars.budget);
      }
    });
  }

  it('every function environment stays under Lambda 4 KB', () => {
    const env = lambdaEnvironmentBytes(stateless, REGION);
    expect(Object.keys(env).sort()).toEqual([...functionIds].sort());
    for (const [id, bytes] of Object.entries(env)) expect(bytes, id).toBeLessThanOrEqual(LIMITS.lambdaEnvironmentBytes.budget);
  });

  it('the HTTP API stays under its route quota', () => {
    const { httpApiRoutes } = stackFigures(stateless);
    expect(httpApiRoutes).toBe(deployedRoutes().length);
    expect(httpApiRoutes).toBeLessThanOrEqual(LIMITS.httpApiRoutes.budget);
  });

  it('the estimates are upper bounds: a token resolves to its longest possible value', () => {
    // Guards the estimator itself: a short stand-in would make every figure above look smaller than it is.
    const [perm] = resourcesOf(synth.statelessTemplate, 'AWS::Lambda::Permission');
    const fnId = (perm.Properties!.FunctionName as { 'Fn::GetAtt': [string] })['Fn::GetAtt'][0];
    const size = lambdaPolicySizes(stateless, REGION)[fnId].bytes;
    // Statement id 100, function name 64, account 12 characters; the rest is the statement's fixed text.
    expect(size).toBeGreaterThan(100 + 64 + 12 + 2 * REGION.length + 150);
  });
});
