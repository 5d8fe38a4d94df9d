import { CfnOutput, Duration, Stack } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  AlarmStatusWidget,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IAlarm,
  type IMetric,
  MathExpression,
  type Metric,
  TextWidget,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { METRIC_NAMES } from '../../apps/functions/src/platform/observability/metrics';
import { servicePrincipal } from './function-parts';

/** A scheduled job: its function, how often it runs, and the dead-letter queues that catch its lost runs. */
export interface MonitoredJob {
  name: string;
  fn: IFunction;
  /** The failure alarm's period: one run of the job. */
  period: Duration;
  deadLetterQueues: IQueue[];
}

export interface MonitoringProps {
  httpApi: HttpApi;
  apiFunctions: Record<string, IFunction>;
  jobs: MonitoredJob[];
  /** The CloudWatch namespace the functions' Powertools metrics go to (POWERTOOLS_METRICS_NAMESPACE). */
  metricsNamespace: string;
}

/** The alarm thresholds (test/monitoring.test.ts and infra/README.md read them from here). */
export const ALARM = {
  /** Percentage of 5xx among API requests over 5 minutes, judged only from this many requests up. */
  api5xxPercent: 5,
  api5xxMinRequests: 20,
  /** Uncaught errors of the API functions together, per 5 minutes. */
  apiLambdaErrors: 5,
} as const;

const FIVE_MINUTES = Duration.minutes(5);

/**
 * What watches production: alarms on the API's 5xx rate, Lambda errors and throttles, job failures and
 * dead-letter depth, all sent to one SNS topic (the `AlarmTopicArn` output), and one dashboard for the API
 * and the jobs.
 */
