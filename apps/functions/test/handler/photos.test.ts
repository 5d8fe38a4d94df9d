import { type ErrorBody, PhotoRef, type PresignedUpload, UPLOAD_LIMITS } from '@chuangxing/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, shanghaiDay } from '../../src/platform/kernel/shanghai-time';
import { createHttpTestStack, type HttpTestStack, uploadForm } from '../support/http-stack';
import { SAMPLE_JPEG, SAMPLE_PNG } from '../support/sample-images';
import { DEMO, H5_ORIGIN } from '../support/test-stack';

const BRANCH = 'yingtaogou';

let stack: HttpTestStack;
let cadre: string;
let secretary: string;
/** A real branch next door: same township, not the cadre's. */
let neighbour: string;

beforeAll(async () => {
  stack = await createHttpTestStack();
  cadre = await stack.tokenFor(DEMO.cadre);
  secretary = await stack.tokenFor(DEMO.secretary);
  neighbour = (await stack.deps.org.listBranches('demo-gwh')).find((b) => b.id !== BRANCH)!.id;
});
afterAll(() => stack.stop());

const today = () => shanghaiDay(new Date());
const body = (over: Record<string, unknown> = {}) => ({
  branchId: BRANCH,
  day: today(),
  variant: 'photo',
  contentType: 'image/jpeg',
  size: SAMPLE_JPEG.length,
  ...over,
});

/** Through the real node:http server, as the H5 app calls it. */
async function presignOverHttp(token: string, b: Record<string, unknown>) {
  const res = await fetch(`${stack.url}/v1/uploads/photos`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', origin: H5_ORIGIN },
    body: JSON.stringify(b),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as PresignedUpload & Partial<ErrorBody> };
}

describe('POST /v1/uploads/photos, then the upload, then the report', () => {
  it('presigns for a cadre of the branch; the JPEG uploads; the report carries it; its URL serves the same bytes', async () => {
    const before = Date.now();
    const res = await presignOverHttp(cadre, body());
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(H5_ORIGIN);
    const p = res.body;
    expect(p.key).toMatch(new RegExp(`^daily-report/${BRANCH}/${today()}/[0-9A-HJKMNP-TV-Z]{26}\\.jpg$`));
    expect(PhotoRef.safeParse({ key: p.key }).success).toBe(true);
    expect(p.url).toBe(`${stack.url}/local-storage/upload`);
    expect(p.maxBytes).toBe(UPLOAD_LIMITS.photo);
    expect(p.fields).toMatchObject({ key: p.key, 'Content-Type': 'image/jpeg' });
    const expires = Date.parse(p.expiresAt) - before;
    expect(expires).toBeGreaterThanOrEqual(600_000 - 1_000);
    expect(expires).toBeLessThanOrEqual(600_000 + 5_000);

    const up = await uploadForm(p.url, p.fields, { bytes: SAMPLE_JPEG, type: 'image/jpeg', name: 'a.jpg' }, { origin: H5_ORIGIN });
    expect(up.status).toBe(204);
    expect(up.headers.get('access-control-allow-origin')).toBe(H5_ORIGIN);
    expect(await stack.deps.storage.head(p.key)).toEqual({ size: SAMPLE_JPEG.length, contentType: 'image/jpeg' });

    const submitted = await stack.call('PUT', `/v1/branches/${BRANCH}/reports/${today()}`, {
      token: cadre,
      body: {
        content: { items: [{ star: 'ecology', text: '清理河道垃圾' }], photos: [{ key: p.key }] },
        idempotencyKey: 'photo-test-idempotency-1',
      },
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);

    const detail = await stack.call('GET', `/v1/branches/${BRANCH}/reports/${today()}`, { token: secretary });
    expect(detail.status).toBe(200);
    const photoUrl: string = detail.body.photoUrls[0].url;
    expect(photoUrl.startsWith(`${stack.url}/local-storage/object/${p.key}?`)).toBe(true);
    const got = await fetch(photoUrl);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await got.arrayBuffer()).equals(SAMPLE_JPEG)).toBe(true);
  });

  it('gives the secretary a thumbnail form: PNG key, the 200 KB limit', async () => {
    const res = await stack.call('POST', '/v1/uploads/photos', {
      token: secretary,
      body: body({ variant: 'thumb', contentType: 'image/png', size: SAMPLE_PNG.length }),
    });
    expect(res.status).toBe(200);
    expect(res.body.key).toMatch(new RegExp(`^daily-report/${BRANCH}/${today()}/\\w{26}\\.png$`));
    expect(res.body.maxBytes).toBe(UPLOAD_LIMITS.thumb);
    expect((await uploadForm(res.body.url, res.body.fields, { bytes: SAMPLE_PNG })).status).toBe(204);
  });

  it('never hands out the same key twice', async () => {
    const keys = await Promise.all(
      [1, 2, 3, 4].map(async () => (await stack.call('POST', '/v1/uploads/photos', { token: cadre, body: body() })).body.key),
    );
    expect(new Set(keys).size).toBe(4);
  });

  it('a form for one photo cannot store under another key', async () => {
    const a = (await stack.call('POST', '/v1/uploads/photos', { token: cadre, body: body() })).body;
    const b = (await stack.call('POST', '/v1/uploads/photos', { token: cadre, body: body() })).body;
    const res = await uploadForm(a.url, { ...a.fields, key: b.key }, { bytes: SAMPLE_JPEG });
    expect(res.status).toBe(403);
    expect(await stack.deps.storage.head(b.key)).toBeUndefined();
  });
});

