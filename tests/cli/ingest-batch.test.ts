/**
 * Batch mode (`npm run ingest` with no package) over tests/fixtures/batch/sources.yaml: fixture
 * servers, some faulty, and a manifest. Checks the summary, verification.json, that no process
 * is left, that a second run changes nothing but the dates, and the --only / --retry-failed filters.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServerSnapshotSchema, VerificationSchema } from '../../src/core/schema.ts';
import type { ServerSnapshot, Verification } from '../../src/core/schema.ts';
import { liveInGroupOf, REPO, runCli } from './helpers.ts';
import type { CliRun } from './helpers.ts';

const SOURCES = join(REPO, 'tests/fixtures/batch/sources.yaml');
const OK = ['fixture-duplicate-names', 'fixture-interfaces', 'fixture-manifest', 'fixture-raw-pages'];
const FAILED = ['fixture-crash-mid-list', 'fixture-exit-at-start', 'fixture-never-answers', 'fixture-no-tools'];

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

function batch(out: string, verification: string, ...extra: string[]): Promise<CliRun> {
  return runCli(['--sources', SOURCES, '--out-dir', out, '--verification', verification, '--verbose', ...extra]);
}

function readFiles(dir: string): Map<string, string> {
  return new Map(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

function readVerification(path: string): Verification {
  return VerificationSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

function snapshot(dir: string, id: string): ServerSnapshot {
  return ServerSnapshotSchema.parse(JSON.parse(readFileSync(join(dir, `${id}.json`), 'utf8')));
}

/** Every pid the run announced ("server running as pid N"). */
function announcedPids(stderr: string): number[] {
  return [...stderr.matchAll(/server running as pid (\d+)/g)].map((m) => Number(m[1]));
}

/** The entry without its dates, to compare two runs. */
function withoutDates(v: Verification): Record<string, unknown> {
  return Object.fromEntries(Object.entries(v).map(([id, { lastAttempt: _a, lastVerified: _v, ...rest }]) => [id, rest]));
}

