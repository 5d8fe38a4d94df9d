import { type ChildProcess, spawn } from 'node:child_process';
import { get as httpGet } from 'node:http';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { freePort } from '@chuangxing/functions/local/dynamo-local';

export const ROOT = resolve(__dirname, '../..');

export async function distinctFreePorts(n: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < n) ports.add(await freePort());
  return [...ports];
}

/** One GET on a fresh connection (no keep-alive), bounded in time. */
export function fetchOnce(url: string, timeoutMs = 5000): Promise<{ status: number; body: string }> {
  return new Promise((ok, fail) => {
    const req = httpGet(url, { agent: false, timeout: timeoutMs }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => ok({ status: res.statusCode ?? 0, body }));
      res.on('error', fail);
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${url} timed out after ${timeoutMs} ms`)));
    req.on('error', fail);
  });
}

export function portIsOpen(port: number): Promise<boolean> {
  return new Promise((ok) => {
    const req = httpGet({ host: '127.0.0.1', port, path: '/', agent: false, timeout: 1000 }, (res) => {
      res.resume();
      ok(true);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', (err: NodeJS.ErrnoException) => ok(err.code !== 'ECONNREFUSED'));
  });
}

/** Runs a command to completion, bounded in time; resolves with its exit code and output tail. */
export function run(
  cmd: string,
  args: string[],
  opts: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<{ code: number | null; out: string; stdout: string; ms: number }> {
  return new Promise((ok) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let out = '';
    let stdout = '';
    const keep = (d: Buffer) => {
      out = (out + d.toString()).slice(-20_000);
    };
    child.stdout!.on('data', (d: Buffer) => {
      stdout = (stdout + d.toString()).slice(-20_000);
      keep(d);
    });
    child.stderr!.on('data', keep);
    const timer = setTimeout(() => {
      out += `\n[bench] killed after ${opts.timeoutMs} ms`;
      killGroup(child, 'SIGKILL');
    }, opts.timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      ok({ code, out, stdout, ms: performance.now() - t0 });
    });
  });
}

export function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/** PIDs still in the process group led by `pgid` (Linux/macOS `ps`). */
export async function groupMembers(pgid: number): Promise<{ pid: number; cmd: string }[]> {
  const { stdout: out } = await run('ps', ['-eo', 'pid=,pgid=,comm='], { cwd: ROOT, timeoutMs: 5000 });
  return out
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((f) => f.length >= 3 && Number(f[1]) === pgid)
    .map((f) => ({ pid: Number(f[0]), cmd: f.slice(2).join(' ') }));
}
