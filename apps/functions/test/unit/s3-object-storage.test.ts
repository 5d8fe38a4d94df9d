import { Readable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { S3ObjectStorage } from '../../src/adapters/storage/s3-object-storage';

const KEY = 'daily-report/yingtaogou/2026-03-02/01JNQ8Z3K2M4N5P6Q7R8S9T0VW.jpg';

/** A client that signs with fixed credentials and answers every request with `respond` (no network). */
function offlineClient(respond: () => { statusCode: number; headers?: Record<string, string> } = () => ({ statusCode: 200 })) {
  const sent: { method: string; path: string }[] = [];
  const client = new S3Client({
    region: 'cn-north-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', sessionToken: 'session-token' },
    requestHandler: {
      handle: async (req: { method: string; path: string }) => {
        sent.push({ method: req.method, path: req.path });
        const r = respond();
        return { response: { statusCode: r.statusCode, headers: r.headers ?? {}, body: Readable.from([]) } };
      },
    },
  });
  return { client, sent };
}

describe('S3ObjectStorage.presignPost', () => {
  it('asks createPresignedPost for the fixed key, a 1..maxBytes length range, the exact content type and the expiry', async () => {
    const presignedPost = vi.fn(async () => ({ url: 'https://photos.s3.cn-north-1.amazonaws.com.cn/', fields: { key: KEY, Policy: 'p', 'X-Amz-Signature': 's' } }));
    const { client } = offlineClient();
    const storage = new S3ObjectStorage('photos', client, { createPresignedPost: presignedPost, getSignedUrl });
    const out = await storage.presignPost(KEY, { contentType: 'image/jpeg', maxBytes: 2_097_152, expiresInSeconds: 600 });

    expect(presignedPost).toHaveBeenCalledTimes(1);
    expect(presignedPost).toHaveBeenCalledWith(client, {
      Bucket: 'photos',
      Key: KEY,
      Conditions: [
        ['content-length-range', 1, 2_097_152],
        ['eq', '$Content-Type', 'image/jpeg'],
      ],
      Fields: { 'Content-Type': 'image/jpeg' },
      Expires: 600,
    });
    expect(out).toEqual({ url: 'https://photos.s3.cn-north-1.amazonaws.com.cn/', fields: { key: KEY, Policy: 'p', 'X-Amz-Signature': 's' } });
  });

  it('with the real presigner, the signed policy pins the bucket, key, type and size range', async () => {
    const { client } = offlineClient();
    const storage = new S3ObjectStorage('photos-bucket', client);
    const { url, fields } = await storage.presignPost(KEY, { contentType: 'image/png', maxBytes: 204_800, expiresInSeconds: 600 });
    expect(url).toMatch(/^https:\/\/photos-bucket\.s3\.cn-north-1\.amazonaws\.com\.cn\/?$/);
    expect(fields).toMatchObject({ key: KEY, 'Content-Type': 'image/png', bucket: 'photos-bucket', 'X-Amz-Algorithm': 'AWS4-HMAC-SHA256', 'X-Amz-Security-Token': 'session-token' });
    expect(fields['X-Amz-Signature']).toMatch(/^[0-9a-f]{64}$/);
    const policy = JSON.parse(Buffer.from(fields.Policy, 'base64').toString('utf8'));
    expect(policy.conditions).toEqual(
      expect.arrayContaining([['content-length-range', 1, 204_800], ['eq', '$Content-Type', 'image/png'], { key: KEY }, { bucket: 'photos-bucket' }]),
    );
    const ttl = Date.parse(policy.expiration) - Date.now();
    expect(ttl).toBeGreaterThan(590_000);
    expect(ttl).toBeLessThanOrEqual(600_000);
  });
});

describe('S3ObjectStorage.head', () => {
  it('returns size and type from HeadObject', async () => {
    const { client, sent } = offlineClient(() => ({ statusCode: 200, headers: { 'content-length': '1234', 'content-type': 'image/webp' } }));
    expect(await new S3ObjectStorage('photos', client).head(KEY)).toEqual({ size: 1234, contentType: 'image/webp' });
    expect(sent).toEqual([{ method: 'HEAD', path: `/${KEY}` }]);
  });

  it('maps the 404 NotFound of a missing key to undefined', async () => {
    const { client } = offlineClient(() => ({ statusCode: 404 }));
    expect(await new S3ObjectStorage('photos', client).head(KEY)).toBeUndefined();
  });

  it('lets other failures (403: no permission) through', async () => {
    const { client } = offlineClient(() => ({ statusCode: 403 }));
    await expect(new S3ObjectStorage('photos', client).head(KEY)).rejects.toMatchObject({ $metadata: { httpStatusCode: 403 } });
  });
});

describe('S3ObjectStorage.presignGet', () => {
  it('signs a GET of the key that a browser or wx.downloadFile can use as is (only the host header signed)', async () => {
    const { client, sent } = offlineClient();
    const url = new URL(await new S3ObjectStorage('photos', client).presignGet(KEY, 900));
    expect(url.hostname).toBe('photos.s3.cn-north-1.amazonaws.com.cn');
    expect(url.pathname).toBe(`/${KEY}`);
    expect(url.searchParams.get('X-Amz-Expires')).toBe('900');
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('host');
    expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
    expect(sent).toEqual([]);
  });

  it('passes the command and expiry to the injected presigner', async () => {
    const signer = vi.fn(async () => 'https://signed');
    const { client } = offlineClient();
    const storage = new S3ObjectStorage('photos', client, { createPresignedPost, getSignedUrl: signer as unknown as typeof getSignedUrl });
    expect(await storage.presignGet(KEY, 60)).toBe('https://signed');
    const [, command, options] = signer.mock.calls[0] as unknown as [unknown, { input: unknown }, unknown];
    expect(command.input).toEqual({ Bucket: 'photos', Key: KEY });
    expect(options).toEqual({ expiresIn: 60 });
  });
});
