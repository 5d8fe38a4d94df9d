import type { S3Client } from '@aws-sdk/client-s3';
import type { ObjectStorage } from './object-storage';
import { presignGetUrl, presignPostPolicy, type SigV4Credentials, s3Host } from './sigv4';

/**
 * Photos in the S3 bucket. Uploads never pass through Lambda: the client gets a presigned POST whose
 * policy pins the key, the content type and the size range, and S3 enforces it. Reads are presigned GETs.
 * Signing uses the S3 client's own credentials and region (the Lambda role), with our SigV4 code. The S3
 * client is loaded on first use, so a cold start that touches no photo does not pay for it.
 */
export class S3ObjectStorage implements ObjectStorage {
  private client?: Promise<S3Client>;

  constructor(
    private readonly bucket: string,
    client?: S3Client,
    private readonly clock: () => Date = () => new Date(),
  ) {
    if (client) this.client = Promise.resolve(client);
  }

  private s3(): Promise<S3Client> {
    this.client ??= import('@aws-sdk/client-s3').then(({ S3Client }) => new S3Client({}));
    return this.client;
  }

  private async signing(): Promise<{ region: string; credentials: SigV4Credentials }> {
    const client = await this.s3();
    const [region, credentials] = await Promise.all([client.config.region(), client.config.credentials()]);
    return { region, credentials };
  }

  async presignPost(key: string, o: { contentType: string; maxBytes: number; expiresInSeconds: number }) {
    const { region, credentials } = await this.signing();
    return presignPostPolicy({
      bucket: this.bucket,
      key,
      contentType: o.contentType,
      maxBytes: o.maxBytes,
      region,
      credentials,
      now: this.clock(),
      expiresIn: o.expiresInSeconds,
    });
  }

  async head(key: string) {
    try {
      const [client, { HeadObjectCommand }] = await Promise.all([this.s3(), import('@aws-sdk/client-s3')]);
      const out = await client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { size: out.ContentLength ?? 0, contentType: out.ContentType ?? '' };
    } catch (err) {
      // HEAD has no error body: a missing key is `NotFound` (404), given s3:ListBucket; without it S3 says 403.
      const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
      if (e.name === 'NotFound' || e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404) return undefined;
      throw err;
    }
  }

  async presignGet(key: string, expiresInSeconds: number) {
    const { region, credentials } = await this.signing();
    return presignGetUrl({ host: s3Host(this.bucket, region), key, region, credentials, now: this.clock(), expiresIn: expiresInSeconds });
  }
}