describe('batch ingest of a sources file', () => {
  let out: string;
  let verificationPath: string;
  let first: CliRun;
  let firstFiles: Map<string, string>;
  let firstVerification: Verification;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ingest-batch-'));
    temps.push(dir);
    out = join(dir, 'servers');
    verificationPath = join(dir, 'verification.json');
    first = await batch(out, verificationPath);
    firstFiles = readFiles(out);
    firstVerification = readVerification(verificationPath);
  });

  it('exits 1 because some sources failed, and shows progress and a summary', () => {
    expect(first.code, first.stderr).toBe(1);
    expect(first.stderr).toContain('8 of 8 source(s)');
    expect(first.stderr).toMatch(/\[8\/8\] /);
    for (const id of [...OK, ...FAILED]) expect(first.stderr).toContain(`start  ${id}`);
    expect(first.stdout).toMatch(/Ingest summary: 8 source\(s\) in .+, median .+ per source/);
    expect(first.stdout).toContain('ok:        4 (0 changed, 4 new, 0 unchanged), 9 tools');
    expect(first.stdout).toContain('failed:    4');
    expect(first.stdout).toMatch(/fixture-exit-at-start \(.*\) \[needs-credentials\]: server exited with code 3 during initialize.*FIXTURE_API_TOKEN environment variable is not set/);
    expect(first.stdout).toMatch(/fixture-no-tools \(.*\) \[bad-tool-list\]: tools\/list returned no tools/);
    expect(first.stdout).toMatch(/fixture-crash-mid-list \(.*\) \[start\]: server exited with code 1 during tools\/list/);
    expect(first.stdout).toMatch(/fixture-never-answers \(.*\) \[timeout\]: timed out after 1 s during initialize/);
    expect(first.stdout).toMatch(/By registry:\n {2}manifest +1 ok, 0 failed, 2 tools\n {2}npm +3 ok, 4 failed, 7 tools/);
    expect(first.stdout).toMatch(/Failures by class:\n {2}start +1 \(npm 1\)/);
    expect(first.stdout).toMatch(/ {2}timeout +1 \(npm 1\)/);
    expect(first.stdout).toMatch(/ {2}needs-credentials +1 \(npm 1\)/);
  });

  it('writes snapshots for the successes only, and leaves no process running', () => {
    expect([...firstFiles.keys()]).toEqual(OK.map((id) => `${id}.json`));
    const pids = announcedPids(first.stderr);
    expect(pids).toHaveLength(7);
    for (const pid of pids) expect(liveInGroupOf(pid)).toEqual([]);
  });

  it('records every attempt in verification.json, ids sorted', () => {
    expect(Object.keys(firstVerification)).toEqual([...OK, ...FAILED].sort());
    for (const id of OK) {
      const entry = firstVerification[id];
      expect(entry?.status).toBe('ok');
      expect(entry?.lastVerified).toBe(entry?.lastAttempt);
      expect(entry?.reason).toBeUndefined();
    }
    expect(firstVerification['fixture-raw-pages']?.toolCount).toBe(3);
    expect(firstVerification['fixture-manifest']?.toolCount).toBe(2);
    for (const id of FAILED) {
      const entry = firstVerification[id];
      expect(entry?.status).toBe('failed');
      expect(entry?.lastVerified).toBeUndefined();
      expect(entry?.toolCount).toBeUndefined();
      expect(entry?.reason).not.toBe('');
    }
    expect(firstVerification['fixture-no-tools']?.reason).toBe('tools/list returned no tools');
  });

  it('records sources.yaml settings in the snapshots: env names, gating, placeholders unexpanded', () => {
    const raw = snapshot(out, 'fixture-raw-pages');
    expect(raw.provenance.envKeys).toEqual(['FIXTURE_TOKEN']);
    expect(raw.provenance.gating).toEqual({ summary: '--list-changed adds one more tool after a tools/list_changed notification.' });
    expect(firstFiles.get('fixture-raw-pages.json')).not.toContain('dummy-value-123');
    expect(snapshot(out, 'fixture-interfaces').provenance.args).toEqual(['${HOME}/not-a-secret']);
  });

  it('imports the manifest source', () => {
    const imported = snapshot(out, 'fixture-manifest');
    expect(imported.provenance.method).toBe('manifest-import');
    expect(imported.provenance.capturedAt).toBe('2026-08-21T00:00:00.000Z');
    expect(imported.tools.map((t) => t.name)).toEqual(['get_thing', 'delete_thing']);
    expect(imported.namedTools?.map((t) => t.name)).toEqual(['mystery_tool', 'remote_search']);
  });

  it('changes nothing but the dates when run again', async () => {
    const second = await batch(out, verificationPath);
    expect(second.code).toBe(1);
    expect(second.stdout).toContain('ok:        4 (0 changed, 0 new, 4 unchanged), 9 tools');
    expect(readFiles(out)).toEqual(firstFiles);
    const again = readVerification(verificationPath);
    expect(withoutDates(again)).toEqual(withoutDates(firstVerification));
    for (const id of OK) expect(again[id]?.lastAttempt).not.toBe(firstVerification[id]?.lastAttempt);
    for (const pid of announcedPids(second.stderr)) expect(liveInGroupOf(pid)).toEqual([]);
  });

  it('--retry-failed runs only the sources whose last attempt failed', async () => {
    const retry = await batch(out, verificationPath, '--retry-failed');
    expect(retry.stderr).toContain('4 of 8 source(s)');
    for (const id of FAILED) expect(retry.stderr).toContain(`start  ${id}`);
    for (const id of OK) expect(retry.stderr).not.toContain(`start  ${id}`);
    expect(readFiles(out)).toEqual(firstFiles);
  });

  it('--only runs the named sources; a failure keeps the last success', async () => {
    const only = await batch(out, verificationPath, '--only', 'fixture-manifest', '--only', 'fixture-duplicate-names');
    expect(only.code, only.stderr).toBe(0);
    expect(only.stderr).toContain('2 of 8 source(s)');
    expect(only.stdout).toContain('ok:        2 (0 changed, 0 new, 2 unchanged), 5 tools');
  });

  it('--only with an unknown id is an error', async () => {
    const run = await batch(out, verificationPath, '--only', 'no-such-source');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--only: no source with id "no-such-source"');
  });
});
