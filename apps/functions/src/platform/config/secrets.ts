import type { AppConfig } from './config';

export interface Secrets {
  tokenSigningKey: string;
  wechatAppSecret: string;
}

/**
 * The secrets of a running function. The token signing key stays as first read for the container's life
 * (changing it under live tokens would log everyone out at random); the WeChat AppSecret is re-read once
 * it is older than the max age, so a secret the operator puts in after a deploy reaches warm containers.
 */
export interface SecretSource {
  /** As read at the first load (before any wiring is built). */
  readonly initial: Secrets;
  /** At most `maxAge` old. One read is shared by concurrent callers; a failed read serves the last value. */
  get(): Promise<Secrets>;
}

type ReadSecrets = () => Promise<Secrets>;

/** After a failed refresh, the last value is served this long before the next try. */
const RETRY_AFTER_FAILURE_MS = 30_000;

/**
 * Opens the secrets (one read now, failing loudly as before) and keeps them fresh: a cache with a max age
 * in the manner of Powertools Parameters, without its dependency, so the Secrets Manager client stays
 * loaded only when first needed.
 */
export async function openSecrets(config: AppConfig, opts: { now?: () => number; read?: ReadSecrets } = {}): Promise<SecretSource> {
  const read = opts.read ?? secretReader(config);
  const now = opts.now ?? Date.now;
  const maxAgeMs = config.secretsMaxAgeSeconds * 1000;
  let value = await read();
  let freshUntil = now() + maxAgeMs;
  let inflight: Promise<Secrets> | undefined;
  const refresh = () =>
    read()
      .then((next) => {
        value = next;
        freshUntil = now() + maxAgeMs;
        return next;
      })
      .catch(() => {
        freshUntil = now() + Math.min(maxAgeMs, RETRY_AFTER_FAILURE_MS);
        return value;
      })
      .finally(() => {
        inflight = undefined;
      });
  return {
    initial: value,
    async get() {
      if (now() < freshUntil) return value;
      inflight ??= refresh();
      return inflight;
    },
  };
}

/** A source that never changes (tests, scripts). */
export const fixedSecrets = (secrets: Secrets): SecretSource => ({ initial: secrets, get: async () => secrets });

/** In AWS the secrets come from Secrets Manager; locally from the environment (a git-ignored file). */
function secretReader(config: AppConfig): ReadSecrets {
  const arn = config.secretsArn;
  if (!arn) {
    const { tokenSigningKey, wechatAppSecret } = config.localSecrets;
    return async () => {
      if (!tokenSigningKey) throw new Error('CX_TOKEN_SIGNING_KEY is required outside AWS');
      return { tokenSigningKey, wechatAppSecret: wechatAppSecret ?? '' };
    };
  }
  let client: Promise<(id: string) => Promise<string | undefined>> | undefined;
  // Loaded when first needed (the first request), not at module load; one client for every refresh.
  const sdk = () =>
    (client ??= import('@aws-sdk/client-secrets-manager').then(({ GetSecretValueCommand, SecretsManagerClient }) => {
      const sm = new SecretsManagerClient({});
      return async (id: string) => (await sm.send(new GetSecretValueCommand({ SecretId: id }))).SecretString;
    }));
  return async () => {
    const parsed = JSON.parse((await (await sdk())(arn)) ?? '{}') as Partial<Secrets>;
    if (!parsed.tokenSigningKey) throw new Error('secret has no tokenSigningKey');
    return { tokenSigningKey: parsed.tokenSigningKey, wechatAppSecret: parsed.wechatAppSecret ?? '' };
  };
}

/** One read, for scripts and the local stack. */
export async function loadSecrets(config: AppConfig): Promise<Secrets> {
  return (await openSecrets(config)).initial;
}
