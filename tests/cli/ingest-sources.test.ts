/**
 * content/sources.yaml parsing, verification.json bookkeeping, and the committed content: every
 * snapshot is valid and belongs to a source; every source has a verification entry.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ServerSnapshotSchema, VerificationSchema } from '../../src/core/schema.ts';
import type { VerificationEntry } from '../../src/core/schema.ts';
import { selectSources } from '../../src/ingest/batch.ts';
import { expandPlaceholders, parseSources, readSources } from '../../src/ingest/sources.ts';
import { recordAttempt, stringifyVerification } from '../../src/ingest/verification.ts';
import { REPO } from './helpers.ts';

describe('parseSources', () => {
  it('reads the three kinds of source, with defaults and resolved paths', () => {
    const sources = parseSources(
      `sources:
  - id: a
    package: "@x/a"
    version: 1.2.3
    args: [--stdio, 8080]
    env: { TOKEN: dummy, PORT: 1 }
    timeout: 2.5
  - id: b
    from: ./b
  - id: c
    manifest: m/c.json
    capturedAt: 2026-08-21
`,
      '/base',
    );
    expect(sources).toEqual([
      {
        kind: 'package',
        id: 'a',
        registry: 'npm',
        package: '@x/a',
        version: '1.2.3',
        python: undefined,
        constraints: [],
        toolchain: undefined,
        name: undefined,
        bin: undefined,
        args: ['--stdio', '8080'],
        env: { TOKEN: 'dummy', PORT: '1' },
        files: {},
        listen: [],
        respond: {},
        stubs: {},
        timeoutMs: 2500,
        homepage: undefined,
        gating: undefined,
        dummies: {},
        needsConfiguration: undefined,
      },
      expect.objectContaining({ kind: 'directory', id: 'b', dir: '/base/b', args: [], env: {} }),
      { kind: 'manifest', id: 'c', name: undefined, file: '/base/m/c.json', capturedAt: '2026-08-21T00:00:00.000Z' },
    ]);
  });

  it.each([
    ['no version', 'sources:\n  - { id: a, package: x }', 'a package needs its exact version'],
    ['a range', 'sources:\n  - { id: a, package: x, version: ^1.0.0 }', 'an exact version, not a range'],
    ['two kinds', 'sources:\n  - { id: a, package: x, version: 1.0.0, from: ./x }', 'exactly one of'],
    ['bad id', 'sources:\n  - { id: A_b, from: ./x }', 'sources.0 (A_b).id'],
    ['unknown key', 'sources:\n  - { id: a, from: ./x, secret: y }', 'secret'],
    ['manifest without date', 'sources:\n  - { id: a, manifest: x.json }', 'capture date'],
    ['file outside HOME', 'sources:\n  - { id: a, from: ./x, files: { ../x: y } }', 'relative path inside HOME'],
    ['duplicate id', 'sources:\n  - { id: a, from: ./x }\n  - { id: a, from: ./y }', 'id "a" is listed twice'],
    ['empty', 'sources: []', 'sources'],
    ['an unknown registry', 'sources:\n  - { id: a, registry: cargo, package: x, version: 1.0.0 }', 'registry'],
    ['a PyPI range', 'sources:\n  - { id: a, registry: pypi, package: x, version: ">=1.0" }', 'pypi: 1.2.3'],
    ['a Go version without v', 'sources:\n  - { id: a, registry: go, package: example.com/x/cmd/x, version: 1.0.0 }', 'go: v1.2.3'],
    ['a Go module query', 'sources:\n  - { id: a, registry: go, package: example.com/x, version: latest }', 'go: v1.2.3'],
    ['a Go package that is no path', 'sources:\n  - { id: a, registry: go, package: mcp-grafana, version: v1.0.0 }', 'Go package path'],
    ['python on npm', 'sources:\n  - { id: a, package: x, version: 1.0.0, python: "3.12" }', 'python is for pypi'],
    ['stubs on PyPI', 'sources:\n  - { id: a, registry: pypi, package: x, version: "1.0", stubs: { y: [f] } }', 'stubs are for npm'],
    ['a reserved dummy name', 'sources:\n  - { id: a, from: ./x, dummies: { HOME: x } }', 'reserved'],
  ])('rejects %s', (_label, text, message) => {
    expect(() => parseSources(text, '/base')).toThrow(message);
  });

  it('expands ${HOME} and ${CWD}', () => {
    expect(expandPlaceholders('--dir=${HOME}/x:${CWD}', { home: '/h', cwd: '/c' })).toBe('--dir=/h/x:/c');
  });

  it('expands dummies named in the source', () => {
    expect(expandPlaceholders('--org=${ORG} ${OTHER}', { home: '/h', cwd: '/c' }, { ORG: 'dummyorg' })).toBe('--org=dummyorg ${OTHER}');
  });

  it('reads PyPI and Go sources with their own version formats', () => {
    const [py, go] = parseSources(
      `sources:
  - { id: t, registry: pypi, package: mcp-server-time, version: 2026.10.19, python: "3.12", dummies: { ZONE: Europe/Paris } }
  - { id: g, registry: go, package: github.com/grafana/mcp-grafana/cmd/mcp-grafana, version: v1.6.3, toolchain: go1.27.3 }
`,
      '/base',
    );
    expect(py).toMatchObject({ kind: 'package', registry: 'pypi', package: 'mcp-server-time', version: '2026.10.19', python: '3.12', dummies: { ZONE: 'Europe/Paris' } });
    expect(go).toMatchObject({ kind: 'package', registry: 'go', version: 'v1.6.3', toolchain: 'go1.27.3' });
  });
});

describe('recordAttempt', () => {
  const ok: VerificationEntry = { lastAttempt: '2026-01-01T00:00:00.000Z', lastVerified: '2026-01-01T00:00:00.000Z', status: 'ok', toolCount: 5 };
  it.each([
    ['first success', undefined, { status: 'ok', at: '2026-02-01T00:00:00.000Z', toolCount: 3 }, { lastAttempt: '2026-02-01T00:00:00.000Z', lastVerified: '2026-02-01T00:00:00.000Z', status: 'ok', toolCount: 3 }],
    ['first failure', undefined, { status: 'failed', at: '2026-02-01T00:00:00.000Z', reason: 'boom', failureClass: 'start' }, { lastAttempt: '2026-02-01T00:00:00.000Z', status: 'failed', reason: 'boom', failureClass: 'start' }],
    ['failure after success keeps it', ok, { status: 'failed', at: '2026-02-01T00:00:00.000Z', reason: 'boom', failureClass: 'install' }, { lastAttempt: '2026-02-01T00:00:00.000Z', lastVerified: '2026-01-01T00:00:00.000Z', status: 'failed', reason: 'boom', failureClass: 'install', toolCount: 5 }],
  ] as const)('%s', (_label, previous, attempt, expected) => {
    expect(recordAttempt(previous, attempt)).toEqual(expected);
  });

  it('serialises with ids sorted and a fixed key order', () => {
    const text = stringifyVerification({ b: ok, a: { toolCount: 1, status: 'ok', lastAttempt: ok.lastAttempt } });
    expect(text).toBe(
      '{\n  "a": {\n    "lastAttempt": "2026-01-01T00:00:00.000Z",\n    "status": "ok",\n    "toolCount": 1\n  },\n' +
        '  "b": {\n    "lastAttempt": "2026-01-01T00:00:00.000Z",\n    "lastVerified": "2026-01-01T00:00:00.000Z",\n    "status": "ok",\n    "toolCount": 5\n  }\n}\n',
    );
  });
});

describe('selectSources', () => {
  const sources = parseSources('sources:\n  - { id: a, from: ./a }\n  - { id: b, from: ./b }\n  - { id: c, from: ./c }', '/');
  const verification = {
    a: { lastAttempt: '2026-01-01T00:00:00.000Z', status: 'ok' as const },
    b: { lastAttempt: '2026-01-01T00:00:00.000Z', status: 'failed' as const, reason: 'x' },
  };
  it.each([
    [[], false, ['a', 'b', 'c']],
    [['c', 'a'], false, ['a', 'c']],
    [[], true, ['b', 'c']],
    [['a', 'b'], true, ['b']],
  ])('only %j, retry-failed %s → %j', (only, retryFailed, ids) => {
    expect(selectSources(sources, { only, retryFailed }, verification).map((s) => s.id)).toEqual(ids);
  });
});

describe('the committed catalog content', () => {
  const sources = readSources(join(REPO, 'content/sources.yaml'));
  const ids = new Set(sources.map((s) => s.id));
  const files = readdirSync(join(REPO, 'content/servers')).filter((f) => f.endsWith('.json'));

  const snapshots = new Map(
    files.map((f) => [f.replace(/\.json$/, ''), ServerSnapshotSchema.parse(JSON.parse(readFileSync(join(REPO, 'content/servers', f), 'utf8')))]),
  );
  const texts = files.map((f) => [f, readFileSync(join(REPO, 'content/servers', f), 'utf8')] as const);

  it('lists servers from npm, PyPI and Go, each pinned, and only the two servers that cannot run as manifests', () => {
    const packages = sources.filter((s) => s.kind === 'package');
    expect(packages.filter((s) => s.registry === 'npm').length).toBeGreaterThanOrEqual(150);
    expect(packages.filter((s) => s.registry === 'pypi').length).toBeGreaterThanOrEqual(100);
    expect(packages.filter((s) => s.registry === 'go').length).toBeGreaterThanOrEqual(5);
    expect(sources.filter((s) => s.kind === 'manifest').map((s) => s.id).sort()).toEqual(['aws-mcp-server-remote', 'awslabs-core-mcp-server']);
  });

  it.each([
    ['awslabs-aws-serverless-mcp-server', []],
    ['awslabs-ecs-mcp-server', []],
    ['awslabs-eks-mcp-server', []],
    ['awslabs-prometheus-mcp-server', []],
    ['awslabs-healthimaging-mcp-server', ['delete_image_set', 'copy_image_set', 'update_image_set_metadata']],
    ['awslabs-amazon-bedrock-agentcore-mcp-server', ['policy_update']],
  ])('%s is captured live from PyPI at its source version, with its own tools', (id, own) => {
    const source = sources.find((s) => s.id === id);
    const snapshot = snapshots.get(id);
    expect(source?.kind === 'package' ? source.registry : undefined).toBe('pypi');
    expect(snapshot?.provenance).toMatchObject({ method: 'live-introspection', registry: 'pypi', version: source?.kind === 'package' ? source.version : '' });
    const names = new Set(snapshot?.tools.map((t) => t.name));
    for (const name of own) expect(names.has(name), name).toBe(true);
  });

  it('has the four contested tools on their true servers only', () => {
    const homes = (name: string): string[] =>
      [...snapshots].filter(([, s]) => s.id.startsWith('awslabs-') && s.tools.some((t) => t.name === name)).map(([id]) => id);
    for (const name of ['delete_image_set', 'copy_image_set', 'update_image_set_metadata']) expect(homes(name)).toEqual(['awslabs-healthimaging-mcp-server']);
    expect(homes('policy_update')).toEqual(['awslabs-amazon-bedrock-agentcore-mcp-server']);
  });

  it.each(texts)('%s holds no capture directory, HOME or cache path', (_file, text) => {
    expect(text).not.toMatch(/mcp-ingest-|\/\.cache\/mcp-catalog|<cache>\/installs/);
  });

  it.each(files)('%s is a valid snapshot of a listed source', (file) => {
    const snapshot = ServerSnapshotSchema.parse(JSON.parse(readFileSync(join(REPO, 'content/servers', file), 'utf8')));
    expect(`${snapshot.id}.json`).toBe(file);
    expect(ids.has(snapshot.id)).toBe(true);
  });

  it.skipIf(!existsSync(join(REPO, 'content/verification.json')))('verification.json has an entry per snapshot and only listed ids', () => {
    const verification = VerificationSchema.parse(JSON.parse(readFileSync(join(REPO, 'content/verification.json'), 'utf8')));
    for (const id of Object.keys(verification)) expect(ids.has(id), id).toBe(true);
    for (const file of files) expect(verification[file.replace(/\.json$/, '')], file).toBeDefined();
  });
});
