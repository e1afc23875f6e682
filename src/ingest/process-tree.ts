/**
 * Ending a server's whole process tree. A server may spawn helpers, put them in other process
 * groups, or leave them behind when it exits; the SDK only ever signals the direct child.
 *
 * On Linux the tree is found by walking /proc: every descendant by parent pid, plus every
 * process in the root's process group or session (the server is started as a session leader,
 * so orphans reparented to init are still found that way). Each process is identified by pid
 * AND start time, so a recycled pid is never signalled. Without /proc, only the process group
 * is killed.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** One line of /proc/<pid>/stat, reduced to what the tree walk needs. */
export interface ProcStat {
  pid: number;
  /** Single-letter state; `Z` is a zombie (already dead, waiting to be reaped). */
  state: string;
  ppid: number;
  pgrp: number;
  session: number;
  /** Start time in clock ticks since boot: with `pid`, identifies a process uniquely. */
  startTime: number;
}

/** A process as remembered across /proc reads. */
export interface ProcessRef {
  pid: number;
  startTime: number;
}

/**
 * Parses the text of /proc/<pid>/stat. The command name is in parentheses and may itself contain
 * spaces and parentheses, so the fields are read after the LAST `)`.
 */
export function parseProcStat(text: string): ProcStat {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) throw new Error(`malformed /proc stat line: ${text.slice(0, 80)}`);
  const fields = text.slice(close + 2).trim().split(/\s+/);
  // After the comm: state(3) ppid(4) pgrp(5) session(6) ... starttime(22); fields[0] is field 3.
  const field = (n: number): string => {
    const value = fields[n - 3];
    if (value === undefined) throw new Error(`malformed /proc stat line: missing field ${n}`);
    return value;
  };
  return {
    pid: Number(text.slice(0, open).trim()),
    state: field(3),
    ppid: Number(field(4)),
    pgrp: Number(field(5)),
    session: Number(field(6)),
    startTime: Number(field(22)),
  };
}

/** True when this system has a Linux-style /proc. */
export function hasProcFs(): boolean {
  try {
    readFileSync('/proc/self/stat', 'utf8');
    return true;
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return false;
    throw error;
  }
}

function isErrno(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code;
}

/** Reads /proc/<pid>/stat; undefined when the process no longer exists. */
export function readProcStat(pid: number): ProcStat | undefined {
  try {
    return parseProcStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch (error) {
    // ENOENT/ESRCH: the process is gone (it may vanish between readdir and read).
    if (isErrno(error, 'ENOENT') || isErrno(error, 'ESRCH')) return undefined;
    throw error;
  }
}

/** Every process currently in /proc. */
export function listProcesses(): ProcStat[] {
  const stats: ProcStat[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readProcStat(Number(entry));
    if (stat !== undefined) stats.push(stat);
  }
  return stats;
}

/** True when the process exists and is not a zombie (a zombie is dead: it only awaits reaping). */
export function isAlive(ref: ProcessRef): boolean {
  const stat = readProcStat(ref.pid);
  return stat !== undefined && stat.startTime === ref.startTime && stat.state !== 'Z';
}

/**
 * The live (non-zombie) processes of the tree rooted at `rootPid`: the root, its descendants by
 * parent pid, members of the process group or session `rootPid`, and the descendants of any
 * process in `known` (remembered from an earlier look, e.g. before the root exited).
 */
export function findTree(rootPid: number, known: readonly ProcessRef[] = []): ProcessRef[] {
  const all = listProcesses().filter((p) => p.state !== 'Z');
  const byPid = new Map(all.map((p) => [p.pid, p]));
  const members = new Set<number>();
  for (const p of all) {
    if (p.pid === rootPid || p.pgrp === rootPid || p.session === rootPid) members.add(p.pid);
  }
  for (const ref of known) {
    if (byPid.get(ref.pid)?.startTime === ref.startTime) members.add(ref.pid);
  }
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of all) {
      if (!members.has(p.pid) && members.has(p.ppid)) {
        members.add(p.pid);
        grew = true;
      }
    }
  }
  members.delete(process.pid);
  return all.filter((p) => members.has(p.pid)).map(({ pid, startTime }) => ({ pid, startTime }));
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch (error) {
    // ESRCH: already gone (or, for a group, no process left in it).
    if (!isErrno(error, 'ESRCH')) throw error;
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** What {@link killTree} did. */
export interface KillReport {
  /** Every process of the tree that was seen (and sent SIGKILL). */
  seen: ProcessRef[];
  /** Processes still alive when it gave up (empty on success). */
  survivors: ProcessRef[];
}

/** Options of {@link killTree}. */
export interface KillOptions {
  /** Processes seen earlier (e.g. while the root was alive), killed too if still there. */
  known?: readonly ProcessRef[];
  /** The root leads its own process group (started with setsid): SIGKILL the group as well. */
  ownGroup: boolean;
  /** Give up (and report survivors) after this long. Default 3000 ms. */
  deadlineMs?: number;
}

/**
 * SIGKILLs the process group `rootPid` (when the root leads one) and, where /proc exists, every
 * process of the tree ({@link findTree}), repeating until nothing of it is left or the deadline
 * has passed (a dying process may still spawn). Never signals the current process.
 */
export async function killTree(rootPid: number, options: KillOptions): Promise<KillReport> {
  const procFs = hasProcFs();
  const known = options.known ?? [];
  const seen = new Map<string, ProcessRef>(known.map((r) => [`${r.pid}:${r.startTime}`, r]));
  const giveUpAt = Date.now() + (options.deadlineMs ?? 3000);
  for (;;) {
    if (options.ownGroup && rootPid !== process.pid) signal(-rootPid, 'SIGKILL');
    if (!procFs) return { seen: [...seen.values()], survivors: [] };
    const tree = findTree(rootPid, [...seen.values()]);
    for (const ref of tree) {
      seen.set(`${ref.pid}:${ref.startTime}`, ref);
      signal(ref.pid, 'SIGKILL');
    }
    await sleep(tree.length === 0 ? 0 : 50);
    const survivors = [...seen.values()].filter(isAlive);
    if (survivors.length === 0 && findTree(rootPid, []).length === 0) {
      return { seen: [...seen.values()], survivors: [] };
    }
    if (Date.now() > giveUpAt) return { seen: [...seen.values()], survivors };
  }
}
