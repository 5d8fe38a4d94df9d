import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { parseConfig } from '../config/config';
import { loadSecrets } from '../config/secrets';
import { createApiApp, type ApiApp } from '../http/api-app';
import { createLogger } from '../observability/logger';
import { composeDeps } from './compose';

// Cold start: config is parsed once and a bad one fails the init, loudly.
const config = parseConfig(process.env);
const { logger, powertools } = createLogger();
let app: Promise<ApiApp> | undefined;

async function build(): Promise<ApiApp> {
  const secrets = await loadSecrets(config);
  return createApiApp({ deps: composeDeps(config, secrets), corsOrigins: config.corsOrigins, logger });
}

export const handler = async (event: APIGatewayProxyEventV2, context: Context) => {
  powertools.addContext(context);
  app ??= build().catch((err) => {
    app = undefined; // let the next invocation retry a failed secret fetch
    throw err;
  });
  return (await app).handle(event);
};
