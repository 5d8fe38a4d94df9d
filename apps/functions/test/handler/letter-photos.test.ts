import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpTestStack, type HttpTestStack, uploadForm } from '../support/http-stack';
import { SAMPLE_JPEG } from '../support/sample-images';
import { DEMO } from '../support/test-stack';

describe('letter photos: presign, upload, attach, view', () => {
  let stack: HttpTestStack;
  beforeAll(async () => {
    stack = await createHttpTestStack();
  });
  afterAll(() => stack.stop());

  it('a resident attaches a photo; the handler sees it; the key never names the writer', async () => {
    const resident = await stack.tokenFor(DEMO.resident);
    const p = await stack.call('POST', '/v1/uploads/letter-photos', {
      token: resident,
      body: { branchId: 'jianxinnanjie', contentType: 'image/jpeg', size: SAMPLE_JPEG.length },
    });
    expect(p.status).toBe(200);
    expect(p.body.key).toMatch(/^letter\/jianxinnanjie\/\d{4}-\d{2}-\d{2}\/[0-9A-Z]{26}\.jpg$/);
    expect(p.body.key).not.toContain(DEMO.resident);
    const up = await uploadForm(p.body.url, p.body.fields, { bytes: SAMPLE_JPEG, type: 'image/jpeg', name: 'a.jpg' });
    expect(up.status).toBe(204);

    const w = await stack.call('POST', '/v1/letters', {
      token: resident,
      body: {
        branchId: 'jianxinnanjie',
        category: 'complaint',
        text: '垃圾桶满溢无人清理，见照片',
        anonymous: true,
        photos: [p.body.key],
        idempotencyKey: 'photo-letter-key-012345',
      },
    });
    expect(w.status).toBe(201);
    expect(w.body.letter.photoUrls).toHaveLength(1);
    const c = await stack.call('GET', `/v1/letters/cases/${w.body.letter.id}`, { token: await stack.tokenFor(DEMO.station_handler) });
    const img = await fetch(c.body.letter.photoUrls[0]);
    expect([img.status, img.headers.get('content-type')]).toEqual([200, 'image/jpeg']);
    expect(Buffer.from(await img.arrayBuffer()).equals(SAMPLE_JPEG)).toBe(true);
  });

  it('a photo never uploaded, or filed under another community, is refused and nothing is written', async () => {
    const resident = await stack.tokenFor(DEMO.secretary);
    const before = await stack.snapshot();
    const res = await stack.call('POST', '/v1/letters', {
      token: resident,
      body: {
        branchId: 'jianxinnanjie',
        category: 'help',
        text: '需要帮助的事情说明',
        anonymous: false,
        photos: [
          'letter/jianxinnanjie/2026-11-27/01JABCDEFGHJKMNPQRSTVWXYZ0.jpg',
          'letter/wulibao-b01/2026-11-27/01JABCDEFGHJKMNPQRSTVWXYZ1.jpg',
        ],
        idempotencyKey: 'photo-letter-key-bad-0123',
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { path: string; code: string }) => [d.path, d.code])).toEqual([
      ['body.photos.0', 'photo_missing'],
      ['body.photos.1', 'foreign_photo'],
    ]);
    expect(await stack.snapshot()).toEqual(before);
    const seven = await stack.call('POST', '/v1/letters', {
      token: resident,
      body: {
        branchId: 'jianxinnanjie',
        category: 'help',
        text: '照片太多的来信',
        anonymous: true,
        photos: Array.from({ length: 7 }, (_, i) => `letter/jianxinnanjie/2026-11-27/01JABCDEFGHJKMNPQRSTVWXY${i}0.jpg`),
        idempotencyKey: 'photo-letter-key-seven-01',
      },
    });
    expect([seven.status, seven.body.details[0].path]).toEqual([400, 'body.photos']);
  });
});
