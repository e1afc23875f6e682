/**
 * PyPI and Go beside npm, through the real CLI in batch mode over
 * tests/fixtures/registries/sources.yaml: a real PyPI server (mcp-server-time, installed with uv
 * into its own venv) and a real Go server (mcp-go's example server, built with go install) are
 * spawned over stdio and listed; for each registry an install that fails, a server that exits at
 * start and one that hangs end as classified failures that leave the previous snapshot as it was,
 * no process and no install behind. Needs PyPI, the Go module proxy and a local go and Python 3.12.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServerSnapshotSchema, VerificationSchema } from '../../src/core/schema.ts';
import type { ServerSnapshot, Verification } from '../../src/core/schema.ts';
import { cacheRoot } from '../../src/ingest/install.ts';
import { liveInGroupOf, REPO, runCli, writePrevious } from './helpers.ts';
import type { CliRun } from './helpers.ts';

const SOURCES = join(REPO, 'tests/fixtures/registries/sources.yaml');
const FAILURES = {
  'pypi-no-such-version': 'install',
  'go-no-such-version': 'install',
  'pypi-bad-argument': 'start',
  'go-bad-flag': 'start',
  'pypi-hangs': 'timeout',
  'go-hangs': 'timeout',
} as const;

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

function batch(out: string, verification: string): Promise<CliRun> {
  return runCli(['--sources', SOURCES, '--out-dir', out, '--verification', verification], process.env, 300_000);
}

function snapshot(dir: string, id: string): ServerSnapshot {
  return ServerSnapshotSchema.parse(JSON.parse(readFileSync(join(dir, `${id}.json`), 'utf8')));
}

function announcedPids(stderr: string): number[] {
  return [...stderr.matchAll(/server running as pid (\d+)/g)].map((m) => Number(m[1]));
}

describe('PyPI and Go sources', () => {
  let out: string;
  let verificationPath: string;
  let first: CliRun;
  let verification: Verification;
  const previous = new Map<string, string>();

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ingest-registries-'));
    temps.push(dir);
    out = join(dir, 'servers');
    verificationPath = join(dir, 'verification.json');
    mkdirSync(out);
    for (const id of Object.keys(FAILURES)) previous.set(id, writePrevious(out, id).bytes);
    first = await runCli(['--sources', SOURCES, '--out-dir', out, '--verification', verificationPath, '--verbose'], process.env, 300_000);
    verification = VerificationSchema.parse(JSON.parse(readFileSync(verificationPath, 'utf8')));
  }, 320_000);

  it('lists a real PyPI server over stdio, with its wheel, hash and interpreter', () => {
    expect(first.stdout, first.stderr).toContain('ok:        2 (0 changed, 2 new, 0 unchanged), 8 tools');
    const time = snapshot(out, 'pypi-time');
    expect(time.tools.map((t) => t.name)).toEqual(['get_current_time', 'convert_time']);
    expect(time.provenance).toMatchObject({
      method: 'live-introspection',
      package: 'mcp-server-time',
      registry: 'pypi',
      version: '2026.10.19',
      command: 'mcp-server-time',
      args: ['--local-timezone', '${ZONE}'],
      serverInfo: { name: 'mcp-time', version: '2026.10.19' },
      placeholders: { '${ZONE}': 'a dummy value given at capture ("Europe/Paris")' },
    });
    const install = time.provenance.method === 'live-introspection' ? time.provenance.install : undefined;
    expect(install).toMatchObject({
      command: "uv pip install --no-build 'mcp-server-time==2026.10.19'",
      installer: expect.stringMatching(/^uv \d+\.\d+\.\d+$/),
      runtime: expect.stringMatching(/^CPython 3\.12\.\d+$/),
      artifact: 'mcp_server_time-2026.10.19-py3-none-any.whl',
      digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
    });
  });

  it('shows the dummy time zone as its placeholder in tool text', () => {
    const text = readFileSync(join(out, 'pypi-time.json'), 'utf8');
    expect(text).toContain("'${ZONE}' as local timezone");
    expect(JSON.stringify(snapshot(out, 'pypi-time').tools)).not.toContain('Europe/Paris');
  });

  it('lists a real Go server over stdio, with its module sum and toolchain', () => {
    const go = snapshot(out, 'go-everything');
    expect(go.tools.map((t) => t.name).sort()).toEqual(['add', 'echo', 'getTinyImage', 'get_resource_link', 'longRunningOperation', 'notify']);
    expect(go.provenance).toMatchObject({
      package: 'github.com/mark3labs/mcp-go/examples/everything',
      registry: 'go',
      version: 'v1.2.1',
      command: 'everything',
      homepage: 'https://github.com/mark3labs/mcp-go',
    });
    const install = go.provenance.method === 'live-introspection' ? go.provenance.install : undefined;
    expect(install).toMatchObject({
      command: 'go install github.com/mark3labs/mcp-go/examples/everything@v1.2.1',
      installer: expect.stringMatching(/^go1\.\d+/),
      module: 'github.com/mark3labs/mcp-go',
      digest: expect.stringMatching(/^h1:[A-Za-z0-9+/]+=*$/),
    });
  });

  it.each(Object.entries(FAILURES))('%s fails as %s and keeps the previous snapshot', (id, failureClass) => {
    expect(verification[id]).toMatchObject({ status: 'failed', failureClass });
    expect(first.stdout).toMatch(new RegExp(`  ${id} \\(.*\\) \\[${failureClass}\\]: `));
    expect(readFileSync(join(out, `${id}.json`), 'utf8')).toBe(previous.get(id));
  });

  it('gives each failure a reason in the registry’s own words, without machine paths', () => {
    expect(verification['pypi-no-such-version']?.reason).toMatch(/No matching distribution found for mcp-server-time==1999\.1\.1/);
    expect(verification['go-no-such-version']?.reason).toMatch(/go install .*@v9\.9\.9 failed/);
    expect(verification['pypi-bad-argument']?.reason).toMatch(/exited with code 1 during initialize.*not a known IANA timezone name/);
    expect(verification['go-bad-flag']?.reason).toMatch(/exited with code 2 during initialize/);
    expect(verification['pypi-hangs']?.reason).toMatch(/^timed out after 4 s during initialize/);
    expect(verification['go-hangs']?.reason).toMatch(/^timed out after 4 s during initialize/);
    expect(readFileSync(verificationPath, 'utf8')).not.toContain(cacheRoot());
  });

  it('summarises by registry and by failure class', () => {
    expect(first.stdout).toMatch(/By registry:\n {2}go +1 ok, 3 failed, 6 tools\n {2}pypi +1 ok, 3 failed, 2 tools/);
    expect(first.stdout).toMatch(/ {2}install +2 \(go 1, pypi 1\)/);
    expect(first.stdout).toMatch(/ {2}start +2 \(go 1, pypi 1\)/);
    expect(first.stdout).toMatch(/ {2}timeout +2 \(go 1, pypi 1\)/);
  });

  it('leaves no server process and no install behind', () => {
    const pids = announcedPids(first.stderr);
    expect(pids.length).toBeGreaterThanOrEqual(6);
    for (const pid of pids) expect(liveInGroupOf(pid)).toEqual([]);
    const installs = join(cacheRoot(), 'installs');
    const left = existsSync(installs) ? readdirSync(installs).filter((d) => Object.keys(FAILURES).some((id) => d.endsWith(`~${id}`)) || d.endsWith('~pypi-time') || d.endsWith('~go-everything')) : [];
    expect(left).toEqual([]);
  });

  it('changes no snapshot when run again', async () => {
    const before = new Map(readdirSync(out).map((f) => [f, readFileSync(join(out, f), 'utf8')]));
    const second = await batch(out, verificationPath);
    expect(second.stdout, second.stderr).toContain('ok:        2 (0 changed, 0 new, 2 unchanged), 8 tools');
    expect(new Map(readdirSync(out).map((f) => [f, readFileSync(join(out, f), 'utf8')]))).toEqual(before);
  }, 320_000);
});
