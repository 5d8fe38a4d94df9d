import { type Dirent, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { startHttpServer } from '../../src/local/http-server';
import { LocalObjectStorage } from '../../src/local/local-object-storage';
import { createTestStack } from './test-stack';

/**
 * The test stack behind the real node:http server of the local stack, with the local photo storage
 * mounted under /local-storage/ and kept in its own temporary folder, so tests can upload with real
 * multipart requests and see exactly which files were written.
 */
export async function createHttpTestStack(opts: Omit<Parameters<typeof createTestStack>[0] & object, 'baseUrl' | 'storageDir'> = {}) {
  let url = '';
  const storageDir = mkdtempSync(path.join(tmpdir(), 'cx-test-photos-'));
  const stack = await createTestStack({ ...opts, baseUrl: () => url, storageDir });
  if (!(stack.deps.storage instanceof LocalObjectStorage)) throw new Error('expected the local object storage');
  const http = await startHttpServer(stack.app, 0, '127.0.0.1', [stack.deps.storage.route]);
  url = http.url;
  return {
    ...stack,
    url,
    storageDir,
    /** Every file the storage holds, relative to its folder (objects and their sidecars). */
    storedFiles: () => listFiles(storageDir).filter((f) => !f.startsWith('tmp/')),
    async stop() {
      await http.stop();
      rmSync(storageDir, { recursive: true, force: true });
    },
  };
}

export type HttpTestStack = Awaited<ReturnType<typeof createHttpTestStack>>;

export function listFiles(dir: string, prefix = ''): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(path.join(dir, prefix), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => (e.isDirectory() ? listFiles(dir, `${prefix}${e.name}/`) : [`${prefix}${e.name}`]));
}

/** Sends a presigned form the way a browser (or wx.uploadFile) does: the fields, then the file as `file`. */
export async function uploadForm(
  url: string,
  fields: Record<string, string>,
  file: { bytes: Buffer; type?: string; name?: string },
  headers: Record<string, string> = {},
) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([file.bytes], { type: file.type ?? 'application/octet-stream' }), file.name ?? 'photo');
  const res = await fetch(url, { method: 'POST', body: form, headers });
  return { status: res.status, headers: res.headers, text: await res.text() };
}