export class Monitoring extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const { httpApi, apiFunctions, jobs, metricsNamespace } = props;
    const stackName = Stack.of(this).stackName;

    // The topic is encrypted with its own key; CloudWatch may use the key to publish, and nothing else.
    const key = new Key(this, 'AlarmTopicKey', {
      description: '创星: encrypts the alarm topic',
      enableKeyRotation: true,
    });
    key.grant(servicePrincipal('cloudwatch'), 'kms:Decrypt', 'kms:GenerateDataKey');
    this.topic = new Topic(this, 'AlarmTopic', {
      displayName: '创星 alarms',
      masterKey: key,
      enforceSSL: true,
    });
    const action = new SnsAction(this.topic);
    const alarm = (alarmId: string, description: string, metric: IMetric, threshold: number, evaluationPeriods = 1) => {
      const a = new Alarm(this, alarmId, {
        alarmName: `${stackName}-${alarmId}`,
        alarmDescription: description,
        metric,
        threshold,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods,
        datapointsToAlarm: evaluationPeriods === 1 ? 1 : evaluationPeriods - 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      a.addAlarmAction(action);
      a.addOkAction(action);
      this.alarms.push(a);
      return a;
    };

    const apiFns = Object.entries(apiFunctions);
    const allFns = [...apiFns, ...jobs.map((j) => [j.name, j.fn] as const)];
    const sumOf = (label: string, metrics: [string, Metric][]) =>
      new MathExpression({
        label,
        expression: metrics.map(([k]) => k).join(' + '),
        usingMetrics: Object.fromEntries(metrics),
        period: FIVE_MINUTES,
      });
    const key5 = (name: string) => name.replace(/[^a-zA-Z0-9]/g, '').replace(/^./, (c) => c.toLowerCase());

    alarm(
      'Api5xxRate',
      `More than ${ALARM.api5xxPercent}% of API requests answered 5xx in two of three 5-minute periods (from ${ALARM.api5xxMinRequests} requests up).`,
      new MathExpression({
        label: '5xx %',
        expression: `IF(requests >= ${ALARM.api5xxMinRequests}, 100 * errors / requests, 0)`,
        usingMetrics: {
          errors: httpApi.metricServerError({ period: FIVE_MINUTES, statistic: 'Sum' }),
          requests: httpApi.metricCount({ period: FIVE_MINUTES, statistic: 'Sum' }),
        },
        period: FIVE_MINUTES,
      }),
      ALARM.api5xxPercent,
      3,
    );
    alarm(
      'ApiLambdaErrors',
      `The API functions together failed ${ALARM.apiLambdaErrors} or more invocations (uncaught errors, timeouts) in 5 minutes.`,
      sumOf(
        'API function errors',
        apiFns.map(([n, fn]) => [`e${key5(n)}`, fn.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum' })]),
      ),
      ALARM.apiLambdaErrors,
    );
    // A metric-math alarm takes at most 10 metrics (CloudWatch): API functions and jobs are summed apart.
    alarm(
      'ApiLambdaThrottles',
      'An API function was throttled (reserved or account concurrency exhausted) in the last 5 minutes.',
      sumOf(
        'API function throttles',
        apiFns.map(([n, fn]) => [`t${key5(n)}`, fn.metricThrottles({ period: FIVE_MINUTES, statistic: 'Sum' })]),
      ),
      1,
    );
    alarm(
      'JobLambdaThrottles',
      'A scheduled job was throttled (reserved or account concurrency exhausted) in the last 5 minutes.',
      sumOf(
        'Job throttles',
        jobs.map((j) => [`t${key5(j.name)}`, j.fn.metricThrottles({ period: FIVE_MINUTES, statistic: 'Sum' })]),
      ),
      1,
    );
    for (const job of jobs) {
      const jobId = job.name.replace(/(^|-)([a-z])/g, (_, _d, c: string) => c.toUpperCase());
      alarm(
        `${jobId}JobFailures`,
        `The ${job.name} job failed (an error or a timeout); Lambda retries it twice, then it lands in its dead-letter queue.`,
        job.fn.metricErrors({ period: job.period, statistic: 'Sum' }),
        1,
      );
      job.deadLetterQueues.forEach((q, i) => {
        alarm(
          `${jobId}DeadLetters${i === 0 ? '' : i + 1}`,
          `A run of the ${job.name} job was given up and is waiting in its dead-letter queue: read it, fix the cause, run the job again.`,
          q.metricApproximateNumberOfMessagesVisible({ period: FIVE_MINUTES, statistic: 'Maximum' }),
          1,
        );
      });
    }

    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: `${stackName}-api-and-jobs`,
      defaultInterval: Duration.hours(24),
    });
    const business = (name: string) =>
      new MathExpression({
        label: name,
        // Every function emits with its own `service` dimension; the dashboard adds them up.
        expression: `SUM(SEARCH('{${metricsNamespace},service} MetricName="${name}"', 'Sum', 3600))`,
        period: Duration.hours(1),
      });
    const graph = (title: string, left: IMetric[], width = 8) => new GraphWidget({ title, left, width, height: 6 });
    this.dashboard.addWidgets(
      new TextWidget({
        markdown: `# 创星 API and jobs\nAlarms go to the SNS topic in the \`AlarmTopicArn\` output of ${stackName}. See infra/README.md, "Reading the alarms".`,
        width: 24,
        height: 2,
      }),
    );
    this.dashboard.addWidgets(new AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms as IAlarm[], width: 24, height: 4 }));
    this.dashboard.addWidgets(
      graph('API requests, 4xx, 5xx (per 5 min)', [
        httpApi.metricCount({ period: FIVE_MINUTES, statistic: 'Sum' }),
        httpApi.metricClientError({ period: FIVE_MINUTES, statistic: 'Sum' }),
        httpApi.metricServerError({ period: FIVE_MINUTES, statistic: 'Sum' }),
      ]),
      graph('API latency (p50, p99)', [
        httpApi.metricLatency({ period: FIVE_MINUTES, statistic: 'p50' }),
        httpApi.metricLatency({ period: FIVE_MINUTES, statistic: 'p99' }),
      ]),
      graph(
        'API function duration p99',
        apiFns.map(([n, fn]) => fn.metricDuration({ period: FIVE_MINUTES, statistic: 'p99', label: n })),
      ),
    );
    this.dashboard.addWidgets(
      graph(
        'Function errors',
        allFns.map(([n, fn]) => fn.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum', label: n })),
      ),
      graph(
        'Function throttles',
        allFns.map(([n, fn]) => fn.metricThrottles({ period: FIVE_MINUTES, statistic: 'Sum', label: n })),
      ),
      graph(
        'Job dead-letter queues (messages)',
        jobs.flatMap((j) =>
          j.deadLetterQueues.map((q) =>
            q.metricApproximateNumberOfMessagesVisible({ period: FIVE_MINUTES, statistic: 'Maximum', label: j.name }),
          ),
        ),
      ),
    );
    this.dashboard.addWidgets(
      graph(
        'Jobs: invocations and duration (max, ms)',
        jobs.flatMap((j) => [
          j.fn.metricInvocations({ period: Duration.hours(1), statistic: 'Sum', label: `${j.name} runs` }),
          j.fn.metricDuration({ period: Duration.hours(1), statistic: 'Maximum', label: `${j.name} duration` }),
        ]),
        12,
      ),
      // Every metric the functions emit (the list is the functions' own), in two graphs.
      graph('Activity (per hour)', METRIC_NAMES.filter((m) => !m.startsWith('Notifications')).map(business), 6),
      graph('Notifications (per hour)', METRIC_NAMES.filter((m) => m.startsWith('Notifications')).map(business), 6),
    );

    new CfnOutput(Stack.of(this), 'AlarmTopicArn', {
      value: this.topic.topicArn,
      description: 'Every alarm of the API and the jobs publishes here: subscribe the on-call email or SMS to it',
    });
    new CfnOutput(Stack.of(this), 'DashboardName', {
      value: this.dashboard.dashboardName,
      description: 'The CloudWatch dashboard for the API and the jobs',
    });
  }
}
