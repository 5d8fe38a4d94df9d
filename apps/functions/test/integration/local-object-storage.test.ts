import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { type PhotoRef, UPLOAD_LIMITS } from '@chuangxing/shared';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { verifyReportPhotos } from '../../src/features/reports/verify-report-photos';
import { startHttpServer } from '../../src/local/http-server';
import { LocalObjectStorage } from '../../src/local/local-object-storage';
import type { Router } from '../../src/platform/http/router';
import { DomainError } from '../../src/platform/kernel/domain-error';
import { listFiles, uploadForm } from '../support/http-stack';
import { jpegOfSize, SAMPLE_JPEG, SAMPLE_PNG, SAMPLE_WEBP } from '../support/sample-images';

const ORIGIN = 'http://127.0.0.1:10086';
const KEY = 'daily-report/yingtaogou/2026-03-02/01JNQ8Z3K2M4N5P6Q7R8S9T0VW.jpg';
/** The API app never sees storage paths; if it is reached, the routing is wrong. */
const unreachableApp = { handle: async () => ({ statusCode: 418, body: 'api app reached' }) } as unknown as Router;

let dir: string;
let now: number;
let storage: LocalObjectStorage;
let http: Awaited<ReturnType<typeof startHttpServer>>;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'cx-storage-test-'));
  let url = '';
  storage = new LocalObjectStorage({
    dir,
    baseUrl: () => url,
    signingKey: 'storage-test-signing-key-0123456789abcdef',
    corsOrigins: [ORIGIN],
    now: () => now,
  });
  http = await startHttpServer(unreachableApp, 0, '127.0.0.1', [storage.route]);
  url = http.url;
});
afterAll(async () => {
  await http.stop();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  now = Date.now();
});

const stored = () => listFiles(dir).filter((f) => !f.startsWith('tmp/'));
const presign = (key = KEY, contentType = 'image/jpeg', maxBytes = UPLOAD_LIMITS.photo) =>
  storage.presignPost(key, { contentType, maxBytes, expiresInSeconds: 600 });
let n = 0;
const freshKey = (ext = 'jpg', branch = 'yingtaogou', day = '2026-03-02') =>
  `daily-report/${branch}/${day}/01JNQ8Z3K2M4N5P6Q7R8S9T${String(n++).padStart(3, '0')}.${ext}`;

describe('presigned POST, like S3', () => {
  it('gives a form for this server with the key, type, policy and signature', async () => {
    const { url, fields } = await presign();
    expect(url).toBe(`${http.url}/local-storage/upload`);
    expect(Object.keys(fields).sort()).toEqual(['Content-Type', 'key', 'policy', 'signature']);
    expect(fields.key).toBe(KEY);
    expect(fields['Content-Type']).toBe('image/jpeg');
    const policy = JSON.parse(Buffer.from(fields.policy, 'base64').toString('utf8'));
    expect(policy).toEqual({
      key: KEY,
      contentType: 'image/jpeg',
      maxBytes: UPLOAD_LIMITS.photo,
      expiry: new Date(now + 600_000).toISOString(),
    });
    expect(fields.signature).toMatch(/^[0-9a-f]{64}$/);
  });

  it('stores a real JPEG: head reports its size and type, and the presigned GET serves the same bytes', async () => {
    const key = freshKey();
    const { url, fields } = await presign(key);
    const res = await uploadForm(url, fields, { bytes: SAMPLE_JPEG, type: 'image/jpeg', name: 'photo.jpg' });
    expect(res.status).toBe(204);
    expect(await storage.head(key)).toEqual({ size: SAMPLE_JPEG.length, contentType: 'image/jpeg' });

    const getUrl = await storage.presignGet(key, 900);
    expect(getUrl).toMatch(new RegExp(`^${http.url}/local-storage/object/${key}\\?exp=\\d+&sig=[0-9a-f]{64}$`));
    const got = await fetch(getUrl);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/jpeg');
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await got.arrayBuffer()).equals(SAMPLE_JPEG)).toBe(true);
  });

  it('accepts PNG and WebP when they are what the policy says', async () => {
    for (const [ext, type, bytes] of [
      ['png', 'image/png', SAMPLE_PNG],
      ['webp', 'image/webp', SAMPLE_WEBP],
    ] as const) {
      const key = freshKey(ext);
      const { url, fields } = await presign(key, type);
      expect((await uploadForm(url, fields, { bytes, type })).status).toBe(204);
      expect(await storage.head(key)).toEqual({ size: bytes.length, contentType: type });
    }
  });

  it('takes a hand-built multipart body with the file in the middle and an x-ignore- field (as wx.uploadFile may send)', async () => {
    const key = freshKey();
    const { url, fields } = await presign(key);
    const boundary = '----wxUploadBoundary7MA4YWxkTrZu0gW';
    const part = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const body = Buffer.concat([
      Buffer.from(part('key', fields.key) + part('policy', fields.policy) + part('signature', fields.signature)),
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="tmp_abc.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
      ),
      SAMPLE_JPEG,
      Buffer.from(`\r\n${part('Content-Type', fields['Content-Type'])}${part('x-ignore-client', 'weapp')}--${boundary}--\r\n`),
    ]);
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body });
    expect(res.status).toBe(204);
    expect(await storage.head(key)).toEqual({ size: SAMPLE_JPEG.length, contentType: 'image/jpeg' });
  });

  it('keeps objects as a file plus a JSON sidecar under the storage folder', async () => {
    const key = freshKey();
    const { url, fields } = await presign(key);
    await uploadForm(url, fields, { bytes: SAMPLE_JPEG });
    expect(stored()).toEqual(expect.arrayContaining([`objects/${key}`, `meta/${key}.json`]));
  });
});

