/**
 * Records every DynamoDB request a piece of product code sends, then replays the same requests straight through
 * the SDK with nothing in between: the I/O floor of that code. The replay keeps the recording's causal order (a
 * request starts only once every request that had finished before it started in the recording has finished), so
 * conditional writes hold exactly as they did, and it never runs with less parallelism than the product code had.
 */

import { performance } from 'node:perf_hooks';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

interface SentCommand {
  constructor: new (input: unknown) => SentCommand;
  input: unknown;
}

interface Recorded {
  command: SentCommand;
  /** How many recorded requests had finished when this one started. */
  finishedBefore: number;
  /** Its place in the order requests finished. */
  finishRank: number;
}

type Send = (this: unknown, ...args: unknown[]) => Promise<unknown>;

const clientProto = Object.getPrototypeOf(DynamoDBClient.prototype) as { send: Send };
const originalSend = clientProto.send;

let recording: Recorded[] | null = null;
let finished = 0;
let bypass = false;
let inFlightNow = 0;
let peakRecorded = 0;
const counts = new Map<string, number>();

/** Counts every SDK request by command name, and records them while a recording is on. Install once. */
export function installRequestCounter(): void {
  clientProto.send = function (this: unknown, ...args: unknown[]) {
    const command = args[0] as SentCommand;
    if (bypass) return originalSend.apply(this, args);
    const name = command.constructor.name.replace(/Command$/, '');
    counts.set(name, (counts.get(name) ?? 0) + 1);
    if (!recording) return originalSend.apply(this, args);
    const entry: Recorded = { command: cloneCommand(command), finishedBefore: finished, finishRank: -1 };
    recording.push(entry);
    peakRecorded = Math.max(peakRecorded, ++inFlightNow);
    const done = () => {
      entry.finishRank = finished++;
      inFlightNow--;
    };
    const sent = originalSend.apply(this, args);
    sent.then(done, done);
    return sent;
  };
}

export const requestCounts = () => new Map(counts);

function cloneCommand(command: SentCommand): SentCommand {
  return new command.constructor(structuredClone(command.input));
}

/** Runs `fn` with recording on and returns what it sent. */
export async function record<T>(fn: () => Promise<T>): Promise<{ result: T; requests: Recorded[]; peakInFlight: number }> {
  recording = [];
  finished = 0;
  peakRecorded = 0;
  try {
    const result = await fn();
    return { result, requests: recording, peakInFlight: peakRecorded };
  } finally {
    recording = null;
  }
}

/** The same input addressed to another table: `TableName` values and `RequestItems` keys. */
function retarget(value: unknown, from: string, to: string): unknown {
  if (Array.isArray(value)) return value.map((v) => retarget(v, from, to));
  if (value === null || typeof value !== 'object' || value instanceof Uint8Array || value instanceof Set) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k === from ? to : k, k === 'TableName' && v === from ? to : retarget(v, from, to)]),
  );
}

export interface ReplayResult {
  seconds: number;
  requests: number;
  failed: number;
  peakInFlight: number;
}

/**
 * Replays recorded requests through `send` (a document client over a table seeded exactly like the recording's):
 * request j starts as soon as the first `finishedBefore(j)` requests of the recording's finish order have finished,
 * with at most `maxInFlight` at once (the recording's own peak: more would only queue inside DynamoDB Local).
 */
export async function replay(
  requests: Recorded[],
  send: (command: SentCommand) => Promise<unknown>,
  table: { from: string; to: string },
  maxInFlight: number,
): Promise<ReplayResult> {
  const commands = requests.map((r) => new r.command.constructor(retarget(r.command.input, table.from, table.to)));
  const byFinishRank: number[] = new Array(requests.length);
  requests.forEach((r, i) => {
    byFinishRank[r.finishRank] = i;
  });
  const done = new Uint8Array(requests.length);
  let prefix = 0; // the first `prefix` requests in recorded finish order have finished in the replay
  let next = 0;
  let inFlight = 0;
  let peakInFlight = 0;
  let failed = 0;
  bypass = true;
  const t0 = performance.now();
  try {
    await new Promise<void>((resolveAll, rejectAll) => {
      const launch = () => {
        while (next < requests.length && inFlight < maxInFlight && requests[next].finishedBefore <= prefix) {
          const i = next++;
          inFlight++;
          peakInFlight = Math.max(peakInFlight, inFlight);
          send(commands[i])
            .catch((err: Error) => {
              if (failed++ === 0) console.error('first replay failure:', err.name, err.message);
            })
            .then(() => {
              inFlight--;
              done[i] = 1;
              while (prefix < requests.length && done[byFinishRank[prefix]]) prefix++;
              if (prefix === requests.length) resolveAll();
              else launch();
            })
            .catch(rejectAll);
        }
      };
      if (requests.length === 0) resolveAll();
      else launch();
    });
  } finally {
    bypass = false;
  }
  return { seconds: (performance.now() - t0) / 1000, requests: requests.length, failed, peakInFlight };
}
