import type { AppConfig } from './config';

export interface Secrets {
  tokenSigningKey: string;
  wechatAppSecret: string;
}

/** In AWS the secrets come from Secrets Manager; locally from the environment (a git-ignored file). */
export async function loadSecrets(config: AppConfig): Promise<Secrets> {
  if (config.secretsArn) {
    // Loaded when first needed (the first request), not at module load.
    const { GetSecretValueCommand, SecretsManagerClient } = await import('@aws-sdk/client-secrets-manager');
    const client = new SecretsManagerClient({});
    const res = await client.send(new GetSecretValueCommand({ SecretId: config.secretsArn }));
    const parsed = JSON.parse(res.SecretString ?? '{}') as Partial<Secrets>;
    if (!parsed.tokenSigningKey) throw new Error('secret has no tokenSigningKey');
    return { tokenSigningKey: parsed.tokenSigningKey, wechatAppSecret: parsed.wechatAppSecret ?? '' };
  }
  const { tokenSigningKey, wechatAppSecret } = config.localSecrets;
  if (!tokenSigningKey) throw new Error('CX_TOKEN_SIGNING_KEY is required outside AWS');
  return { tokenSigningKey, wechatAppSecret: wechatAppSecret ?? '' };
}
