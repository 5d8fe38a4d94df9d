import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { createServer } from 'node:net';

/** A port of the local stack that something else holds. */
export class PortInUseError extends Error {
  constructor(
    readonly port: number,
    readonly what: string,
    readonly holder?: PortHolder,
  ) {
    super(`${what} port ${port} is already in use${holder ? ` by pid ${holder.pid} (${holder.command})` : ''}`);
    this.name = 'PortInUseError';
  }
}

export interface PortHolder {
  pid: number;
  command: string;
}

/** Whether nothing listens on `port`, on any address (IPv4 or IPv6). */
export function portIsFree(port: number): Promise<boolean> {
  return new Promise((ok) => {
    const srv = createServer();
    srv.once('error', () => ok(false));
    // No host: the IPv6 wildcard with IPv4 mapped where available, so a listener on any address conflicts.
    srv.listen({ port, exclusive: true }, () => srv.close(() => ok(true)));
  });
}

/** Socket inodes listening on `port` (Linux /proc/net; none elsewhere). */
function listeningInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      // local_address is HEXADDR:HEXPORT; state 0A is LISTEN; the inode is the 10th field.
      if (f.length > 9 && f[3] === '0A' && Number.parseInt(f[1].split(':')[1] ?? '', 16) === port) inodes.add(f[9]);
    }
  }
  return inodes;
}

/**
 * Which process listens on `port`, when the system says (Linux, and a process of a user whose file
 * descriptors we may read); undefined otherwise.
 */
export function portHolder(port: number): PortHolder | undefined {
  const inodes = listeningInodes(port);
  if (inodes.size === 0) return undefined;
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return undefined;
  }
  for (const pid of pids) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      let target: string;
      try {
        target = readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        continue;
      }
      const m = /^socket:\[(\d+)\]$/.exec(target);
      if (m && inodes.has(m[1])) return { pid: Number(pid), command: commandOf(Number(pid)) };
    }
  }
  return undefined;
}

function commandOf(pid: number): string {
  try {
    const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
    return cmd.length > 300 ? `${cmd.slice(0, 300)}…` : cmd;
  } catch {
    return '?';
  }
}

/** Refuses a port something else listens on, naming the holder when it can be found. */
export async function claimPort(port: number, what: string): Promise<void> {
  if (!(await portIsFree(port))) throw new PortInUseError(port, what, portHolder(port));
}
