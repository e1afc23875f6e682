/**
 * The ingest CLI end to end, as a child process: the real @modelcontextprotocol/server-everything
 * (devDependency) and fixture servers in tests/fixtures/. Every run writes into a temp dir.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ClientCapabilitiesSchema, ListRootsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ServerSnapshotSchema } from '../../src/core/schema.ts';
import type { ServerSnapshot } from '../../src/core/schema.ts';
import { announcedPid, killLeftovers, liveInGroupOf, liveProcesses, readPidfile, REPO, runCli, writePrevious } from './helpers.ts';
import type { CliRun } from './helpers.ts';

const EVERYTHING = join(REPO, 'node_modules/@modelcontextprotocol/server-everything');
const fixture = (name: string): string => join(REPO, 'tests/fixtures', name);

const temps: string[] = [];
const cleanups: (() => void)[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ingest-test-'));
  temps.push(dir);
  return dir;
}
afterAll(() => {
  for (const cleanup of cleanups) cleanup();
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

function readSnapshot(path: string): ServerSnapshot {
  return ServerSnapshotSchema.parse(readJson(path));
}

/** Raw `tools` of the written file, in file order (zod parsing would reorder keys). */
function rawTools(path: string): unknown {
  return z.looseObject({ tools: z.array(z.unknown()) }).parse(readJson(path)).tools;
}

function packageVersion(dir: string): string {
  return z.object({ version: z.string() }).parse(readJson(join(dir, 'package.json'))).version;
}

/**
 * A second, independent raw tools/list of server-everything with the SDK directly, declaring
 * the capabilities the snapshot recorded.
 */
async function independentToolsList(capabilities: unknown): Promise<unknown[]> {
  const manifest = z.object({ bin: z.record(z.string(), z.string()) }).parse(readJson(join(EVERYTHING, 'package.json')));
  const bin = manifest.bin['mcp-server-everything'];
  if (bin === undefined) throw new Error('server-everything has no mcp-server-everything bin');
  const transport = new StdioClientTransport({
    command: 'setsid',
    args: [process.execPath, join(EVERYTHING, bin)],
    stderr: 'ignore',
  });
  const client = new Client(
    { name: 'ingest-test', version: '0.0.0' },
    { capabilities: ClientCapabilitiesSchema.parse(capabilities) },
  );
  client.setRequestHandler(ListRootsRequestSchema, () => ({ roots: [] }));
  await client.connect(transport);
  const pid = transport.pid;
  try {
    await new Promise((resolve) => setTimeout(resolve, 1500)); // past any tools/list_changed
    const tools: unknown[] = [];
    let cursor: string | undefined;
    do {
      const page = await client.request(
        { method: 'tools/list', params: cursor === undefined ? {} : { cursor } },
        z.looseObject({ tools: z.array(z.unknown()), nextCursor: z.string().optional() }),
      );
      tools.push(...page.tools);
      cursor = page.nextCursor;
    } while (cursor !== undefined);
    return tools;
  } finally {
    await client.close();
    if (pid !== null) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch (error) {
        if (!(error instanceof Error && 'code' in error && error.code === 'ESRCH')) throw error;
      }
    }
  }
}

