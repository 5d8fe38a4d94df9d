import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { parseConfig } from '../platform/config/config';
import { openSecrets } from '../platform/config/secrets';
import type { FeatureModule } from '../platform/http/feature';
import type { Router } from '../platform/http/router';
import { createLogger } from '../platform/observability/logger';
import { createPowertoolsMetrics } from '../platform/observability/powertools-metrics';
import { createWiring } from '../platform/wiring';
import { createApiApp } from './api-app';
import type { ApiFunctionName, FeaturesOf } from './api-functions';

/**
 * One API function of api-functions.ts: exactly the features it lists (a missing or extra one does not
 * compile), a Lambda handler out. Config is parsed at cold start (a bad one fails the init, loudly); the
 * secrets are read on the first request (again if that failed) and re-read once older than their max age.
 */
export function createApiHandler<F extends ApiFunctionName>(name: F, features: { [K in FeaturesOf<F>]: FeatureModule<K> }) {
  const config = parseConfig(process.env);
  const { logger, powertools } = createLogger(`chuangxing-api-${name}`);
  const { metrics, flush } = createPowertoolsMetrics(`chuangxing-api-${name}`);
  const served: readonly FeatureModule[] = Object.values(features);
  let app: Promise<Router> | undefined;

  async function build(): Promise<Router> {
    const secrets = await openSecrets(config);
    return createApiApp(createWiring(config, secrets, undefined, undefined, metrics), { logger, features: served });
  }

  return async (event: APIGatewayProxyEventV2, context: Context) => {
    powertools.addContext(context);
    app ??= build().catch((err) => {
      app = undefined; // let the next invocation retry a failed secret fetch
      throw err;
    });
    try {
      return await (await app).handle(event);
    } finally {
      flush(); // this invocation's counts, as one EMF line
    }
  };
}
