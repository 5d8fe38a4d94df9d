import { createHmac } from 'node:crypto';
import { Readable } from 'node:stream';
import { S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { S3ObjectStorage } from '../../src/platform/storage/s3-object-storage';
import { presignGetUrl, signingKey, uriEncode } from '../../src/platform/storage/sigv4';

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

describe('our SigV4', () => {
  it('reproduces AWS’s published presigned-GET example exactly', () => {
    const url = presignGetUrl({
      host: 'examplebucket.s3.amazonaws.com',
      key: 'test.txt',
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
      now: new Date('2013-05-24T00:00:00Z'),
      expiresIn: 86_400,
    });
    expect(url).toBe(
      'https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404',
    );
  });

  it('encodes keys the RFC 3986 way, keeping slashes in paths', () => {
    expect(uriEncode("a b/(c)*!'", true)).toBe('a%20b/%28c%29%2A%21%27');
    expect(uriEncode('a/b')).toBe('a%2Fb');
  });
});

describe('S3ObjectStorage.presignPost', () => {
  it('signs a policy that pins the bucket, key, type, size range, credential and expiry', async () => {
    const { client } = offlineClient();
    const now = new Date('2026-03-02T01:02:03.000Z');
    const { url, fields } = await new S3ObjectStorage('photos', client, () => now).presignPost(KEY, {
      contentType: 'image/jpeg',
      maxBytes: 2_097_152,
      expiresInSeconds: 600,
    });
    expect(url).toBe('https://photos.s3.cn-north-1.amazonaws.com.cn/');
    expect(fields).toMatchObject({
      key: KEY,
      'Content-Type': 'image/jpeg',
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Date': '20260302T010203Z',
      'X-Amz-Security-Token': 'session-token',
    });
    expect(fields['X-Amz-Credential']).toBe('AKIDEXAMPLE/20260302/cn-north-1/s3/aws4_request');
    const policy = JSON.parse(Buffer.from(fields.Policy, 'base64').toString('utf8'));
    expect(policy.expiration).toBe('2026-03-02T01:12:03.000Z');
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        { bucket: 'photos' },
        { key: KEY },
        { 'Content-Type': 'image/jpeg' },
        ['content-length-range', 1, 2_097_152],
        { 'x-amz-security-token': 'session-token' },
      ]),
    );
    // The signature is the HMAC of the encoded policy under the SigV4 signing key (checked by the GET vector).
    const expected = createHmac('sha256', signingKey('wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', '20260302', 'cn-north-1'))
      .update(fields.Policy)
      .digest('hex');
    expect(fields['X-Amz-Signature']).toBe(expected);
  });
});

describe('S3ObjectStorage.head', () => {
  it('returns size and type from HeadObject', async () => {
    const { client, sent } = offlineClient(() => ({
      statusCode: 200,
      headers: { 'content-length': '1234', 'content-type': 'image/webp' },
    }));
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
    expect(url.searchParams.get('X-Amz-Security-Token')).toBe('session-token');
    expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
    expect(sent).toEqual([]);
  });
});