describe('ingest of the real @modelcontextprotocol/server-everything', () => {
  let out: string;
  let file: string;
  let first: CliRun;
  let firstBytes: string;

  beforeAll(async () => {
    out = tempDir();
    file = join(out, 'modelcontextprotocol-server-everything.json');
    first = await runCli(['--from', 'node_modules/@modelcontextprotocol/server-everything', '--out-dir', out]);
    firstBytes = readFileSync(file, 'utf8');
  });

  it('writes a valid snapshot with the real provenance', () => {
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/written .*modelcontextprotocol-server-everything\.json/);
    const snapshot = readSnapshot(file);
    expect(snapshot.id).toBe('modelcontextprotocol-server-everything');
    expect(snapshot.provenance).toMatchObject({
      method: 'live-introspection',
      package: '@modelcontextprotocol/server-everything',
      registry: 'npm',
      version: packageVersion(EVERYTHING),
      command: 'mcp-server-everything',
      args: [],
      envKeys: [],
      clientCapabilities: { roots: { listChanged: true }, sampling: {}, elicitation: {} },
      client: `@modelcontextprotocol/sdk@${packageVersion(join(REPO, 'node_modules/@modelcontextprotocol/sdk'))}`,
    });
    expect(snapshot.provenance.serverInfo.name).not.toBe('');
    expect(snapshot.provenance.protocolVersion).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(firstBytes.endsWith('}\n')).toBe(true);
    expect(firstBytes).toBe(`${JSON.stringify(readJson(file), null, 2)}\n`);
  });

  it('lists tools with unique, non-empty string names', () => {
    const names = readSnapshot(file).tools.map((t) => t.name);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toMatch(/\S/);
    expect(new Set(names).size).toBe(names.length);
  });

  it('stores exactly what an independent raw tools/list returns', async () => {
    const snapshot = readSnapshot(file);
    const independent = await independentToolsList(snapshot.provenance.clientCapabilities);
    expect(JSON.stringify(rawTools(file))).toBe(JSON.stringify(independent));
  });

  it('leaves no process of the server alive', () => {
    const pid = announcedPid(first.stderr);
    expect(liveInGroupOf(pid)).toEqual([]);
  });

  it('leaves the file byte-identical when run again', async () => {
    const second = await runCli(['--from', 'node_modules/@modelcontextprotocol/server-everything', '--out-dir', out]);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toMatch(/unchanged .*modelcontextprotocol-server-everything\.json/);
    expect(readFileSync(file, 'utf8')).toBe(firstBytes);
    expect(readdirSync(out)).toEqual(['modelcontextprotocol-server-everything.json']);
    expect(liveInGroupOf(announcedPid(second.stderr))).toEqual([]);
  });

  it('rewrites the file when its content differs', async () => {
    writeFileSync(file, firstBytes.replace('"description": "', '"description": "stale '));
    const third = await runCli(['--from', 'node_modules/@modelcontextprotocol/server-everything', '--out-dir', out]);
    expect(third.code, third.stderr).toBe(0);
    expect(third.stderr).toMatch(/written .*modelcontextprotocol-server-everything\.json/);
    const manifest = z.object({ description: z.string() }).parse(readJson(join(EVERYTHING, 'package.json')));
    expect(readSnapshot(file).description).toBe(manifest.description);
  });
});

describe('ingest of a server that exits at start', () => {
  it('fails with the exit code and stderr, keeps the previous snapshot, leaves no process', async () => {
    const out = tempDir();
    const { file: previous, bytes: before } = writePrevious(out, 'fixture-exit-at-start');

    const run = await runCli(['--from', fixture('exit-at-start'), '--out-dir', out]);

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/ingest: error: fixture-exit-at-start@1\.0\.0: server exited with code 3/);
    expect(run.stderr).toContain('FIXTURE_API_TOKEN environment variable is not set');
    expect(readFileSync(previous, 'utf8')).toBe(before);
    expect(readdirSync(out)).toEqual(['fixture-exit-at-start.json']);
    expect(liveInGroupOf(announcedPid(run.stderr))).toEqual([]);
  });
});

describe('ingest of a server whose helpers ignore SIGTERM', () => {
  it('ends every process of the tree, inside and outside its process group', async () => {
    const out = tempDir();
    const pidfile = join(out, 'pids');
    writeFileSync(pidfile, '');

    cleanups.push(() => killLeftovers(pidfile));

    const run = await runCli(['--from', fixture('sigterm-tree'), '--out-dir', out, '--', pidfile]);

    expect(run.code, run.stderr).toBe(0);
    const roles = readPidfile(pidfile);
    expect([...roles.keys()].sort()).toEqual(['detached', 'grandchild', 'same-group', 'server']);
    const pids = new Set(roles.values());
    const live = liveProcesses();
    expect(live.filter((p) => pids.has(p.pid))).toEqual([]);
    expect(live.filter((p) => p.cmdline.includes(pidfile))).toEqual([]);
    const snapshot = readSnapshot(join(out, 'fixture-sigterm-tree.json'));
    expect(snapshot.tools.map((t) => t.name)).toEqual(['noop']);
    expect(snapshot.provenance.args).toEqual([pidfile]);
  });
});