describe('refusals: nothing is stored', () => {
  async function refused(
    mutate: (f: Record<string, string>) => Record<string, string>,
    file: Buffer,
    opts: { type?: string; maxBytes?: number; advanceMs?: number } = {},
  ) {
    const key = freshKey();
    const { url, fields } = await presign(key, opts.type ?? 'image/jpeg', opts.maxBytes ?? UPLOAD_LIMITS.photo);
    now += opts.advanceMs ?? 0;
    const before = stored();
    const res = await uploadForm(url, mutate({ ...fields }), { bytes: file }, { origin: ORIGIN });
    expect(await storage.head(key)).toBeUndefined();
    expect(stored()).toEqual(before);
    expect(res.headers.get('content-type')).toBe('application/xml');
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    return { status: res.status, code: /<Code>(\w+)<\/Code>/.exec(res.text)?.[1] };
  }

  it('a Content-Type other than the policy’s', async () => {
    expect(await refused((f) => ({ ...f, 'Content-Type': 'image/png' }), SAMPLE_PNG)).toEqual({ status: 403, code: 'AccessDenied' });
  });

  it('a file over maxBytes', async () => {
    expect(await refused((f) => f, jpegOfSize(5_000), { maxBytes: 4_000 })).toEqual({ status: 400, code: 'EntityTooLarge' });
  });

  it('an empty file', async () => {
    expect(await refused((f) => f, Buffer.alloc(0))).toEqual({ status: 400, code: 'EntityTooSmall' });
  });

  it('a forged signature, or a policy rewritten to allow more', async () => {
    expect(await refused((f) => ({ ...f, signature: 'f'.repeat(64) }), SAMPLE_JPEG)).toEqual({
      status: 403,
      code: 'SignatureDoesNotMatch',
    });
    const bigger = (f: Record<string, string>) => {
      const p = JSON.parse(Buffer.from(f.policy, 'base64').toString('utf8'));
      return { ...f, policy: Buffer.from(JSON.stringify({ ...p, maxBytes: 10_000_000 })).toString('base64') };
    };
    expect(await refused(bigger, SAMPLE_JPEG)).toEqual({ status: 403, code: 'SignatureDoesNotMatch' });
  });

  it('an expired policy', async () => {
    expect(await refused((f) => f, SAMPLE_JPEG, { advanceMs: 601_000 })).toEqual({ status: 403, code: 'AccessDenied' });
  });

  it('a key other than the policy’s', async () => {
    expect(await refused((f) => ({ ...f, key: freshKey() }), SAMPLE_JPEG)).toEqual({ status: 403, code: 'AccessDenied' });
  });

  it('a PNG declared as JPEG', async () => {
    expect(await refused((f) => f, SAMPLE_PNG)).toEqual({ status: 400, code: 'InvalidContent' });
  });

  it('random bytes declared as WebP', async () => {
    expect(await refused((f) => f, Buffer.from('RIFF....AVI LIST'), { type: 'image/webp' })).toEqual({
      status: 400,
      code: 'InvalidContent',
    });
  });

  it('a form field the policy does not cover', async () => {
    expect(await refused((f) => ({ ...f, acl: 'public-read' }), SAMPLE_JPEG)).toEqual({ status: 403, code: 'AccessDenied' });
  });

  it('no policy at all', async () => {
    expect(await refused(({ key, 'Content-Type': ct }) => ({ key, 'Content-Type': ct }), SAMPLE_JPEG)).toEqual({
      status: 403,
      code: 'AccessDenied',
    });
  });

  it('a body that is not multipart', async () => {
    const res = await fetch(`${http.url}/local-storage/upload`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(412);
  });

  it('stops reading a body far over maxBytes + 64 KB and answers 400', async () => {
    const key = freshKey();
    const { url, fields } = await presign(key, 'image/jpeg', 10_000);
    const before = stored();
    // Streamed without a Content-Length, so only the running count can stop it.
    const { status, received, sentAtAnswer } = await new Promise<{ status: number; received: string; sentAtAnswer: number }>((resolve) => {
      const boundary = 'capBoundary';
      const req = request(url, {
        method: 'POST',
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'transfer-encoding': 'chunked' },
      });
      let sent = 0;
      req.on('response', (res) => {
        const sentAtAnswer = sent;
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode!, received: text, sentAtAnswer }));
      });
      for (const [k, v] of Object.entries(fields))
        req.write(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
      req.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.jpg"\r\n\r\n`);
      req.write(SAMPLE_JPEG);
      const pump = () => {
        // Up to 32 MB, far past the 10 KB + 64 KB cap; the server must answer (and stop reading) long before.
        while (sent < 32 * 1024 * 1024) {
          sent += 64 * 1024;
          if (!req.write(Buffer.alloc(64 * 1024))) return void req.once('drain', pump);
        }
        req.end();
      };
      // The server drops the connection once it has answered; that is expected here.
      req.on('error', () => undefined);
      pump();
    });
    expect(status).toBe(400);
    // Only what socket buffers absorb got out before the answer, never the whole body.
    expect(sentAtAnswer).toBeLessThan(32 * 1024 * 1024);
    expect(received).toContain('EntityTooLarge');
    expect(await storage.head(key)).toBeUndefined();
    expect(stored()).toEqual(before);
  });

  it('refuses a declared Content-Length over the cap without reading the body', async () => {
    const res = await new Promise<number>((resolve, reject) => {
      const req = request(`${http.url}/local-storage/upload`, {
        method: 'POST',
        headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(50 * 1024 * 1024) },
      });
      req.on('response', (r) => {
        r.resume();
        resolve(r.statusCode!);
      });
      req.on('error', reject);
      req.write('--x\r\n');
    });
    expect(res).toBe(400);
  });
});

