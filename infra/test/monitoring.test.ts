import { API_FUNCTION_NAMES } from '@chuangxing/functions/handlers/api-functions';
import { METRIC_NAMES } from '@chuangxing/functions/platform/observability/metrics';
import { describe, expect, it } from 'vitest';
import { DEAD_LETTER_RETENTION_DAYS } from '../lib/function-parts';
import { ALARM } from '../lib/monitoring';
import { API_ACCESS_LOG_FIELDS, RANKING_ASYNC_RETRIES } from '../lib/stateless-stack';
import { resourcesOf, synthApp } from './helpers';

const { statelessTemplate: template } = synthApp({ region: 'cn-northwest-1', stackPrefix: 'CxWatch' });
const json = template.toJSON() as { Resources: Record<string, { Type: string; Properties: any }>; Outputs: Record<string, any> };
const idOf = (type: string, prefix: string) => {
  const ids = Object.keys(template.findResources(type)).filter((id) => id.startsWith(prefix));
  expect(ids, `${type} ${prefix}`).toHaveLength(1);
  return ids[0];
};
const props = (id: string) => json.Resources[id].Properties;
const functionIds = Object.keys(template.findResources('AWS::Lambda::Function'));
const topicId = idOf('AWS::SNS::Topic', 'MonitoringAlarmTopic');
const reminderFn = idOf('AWS::Lambda::Function', 'ReminderFunction');
const rankingFn = idOf('AWS::Lambda::Function', 'RankingFunction');
const reminderQueue = idOf('AWS::SQS::Queue', 'ReminderDeadLetters');
const rankingQueue = idOf('AWS::SQS::Queue', 'RankingDeadLetters');

describe('tracing and function roles', () => {
  it('every function traces actively with X-Ray', () => {
    expect(functionIds).toHaveLength(API_FUNCTION_NAMES.length + 2);
    for (const id of functionIds) expect(props(id).TracingConfig, id).toEqual({ Mode: 'Active' });
  });

  it('no function role has an AWS managed policy; each writes only to its own log group', () => {
    for (const id of functionIds) {
      const roleId = props(id).Role['Fn::GetAtt'][0] as string;
      expect(props(roleId).ManagedPolicyArns, id).toBeUndefined();
      const statements = resourcesOf(template, 'AWS::IAM::Policy')
        .filter((p) => JSON.stringify(p.Properties!.Roles) === JSON.stringify([{ Ref: roleId }]))
        .flatMap((p) => p.Properties!.PolicyDocument.Statement as any[]);
      const logs = statements.filter((s) => [s.Action].flat().some((a: string) => a.startsWith('logs:')));
      expect(logs, id).toHaveLength(1);
      expect([logs[0].Action].flat().sort()).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents']);
      expect(logs[0].Resource).toEqual({ 'Fn::GetAtt': [props(id).LoggingConfig.LogGroup.Ref, 'Arn'] });
      const xray = statements.filter((s) => [s.Action].flat().some((a: string) => a.startsWith('xray:')));
      expect(xray.flatMap((s) => [s.Action].flat()).sort()).toEqual(['xray:PutTelemetryRecords', 'xray:PutTraceSegments']);
    }
  });

  it('every function sends its metrics to the deployment’s namespace', () => {
    for (const id of functionIds) expect(props(id).Environment.Variables.POWERTOOLS_METRICS_NAMESPACE).toBe('CxWatch');
  });
});

describe('API access log', () => {
  const [stage] = resourcesOf(template, 'AWS::ApiGatewayV2::Stage');
  const settings = stage.Properties!.AccessLogSettings;

  it('writes one JSON line per request with its id, route, status and latency to its own log group', () => {
    expect(settings.DestinationArn).toEqual({ 'Fn::GetAtt': [idOf('AWS::Logs::LogGroup', 'ApiAccessLogs'), 'Arn'] });
    const format = JSON.parse(settings.Format);
    expect(format).toEqual(API_ACCESS_LOG_FIELDS);
    expect(format).toMatchObject({
      requestId: '$context.requestId',
      routeKey: '$context.routeKey',
      status: '$context.status',
      responseLatency: '$context.responseLatency',
    });
  });

  it('records nothing that could point at a person: no source IP, user agent, raw path or caller', () => {
    expect(settings.Format).not.toMatch(/sourceIp|userAgent|\$context\.path|identity|authorizer/);
  });
});

