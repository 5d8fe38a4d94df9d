import { createServer } from 'node:http';

/** A stand-in for api.weixin.qq.com on loopback: answers jscode2session like WeChat does. */
export async function startFakeWechat(opts: { appId: string; appSecret: string }) {
  const calls: URLSearchParams[] = [];
  const codes = new Map<string, string>(); // code → openid; each code works once, like WeChat's
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://wx');
    calls.push(url.searchParams);
    res.setHeader('content-type', 'text/plain'); // WeChat really answers JSON as text/plain
    if (url.pathname !== '/sns/jscode2session') return void res.writeHead(404).end('{}');
    const q = url.searchParams;
    if (q.get('appid') !== opts.appId || q.get('secret') !== opts.appSecret)
      return void res.end(JSON.stringify({ errcode: 40125, errmsg: 'invalid appsecret' }));
    const openid = codes.get(q.get('js_code') ?? '');
    if (!openid) return void res.end(JSON.stringify({ errcode: 40029, errmsg: 'invalid code' }));
    codes.delete(q.get('js_code')!);
    res.end(JSON.stringify({ openid, session_key: 'SECRET-SESSION-KEY-never-leaves-the-server' }));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    issueCode(code: string, openid: string) {
      codes.set(code, openid);
    },
    stop: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
