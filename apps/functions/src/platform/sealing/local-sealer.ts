import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type { Sealer } from './sealer';

/** AES-256-GCM with keys derived (HKDF) from the API secret; the format is `v1.<iv>.<tag>.<ciphertext>`. */
export class LocalSealer implements Sealer {
  private readonly encKey: Buffer;
  private readonly macKey: Buffer;

  constructor(secret: string) {
    this.encKey = Buffer.from(hkdfSync('sha256', secret, 'chuangxing', 'seal-v1', 32));
    this.macKey = Buffer.from(hkdfSync('sha256', secret, 'chuangxing', 'writer-key-v1', 32));
  }

  async seal(plaintext: string): Promise<string> {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encKey, iv);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
  }

  async open(sealed: string): Promise<string> {
    const [v, iv, tag, body] = sealed.split('.');
    if (v !== 'v1' || !iv || !tag || body === undefined) throw new Error('not a sealed value');
    const decipher = createDecipheriv('aes-256-gcm', this.encKey, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }

  keyedHash(text: string): string {
    return createHmac('sha256', this.macKey).update(text).digest('base64url');
  }
}