describe('refusals', () => {
  const presign = (token: string | undefined, b: Record<string, unknown>) => stack.call('POST', '/v1/uploads/photos', { token, body: b });

  it('another branch is 404, exactly as if it did not exist', async () => {
    const other = await presign(cadre, body({ branchId: neighbour }));
    const ghost = await presign(cadre, body({ branchId: 'no-such-branch' }));
    expect(other.status).toBe(404);
    expect(other.body).toEqual(ghost.body);
    expect(other.body).toMatchObject({ code: 'NOT_FOUND', message: '支部不存在或无权查看' });
  });

  it('roles other than cadre and secretary are refused by the route, and no token is 401', async () => {
    for (const who of [DEMO.township_staff, DEMO.resident, DEMO.district_admin]) {
      const res = await presign(await stack.tokenFor(who), body());
      expect(res.status, who).toBe(403);
    }
    expect((await presign(undefined, body())).status).toBe(401);
  });

  it('a thumbnail over 200 KB is 400 on body.size', async () => {
    const res = await presign(cadre, body({ variant: 'thumb', size: UPLOAD_LIMITS.thumb + 1 }));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details).toEqual([expect.objectContaining({ path: 'body.size' })]);
    expect((await presign(cadre, body({ variant: 'thumb', size: UPLOAD_LIMITS.thumb }))).status).toBe(200);
  });

  it('a photo over 2 MB is 400 on body.size', async () => {
    const res = await presign(cadre, body({ size: UPLOAD_LIMITS.photo + 1 }));
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { path: string }) => d.path)).toEqual(['body.size']);
  });

  it('a day too old to file, or in the future, is 400 on body.day', async () => {
    const old = await presign(cadre, body({ day: addDays(today(), -30) }));
    expect(old.status).toBe(400);
    expect(old.body.details).toEqual([expect.objectContaining({ path: 'body.day', code: 'too_old' })]);
    const future = await presign(cadre, body({ day: addDays(today(), 1) }));
    expect(future.status).toBe(400);
    expect(future.body.details).toEqual([expect.objectContaining({ path: 'body.day', code: 'future_day' })]);
    // Yesterday is still open (maxBackfillDays defaults to 1).
    expect((await presign(cadre, body({ day: addDays(today(), -1) }))).status).toBe(200);
  });

  it('a content type other than JPEG, PNG or WebP is refused by the contract', async () => {
    const res = await presign(cadre, body({ contentType: 'image/gif' }));
    expect(res.status).toBe(400);
    expect(res.body.details[0].path).toBe('body.contentType');
  });

  it('submitting a report whose photo was never uploaded names the photo', async () => {
    const p = (await presign(cadre, body())).body;
    const res = await stack.call('PUT', `/v1/branches/${BRANCH}/reports/${addDays(today(), -1)}`, {
      token: cadre,
      body: {
        content: { items: [{ star: 'ecology', text: '巡河' }], photos: [{ key: p.key }] },
        idempotencyKey: 'photo-test-idempotency-2',
      },
    });
    expect(res.status).toBe(400);
    // The key is under today's prefix, not yesterday's, so it is foreign to that report.
    expect(res.body.details).toEqual([expect.objectContaining({ path: 'body.content.photos.0.key', code: 'foreign_photo' })]);
  });
});
