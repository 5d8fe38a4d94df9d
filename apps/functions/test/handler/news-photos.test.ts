import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpTestStack, type HttpTestStack, uploadForm } from '../support/http-stack';
import { SAMPLE_JPEG } from '../support/sample-images';
import { DEMO } from '../support/test-stack';

describe('创星动态 photos: presigned upload under news/, verified on post, readable by everyone', () => {
  let stack: HttpTestStack;
  beforeAll(async () => {
    stack = await createHttpTestStack();
  });
  afterAll(() => stack.stop());

  it('township staff upload a photo and post; a resident sees the cover in the feed and the photo in the post', async () => {
    const staff = await stack.tokenFor('demo-township-staff-gwh');
    const p = await stack.call('POST', '/v1/uploads/news', { token: staff, body: { contentType: 'image/jpeg', size: SAMPLE_JPEG.length } });
    expect(p.status).toBe(200);
    expect(p.body.key).toMatch(/^news\/\d{4}-\d{2}\/[A-Za-z0-9]+\.jpg$/);
    expect((await uploadForm(p.body.url, p.body.fields, { bytes: SAMPLE_JPEG, type: 'image/jpeg', name: 'n.jpg' })).status).toBe(204);
    const posted = await stack.call('POST', '/v1/news', {
      token: staff,
      body: { key: 'news-photo-key-01', title: '樱桃沟观摩', body: '现场观摩樱桃产业', photos: [p.body.key] },
    });
    expect(posted.status).toBe(201);
    expect(posted.body.photoUrls).toHaveLength(1);

    const resident = await stack.tokenFor(DEMO.resident);
    const feed = await stack.call('GET', '/v1/news', { token: resident });
    expect(feed.body.posts[0]).toMatchObject({ title: '樱桃沟观摩', photoCount: 1 });
    const photo = await fetch(new URL(feed.body.posts[0].coverUrl, stack.url));
    expect([photo.status, Buffer.from(await photo.arrayBuffer()).equals(SAMPLE_JPEG)]).toEqual([200, true]);
  });
});
