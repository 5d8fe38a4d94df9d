import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { type AppConfig, parseConfig } from '../platform/config/config';
import { loadSecrets } from '../platform/config/secrets';
import { type ApiApp, createContextApp } from '../platform/http/context-app';
import type { RouteImplementations } from '../platform/http/route-context';
import type { Deps } from '../platform/kernel/deps';
import { createLogger } from '../platform/observability/logger';
import type { Secrets } from './compose-base';

/**
 * One API function per bounded context (http/route-contexts.ts): the context's composer and routes in, a
 * Lambda handler out. Config is parsed at cold start (a bad one fails the init, loudly); the secrets are
 * fetched on the first request and fetched again if that failed.
 */
export function createApiHandler(
  serviceName: string,
  compose: (config: AppConfig, secrets: Secrets) => Deps,
  implementations: Partial<RouteImplementations>,
) {
  const config = parseConfig(process.env);
  const { logger, powertools } = createLogger(serviceName);
  let app: Promise<ApiApp> | undefined;

  async function build(): Promise<ApiApp> {
    const secrets = await loadSecrets(config);
    return createContextApp({ deps: compose(config, secrets), corsOrigins: config.corsOrigins, logger, implementations });
  }

  return async (event: APIGatewayProxyEventV2, context: Context) => {
    powertools.addContext(context);
    app ??= build().catch((err) => {
      app = undefined; // let the next invocation retry a failed secret fetch
      throw err;
    });
    return (await app).handle(event);
  };
}
