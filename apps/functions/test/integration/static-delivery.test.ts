import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheControlFor, IMMUTABLE, pickEncoding, REVALIDATE } from '../../src/local/static-delivery';
import { startStaticServer } from '../../src/local/static-server';

describe('pickEncoding', () => {
  it('prefers brotli, then gzip, and honours q=0 and *', () => {
    expect(pickEncoding('gzip, deflate, br, zstd', ['br', 'gzip'])).toBe('br');
    expect(pickEncoding('gzip, deflate', ['br', 'gzip'])).toBe('gzip');
    expect(pickEncoding('br;q=0, gzip;q=0.5', ['br', 'gzip'])).toBe('gzip');
    expect(pickEncoding('*', ['gzip'])).toBe('gzip');
    expect(pickEncoding('*;q=0, identity', ['br', 'gzip'])).toBeUndefined();
    expect(pickEncoding('br', ['gzip'])).toBeUndefined();
    expect(pickEncoding(undefined, ['br', 'gzip'])).toBeUndefined();
    expect(pickEncoding('', ['br'])).toBeUndefined();
  });
});

describe('cacheControlFor', () => {
  it('caches content-hashed files for a year and revalidates everything else', () => {
    expect(cacheControlFor('/srv/js/app.3719427c.js')).toBe(IMMUTABLE);
    expect(cacheControlFor('css/9840.041ee1c5.css')).toBe(IMMUTABLE);
    expect(cacheControlFor('index.html')).toBe(REVALIDATE);
    expect(cacheControlFor('sw.js')).toBe(REVALIDATE);
    expect(cacheControlFor('js/app.js')).toBe(REVALIDATE);
  });
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(url: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((ok, fail) => {
    const req = request(url, { headers, agent: false }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (d: Buffer) => parts.push(d));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }));
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end();
  });
}

describe('static server: precompressed files, cache headers, the injected page', () => {
  const script = `console.log(${JSON.stringify('创星 '.repeat(400))});`;
  let dir: string;
  let server: Awaited<ReturnType<typeof startStaticServer>>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cx-static-'));
    mkdirSync(join(dir, 'js'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head><title>创星</title></head><body></body></html>');
    writeFileSync(join(dir, 'js/app.0123abcd.js'), script);
    writeFileSync(join(dir, 'js/app.0123abcd.js.br'), brotliCompressSync(script));
    writeFileSync(join(dir, 'js/app.0123abcd.js.gz'), gzipSync(script));
    writeFileSync(join(dir, 'sw.js'), 'self.skipWaiting();');
    server = await startStaticServer({
      root: dir,
      port: 0,
      runtimeConfig: { CX_API_BASE: 'http://127.0.0.1:3999/', CX_DEV_LOGIN: true },
    });
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends the brotli file to a browser that takes br, with Vary and a year of immutable caching', async () => {
    const res = await get(`${server.url}/js/app.0123abcd.js`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(res.body.length).toBeLessThan(Buffer.byteLength(script) / 5);
    expect(brotliDecompressSync(res.body).toString('utf8')).toBe(script);
  });

  it('falls back to gzip, then to the plain file', async () => {
    const gz = await get(`${server.url}/js/app.0123abcd.js`, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString('utf8')).toBe(script);
    const plain = await get(`${server.url}/js/app.0123abcd.js`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toBe('Accept-Encoding');
    expect(plain.body.toString('utf8')).toBe(script);
  });

  it('revalidates a file without a content hash and sends it as is when no variant exists', async () => {
    const res = await get(`${server.url}/sw.js`, { 'accept-encoding': 'br, gzip' });
    expect(res.headers['cache-control']).toBe(REVALIDATE);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers.vary).toBeUndefined();
    expect(res.body.toString('utf8')).toBe('self.skipWaiting();');
  });

  it('compresses index.html with its injected config and a preconnect to the API, never cached without revalidation', async () => {
    for (const path of ['/', '/index.html', '/some/route']) {
      const res = await get(`${server.url}${path}`, { 'accept-encoding': 'br' });
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBe('br');
      expect(res.headers['cache-control']).toBe(REVALIDATE);
      expect(res.headers.vary).toBe('Accept-Encoding');
      const html = brotliDecompressSync(res.body).toString('utf8');
      expect(html).toContain('window.CX_API_BASE="http://127.0.0.1:3999/";');
      expect(html).toContain('<link rel="preconnect" href="http://127.0.0.1:3999" crossorigin>');
      expect(html).toContain('<title>创星</title>');
    }
    const plain = await get(`${server.url}/`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toContain('window.CX_DEV_LOGIN=true;');
  });
});
