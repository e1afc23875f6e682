/** Pure parts of the PyPI and Go installers, failure classes, placeholders, the run file's arithmetic. */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyFailure } from '../../src/core/failure-class.ts';
import { installHint } from '../../src/core/install-hint.ts';
import { lookAlikeGroups } from '../../src/core/look-alike.ts';
import { replaceCaptureValues, splitPlaceholders } from '../../src/core/placeholders.ts';
import { captureReplacements } from '../../src/ingest/capture.ts';
import { goHomepage, isExactGoVersion, isGoPackagePath, parseGoBuildInfo } from '../../src/ingest/go.ts';
import { findPython, isExactPypiVersion, normalizePypiName, parsePypiMetadata, pypiHomepage } from '../../src/ingest/pypi.ts';
import { remainingIds } from '../../src/ingest/run-state.ts';
import type { LiveProvenance } from '../../src/core/schema.ts';

describe('versions and names', () => {
  it.each([
    ['1.2.3', true],
    ['2026.10.19', true],
    ['0.0.1a8', true],
    ['1.0.post1', true],
    ['1.0.dev3', true],
    ['>=1.0', false],
    ['latest', false],
    ['1.*', false],
  ])('PyPI %s exact: %s', (version, exact) => {
    expect(isExactPypiVersion(version)).toBe(exact);
  });

  it.each([
    ['v1.2.3', true],
    ['v0.0.0-20250101000000-abcdef123456', true],
    ['v2.0.0+incompatible', true],
    ['1.2.3', false],
    ['latest', false],
    ['master', false],
  ])('Go %s exact: %s', (version, exact) => {
    expect(isExactGoVersion(version)).toBe(exact);
  });

  it.each([
    ['github.com/grafana/mcp-grafana/cmd/mcp-grafana', true],
    ['golang.org/x/tools/gopls', true],
    ['mcp-grafana', false],
    ['github.com', false],
  ])('Go package path %s: %s', (path, ok) => {
    expect(isGoPackagePath(path)).toBe(ok);
  });

  it('normalises PyPI names per PEP 503', () => {
    expect(normalizePypiName('awslabs.EKS_mcp--server')).toBe('awslabs-eks-mcp-server');
  });
});

describe('PyPI metadata', () => {
  it.each([
    ['https://h.example/', ['Source, https://s.example'], 'https://h.example/'],
    [undefined, ['Documentation, https://d.example', 'Repository, https://r.example'], 'https://r.example'],
    ['UNKNOWN', ['Bug Tracker, https://b.example'], 'https://b.example'],
    [undefined, [], undefined],
  ])('homepage of %s %j → %s', (home, urls, expected) => {
    expect(pypiHomepage(home, urls)).toBe(expected);
  });

  it('reads what the metadata script prints', () => {
    const meta = parsePypiMetadata(
      JSON.stringify({ name: 'mcp-server-time', version: '2026.10.19', summary: ' Time ', homepage: null, urls: ['Homepage, https://x.example'], scripts: [['mcp-server-time', 'mcp_server_time:main']] }),
    );
    expect(meta).toEqual({
      name: 'mcp-server-time',
      version: '2026.10.19',
      summary: 'Time',
      homepage: 'https://x.example',
      scripts: new Map([['mcp-server-time', 'mcp_server_time:main']]),
    });
  });

  it('finds no interpreter of a version that is not there', () => {
    expect(findPython('3.99', { PATH: '/nonexistent', HOME: '/nonexistent' })).toBeUndefined();
  });
});

describe('Go build information', () => {
  const text = [
    '/c/installs/x/bin/mcp-grafana: go1.26.8',
    '\tpath\tgithub.com/grafana/mcp-grafana/cmd/mcp-grafana',
    '\tmod\tgithub.com/grafana/mcp-grafana\tv1.6.3\th1:abc=',
    '\tdep\tgithub.com/mark3labs/mcp-go\tv0.40.0\th1:def=',
    '\tbuild\tCGO_ENABLED=0',
  ].join('\n');
  it('reads toolchain, package, module, version and sum', () => {
    expect(parseGoBuildInfo(text)).toEqual({
      go: 'go1.26.8',
      path: 'github.com/grafana/mcp-grafana/cmd/mcp-grafana',
      module: 'github.com/grafana/mcp-grafana',
      version: 'v1.6.3',
      sum: 'h1:abc=',
    });
  });
  it('rejects something else', () => {
    expect(() => parseGoBuildInfo('not a binary')).toThrow(/unexpected go version -m output/);
  });
  it.each([
    ['github.com/grafana/mcp-grafana', 'github.com/grafana/mcp-grafana/cmd/mcp-grafana', 'https://github.com/grafana/mcp-grafana'],
    ['golang.org/x/tools/gopls', 'golang.org/x/tools/gopls', 'https://pkg.go.dev/golang.org/x/tools/gopls'],
  ])('homepage of %s', (module, path, url) => {
    expect(goHomepage(module, path)).toBe(url);
  });
});

describe('classifyFailure', () => {
  it.each([
    ['install', 'uv pip install x failed: no matching distribution', 'install'],
    ['configuration', 'needs a real configuration: an OpenAPI spec', 'needs-configuration'],
    ['snapshot', 'tools/list returned no tools', 'bad-tool-list'],
    ['start', 'server exited with code 1 during initialize — server stderr: getaddrinfo ENOTFOUND api.example.com', 'needs-network'],
    ['start', 'server exited with code 1 during initialize — server stderr: connect ECONNREFUSED 127.0.0.1:5432', 'needs-service'],
    ['start', 'server exited with code 1 during initialize — server stderr: GITHUB_TOKEN is required', 'needs-credentials'],
    ['start', 'server exited with code 1 during initialize — server stderr: Error: API key not set', 'needs-credentials'],
    ['start', 'timed out after 30 s during initialize', 'timeout'],
    ['start', "server exited with code 1 during initialize — server stderr: ModuleNotFoundError: No module named 'x'", 'start'],
    ['start', 'server exited with code 2 during initialize — server stderr: unknown flag --x', 'start'],
  ] as const)('%s: %s → %s', (stage, reason, expected) => {
    expect(classifyFailure(stage, reason)).toBe(expected);
  });
});

