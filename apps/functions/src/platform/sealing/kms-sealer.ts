import type { KMSClient } from '@aws-sdk/client-kms';
import { LocalSealer } from './local-sealer';
import type { Sealer } from './sealer';

/**
 * In AWS the sealed values are KMS ciphertexts under the customer-managed key, so reading one needs
 * kms:Decrypt on that key (the API's role, audited in CloudTrail). The keyed hash uses the API secret.
 */
export class KmsSealer implements Sealer {
  private client?: Promise<{ kms: KMSClient; sdk: typeof import('@aws-sdk/client-kms') }>;
  private readonly hasher: LocalSealer;

  constructor(
    private readonly keyId: string,
    secret: string,
  ) {
    this.hasher = new LocalSealer(secret);
  }

  /** Loaded on first use: most requests seal nothing, so a cold start does not pay for the KMS client. */
  private kms() {
    this.client ??= import('@aws-sdk/client-kms').then((sdk) => ({ kms: new sdk.KMSClient({}), sdk }));
    return this.client;
  }

  async seal(plaintext: string): Promise<string> {
    const { kms, sdk } = await this.kms();
    const res = await kms.send(
      new sdk.EncryptCommand({
        KeyId: this.keyId,
        Plaintext: Buffer.from(plaintext, 'utf8'),
        EncryptionContext: { purpose: 'chuangxing-seal' },
      }),
    );
    if (!res.CiphertextBlob) throw new Error('KMS returned no ciphertext');
    return `kms1.${Buffer.from(res.CiphertextBlob).toString('base64url')}`;
  }

  async open(sealed: string): Promise<string> {
    const [v, blob] = sealed.split('.');
    if (v !== 'kms1' || !blob) throw new Error('not a KMS-sealed value');
    const { kms, sdk } = await this.kms();
    const res = await kms.send(
      new sdk.DecryptCommand({
        CiphertextBlob: Buffer.from(blob, 'base64url'),
        KeyId: this.keyId,
        EncryptionContext: { purpose: 'chuangxing-seal' },
      }),
    );
    if (!res.Plaintext) throw new Error('KMS returned no plaintext');
    return Buffer.from(res.Plaintext).toString('utf8');
  }

  keyedHash(text: string): string {
    return this.hasher.keyedHash(text);
  }
}
