import { Tracer } from '@aws-lambda-powertools/tracer';

/**
 * Powertools Tracer for the scheduled jobs only: its X-Ray SDK (aws-xray-sdk-core) adds about 110 KB, which
 * the API functions' 250 KB budget cannot take (infra/README.md). The API functions are traced by Lambda's
 * active tracing alone. Here each run is a `## handler` subsegment with a ColdStart annotation and its error,
 * and the DynamoDB client's calls are subsegments of it.
 */
export function createJobTracer(serviceName: string) {
  const tracer = new Tracer({ serviceName });
  return {
    /** Records the client's SDK calls (DynamoDB) as subsegments; returns the same client. */
    captureClient<T extends object>(client: T): T {
      return tracer.captureAWSv3Client(client);
    },
    /** Runs one invocation inside its own subsegment. Outside Lambda (tests) tracing is off and this just runs it. */
    async run<T>(name: string, fn: () => Promise<T>): Promise<T> {
      if (!tracer.isTracingEnabled()) return fn();
      const parent = tracer.getSegment();
      if (!parent) return fn();
      const segment = parent.addNewSubsegment(`## ${name}`);
      tracer.setSegment(segment);
      tracer.annotateColdStart();
      tracer.addServiceNameAnnotation();
      try {
        return await fn();
      } catch (err) {
        tracer.addErrorAsMetadata(err as Error);
        throw err;
      } finally {
        segment.close();
        tracer.setSegment(parent);
      }
    },
  };
}
