import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { API_FUNCTION_NAMES } from '@chuangxing/functions/handlers/api-functions';
import { App } from 'aws-cdk-lib';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { Fact, FactName } from 'aws-cdk-lib/region-info';
import { afterAll, describe, expect, it } from 'vitest';
import { deployedRoutes } from '../lib/api-functions';
import { createStacks } from '../lib/chuangxing-app';
import { readSettings } from '../lib/context';
import { RUNTIME } from '../lib/function-parts';
import { routeAuthorizationReason } from '../lib/stateless-stack';
import { cdkJsonContext } from './helpers';

const outdirs: string[] = [];
afterAll(() => {
  for (const d of outdirs) rmSync(d, { recursive: true, force: true });
});

interface Violation {
  ruleName: string;
  severity: string;
  violatingConstructs: { constructPath: string }[];
  acknowledgedId?: string;
  reason?: string;
}
interface PluginReport {
  pluginName: string;
  conclusion: string;
  violations: Violation[];
  suppressedViolations?: Violation[];
}

/** Synthesises the real app (no bundling) with the cdk-nag plugins createStacks adds; throws like `cdk synth` fails. */
function synthWithNag(region: string, extra?: (stacks: ReturnType<typeof createStacks>) => void) {
  const outdir = mkdtempSync(path.join(tmpdir(), 'cx-nag-'));
  outdirs.push(outdir);
  const app = new App({ outdir, context: { ...cdkJsonContext, region, 'aws:cdk:bundling-stacks': [] } });
  const stacks = createStacks(app, readSettings(app.node));
  extra?.(stacks);
  app.synth();
  const report = JSON.parse(readFileSync(path.join(outdir, 'validation-report.json'), 'utf8')) as { pluginReports: PluginReport[] };
  return report.pluginReports;
}

/** "AwsSolutions-IAM5[Resource::…]" → "AwsSolutions-IAM5". */
const ruleOf = (name: string) => name.replace(/\[.*$/, '');

for (const region of ['cn-northwest-1', 'ap-east-1']) {
  describe(`cdk-nag (AwsSolutions and Serverless) on the real app in ${region}`, () => {
    const reports = synthWithNag(region);
    const nag = reports.filter((r) => r.pluginName === 'AwsSolutions' || r.pluginName === 'Serverless');
    const suppressed = nag.flatMap((r) => r.suppressedViolations ?? []);

    it('both packs ran and passed, with no open error or warning', () => {
      expect(nag.map((r) => r.pluginName).sort()).toEqual(['AwsSolutions', 'Serverless']);
      for (const r of nag) {
        expect(r.conclusion, r.pluginName).toBe('success');
        expect(
          r.violations.map((v) => `${v.severity} ${v.ruleName} ${v.violatingConstructs.map((c) => c.constructPath).join(',')}`),
          r.pluginName,
        ).toEqual([]);
      }
    });

    it('acknowledges only these rules, each finding on its own construct with a reason', () => {
      expect([...new Set(suppressed.map((v) => ruleOf(v.ruleName)))].sort()).toEqual([
        'AwsSolutions-APIG4',
        'AwsSolutions-IAM5',
        'AwsSolutions-SMG4',
        'AwsSolutions-SQS3',
        'Serverless-LambdaDLQ',
        'Serverless-SQSRedrivePolicy',
      ]);
      for (const v of suppressed) {
        // Acknowledged by its exact rule (and finding), never by a whole pack.
        expect(v.acknowledgedId, v.ruleName).toMatch(new RegExp(`::${v.ruleName.replace(/[[\]().*+?^$|\\]/g, '\\$&')}$`));
        expect(v.reason?.length ?? 0, v.ruleName).toBeGreaterThan(40);
        expect(v.violatingConstructs.length, v.ruleName).toBeGreaterThan(0);
      }
    });

    it('fixes rather than acknowledges: logs, access logs, tracing, runtime, managed policies, job dead letters', () => {
      const mentioned = new Set(
        [...nag.flatMap((r) => r.violations), ...suppressed].map((v) => ruleOf(v.ruleName).replace(/^(AwsSolutions|Serverless)-/, '')),
      );
      for (const fixed of [
        'S1',
        'APIG1',
        'APIGWAccessLogging',
        'L1',
        'LambdaLatestVersion',
        'LambdaTracing',
        'IAM4',
        'LambdaAsyncFailureDestination',
      ]) {
        expect(mentioned.has(fixed), fixed).toBe(false);
      }
      // The dead-letter acknowledgement covers the API functions (synchronous) and the jobs (on-failure destination).
      const dlq = suppressed.filter((v) => v.ruleName === 'Serverless-LambdaDLQ').flatMap((v) => v.violatingConstructs);
      expect(dlq).toHaveLength(API_FUNCTION_NAMES.length + 2);
    });

    it('APIG4: one acknowledgement per deployed route, giving the roles the contract declares for it', () => {
      const apig4 = suppressed.filter((v) => v.ruleName === 'AwsSolutions-APIG4');
      expect(apig4.flatMap((v) => v.violatingConstructs)).toHaveLength(deployedRoutes().length);
      const reasons = new Set(apig4.map((v) => v.reason));
      for (const { route } of deployedRoutes())
        expect(reasons.has(routeAuthorizationReason(route)), `${route.method} ${route.path}`).toBe(true);
      const runs = deployedRoutes().find((r) => r.route.method === 'POST' && r.route.path === '/v1/rankings/{quarter}/runs');
      expect(runs && routeAuthorizationReason(runs.route)).toMatch(/roles the contract declares: district_admin/);
      const health = deployedRoutes().find((r) => r.route.path === '/health');
      expect(health && routeAuthorizationReason(health.route)).toMatch(/public in the contract/);
    });
  });
}

describe('cdk-nag fails the synthesis', () => {
  it('on an unacknowledged finding (a bucket without access logs)', () => {
    expect(() =>
      synthWithNag('cn-northwest-1', ({ stateful }) => {
        new Bucket(stateful, 'Unlogged', { enforceSSL: true });
      }),
    ).toThrow(/AwsSolutions-S1/);
  });
});

describe('runtime', () => {
  it('is the latest Node.js runtime CDK knows in both China regions and in global ones', () => {
    for (const region of ['cn-north-1', 'cn-northwest-1', 'ap-east-1', 'us-east-1']) {
      expect(Fact.find(region, FactName.LATEST_NODE_RUNTIME), region).toBe(RUNTIME.name);
    }
    expect(RUNTIME.name).toBe('nodejs24.x');
  });
});
