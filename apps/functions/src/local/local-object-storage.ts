import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { UPLOAD_LIMITS } from '@chuangxing/shared';
import { corsHeaders } from '../platform/http/cors';
import type { ObjectStorage } from '../platform/storage/object-storage';

/** Every request under this path goes to the storage adapter, not to the API app. */
export const LOCAL_STORAGE_PREFIX = '/local-storage/';
/** Room for the multipart boundaries and the form fields around the file. */
const FORM_OVERHEAD = 64 * 1024;
/** Segments of letters, digits, `_`, `-` and `.`, never starting with a dot (so no `.`, `..` or hidden files). */
const KEY_PATTERN = /^[A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/;
const MAX_KEY_LENGTH = 512;
/** Form fields the policy covers; S3 refuses any other field unless it starts with `x-ignore-`. */
const KNOWN_FIELDS = new Set(['key', 'content-type', 'policy', 'signature', 'file']);

const MAGIC: Record<string, (b: Buffer) => boolean> = {
  'image/jpeg': (b) => b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/webp': (b) => b.length >= 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP',
};

interface Policy {
  key: string;
  contentType: string;
  maxBytes: number;
  /** ISO instant after which the form is refused. */
  expiry: string;
}

interface StoredMeta {
  contentType: string;
  size: number;
  uploadedAt: string;
}

export interface LocalObjectStorageOptions {
  /** Where objects are kept (`objects/<key>` plus `meta/<key>.json`); a fresh temporary folder, made on first upload, when unset. */
  dir?: string;
  /** The local stack's own URL; known only once it listens, hence a function. */
  baseUrl: () => string;
  /** Secret the policies and read URLs are signed with (a key derived from it, to be exact). */
  signingKey: string;
  /** Origins the API allows; the same ones may upload and read. */
  corsOrigins: readonly string[];
  /** The largest object a policy may allow; also the read cap before the request's policy is known. */
  maxObjectBytes?: number;
  /** Wall clock in ms, like S3's; tests move it. */
  now?: () => number;
}

class UploadError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function isValidObjectKey(key: string): boolean {
  return key.length <= MAX_KEY_LENGTH && KEY_PATTERN.test(key);
}

/**
 * The local stand-in for the S3 photo bucket. It hands out browser-style presigned POST forms like S3
 * (signed policy: this key, this content type, at most maxBytes, until an expiry), accepts them on
 * `POST /local-storage/upload`, checks the file really is the declared image type, and serves objects
 * back through HMAC-signed, expiring `GET /local-storage/object/<key>` URLs.
 */
export class LocalObjectStorage implements ObjectStorage {
  private readonly key: Buffer;
  private readonly now: () => number;
  private readonly maxObjectBytes: number;
  private root: Promise<string> | undefined;

  constructor(private readonly opts: LocalObjectStorageOptions) {
    // A purpose-bound key: the token signing key itself never signs anything here.
    this.key = createHmac('sha256', opts.signingKey).update('chuangxing/local-object-storage/v1').digest();
    this.now = opts.now ?? Date.now;
    this.maxObjectBytes = opts.maxObjectBytes ?? UPLOAD_LIMITS.photo;
    if (opts.dir) this.root = Promise.resolve(path.resolve(opts.dir));
  }

  /** The handler the local HTTP server runs for every path under {@link LOCAL_STORAGE_PREFIX}. */
  readonly route = { prefix: LOCAL_STORAGE_PREFIX, handle: (req: IncomingMessage, res: ServerResponse) => this.handle(req, res) };

  async presignPost(key: string, o: { contentType: string; maxBytes: number; expiresInSeconds: number }) {
    if (!isValidObjectKey(key)) throw new Error(`invalid object key: ${key}`);
    if (!(o.maxBytes >= 1 && o.maxBytes <= this.maxObjectBytes)) throw new Error(`maxBytes must be 1..${this.maxObjectBytes}`);
    const policy: Policy = {
      key,
      contentType: o.contentType,
      maxBytes: o.maxBytes,
      expiry: new Date(this.now() + o.expiresInSeconds * 1000).toISOString(),
    };
    const encoded = Buffer.from(JSON.stringify(policy)).toString('base64');
    return {
      url: `${this.opts.baseUrl()}${LOCAL_STORAGE_PREFIX}upload`,
      fields: { key, 'Content-Type': o.contentType, policy: encoded, signature: this.sign(encoded) },
    };
  }

  async head(key: string) {
    if (!isValidObjectKey(key) || !this.root) return undefined;
    const meta = await this.readMeta(await this.root, key);
    return meta ? { size: meta.size, contentType: meta.contentType } : undefined;
  }

  async presignGet(key: string, expiresInSeconds: number) {
    if (!isValidObjectKey(key)) throw new Error(`invalid object key: ${key}`);
    const exp = Math.floor(this.now() / 1000) + expiresInSeconds;
    const encodedKey = key.split('/').map(encodeURIComponent).join('/');
    return `${this.opts.baseUrl()}${LOCAL_STORAGE_PREFIX}object/${encodedKey}?exp=${exp}&sig=${this.sign(`GET\n${key}\n${exp}`)}`;
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://local');
    const method = (req.method ?? 'GET').toUpperCase();
    const cors = this.cors(req.headers.origin);
    try {
      if (method === 'OPTIONS') {
        req.resume();
        res.writeHead(204, cors).end();
      } else if (url.pathname === `${LOCAL_STORAGE_PREFIX}upload` && method === 'POST') {
        await this.upload(req, res, cors);
      } else if (url.pathname.startsWith(`${LOCAL_STORAGE_PREFIX}object/`) && (method === 'GET' || method === 'HEAD')) {
        req.resume();
        await this.serve(url, method, res, cors);
      } else {
        req.resume();
        throw new UploadError(404, 'NotFound', 'No such local storage endpoint');
      }
    } catch (err) {
      if (!(err instanceof UploadError)) throw err;
      if (res.headersSent) return;
      const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${err.code}</Code><Message>${escapeXml(err.message)}</Message></Error>`;
      res.writeHead(err.status, { ...cors, 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body) });
      res.end(method === 'HEAD' ? undefined : body);
    }
  }

  private async upload(req: IncomingMessage, res: ServerResponse, cors: Record<string, string>) {
    const contentType = req.headers['content-type'] ?? '';
    if (!/^multipart\/form-data;/i.test(contentType)) {
      req.resume();
      throw new UploadError(412, 'PreconditionFailed', 'Bucket POST must be of the enclosure-type multipart/form-data');
    }
    const body = await this.readCapped(req, res);
    let form: FormData;
    try {
      form = await new Request('http://local/upload', { method: 'POST', headers: { 'content-type': contentType }, body }).formData();
    } catch {
      throw new UploadError(400, 'MalformedPOSTRequest', 'The body of your POST request is not well-formed multipart/form-data.');
    }
    const fields = new Map<string, NonNullable<ReturnType<FormData['get']>>>();
    for (const [name, value] of form.entries()) {
      const lower = name.toLowerCase();
      if (lower.startsWith('x-ignore-')) continue;
      if (!KNOWN_FIELDS.has(lower)) throw new UploadError(403, 'AccessDenied', `Invalid according to Policy: Extra input fields: ${name}`);
      if (fields.has(lower)) throw new UploadError(400, 'InvalidArgument', `Field ${name} appears more than once`);
      fields.set(lower, value);
    }
    const text = (name: string) => {
      const v = fields.get(name);
      return typeof v === 'string' ? v : undefined;
    };
    const encoded = text('policy');
    const signature = text('signature');
    if (!encoded || !signature) throw new UploadError(403, 'AccessDenied', 'Bucket POST must contain a policy and its signature');
    const policy = this.verifyPolicy(encoded, signature);
    if (Date.parse(policy.expiry) < this.now()) throw new UploadError(403, 'AccessDenied', 'Invalid according to Policy: Policy expired.');
    if (text('key') !== policy.key)
      throw new UploadError(403, 'AccessDenied', 'Invalid according to Policy: Policy Condition failed: ["eq", "$key", ...]');
    if (text('content-type') !== policy.contentType) {
      throw new UploadError(403, 'AccessDenied', 'Invalid according to Policy: Policy Condition failed: ["eq", "$Content-Type", ...]');
    }
    const file = fields.get('file');
    if (!file || typeof file === 'string')
      throw new UploadError(400, 'InvalidArgument', 'POST requires exactly one file upload per request.');
    if (file.size > policy.maxBytes)
      throw new UploadError(400, 'EntityTooLarge', `Your proposed upload exceeds the maximum allowed size (${policy.maxBytes} bytes)`);
    if (file.size < 1) throw new UploadError(400, 'EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed size');
    const bytes = Buffer.from(await file.arrayBuffer());
    const looksRight = MAGIC[policy.contentType];
    if (!looksRight?.(bytes)) throw new UploadError(400, 'InvalidContent', `The file is not a valid ${policy.contentType} image`);
    await this.store(policy.key, policy.contentType, bytes);
    res.writeHead(204, cors).end();
  }

  /**
   * Buffers the body, refusing (and no longer reading) past maxBytes + 64 KB of the request's own signed
   * policy. Until the policy has been seen the cap is the largest object any policy may allow.
   */
  private readCapped(req: IncomingMessage, res: ServerResponse): Promise<Buffer> {
    let cap = this.maxObjectBytes + FORM_OVERHEAD;
    const declared = Number(req.headers['content-length'] ?? NaN);
    const tooLarge = () => {
      // Stop reading: answer, then drop the connection instead of draining the rest of the upload.
      req.pause();
      res.setHeader('connection', 'close');
      res.once('finish', () => req.destroy());
      return new UploadError(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size');
    };
    if (declared > cap) return Promise.reject(tooLarge());
    return new Promise<Buffer>((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let policyKnown = false;
      const onData = (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        if (!policyKnown && size <= FORM_OVERHEAD * 2) {
          const policy = this.peekPolicy(Buffer.concat(chunks));
          if (policy) {
            policyKnown = true;
            cap = Math.min(cap, policy.maxBytes + FORM_OVERHEAD);
          }
        }
        if (size > cap || declared > cap) {
          req.off('data', onData);
          req.off('end', onEnd);
          chunks.length = 0;
          reject(tooLarge());
        }
      };
      const onEnd = () => resolve(Buffer.concat(chunks));
      req.on('data', onData);
      req.once('end', onEnd);
      req.once('error', reject);
      // A client that goes away mid-upload: nothing to store (a no-op once the body has ended).
      req.once('close', () => reject(new UploadError(400, 'IncompleteBody', 'The request body ended early')));
    });
  }

  /** The signed policy from the start of a multipart body, if the fields came before the file (as S3 requires). */
  private peekPolicy(head: Buffer): Policy | undefined {
    const s = head.toString('latin1');
    const field = (name: string) => new RegExp(`name="${name}"\\r\\n(?:[^\\r\\n]+\\r\\n)*\\r\\n([A-Za-z0-9+/=]+)\\r\\n`, 'i').exec(s)?.[1];
    const encoded = field('policy');
    const signature = field('signature');
    if (!encoded || !signature) return undefined;
    try {
      return this.verifyPolicy(encoded, signature);
    } catch {
      return undefined;
    }
  }

  private verifyPolicy(encoded: string, signature: string): Policy {
    if (!this.verify(encoded, signature))
      throw new UploadError(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.');
    try {
      const p = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8')) as Policy;
      if (typeof p.key === 'string' && typeof p.contentType === 'string' && Number.isInteger(p.maxBytes) && typeof p.expiry === 'string')
        return p;
    } catch {
      // fall through
    }
    throw new UploadError(400, 'InvalidPolicyDocument', 'Invalid Policy: Invalid JSON.');
  }

  private async serve(url: URL, method: string, res: ServerResponse, cors: Record<string, string>) {
    let key: string;
    try {
      key = url.pathname.slice(`${LOCAL_STORAGE_PREFIX}object/`.length).split('/').map(decodeURIComponent).join('/');
    } catch {
      throw new UploadError(400, 'InvalidURI', 'Could not parse the specified URI.');
    }
    const exp = url.searchParams.get('exp') ?? '';
    const sig = url.searchParams.get('sig') ?? '';
    if (!isValidObjectKey(key) || !/^\d{1,12}$/.test(exp) || !this.verify(`GET\n${key}\n${exp}`, sig)) {
      throw new UploadError(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.');
    }
    const secondsLeft = Number(exp) - Math.floor(this.now() / 1000);
    if (secondsLeft < 0) throw new UploadError(403, 'AccessDenied', 'Request has expired');
    const root = this.root ? await this.root : undefined;
    const meta = root ? await this.readMeta(root, key) : undefined;
    const bytes = root && meta ? await readFile(this.objectPath(root, key)).catch(() => undefined) : undefined;
    if (!meta || !bytes) throw new UploadError(404, 'NoSuchKey', 'The specified key does not exist.');
    res.writeHead(200, {
      ...cors,
      'content-type': meta.contentType,
      'content-length': bytes.length,
      'cache-control': `private, max-age=${secondsLeft}`,
      'x-content-type-options': 'nosniff',
      'last-modified': new Date(meta.uploadedAt).toUTCString(),
    });
    res.end(method === 'HEAD' ? undefined : bytes);
  }

  private async store(key: string, contentType: string, bytes: Buffer) {
    this.root ??= mkdtemp(path.join(tmpdir(), 'cx-photos-'));
    const root = await this.root;
    const file = this.objectPath(root, key);
    const metaFile = this.metaPath(root, key);
    const tmp = path.join(root, 'tmp');
    await Promise.all([
      mkdir(path.dirname(file), { recursive: true }),
      mkdir(path.dirname(metaFile), { recursive: true }),
      mkdir(tmp, { recursive: true }),
    ]);
    const meta: StoredMeta = { contentType, size: bytes.length, uploadedAt: new Date(this.now()).toISOString() };
    // Bytes first, then the sidecar: head() sees an object only once both are complete.
    const tmpFile = path.join(tmp, randomUUID());
    const tmpMeta = path.join(tmp, randomUUID());
    try {
      await writeFile(tmpFile, bytes);
      await writeFile(tmpMeta, JSON.stringify(meta));
      await rename(tmpFile, file);
      await rename(tmpMeta, metaFile);
    } finally {
      await Promise.all([rm(tmpFile, { force: true }), rm(tmpMeta, { force: true })]);
    }
  }

  private async readMeta(root: string, key: string): Promise<StoredMeta | undefined> {
    try {
      return JSON.parse(await readFile(this.metaPath(root, key), 'utf8')) as StoredMeta;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
      throw err;
    }
  }

  private objectPath(root: string, key: string) {
    return inside(path.join(root, 'objects'), key, '');
  }

  private metaPath(root: string, key: string) {
    return inside(path.join(root, 'meta'), key, '.json');
  }

  private sign(data: string): string {
    return createHmac('sha256', this.key).update(data).digest('hex');
  }

  private verify(data: string, signature: string): boolean {
    const expected = Buffer.from(this.sign(data), 'hex');
    const given = /^[0-9a-f]{64}$/.test(signature) ? Buffer.from(signature, 'hex') : Buffer.alloc(0);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private cors(origin: string | undefined): Record<string, string> {
    const h = corsHeaders(origin, this.opts.corsOrigins);
    if (!h['access-control-allow-origin']) return {};
    return { ...h, 'access-control-allow-methods': 'GET,HEAD,POST,OPTIONS' };
  }
}

/** The file for a key under a folder; the key pattern already rules out `..`, and this makes sure of it. */
function inside(base: string, key: string, suffix: string): string {
  if (!isValidObjectKey(key)) throw new Error(`invalid object key: ${key}`);
  const full = path.resolve(base, key + suffix);
  if (!full.startsWith(base + path.sep)) throw new Error(`object key escapes the storage folder: ${key}`);
  return full;
}

function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