describe('presigned GET', () => {
  let key: string;
  beforeAll(async () => {
    now = Date.now();
    key = freshKey();
    const { url, fields } = await presign(key);
    expect((await uploadForm(url, fields, { bytes: SAMPLE_JPEG })).status).toBe(204);
  });

  it('refuses a tampered signature, another key with the same signature, and an expired URL', async () => {
    const good = new URL(await storage.presignGet(key, 60));
    const tampered = new URL(good);
    tampered.searchParams.set('sig', '0'.repeat(64));
    expect((await fetch(tampered)).status).toBe(403);
    const otherKey = new URL(good.href.replace(key, freshKey()));
    expect((await fetch(otherKey)).status).toBe(403);
    const longer = new URL(good);
    longer.searchParams.set('exp', String(Number(good.searchParams.get('exp')) + 3600));
    expect((await fetch(longer)).status).toBe(403);
    now += 61_000;
    expect((await fetch(good)).status).toBe(403);
  });

  it('answers 404 for a signed URL to a key nobody uploaded', async () => {
    expect((await fetch(await storage.presignGet(freshKey(), 60))).status).toBe(404);
  });

  it('sends CORS headers to an allowed origin only, and answers preflights', async () => {
    const url = await storage.presignGet(key, 60);
    expect((await fetch(url, { headers: { origin: ORIGIN } })).headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect((await fetch(url, { headers: { origin: 'https://evil.example' } })).headers.get('access-control-allow-origin')).toBeNull();
    const pre = await fetch(`${http.url}/local-storage/upload`, {
      method: 'OPTIONS',
      headers: { origin: ORIGIN, 'access-control-request-method': 'POST' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(pre.headers.get('access-control-allow-methods')).toContain('POST');
  });
});

describe('keys are sanitised', () => {
  it('refuses to sign keys that could leave the folder', async () => {
    for (const bad of ['../x.jpg', 'daily-report/../../etc/passwd', '/abs.jpg', 'a//b.jpg', 'a/.hidden', 'a b.jpg', 'a/b\\c.jpg']) {
      await expect(storage.presignPost(bad, { contentType: 'image/jpeg', maxBytes: 100, expiresInSeconds: 60 }), bad).rejects.toThrow(
        /invalid object key/,
      );
      await expect(storage.presignGet(bad, 60), bad).rejects.toThrow(/invalid object key/);
      expect(await storage.head(bad), bad).toBeUndefined();
    }
  });

  it('answers 403 to a traversal path on the object endpoint', async () => {
    const res = await fetch(`${http.url}/local-storage/object/..%2F..%2Fetc%2Fpasswd?exp=9999999999&sig=${'a'.repeat(64)}`);
    expect(res.status).toBe(403);
  });

  it('answers 404 elsewhere under /local-storage/ and never hands storage paths to the API app', async () => {
    expect((await fetch(`${http.url}/local-storage/nothing`)).status).toBe(404);
  });
});

describe('verifyReportPhotos against the real local storage', () => {
  const day = '2026-03-02';
  async function put(key: string, bytes: Buffer, type = 'image/jpeg', maxBytes: number = UPLOAD_LIMITS.photo) {
    const { url, fields } = await storage.presignPost(key, { contentType: type, maxBytes, expiresInSeconds: 60 });
    expect((await uploadForm(url, fields, { bytes })).status).toBe(204);
  }
  const failure = async (photos: PhotoRef[]) => {
    const err = await verifyReportPhotos(storage, 'yingtaogou', day, photos).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('VALIDATION_FAILED');
    return (err as DomainError).details!.map((d) => [d.path, d.code]);
  };

  it('passes uploaded photos and thumbnails of this report', async () => {
    const photo = freshKey('jpg', 'yingtaogou', day);
    const thumb = freshKey('png', 'yingtaogou', day);
    await put(photo, SAMPLE_JPEG);
    await put(thumb, SAMPLE_PNG, 'image/png');
    await expect(verifyReportPhotos(storage, 'yingtaogou', day, [{ key: photo, thumbKey: thumb }])).resolves.toBeUndefined();
  });

  it('names a missing photo, a photo under another branch’s prefix and a too-big object by their fields', async () => {
    const ok = freshKey('jpg', 'yingtaogou', day);
    const foreign = freshKey('jpg', 'other-branch', day);
    const big = freshKey('jpg', 'yingtaogou', day);
    const bigThumb = freshKey('jpg', 'yingtaogou', day);
    await put(ok, SAMPLE_JPEG);
    await put(foreign, SAMPLE_JPEG);
    await put(big, jpegOfSize(UPLOAD_LIMITS.photo));
    // A thumbnail slot pointing at a full-size photo: within the photo limit, over the thumbnail one.
    await put(bigThumb, jpegOfSize(UPLOAD_LIMITS.thumb + 1));
    const missing = freshKey('jpg', 'yingtaogou', day);
    expect(
      await failure([
        { key: ok },
        { key: missing },
        { key: foreign },
        { key: ok, thumbKey: bigThumb },
        { key: freshKey('jpg', 'yingtaogou', '2026-03-01') },
      ]),
    ).toEqual([
      ['body.content.photos.1.key', 'photo_missing'],
      ['body.content.photos.2.key', 'foreign_photo'],
      ['body.content.photos.3.thumbKey', 'photo_too_big'],
      ['body.content.photos.4.key', 'foreign_photo'],
    ]);
    // The exact limit passes.
    await expect(verifyReportPhotos(storage, 'yingtaogou', day, [{ key: big }])).resolves.toBeUndefined();
  });

  it('names a photo over 2 MB (written by a store that allows more, as a misconfigured bucket would)', async () => {
    let url = '';
    const lax = new LocalObjectStorage({
      dir,
      baseUrl: () => url,
      signingKey: 'another-key-for-a-lax-store-0123456789',
      corsOrigins: [],
      maxObjectBytes: 3 * 1024 * 1024,
    });
    const laxHttp = await startHttpServer(unreachableApp, 0, '127.0.0.1', [lax.route]);
    url = laxHttp.url;
    try {
      const key = freshKey('jpg', 'yingtaogou', day);
      const form = await lax.presignPost(key, { contentType: 'image/jpeg', maxBytes: 3 * 1024 * 1024, expiresInSeconds: 60 });
      expect((await uploadForm(form.url, form.fields, { bytes: jpegOfSize(UPLOAD_LIMITS.photo + 1) })).status).toBe(204);
      expect(await failure([{ key }])).toEqual([['body.content.photos.0.key', 'photo_too_big']]);
    } finally {
      await laxHttp.stop();
    }
  });

  it('refuses an object whose stored type does not match its extension', async () => {
    const key = freshKey('png', 'yingtaogou', day);
    await put(key, SAMPLE_JPEG);
    expect(await failure([{ key }])).toEqual([['body.content.photos.0.key', 'photo_type']]);
  });
});