describe('capture values become placeholders', () => {
  const replacements = [
    { value: '/tmp/mcp-ingest-x', placeholder: '${CAPTURE_DIR}' },
    { value: '/tmp/mcp-ingest-x/cwd', placeholder: '${CWD}' },
    { value: 'dummyorg', placeholder: '${ORGANIZATION}' },
  ];
  it('replaces the longest value first, in every string, keeping the shape', () => {
    const tools = [{ name: 'ls', description: 'Lists /tmp/mcp-ingest-x/cwd/a in dummyorg', inputSchema: { properties: { p: { default: '/tmp/mcp-ingest-x/cwd' } }, required: ['p'] } }];
    const { value, counts } = replaceCaptureValues(tools, replacements);
    expect(value).toEqual([{ name: 'ls', description: 'Lists ${CWD}/a in ${ORGANIZATION}', inputSchema: { properties: { p: { default: '${CWD}' } }, required: ['p'] } }]);
    expect(Object.fromEntries(counts)).toEqual({ '${CWD}': 2, '${ORGANIZATION}': 1 });
  });
  it('replaces the install directory, also as written in a file: URL', () => {
    const root = mkdtempSync(join(tmpdir(), 'placeholders-'));
    const dirs = { scratch: root, home: join(root, 'home'), cwd: join(root, 'cwd'), install: join(root, 'pkg@1.0.0~pkg') };
    for (const dir of [dirs.home, dirs.cwd, dirs.install]) mkdirSync(dir);
    const icon = `file://${dirs.install.replace('~', '%7E')}/node_modules/pkg/icon.png`;
    const { value, counts } = replaceCaptureValues([{ icon, dir: `${dirs.install}/x` }], captureReplacements(dirs, {}));
    expect(value).toEqual([{ icon: 'file://${INSTALL_DIR}/node_modules/pkg/icon.png', dir: '${INSTALL_DIR}/x' }]);
    expect(Object.fromEntries(counts)).toEqual({ '${INSTALL_DIR}': 2 });
  });
  it('splits a text at known placeholders only', () => {
    expect(splitPlaceholders('in ${CWD} or ${OTHER}', new Set(['${CWD}']))).toEqual([
      { text: 'in ', placeholder: false },
      { text: '${CWD}', placeholder: true },
      { text: ' or ${OTHER}', placeholder: false },
    ]);
  });
});

describe('remainingIds', () => {
  it('drops what the unfinished run already did, keeping order', () => {
    expect(remainingIds(['a', 'b', 'c', 'd'], { verification: '/v', startedAt: '2026-01-01T00:00:00.000Z', done: ['c', 'a'] })).toEqual(['b', 'd']);
    expect(remainingIds(['a', 'b'], undefined)).toEqual(['a', 'b']);
  });
});

describe('installHint', () => {
  const base: LiveProvenance = {
    method: 'live-introspection',
    package: '',
    registry: 'npm',
    version: '',
    command: '',
    args: [],
    envKeys: [],
    serverInfo: { name: 's', version: '1' },
    protocolVersion: '2025-06-18',
    clientCapabilities: {},
    capturedAt: '2026-01-01T00:00:00.000Z',
    client: 'c',
  };
  it.each([
    [{ registry: 'npm', package: '@playwright/mcp', version: '0.0.83', command: 'playwright-mcp' }, 'npx -y --package @playwright/mcp@0.0.83 playwright-mcp'],
    [{ registry: 'npm', package: 'n8n-mcp', version: '2.87.0', command: 'n8n-mcp' }, 'npx -y n8n-mcp@2.87.0'],
    [{ registry: 'npm', package: '@azure/mcp', version: '2.0.5', command: 'azmcp', args: ['server', 'start'] }, 'npx -y --package @azure/mcp@2.0.5 azmcp server start'],
    [{ registry: 'pypi', package: 'mcp-server-time', version: '2026.10.19', command: 'mcp-server-time', args: ['--local-timezone', '${ZONE}'] }, "uvx --from mcp-server-time==2026.10.19 mcp-server-time --local-timezone '${ZONE}'"],
    [{ registry: 'go', package: 'github.com/grafana/mcp-grafana/cmd/mcp-grafana', version: 'v1.6.3', command: 'mcp-grafana' }, 'go install github.com/grafana/mcp-grafana/cmd/mcp-grafana@v1.6.3 && mcp-grafana'],
    [{ registry: 'remote', package: 'https://x.example/mcp', version: 'unknown', command: '' }, undefined],
  ] as const)('%j → %s', (fields, hint) => {
    expect(installHint({ ...base, ...fields, args: [...('args' in fields ? fields.args : [])] })).toBe(hint);
  });
});

describe('lookAlikeGroups', () => {
  const server = (id: string, names: string[]): { id: string; tools: { name: string }[] } => ({ id, tools: names.map((name) => ({ name })) });
  it('groups servers with the same tool names in any order, from three tools on', () => {
    expect(
      lookAlikeGroups([
        server('a', ['x', 'y', 'z']),
        server('b', ['z', 'x', 'y']),
        server('c', ['x', 'y', 'z', 'w']),
        server('d', ['p', 'q']),
        server('e', ['q', 'p']),
      ]),
    ).toEqual([['a', 'b']]);
  });
});
