/**
 * `ingest --manifest`: a tool list captured elsewhere, imported with its provenance. A small
 * fixture manifest through the CLI, and the real AWS manifests (when the shared data folder is
 * beside the repository) against the snapshots committed in content/servers.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ServerSnapshotSchema } from '../../src/core/schema.ts';
import type { ServerSnapshot } from '../../src/core/schema.ts';
import { readManifestSnapshot } from '../../src/ingest/manifest.ts';
import { readSources } from '../../src/ingest/sources.ts';
import { stringifySnapshot } from '../../src/core/snapshot.ts';
import { REPO, runCli } from './helpers.ts';

const TINY = join(REPO, 'tests/fixtures/manifests/tiny.json');
const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ingest-manifest-'));
  temps.push(dir);
  return dir;
}
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const Raw = z.looseObject({ tools: z.array(z.unknown()), proxied_tools: z.array(z.unknown()).optional() });

describe('ingest --manifest (fixture)', () => {
  it('imports the tools verbatim with the manifest provenance', async () => {
    const out = tempDir();
    const run = await runCli(['--manifest', TINY, '--captured-at', '2026-08-21', '--out-dir', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('imported 2 tools, 2 known by name only');
    expect(run.stderr).toMatch(/written .*tiny-mcp-server\.json \(partial data\)/);
    const file = join(out, 'tiny-mcp-server.json');
    const snapshot: ServerSnapshot = ServerSnapshotSchema.parse(readJson(file));
    expect(snapshot).toMatchObject({
      id: 'tiny-mcp-server',
      name: 'Tiny Python Server',
      description: 'Test fixture: a captured tool list of a server that cannot run here.',
      warnings: [],
    });
    expect(snapshot.provenance).toEqual({
      method: 'manifest-import',
      package: 'tiny.mcp-server',
      registry: 'pypi',
      version: '0.1.2',
      command: 'tiny.mcp-server',
      args: [],
      envKeys: [],
      serverInfo: { name: 'Tiny Python Server', version: '0.1.2' },
      protocolVersion: 'unknown',
      clientCapabilities: {},
      capturedAt: '2026-08-21T00:00:00.000Z',
      client: 'manifest-import',
      homepage: 'https://example.invalid/tiny/mcp',
      gating: {
        summary: 'All tools always registered; delete_thing refuses calls without --allow-write.',
        flags: ['--allow-write'],
      },
      partial: {
        reason:
          '1 tool(s) are known by name and purpose only, without input schema or annotations. 1 more tool(s) (remote_search) are proxied from another server at run time; only their names are known.',
      },
      source: {
        repository: 'https://example.invalid/tiny/mcp',
        commit: '0123456789abcdef0123456789abcdef01234567',
        path: 'src/tiny-mcp-server',
        manifest: 'tiny.json',
        capturedWith: 'mcp (FastMCP) 1.29.0 per uv.lock',
      },
    });
    // Verbatim: same keys in the same order, `gating` and nulls included.
    const manifest = Raw.parse(readJson(TINY));
    const written = z.looseObject({ tools: z.array(z.unknown()), namedTools: z.array(z.unknown()) }).parse(readJson(file));
    expect(JSON.stringify(written.tools)).toBe(JSON.stringify(manifest.tools.slice(0, 2)));
    expect(JSON.stringify(written.namedTools)).toBe(JSON.stringify([manifest.tools[2], ...(manifest.proxied_tools ?? [])]));

    const again = await runCli(['--manifest', TINY, '--captured-at', '2026-08-21', '--out-dir', out]);
    expect(again.stderr).toMatch(/unchanged .*tiny-mcp-server\.json/);
  });

  it('needs a capture date when the manifest records none', async () => {
    const out = tempDir();
    const run = await runCli(['--manifest', TINY, '--out-dir', out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('records no capture date (server.captured_at): pass --captured-at YYYY-MM-DD');
    expect(readdirSync(out)).toEqual([]);
  });

  it.each([
    [['--manifest', TINY, 'some-package']],
    [['--manifest', TINY, '--only', 'x']],
    [['--manifest', TINY, '--env', 'A=b']],
  ])('exits 2 on %j', async (args) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Usage:');
  });
});

const sources = readSources(join(REPO, 'content/sources.yaml')).filter((s) => s.kind === 'manifest');
const haveManifests = sources.length > 0 && sources.every((s) => existsSync(s.file));

describe.skipIf(!haveManifests)('the AWS manifests (shared data) and content/servers', () => {
  it.each(sources.map((s) => [s.id, s] as const))('%s: the committed snapshot is what the importer produces', (id, source) => {
    const snapshot = readManifestSnapshot(source.file, { id, capturedAt: source.capturedAt });
    expect(readFileSync(join(REPO, 'content/servers', `${id}.json`), 'utf8')).toBe(stringifySnapshot(snapshot));
  });

  it('has the four disputed tools where the manifests put them, now captured live', () => {
    const awsServers = readdirSync(join(REPO, 'content/servers')).filter((f) => f.startsWith('awslabs-'));
    const owners = (name: string): string[] =>
      awsServers
        .map((f) => ServerSnapshotSchema.parse(readJson(join(REPO, 'content/servers', f))))
        .filter((s) => s.tools.some((t) => t.name === name))
        .map((s) => s.id);
    expect(owners('delete_image_set')).toEqual(['awslabs-healthimaging-mcp-server']);
    expect(owners('copy_image_set')).toEqual(['awslabs-healthimaging-mcp-server']);
    expect(owners('update_image_set_metadata')).toEqual(['awslabs-healthimaging-mcp-server']);
    expect(owners('policy_update')).toEqual(['awslabs-amazon-bedrock-agentcore-mcp-server']);
  });

  it('shows the hosted AWS MCP Server as partial: names only, no fake tools', () => {
    const remote = ServerSnapshotSchema.parse(readJson(join(REPO, 'content/servers/aws-mcp-server-remote.json')));
    expect(remote.provenance.registry).toBe('remote');
    expect(remote.provenance.partial?.reason).toContain('known by name and purpose only');
    expect(remote.tools).toEqual([]);
    expect(remote.namedTools?.map((t) => t.name)).toContain('aws___call_aws');
  });
});
