/**
 * Helpers for the CLI tests: run the real CLI as a child process, and look at /proc directly
 * (independently of src/ingest/process-tree.ts, so a bug there cannot hide a leftover process).
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServerSnapshot } from '../../src/core/schema.ts';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const CLI = fileURLToPath(new URL('../../src/cli/ingest.ts', import.meta.url));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `node src/cli/ingest.ts ...args` from the repository root. */
export function runCli(args: readonly string[], env: NodeJS.ProcessEnv = process.env, timeoutMs = 120_000): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--disable-warning=ExperimentalWarning', CLI, ...args],
      { cwd: REPO, env, timeout: timeoutMs },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** The server pid the CLI announced on stderr ("server running as pid N"). */
export function announcedPid(stderr: string): number {
  const match = /server running as pid (\d+)/.exec(stderr);
  if (match?.[1] === undefined) throw new Error(`no pid announced in:\n${stderr}`);
  return Number(match[1]);
}

export interface LiveProcess {
  pid: number;
  pgrp: number;
  session: number;
  cmdline: string;
}

/** Every process in /proc that is not a zombie (a zombie is dead, only not reaped yet). */
export function liveProcesses(): LiveProcess[] {
  const live: LiveProcess[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    let cmdline: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
    } catch (error) {
      // ENOENT/ESRCH: the process exited while we were looking.
      if (error instanceof Error && 'code' in error && (error.code === 'ENOENT' || error.code === 'ESRCH')) continue;
      throw error;
    }
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (fields[0] === 'Z') continue;
    live.push({ pid: Number(entry), pgrp: Number(fields[2]), session: Number(fields[3]), cmdline });
  }
  return live;
}

/** Live processes that are `pid` itself or belong to its process group or session. */
export function liveInGroupOf(pid: number): LiveProcess[] {
  return liveProcesses().filter((p) => p.pid === pid || p.pgrp === pid || p.session === pid);
}

/** "<role> <pid>" lines written by the fixture servers. */
export function readPidfile(pidfile: string): Map<string, number> {
  const lines = readFileSync(pidfile, 'utf8').trim().split('\n').filter((l) => l !== '');
  return new Map(
    lines.map((line) => {
      const [role = '', pid = ''] = line.split(' ');
      return [role, Number(pid)] as const;
    }),
  );
}

/**
 * Test hygiene only, AFTER the assertions: SIGKILLs whatever a failed run left alive among the
 * pids a fixture recorded, so one failure does not leave SIGTERM-proof helpers running.
 */
export function killLeftovers(pidfile: string): void {
  const live = new Set(liveProcesses().map((p) => p.pid));
  for (const pid of readPidfile(pidfile).values()) {
    if (!live.has(pid)) continue;
    try {
      process.kill(pid, 'SIGKILL');
    } catch (error) {
      if (!(error instanceof Error && 'code' in error && error.code === 'ESRCH')) throw error;
    }
  }
}

export /** A valid earlier snapshot of `id`, written compactly so that any rewrite would change its bytes. */
function writePrevious(dir: string, id: string): { file: string; bytes: string } {
  const previous: ServerSnapshot = {
    id,
    name: id,
    provenance: {
      method: 'live-introspection',
      package: id,
      registry: 'npm',
      version: '0.9.0',
      command: id,
      args: [],
      envKeys: [],
      serverInfo: { name: 'old', version: '0.9.0' },
      protocolVersion: '2025-06-18',
      clientCapabilities: {},
      capturedAt: '2026-01-01T00:00:00.000Z',
      client: '@modelcontextprotocol/sdk@1.0.0',
    },
    warnings: [],
    tools: [{ name: 'old_tool', inputSchema: { type: 'object' } }],
  };
  const file = join(dir, `${id}.json`);
  const bytes = JSON.stringify(previous);
  writeFileSync(file, bytes);
  return { file, bytes };
}
