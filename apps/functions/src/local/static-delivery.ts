import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { brotliCompressSync, gzipSync } from 'node:zlib';

/**
 * How the static server delivers the H5 build: the precompressed `.br` / `.gz` files the build writes beside
 * each text asset, chosen by Accept-Encoding, and cache headers by kind of file. infra/README.md describes the
 * same rules for a CDN.
 */

export type ContentEncoding = 'br' | 'gzip';

const SUFFIX: Record<ContentEncoding, string> = { br: '.br', gzip: '.gz' };

/** A year: a hashed file's name changes with its content, so a cached copy is never stale. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Revalidate every time: index.html (it names the current hashed files) and anything unhashed, such as sw.js. */
export const REVALIDATE = 'no-cache';

/** `app.3719427c.js`, `9840.041ee1c5.css`: webpack's [contenthash:8] (config/index.ts) before the extension. */
const HASHED = /\.[0-9a-f]{8,}\.[a-z0-9]+$/i;

export function cacheControlFor(path: string): string {
  return HASHED.test(path) ? IMMUTABLE : REVALIDATE;
}

/** The q-value the client gives each coding; `*` stands for any coding not named. */
function qualities(acceptEncoding: string): Map<string, number> {
  const q = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  return q;
}

/**
 * The coding to answer with: brotli when the client takes it and it is on offer, else gzip, else none.
 * `offered` says which variants exist for this file.
 */
export function pickEncoding(acceptEncoding: string | undefined, offered: readonly ContentEncoding[]): ContentEncoding | undefined {
  if (!acceptEncoding || offered.length === 0) return undefined;
  const q = qualities(acceptEncoding);
  const accepts = (coding: ContentEncoding) => (q.get(coding) ?? q.get('*') ?? 0) > 0;
  return (['br', 'gzip'] as const).find((c) => offered.includes(c) && accepts(c));
}

/** Sends `file` (which exists), or its precompressed variant when the client accepts one. */
export function sendStaticFile(req: IncomingMessage, res: ServerResponse, file: string, contentType: string): void {
  const offered = (['br', 'gzip'] as const).filter((c) => existsSync(file + SUFFIX[c]));
  const coding = pickEncoding(req.headers['accept-encoding'], offered);
  const path = coding ? file + SUFFIX[coding] : file;
  const headers: Record<string, string | number> = {
    'content-type': contentType,
    'cache-control': cacheControlFor(file),
    'content-length': statSync(path).size,
  };
  if (offered.length > 0) headers.vary = 'Accept-Encoding';
  if (coding) headers['content-encoding'] = coding;
  res.writeHead(200, headers);
  if (req.method === 'HEAD') res.end();
  // A file that vanishes or fails mid-read ends this response, never the server.
  else
    createReadStream(path)
      .on('error', () => res.destroy())
      .pipe(res);
}

/** index.html changes per server (the injected config), so it is compressed here, once per distinct text. */
const compressedHtml = new Map<string, Record<ContentEncoding, Buffer>>();

export function sendHtml(req: IncomingMessage, res: ServerResponse, html: string, contentType: string): void {
  let variants = compressedHtml.get(html);
  if (!variants) {
    const raw = Buffer.from(html, 'utf8');
    variants = { br: brotliCompressSync(raw), gzip: gzipSync(raw) };
    if (compressedHtml.size > 16) compressedHtml.clear();
    compressedHtml.set(html, variants);
  }
  const coding = pickEncoding(req.headers['accept-encoding'], ['br', 'gzip']);
  const body = coding ? variants[coding] : Buffer.from(html, 'utf8');
  const headers: Record<string, string | number> = {
    'content-type': contentType,
    'cache-control': REVALIDATE,
    'content-length': body.length,
    vary: 'Accept-Encoding',
  };
  if (coding) headers['content-encoding'] = coding;
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * `<link rel="preconnect">` to the API's origin (`CX_API_BASE`), so the connection is open by the time the
 * first page asks for data. `crossorigin`: the API is called with CORS and no credentials.
 */
export function preconnectTags(runtimeConfig: Record<string, unknown>): string {
  const base = runtimeConfig.CX_API_BASE;
  if (typeof base !== 'string') return '';
  let origin: string;
  try {
    origin = new URL(base).origin;
  } catch {
    return '';
  }
  return `<link rel="preconnect" href="${origin.replace(/[<>"&]/g, '')}" crossorigin>`;
}
