import { Logger as PowertoolsLogger } from '@aws-lambda-powertools/logger';
import type { Logger } from '../../handlers/api-app';

/** Structured JSON logs (Powertools); the app sees only the small Logger port. */
export function createLogger(serviceName = 'chuangxing-api', logLevel?: string) {
  const pt = new PowertoolsLogger({ serviceName, ...(logLevel ? { logLevel: logLevel as 'INFO' } : {}) });
  const logger: Logger = {
    info: (m, extra) => pt.info(m, (extra ?? {}) as never),
    warn: (m, extra) => pt.warn(m, (extra ?? {}) as never),
    error: (m, extra) => pt.error(m, (extra ?? {}) as never),
  };
  return { logger, powertools: pt };
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
