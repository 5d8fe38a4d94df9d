import { MetricUnit, Metrics as PowertoolsMetrics } from '@aws-lambda-powertools/metrics';
import type { Metrics } from './metrics';

/**
 * The metrics port on Powertools: counts go out as CloudWatch embedded metric format (one JSON line on stdout
 * per invocation that counted something), in the namespace of POWERTOOLS_METRICS_NAMESPACE with the
 * function's `service` dimension. `flush` ends an invocation; it writes nothing when nothing was counted.
 */
export function createPowertoolsMetrics(serviceName: string, namespace?: string) {
  const pt = new PowertoolsMetrics({ serviceName, ...(namespace ? { namespace } : {}) });
  const metrics: Metrics = {
    count(name, value = 1) {
      if (Number.isFinite(value) && value > 0) pt.addMetric(name, MetricUnit.Count, value);
    },
  };
  return {
    metrics,
    flush: () => {
      if (pt.hasStoredMetrics()) pt.publishStoredMetrics();
    },
  };
}
