import { Logger as PowertoolsLogger } from '@aws-lambda-powertools/logger';

/** The small logging port the app sees; Powertools in Lambda, silent in tests. */
export interface Logger {
  info(message: string, extra?: Record<string, unknown>): void;
  warn(message: string, extra?: Record<string, unknown>): void;
  error(message: string, extra?: Record<string, unknown>): void;
}

/** Structured JSON logs (Powertools). */
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
