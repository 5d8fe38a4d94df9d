import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { distinctFreePorts, fetchOnce, groupMembers, killGroup, portIsOpen, ROOT } from './processes';
import { results, rows, sleep } from './report';

interface StartRun {
  label: string;
  wallMs: number;
  /** The script's own "ready in X.X s" (from its main(), without npm and tsx start-up). */
  reportedMs: number;
  builtH5: boolean;
  freshDataDir: boolean;
  h5Status: number;
  healthStatus: number;
  shutdownMs: number;
  leftoverProcesses: string[];
}

async function startOnce(label: string, dataDir: string, freshDataDir: boolean): Promise<StartRun> {
  const [apiPort, webPort, dynamoPort] = await distinctFreePorts(3);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CX_API_PORT: String(apiPort),
    CX_WEB_PORT: String(webPort),
    CX_DYNAMO_PORT: String(dynamoPort),
    CX_DATA_DIR: dataDir,
  };
  delete env.CX_LOG;
  const t0 = performance.now();
  const child = spawn('npm', ['start'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  let builtH5 = false;
  try {
    const readyLine = await new Promise<{ line: string; at: number }>((ok, fail) => {
      let buf = '';
      const timer = setTimeout(() => fail(new Error(`no "ready in" line within 150 s:\n${out.slice(-3000)}`)), 150_000);
      const onData = (d: Buffer) => {
        out += d.toString();
        buf += d.toString();
        for (let nl = buf.indexOf('\n'); nl >= 0; nl = buf.indexOf('\n')) {
          const line = buf.slice(0, nl);
          buf = buf.slice(nl + 1);
          if (line.includes('正在构建 H5')) builtH5 = true;
          if (line.startsWith('ready in')) {
            clearTimeout(timer);
            ok({ line, at: performance.now() });
          }
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
      child.once('exit', (code) => {
        clearTimeout(timer);
        fail(new Error(`npm start exited (${code}) before "ready in":\n${out.slice(-3000)}`));
      });
    });
    const wallMs = readyLine.at - t0;
    const reported = /^ready in ([\d.]+) s/.exec(readyLine.line);
    const h5Url = /(http:\/\/127\.0\.0\.1:\d+)/.exec(readyLine.line)?.[1] ?? `http://127.0.0.1:${webPort}`;
    const h5 = await fetchOnce(`${h5Url}/`);
    const health = await fetchOnce(`http://127.0.0.1:${apiPort}/health`);
    if (h5.status !== 200 || !/<html/i.test(h5.body)) throw new Error(`H5 ${h5Url}/ answered ${h5.status}`);
    if (health.status !== 200) throw new Error(`API /health answered ${health.status}: ${health.body.slice(0, 200)}`);

    // Shut down the whole process group (npm, sh, tsx, node, and DynamoDB Local's java).
    const stopT0 = performance.now();
    killGroup(child, 'SIGTERM');
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && ((await groupMembers(child.pid!)).length > 0 || (await portIsOpen(dynamoPort)))) await sleep(100);
    const shutdownMs = performance.now() - stopT0;
    const leftovers = await groupMembers(child.pid!);
    if (leftovers.length > 0) killGroup(child, 'SIGKILL');
    if (await portIsOpen(dynamoPort)) throw new Error(`DynamoDB Local still answers on port ${dynamoPort} after stopping npm start`);
    return {
      label,
      wallMs,
      reportedMs: reported ? Number(reported[1]) * 1000 : NaN,
      builtH5,
      freshDataDir,
      h5Status: h5.status,
      healthStatus: health.status,
      shutdownMs,
      leftoverProcesses: leftovers.map((p) => `${p.pid} ${p.cmd}`),
    };
  } finally {
    killGroup(child, 'SIGKILL'); // no-op when already gone
  }
}

export async function benchStart() {
  // A private data folder: never collide with an everyday `npm start` on .data/dynamodb.
  const dataDir = mkdtempSync(join(tmpdir(), 'cx-bench-data-'));
  try {
    const first = await startOnce('first start (empty data dir)', dataDir, true);
    const warm = await startOnce('restart (data dir present)', dataDir, false);
    results.start = { runs: [first, warm], dataDir: '(temporary, removed afterwards)' };
    for (const r of [first, warm]) {
      rows.push({
        figure: `npm start → ready: ${r.label}${r.builtH5 ? ', built H5' : ''}`,
        measured: `${(r.wallMs / 1000).toFixed(2)} s (script says ${(r.reportedMs / 1000).toFixed(1)} s)`,
        budget: 'recorded',
        ok: null,
      });
    }
    if (first.leftoverProcesses.length + warm.leftoverProcesses.length > 0) {
      throw new Error(
        `processes survived SIGTERM and were SIGKILLed: ${[...first.leftoverProcesses, ...warm.leftoverProcesses].join(', ')}`,
      );
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