describe('ingest of a server that exits while a child keeps its pipes open', () => {
  it('fails about 1 s after the exit, with the exit code, not at the deadline', async () => {
    const out = tempDir();
    const pidfile = join(out, 'pids');
    writeFileSync(pidfile, '');
    cleanups.push(() => killLeftovers(pidfile));
    const started = Date.now();

    const run = await runCli(['--from', fixture('exit-leaving-child'), '--out-dir', out, '--timeout', '30', '--', pidfile]);

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/ingest: error: fixture-exit-leaving-child@1\.0\.0: server exited with code 4 during initialize/);
    expect(run.stderr).toContain('cannot connect to 127.0.0.1:3306 (ECONNREFUSED)');
    expect(Date.now() - started).toBeLessThan(15_000);
    const helper = readPidfile(pidfile).get('helper');
    expect(helper).toBeGreaterThan(0);
    expect(liveProcesses().filter((p) => p.pid === helper || p.cmdline.includes(pidfile))).toEqual([]);
  });
});

describe('ingest of a server that never answers', () => {
  it('fails at the deadline and SIGKILLs the server', async () => {
    const out = tempDir();
    const started = Date.now();
    const run = await runCli(['--from', fixture('never-answers'), '--out-dir', out, '--timeout', '1']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/ingest: error: fixture-never-answers@1\.0\.0: timed out after 1 s during initialize/);
    expect(run.stderr).toContain('never-answers fixture: waiting forever');
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(readdirSync(out)).toEqual([]);
    expect(liveInGroupOf(announcedPid(run.stderr))).toEqual([]);
  });
});

describe('ingest of a paginated, partly spec-invalid tools/list', () => {
  const pages = z
    .object({ page1: z.array(z.unknown()), page2: z.array(z.unknown()), afterChange: z.array(z.unknown()) })
    .parse(readJson(join(fixture('raw-pages'), 'pages.json')));

  it('keeps every tool verbatim and reports problems as warnings', async () => {
    const out = tempDir();
    const run = await runCli([
      '--from',
      fixture('raw-pages'),
      '--out-dir',
      out,
      '--env',
      'FIXTURE_TOKEN=dummy-value-123',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const file = join(out, 'fixture-raw-pages.json');
    expect(JSON.stringify(rawTools(file))).toBe(JSON.stringify([...pages.page1, ...pages.page2]));
    const snapshot = readSnapshot(file);
    expect(snapshot.warnings).toEqual([
      'tool #1 "delete_note" is not valid per the MCP spec: inputSchema.type: Invalid input: expected "object"',
      'tool #2 "read_note" is not valid per the MCP spec: inputSchema: Invalid input: expected object, received undefined',
      'tool name "read_note" is listed 2 times',
      'server wrote 2 non-JSON-RPC line(s) on stdout (ignored)',
    ]);
    const raw = z.object({ provenance: z.looseObject({ serverInfo: z.unknown() }) }).loose().parse(readJson(file));
    expect(JSON.stringify(raw.provenance.serverInfo)).toBe(
      JSON.stringify({ name: 'raw-pages-fixture', title: 'Raw pages', version: '2.3.4', vendorExtra: { a: 1 } }),
    );
    expect(snapshot.provenance).toMatchObject({
      command: 'fixture-raw-pages',
      envKeys: ['FIXTURE_TOKEN'],
      homepage: 'https://example.invalid/raw-pages',
      version: '2.3.4',
    });
    expect(readFileSync(file, 'utf8')).not.toContain('dummy-value-123');
  });

  it('lists again after notifications/tools/list_changed and keeps the second list', async () => {
    const out = tempDir();
    const run = await runCli(['--from', fixture('raw-pages'), '--out-dir', out, '--', '--list-changed']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('listing again');
    const file = join(out, 'fixture-raw-pages.json');
    expect(JSON.stringify(rawTools(file))).toBe(
      JSON.stringify([...pages.page1, ...pages.page2, ...pages.afterChange]),
    );
    expect(readSnapshot(file).provenance.args).toEqual(['--list-changed']);
  });
});

describe('ingest command line', () => {
  it('prints usage for --help', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: npm run ingest -- \[--registry npm\|pypi\|go\] <package>\[@version\]/);
  });

  it.each([
    [['--bogus', 'x']],
    [['some-pkg', 'other-pkg']],
    [['some-pkg', '--env', 'NOVALUE']],
    [['some-pkg', '--timeout', '0']],
    [['some-pkg', '--id', 'Not_Valid']],
  ])('exits 2 on bad usage: %j', async (args) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Usage:');
  });

  it('exits 1 with a one-line error when the package directory has no package.json', async () => {
    const run = await runCli(['--from', tempDir(), '--out-dir', tempDir()]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^ingest: error: .*package\.json/m);
  });
});
