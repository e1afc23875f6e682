/**
 * src/ingest/process-tree.ts against real processes: a tree started like ingest starts servers
 * (setsid), with helpers that ignore SIGTERM, one of them in a session of its own.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findTree, killTree, parseProcStat } from '../../src/ingest/process-tree.ts';
import { killLeftovers, liveProcesses, readPidfile, REPO } from './helpers.ts';

describe('parseProcStat', () => {
  it.each([
    [
      '1234 (node) S 1 1234 1234 0 -1 4194560 2 0 0 0 0 0 0 0 20 0 11 0 98765 1 2 3',
      { pid: 1234, state: 'S', ppid: 1, pgrp: 1234, session: 1234, startTime: 98765 },
    ],
    [
      '77 (a (weird) name) Z 5 6 7 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 42 0 0',
      { pid: 77, state: 'Z', ppid: 5, pgrp: 6, session: 7, startTime: 42 },
    ],
    [
      '8 (tab\tand ) paren) R 2 8 9 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 7 0 0',
      { pid: 8, state: 'R', ppid: 2, pgrp: 8, session: 9, startTime: 7 },
    ],
  ])('parses %j', (line, expected) => {
    expect(parseProcStat(line)).toEqual(expected);
  });

  it('rejects a truncated line', () => {
    expect(() => parseProcStat('12 (x) S 1 2')).toThrow(/missing field/);
  });
});

describe('killTree', () => {
  const started: ChildProcess[] = [];
  let dir = '';
  afterEach(() => {
    for (const child of started) child.kill('SIGKILL');
    killLeftovers(join(dir, 'pids'));
    rmSync(dir, { recursive: true, force: true });
  });

  /** Starts tests/fixtures/sigterm-tree/server.mjs under setsid; resolves once its 4 processes run. */
  async function startTree(): Promise<{ root: ChildProcess; pids: Map<string, number>; pidfile: string }> {
    dir = mkdtempSync(join(tmpdir(), 'process-tree-test-'));
    const pidfile = join(dir, 'pids');
    writeFileSync(pidfile, '');
    const root = spawn('setsid', [process.execPath, join(REPO, 'tests/fixtures/sigterm-tree/server.mjs'), pidfile], {
      stdio: ['pipe', 'ignore', 'ignore'],
    });
    started.push(root);
    const deadline = Date.now() + 10_000;
    for (;;) {
      const pids = readPidfile(pidfile);
      if (pids.size === 4) return { root, pids, pidfile };
      if (Date.now() > deadline) throw new Error(`tree did not start: ${[...pids.keys()].join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it('finds the whole tree while the root is alive, across sessions', async () => {
    const { root, pids } = await startTree();
    const found = new Set(findTree(root.pid ?? -1).map((p) => p.pid));
    expect([...pids.values()].filter((pid) => !found.has(pid))).toEqual([]);
    await killTree(root.pid ?? -1, { known: findTree(root.pid ?? -1), ownGroup: true });
  });

  it('SIGKILLs every process, including SIGTERM-ignoring helpers outside the group', async () => {
    const { root, pids, pidfile } = await startTree();
    const rootPid = root.pid ?? -1;
    const before = findTree(rootPid);
    // The root ends first (as after client.close()): its helpers are orphaned.
    root.kill('SIGKILL');
    await new Promise((resolve) => root.once('exit', resolve));

    const report = await killTree(rootPid, { known: before, ownGroup: true });

    expect(report.survivors).toEqual([]);
    const seen = new Set(report.seen.map((p) => p.pid));
    for (const role of ['same-group', 'detached', 'grandchild']) expect(seen.has(pids.get(role) ?? -1)).toBe(true);
    const live = liveProcesses();
    expect(live.filter((p) => [...pids.values()].includes(p.pid))).toEqual([]);
    expect(live.filter((p) => p.cmdline.includes(pidfile))).toEqual([]);
  });

  it('without the earlier look, still ends what is in the process group', async () => {
    const { root, pids } = await startTree();
    const rootPid = root.pid ?? -1;
    const detached = findTree(rootPid).filter((p) => p.pid === pids.get('detached') || p.pid === pids.get('grandchild'));
    root.kill('SIGKILL');
    await new Promise((resolve) => root.once('exit', resolve));

    await killTree(rootPid, { ownGroup: true });

    const live = new Set(liveProcesses().map((p) => p.pid));
    expect(live.has(pids.get('same-group') ?? -1)).toBe(false);
    // The helper in its own session is out of reach without `known`: clean it up here.
    expect(live.has(pids.get('detached') ?? -1)).toBe(true);
    const cleanup = await killTree(pids.get('detached') ?? -1, { known: detached, ownGroup: true });
    expect(cleanup.survivors).toEqual([]);
  });
});
