import { GetObjectCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { ObjectStorage } from '../../ports/object-storage';

/** The two presigners, injectable so tests can see exactly what they are asked for. */
export interface S3Presigners {
  createPresignedPost: typeof createPresignedPost;
  getSignedUrl: typeof getSignedUrl;
}

type PresignedPostClient = Parameters<typeof createPresignedPost>[0];

/**
 * Photos in the S3 bucket. Uploads never pass through Lambda: the client gets a presigned POST whose
 * policy pins the key, the content type and the size range, and S3 enforces it. Reads are presigned GETs.
 */
export class S3ObjectStorage implements ObjectStorage {
  constructor(
    private readonly bucket: string,
    private readonly client: S3Client = new S3Client({}),
    private readonly presigners: S3Presigners = { createPresignedPost, getSignedUrl },
  ) {}

  async presignPost(key: string, o: { contentType: string; maxBytes: number; expiresInSeconds: number }) {
    // `s3-presigned-post` may pin a slightly different client-s3 release; it only reads the client's config.
    const { url, fields } = await this.presigners.createPresignedPost(this.client as unknown as PresignedPostClient, {
      Bucket: this.bucket,
      Key: key,
      Conditions: [
        ['content-length-range', 1, o.maxBytes],
        ['eq', '$Content-Type', o.contentType],
      ],
      // Returned in `fields` so the client sends exactly the type the policy requires.
      Fields: { 'Content-Type': o.contentType },
      Expires: o.expiresInSeconds,
    });
    return { url, fields };
  }

  async head(key: string) {
    try {
      const out = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { size: out.ContentLength ?? 0, contentType: out.ContentType ?? '' };
    } catch (err) {
      // HEAD has no error body: a missing key is `NotFound` (404), given s3:ListBucket; without it S3 says 403.
      const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
      if (e.name === 'NotFound' || e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404) return undefined;
      throw err;
    }
  }

  async presignGet(key: string, expiresInSeconds: number) {
    return this.presigners.getSignedUrl(this.client, new GetObjectCommand({ Bucket: this.bucket, Key: key }), { expiresIn: expiresInSeconds });
  }
}
