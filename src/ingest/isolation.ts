/**
 * No network egress for servers: each one runs in a new network namespace (`unshare -n`) where
 * only loopback exists (brought up with `ip`, so 127.0.0.1 answers or refuses like it should).
 * Where namespaces are not permitted, servers run with the host network and a warning says so.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { findOnPath } from './introspect.ts';

export interface Isolation {
  kind: 'network-namespace' | 'none';
  /** Words put before the server's command, e.g. `unshare -n --`. */
  prefix: string[];
  /** Human description for the log. */
  note: string;
}

const BLACKHOLE = fileURLToPath(new URL('./loopback-blackhole.ts', import.meta.url));

/**
 * The words to start a server under: the isolation prefix, then `sh -c SCRIPT` that brings loopback
 * up (in a namespace), starts a blackhole listener on `ports` (and fixed-answer HTTP listeners on
 * the ports of `responders`, port → file of the body) and waits until they listen, then
 * execs the server (same pid: the tree walk still finds it, and the listener is its child).
 */
export function wrapperArgv(
  isolation: Isolation,
  ports: readonly number[],
  readyFile: string,
  responders: Readonly<Record<number, string>> = {},
): string[] {
  const steps: string[] = [];
  if (isolation.kind === 'network-namespace') steps.push('ip link set lo up 2>/dev/null');
  const specs = [...ports.map(String), ...Object.entries(responders).map(([port, file]) => `${port}=${file}`)];
  if (specs.length > 0) {
    const quote = (word: string): string => `'${word.replaceAll("'", "'\\''")}'`;
    steps.push(
      `${[process.execPath, BLACKHOLE, readyFile, ...specs].map(quote).join(' ')} &`,
      `i=0; while [ ! -e ${quote(readyFile)} ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i+1)); done`,
    );
  }
  if (steps.length === 0) return [...isolation.prefix];
  return [...isolation.prefix, 'sh', '-c', `${steps.join('\n')}\nexec "$0" "$@"`];
}

/** Tries `unshare -n` once; `disabled` skips the try (e.g. `--no-isolate`). */
export function detectIsolation(disabled = false): Isolation {
  if (disabled) return { kind: 'none', prefix: [], note: 'network isolation disabled by --no-isolate: servers run with the host network' };
  const unshare = findOnPath('unshare');
  if (unshare === undefined) {
    return { kind: 'none', prefix: [], note: 'WARNING: unshare not found; servers run with the host network' };
  }
  const probe = spawnSync(unshare, ['-n', '--', 'true'], { encoding: 'utf8', timeout: 10_000 });
  if (probe.status !== 0) {
    const why = (probe.stderr || probe.error?.message || `exit ${String(probe.status)}`).trim();
    return {
      kind: 'none',
      prefix: [],
      note: `WARNING: cannot create a network namespace (${why}); servers run with the host network`,
    };
  }
  const ip = findOnPath('ip');
  return {
    kind: 'network-namespace',
    prefix: [unshare, '-n', '--'],
    note:
      ip === undefined
        ? 'servers run in a network namespace with no interface up (ip not found: no loopback either)'
        : 'servers run in their own network namespace: loopback only, no egress',
  };
}