describe('scheduled jobs: retries and dead-letter queues', () => {
  it('each job has an encrypted, TLS-only queue that keeps a lost run 14 days', () => {
    for (const q of [reminderQueue, rankingQueue]) {
      expect(props(q)).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: DEAD_LETTER_RETENTION_DAYS * 86_400 });
    }
    for (const policy of resourcesOf(template, 'AWS::SQS::QueuePolicy')) {
      expect(JSON.stringify(policy.Properties!.PolicyDocument)).toContain('"aws:SecureTransport":"false"');
    }
    expect(resourcesOf(template, 'AWS::SQS::QueuePolicy')).toHaveLength(2);
  });

  it('a failed run is retried twice by Lambda, then sent to its own queue; an undelivered one by the scheduler', () => {
    const configs = resourcesOf(template, 'AWS::Lambda::EventInvokeConfig');
    expect(configs).toHaveLength(2);
    const configOf = (fn: string) => configs.find((c) => c.Properties!.FunctionName.Ref === fn)!.Properties!;
    expect(configOf(reminderFn)).toMatchObject({
      MaximumRetryAttempts: 2,
      MaximumEventAgeInSeconds: 15 * 60,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [reminderQueue, 'Arn'] } } },
    });
    expect(configOf(rankingFn)).toMatchObject({
      MaximumRetryAttempts: RANKING_ASYNC_RETRIES,
      MaximumEventAgeInSeconds: 6 * 3600,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [rankingQueue, 'Arn'] } } },
    });
    const schedules = resourcesOf(template, 'AWS::Scheduler::Schedule');
    expect(schedules).toHaveLength(2);
    const dlqOf = (fn: string) =>
      schedules.find((s) => s.Properties!.Target.Arn['Fn::GetAtt'][0] === fn)!.Properties!.Target.DeadLetterConfig;
    expect(dlqOf(reminderFn)).toEqual({ Arn: { 'Fn::GetAtt': [reminderQueue, 'Arn'] } });
    expect(dlqOf(rankingFn)).toEqual({ Arn: { 'Fn::GetAtt': [rankingQueue, 'Arn'] } });
  });
});

