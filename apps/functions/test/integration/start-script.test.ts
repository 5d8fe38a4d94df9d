import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/local/dynamo-local';
import { portIsFree } from '../../src/local/ports';

const ROOT = resolve(__dirname, '../../../..');

/** Processes whose command line mentions `text` (a run's own data folder): what a run left behind. */
function processesMentioning(text: string): { pid: number; cmd: string }[] {
  const found: { pid: number; cmd: string }[] = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
      if (cmd.includes(text)) found.push({ pid: Number(pid), cmd });
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

/** The process ids below `pid` (npm → sh → node → java). */
function descendants(pid: number): number[] {
  const parentOf = new Map<number, number>();
  for (const p of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      // The command may hold spaces or parentheses: the fields after the last ')' are state, then ppid.
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      parentOf.set(Number(p), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  const out: number[] = [];
  for (let frontier = [pid]; frontier.length; ) {
    frontier = [...parentOf].filter(([, ppid]) => frontier.includes(ppid)).map(([p]) => p);
    out.push(...frontier);
  }
  return out;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

interface Run {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

/** `npm start` itself, in a process group of its own (as a terminal runs it), on the given ports and data folder. */
function start(ports: { dynamo: number; api: number; web: number }, dataDir: string, h5Dir: string): Run {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CX_DATA_DIR: dataDir,
    CX_H5_DIR: h5Dir,
    CX_DYNAMO_PORT: String(ports.dynamo),
    CX_API_PORT: String(ports.api),
    CX_WEB_PORT: String(ports.web),
  };
  delete env.CX_LOG;
  const child = spawn('npm', ['start'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));
  return { child, output: () => out, exited };
}

/** Waits until no process mentions `dir` any more (a stop takes a moment after its parent exits). */
const noneLeft = (dir: string) => until(`no process left for ${dir}`, () => processesMentioning(dir).length === 0, 20_000);

async function ready(run: Run, timeoutMs = 280_000) {
  let done = false;
  run.exited.then(() => {
    done = true;
  });
  await until('"ready in"', () => /ready in/.test(run.output()) || done, timeoutMs);
  if (!/ready in/.test(run.output())) throw new Error(`start exited before ready:\n${run.output().slice(-3000)}`);
}

async function distinctPorts() {
  const ports = new Set<number>();
  while (ports.size < 3) ports.add(await freePort());
  const [dynamo, api, web] = [...ports];
  return { dynamo, api, web };
}

async function allFree(ports: { dynamo: number; api: number; web: number }) {
  return (await Promise.all([ports.dynamo, ports.api, ports.web].map(portIsFree))).every(Boolean);
}

/**
 * `npm start` owns its processes: a second start on the same ports refuses (it never attaches to a DynamoDB
 * Local it did not start), a start that fails or is interrupted stops what it started, and SIGTERM or Ctrl+C
 * leave nothing running. The runs share one data folder after the first (a restart is quick; the first
 * start seeds the demo data).
 */
describe('npm start owns its processes', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'cx-start-'));
  const h5 = join(tmp, 'h5');
  const data = join(tmp, 'data');
  const runs: Run[] = [];
  const spawnRun = (...args: Parameters<typeof start>) => {
    const run = start(...args);
    runs.push(run);
    return run;
  };

  beforeAll(() => {
    mkdirSync(h5, { recursive: true });
    writeFileSync(join(h5, 'index.html'), '<!doctype html><html><head></head><body>H5</body></html>');
  });
  /** Only if a test failed midway: this file's own runs and what they started, so one failure does not spill into the next. */
  const killLeftovers = async () => {
    const kill = (pid: number) => {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    for (const r of runs.splice(0)) if (r.child.exitCode === null && r.child.signalCode === null) kill(-(r.child.pid as number));
    for (const p of processesMentioning(tmp)) kill(p.pid);
    await until('leftovers to go', () => processesMentioning(tmp).length === 0, 10_000).catch(() => undefined);
  };
  afterEach(killLeftovers);
  afterAll(async () => {
    await killLeftovers();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('a second start on the same ports refuses, naming the DynamoDB port and how to free it; SIGTERM then stops the first completely', async () => {
    const ports = await distinctPorts();
    const first = spawnRun(ports, data, h5);
    await ready(first);
    const health = await fetch(`http://127.0.0.1:${ports.api}/health`);
    expect(health.status).toBe(200);
    const java = processesMentioning(join(data, 'dynamodb'));
    expect(java.length).toBe(1);

    const otherData = join(tmp, 'other');
    const second = spawnRun(ports, otherData, h5);
    expect(await second.exited).toBe(1);
    const said = second.output();
    expect(said).toContain(`DynamoDB Local 的端口 ${ports.dynamo} 已被其他进程占用`);
    expect(said).toContain(`pid ${java[0].pid}`); // the holder, found through /proc
    expect(said).toContain(`kill ${java[0].pid}`);
    expect(said).toMatch(/CX_DYNAMO_PORT=\d+ npm start/);
    expect(said).not.toContain('ready in');
    expect(processesMentioning(otherData)).toEqual([]);
    // The first is untouched: same DynamoDB Local, still answering.
    expect((await fetch(`http://127.0.0.1:${ports.api}/health`)).status).toBe(200);
    expect(processesMentioning(join(data, 'dynamodb')).map((p) => p.pid)).toEqual([java[0].pid]);

    // SIGTERM to the script's own process (node, below npm and its shell).
    const script = descendants(first.child.pid as number).filter((p) => processesMentioning('scripts/start.ts').some((x) => x.pid === p));
    expect(script.length).toBeGreaterThan(0);
    process.kill(script.at(-1) as number, 'SIGTERM');
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain('✓ 已停止');
    await noneLeft(data);
    expect(await allFree(ports)).toBe(true);
  }, 420_000);

  it('a start whose API port is taken refuses before starting anything', async () => {
    const ports = await distinctPorts();
    const squatter: Server = createServer();
    await new Promise<void>((ok) => squatter.listen(ports.api, '127.0.0.1', ok));
    try {
      const run = spawnRun(ports, data, h5);
      expect(await run.exited).toBe(1);
      expect(run.output()).toContain(`API 的端口 ${ports.api} 已被其他进程占用`);
      expect(run.output()).toContain(`pid ${process.pid}`); // this test process holds it
      expect(run.output()).toMatch(/CX_API_PORT=\d+ npm start/);
    } finally {
      await new Promise<void>((ok) => squatter.close(() => ok()));
    }
    await noneLeft(data);
    expect(await portIsFree(ports.dynamo)).toBe(true);
  }, 60_000);

  it('a start that fails after DynamoDB Local started (its API port taken meanwhile) stops it and leaves no Java behind', async () => {
    const ports = await distinctPorts();
    const run = spawnRun(ports, data, h5);
    // As soon as DynamoDB Local's Java is spawned, something else takes the API port (the JVM needs a
    // second or more to answer, and the API binds only after that).
    await until('DynamoDB Local to be spawned', () => processesMentioning(join(data, 'dynamodb')).length > 0, 60_000);
    const squatter: Server = createServer();
    const bound = await new Promise<boolean>((ok) => {
      squatter.once('error', () => ok(false));
      squatter.listen(ports.api, '127.0.0.1', () => ok(true));
    });
    expect(bound).toBe(true);
    try {
      expect(await run.exited).toBe(1);
    } finally {
      await new Promise<void>((ok) => squatter.close(() => ok()));
    }
    expect(run.output()).toContain(`API 的端口 ${ports.api} 已被其他进程占用`);
    expect(run.output()).toContain('本次启动的进程都已停止');
    await noneLeft(data);
    expect(await portIsFree(ports.dynamo)).toBe(true);
  }, 120_000);

  it('SIGTERM to npm while starting aborts the start and stops the DynamoDB Local it had spawned', async () => {
    const ports = await distinctPorts();
    const run = spawnRun(ports, data, h5);
    await until('DynamoDB Local to start', () => processesMentioning(join(data, 'dynamodb')).length > 0, 60_000);
    // As a process manager stops `npm start`: SIGTERM to npm alone, which ends npm and its shell but not
    // the script; orphaned, the script aborts its start.
    const script = descendants(run.child.pid as number).filter((p) => processesMentioning('scripts/start.ts').some((x) => x.pid === p));
    expect(script.length).toBeGreaterThan(0);
    run.child.kill('SIGTERM');
    await run.exited;
    await noneLeft(data);
    await until('the script to exit', () => !processesMentioning('scripts/start.ts').some((x) => script.includes(x.pid)), 20_000);
    expect(run.output()).not.toContain('ready in');
    expect(await allFree(ports)).toBe(true);
  }, 120_000);

  it('Ctrl+C (SIGINT) on a running stack leaves nothing running', async () => {
    const ports = await distinctPorts();
    const run = spawnRun(ports, data, h5);
    await ready(run);
    expect((await fetch(`http://127.0.0.1:${ports.web}/`)).status).toBe(200);
    // Ctrl+C in a terminal: SIGINT to the whole foreground process group.
    process.kill(-(run.child.pid as number), 'SIGINT');
    await run.exited;
    await noneLeft(data);
    expect(run.output()).toContain('✓ 已停止');
    expect(await allFree(ports)).toBe(true);
  }, 360_000);
});
