/**
 * Faulty servers, each a small fixture in tests/fixtures, through the real CLI: every one ends as a
 * recorded failure or warning with a clear reason, leaves no process running and (on failure)
 * leaves the previous snapshot byte-for-byte as it was. (Exit at start, hang, SIGTERM-proof
 * helpers and exit-with-child are in ingest.test.ts.)
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ServerSnapshotSchema } from '../../src/core/schema.ts';
import type { ServerSnapshot } from '../../src/core/schema.ts';
import { announcedPid, liveInGroupOf, liveProcesses, REPO, runCli, writePrevious } from './helpers.ts';
import type { CliRun } from './helpers.ts';

const fixture = (name: string): string => join(REPO, 'tests/fixtures', name);
const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ingest-faults-'));
  temps.push(dir);
  return dir;
}

function readSnapshot(file: string): ServerSnapshot {
  return ServerSnapshotSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

describe.each([
  {
    fault: 'crashes in the middle of tools/list',
    name: 'crash-mid-list',
    args: [] as string[],
    reason: /error: fixture-crash-mid-list@1\.0\.0: server exited with code 1 during tools\/list/,
    stderr: 'Error: crash-mid-list fixture: database handle lost while listing page 2',
  },
  {
    fault: 'lists no tools',
    name: 'no-tools',
    args: [],
    reason: /error: fixture-no-tools@1\.0\.0: tools\/list returned no tools$/m,
    stderr: undefined,
  },
  {
    fault: 'prints only garbage on stdout',
    name: 'garbage-stdout',
    args: ['--', '--only-garbage'],
    reason: /error: fixture-garbage-stdout@1\.0\.0: timed out after 2 s during initialize; server wrote \d+ non-JSON-RPC line\(s\) on stdout/,
    stderr: undefined,
  },
])('a server that $fault', ({ name, args, reason, stderr }) => {
  it('fails with a clear reason, keeps the previous snapshot, leaves no process', async () => {
    const out = tempDir();
    const previous = writePrevious(out, `fixture-${name}`);
    const started = Date.now();

    const run = await runCli(['--from', fixture(name), '--out-dir', out, '--timeout', '2', ...args]);

    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toMatch(reason);
    if (stderr !== undefined) expect(run.stderr).toContain(stderr);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(readFileSync(previous.file, 'utf8')).toBe(previous.bytes);
    expect(readdirSync(out)).toEqual([`fixture-${name}.json`]);
    expect(liveInGroupOf(announcedPid(run.stderr))).toEqual([]);
  });
});

describe('a server that prints garbage on stdout between its answers', () => {
  it('is captured, with the garbage counted as a warning', async () => {
    const out = tempDir();
    const run = await runCli(['--from', fixture('garbage-stdout'), '--out-dir', out]);
    expect(run.code, run.stderr).toBe(0);
    const snapshot = readSnapshot(join(out, 'fixture-garbage-stdout.json'));
    expect(snapshot.tools.map((t) => t.name)).toEqual(['echo']);
    expect(snapshot.warnings).toEqual(['server wrote 9 non-JSON-RPC line(s) on stdout (ignored)']);
    expect(liveInGroupOf(announcedPid(run.stderr))).toEqual([]);
  });
});

describe('a server that lists a tool name twice', () => {
  it('keeps both definitions verbatim and warns about the duplicate (case-sensitive)', async () => {
    const out = tempDir();
    const run = await runCli(['--from', fixture('duplicate-names'), '--out-dir', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('(1 warning(s))');
    const snapshot = readSnapshot(join(out, 'fixture-duplicate-names.json'));
    expect(snapshot.tools.map((t) => [t.name, t.description])).toEqual([
      ['search', 'Searches issues.'],
      ['Search', 'Searches pages.'],
      ['search', 'Searches users.'],
    ]);
    expect(snapshot.warnings).toEqual(['tool name "search" is listed 2 times']);
    expect(liveInGroupOf(announcedPid(run.stderr))).toEqual([]);
  });
});

describe('network isolation', () => {
  it('starts servers where only loopback exists (or says it could not)', async () => {
    const out = tempDir();
    const run = await runCli(['--from', fixture('interfaces'), '--out-dir', out]);
    expect(run.code, run.stderr).toBe(0);
    const seen: unknown = JSON.parse(readSnapshot(join(out, 'fixture-interfaces.json')).tools[0]?.description ?? 'null');
    if (run.stderr.includes('own network namespace')) {
      expect(seen).toEqual(['lo']);
    } else {
      // unshare not permitted here: ingest must have said so.
      expect(run.stderr).toMatch(/WARNING: .*host network/);
    }
  });

  it('--no-isolate runs with the host network and says so', async () => {
    const out = tempDir();
    const run = await runCli(['--from', fixture('interfaces'), '--out-dir', out, '--no-isolate']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('network isolation disabled by --no-isolate');
  });
});

describe('a server that checks a backend port at start', () => {
  function sourcesFile(dir: string, listen: string): string {
    const file = join(dir, 'sources.yaml');
    writeFileSync(
      file,
      `sources:\n  - id: fixture-needs-backend\n    from: ${fixture('needs-backend')}\n    env: { FIXTURE_DB_PORT: "47321" }\n${listen}`,
    );
    return file;
  }
  const batch = (dir: string, sources: string): Promise<CliRun> =>
    runCli(['--sources', sources, '--out-dir', join(dir, 'out'), '--verification', join(dir, 'v.json'), '--verbose']);

  it('fails when nothing listens, with the server\'s reason', async () => {
    const dir = tempDir();
    const run = await batch(dir, sourcesFile(dir, ''));
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/server exited with code 5 during initialize.*cannot connect to 127\.0\.0\.1:47321 \(ECONNREFUSED\)/);
    expect(liveInGroupOf(announcedPid(run.stderr))).toEqual([]);
  });

  it('lists its tools with `listen:` (a loopback port that accepts and never answers), and ends the listener too', async () => {
    const dir = tempDir();
    const run = await batch(dir, sourcesFile(dir, '    listen: [47321]\n'));
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(readSnapshot(join(dir, 'out', 'fixture-needs-backend.json')).tools.map((t) => t.name)).toEqual(['query']);
    expect(run.stderr).toMatch(/ended [2-9] process\(es\)/);
    expect(liveInGroupOf(announcedPid(run.stderr))).toEqual([]);
    expect(liveProcesses().filter((p) => p.cmdline.includes('loopback-blackhole'))).toEqual([]);
  });
});