describe('alarms', () => {
  const alarms = Object.fromEntries(
    resourcesOf(template, 'AWS::CloudWatch::Alarm').map((a) => [
      String(a.Properties!.AlarmName).replace('CxWatch-Stateless-', ''),
      a.Properties!,
    ]),
  );

  it('watch the 5xx rate, Lambda errors and throttles, each job’s failures and each dead-letter queue', () => {
    expect(Object.keys(alarms).sort()).toEqual([
      'Api5xxRate',
      'ApiLambdaErrors',
      'ApiLambdaThrottles',
      'JobLambdaThrottles',
      'RankingDeadLetters',
      'RankingJobFailures',
      'RemindersDeadLetters',
      'RemindersJobFailures',
    ]);
  });

  it('all notify the one alarm topic, on alarm and on recovery', () => {
    for (const [name, a] of Object.entries(alarms)) {
      expect(a.AlarmActions, name).toEqual([{ Ref: topicId }]);
      expect(a.OKActions, name).toEqual([{ Ref: topicId }]);
      expect(a.TreatMissingData, name).toBe('notBreaching');
    }
  });

  it('the 5xx alarm is a rate over enough requests; the others count events', () => {
    const expr = alarms.Api5xxRate.Metrics.find((m: any) => m.Expression).Expression;
    expect(expr).toBe(`IF(requests >= ${ALARM.api5xxMinRequests}, 100 * errors / requests, 0)`);
    expect(alarms.Api5xxRate.Threshold).toBe(ALARM.api5xxPercent);
    const names = alarms.Api5xxRate.Metrics.filter((m: any) => m.MetricStat).map((m: any) => m.MetricStat.Metric.MetricName);
    expect(names.sort()).toEqual(['5xx', 'Count']);
    // Every function is in a throttles sum (API functions and jobs apart); only API functions in the API errors sum.
    const fnsIn = (a: any) => a.Metrics.filter((m: any) => m.MetricStat).map((m: any) => m.MetricStat.Metric.Dimensions[0].Value.Ref);
    expect([...fnsIn(alarms.ApiLambdaThrottles), ...fnsIn(alarms.JobLambdaThrottles)].sort()).toEqual([...functionIds].sort());
    expect(fnsIn(alarms.JobLambdaThrottles).sort()).toEqual([reminderFn, rankingFn].sort());
    expect(fnsIn(alarms.ApiLambdaErrors).sort()).toEqual(functionIds.filter((f) => f !== reminderFn && f !== rankingFn).sort());
  });

  it('no metric-math alarm sums more than the 10 metrics CloudWatch allows', () => {
    for (const [name, a] of Object.entries(alarms)) expect((a.Metrics ?? []).length, name).toBeLessThanOrEqual(11); // 10 metrics + the expression
  });

  it('job alarms watch their own function and queue', () => {
    expect(alarms.RemindersJobFailures).toMatchObject({ MetricName: 'Errors', Threshold: 1, Dimensions: [{ Value: { Ref: reminderFn } }] });
    expect(alarms.RankingJobFailures).toMatchObject({ MetricName: 'Errors', Threshold: 1, Dimensions: [{ Value: { Ref: rankingFn } }] });
    expect(alarms.RemindersDeadLetters).toMatchObject({
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Threshold: 1,
      Dimensions: [{ Value: { 'Fn::GetAtt': [reminderQueue, 'QueueName'] } }],
    });
    expect(alarms.RankingDeadLetters.Dimensions).toEqual([{ Name: 'QueueName', Value: { 'Fn::GetAtt': [rankingQueue, 'QueueName'] } }]);
  });

  it('the topic is KMS-encrypted with a key CloudWatch may use, refuses plain HTTP, and is named in the outputs', () => {
    const keyId = props(topicId).KmsMasterKeyId['Fn::GetAtt'][0] as string;
    expect(props(keyId).EnableKeyRotation).toBe(true);
    const cloudwatch = props(keyId).KeyPolicy.Statement.find((s: any) => s.Principal?.Service === 'cloudwatch.amazonaws.com');
    expect(cloudwatch.Action.sort()).toEqual(['kms:Decrypt', 'kms:GenerateDataKey']);
    const [topicPolicy] = resourcesOf(template, 'AWS::SNS::TopicPolicy');
    expect(JSON.stringify(topicPolicy.Properties!.PolicyDocument)).toContain('"aws:SecureTransport":"false"');
    expect(json.Outputs.AlarmTopicArn.Value).toEqual({ Ref: topicId });
  });
});

describe('dashboard', () => {
  it('is one dashboard for the API and the jobs, named in the outputs', () => {
    const dashboards = resourcesOf(template, 'AWS::CloudWatch::Dashboard');
    expect(dashboards).toHaveLength(1);
    expect(dashboards[0].Properties!.DashboardName).toBe('CxWatch-Stateless-api-and-jobs');
    expect(json.Outputs.DashboardName.Value).toEqual({ Ref: idOf('AWS::CloudWatch::Dashboard', 'MonitoringDashboard') });
  });

  it('charts the API, every function, the dead-letter queues, the alarms and every business metric', () => {
    // The body is a Fn::Join of JSON text and tokens; each token becomes TOKEN(<logical id>) to parse it.
    const [, parts] = resourcesOf(template, 'AWS::CloudWatch::Dashboard')[0].Properties!.DashboardBody['Fn::Join'] as [string, unknown[]];
    const text = parts.map((p) => (typeof p === 'string' ? p : `TOKEN(${(p as any).Ref ?? (p as any)['Fn::GetAtt']?.[0]})`)).join('');
    const widgets = (JSON.parse(text) as { widgets: { type: string; properties: any }[] }).widgets;
    expect(widgets.map((w) => w.type)).toContain('alarm');
    const alarmWidget = widgets.find((w) => w.type === 'alarm')!;
    expect(alarmWidget.properties.alarms).toHaveLength(8);
    const series = widgets.filter((w) => w.type === 'metric').flatMap((w) => w.properties.metrics as unknown[][]);
    const flat = JSON.stringify(series);
    for (const id of [...functionIds, reminderQueue, rankingQueue]) expect(flat, id).toContain(`TOKEN(${id})`);
    expect(flat).toContain('AWS/ApiGateway');
    const expressions = series.map((s) => (s[0] as { expression?: string }).expression).filter(Boolean);
    for (const name of METRIC_NAMES) {
      expect(expressions).toContain(`SUM(SEARCH('{CxWatch,service} MetricName="${name}"', 'Sum', 3600))`);
    }
  });
});
