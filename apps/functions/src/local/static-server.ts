import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { preconnectTags, sendHtml, sendStaticFile } from './static-delivery';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'x-content-type-options': 'nosniff' };
/** The API's error body for the same mistake, so a client reads both servers alike. */
const MALFORMED_PATH = JSON.stringify({
  code: 'VALIDATION_FAILED',
  message: '请求路径格式错误',
  details: [{ path: 'path', code: 'malformed_path', message: '路径中的编码不正确' }],
});

/** The request's path, decoded; undefined when it cannot be (a malformed %-escape, a NUL byte, no URL at all). */
function decodedPath(raw: string | undefined): string | undefined {
  try {
    const path = decodeURIComponent(new URL(raw ?? '/', 'http://local').pathname);
    return path.includes('\0') ? undefined : path;
  } catch {
    return undefined;
  }
}

/**
 * Serves the H5 build. index.html gets the API's address injected at serve time, so one build works on any port.
 * Files go out precompressed and with cache headers as static-delivery.ts decides.
 */
export async function startStaticServer(opts: { root: string; port: number; host?: string; runtimeConfig: Record<string, unknown> }) {
  const root = resolve(opts.root);
  const inject = `<script>${Object.entries(opts.runtimeConfig)
    .map(([k, v]) => `window.${k}=${JSON.stringify(v).replace(/</g, '\\u003c')};`)
    .join('')}</script>${preconnectTags(opts.runtimeConfig)}`;
  const indexPath = join(root, 'index.html');
  const indexHtml = () => readFileSync(indexPath, 'utf8').replace('<head>', `<head>${inject}`);
  const serve = (req: IncomingMessage, res: ServerResponse) => {
    const decoded = decodedPath(req.url);
    if (decoded === undefined) {
      res.writeHead(400, JSON_HEADERS).end(MALFORMED_PATH);
      return;
    }
    const rel = normalize(decoded).replace(/^([/\\])+/, '');
    const file = join(root, rel);
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (rel === '' || rel === 'index.html' || !existsSync(file) || statSync(file).isDirectory()) {
      if (!existsSync(indexPath)) {
        res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' }).end('H5 尚未构建：请先运行 npm run build:h5');
        return;
      }
      sendHtml(req, res, indexHtml(), TYPES['.html']);
      return;
    }
    sendStaticFile(req, res, file, TYPES[extname(file)] ?? 'application/octet-stream');
  };
  // Whatever a request holds, the listener never throws: an uncaught error here would end `npm start`.
  const server: Server = createServer((req, res) => {
    try {
      serve(req, res);
    } catch (err) {
      console.error('static server:', err);
      if (res.headersSent) res.destroy();
      else res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('服务器开小差了');
    }
  });
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port, host, () => ok());
  });
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://${host}:${port}`,
    stop: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
