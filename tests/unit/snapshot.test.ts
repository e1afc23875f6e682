import { describe, expect, it } from 'vitest';
import type { ImportedProvenance, ServerSnapshot } from '../../src/core/schema.ts';
import {
  checkToolList,
  deriveServerId,
  isServerSnapshot,
  sameSnapshotIgnoringCapturedAt,
  sameSnapshotIgnoringClock,
  snapshotProblems,
  stringifySnapshot,
} from '../../src/core/snapshot.ts';

describe('deriveServerId', () => {
  it.each([
    ['@modelcontextprotocol/server-memory', 'modelcontextprotocol-server-memory'],
    ['@playwright/mcp', 'playwright-mcp'],
    ['firecrawl-mcp', 'firecrawl-mcp'],
    ['@Scope/Some.Pkg_Name', 'scope-some-pkg-name'],
    ['mcp--double', 'mcp-double'],
  ])('%s → %s', (name, id) => {
    expect(deriveServerId(name)).toBe(id);
  });

  it.each([['@'], ['---'], ['']])('throws for %j', (name) => {
    expect(() => deriveServerId(name)).toThrow(/--id/);
  });
});

describe('checkToolList', () => {
  const valid = { name: 'read', description: 'Reads.', inputSchema: { type: 'object' } };

  it('keeps the very same objects, in order', () => {
    const b = { inputSchema: { type: 'object' }, name: 'b', extra: 1 };
    const result = checkToolList([valid, b]);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.tools[0]).toBe(valid);
    expect(result.tools[1]).toBe(b);
    expect(Object.keys(result.tools[1] ?? {})).toEqual(['inputSchema', 'name', 'extra']);
  });

  it.each([
    [['just a string'], 'tool #0 is not an object'],
    [[null], 'tool #0 is not an object'],
    [[[]], 'tool #0 is not an object'],
    [[{ description: 'no name' }], 'tool #0 has no non-empty string "name"'],
    [[{ name: '' }], 'tool #0 has no non-empty string "name"'],
    [[{ name: 42 }], 'tool #0 has no non-empty string "name"'],
    [[valid, { name: 'x', description: 7 }], 'tool #1 "x" cannot be stored: description:'],
  ])('hard error for %j', (tools, message) => {
    const result = checkToolList(tools);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toContain(message);
  });

  it.each([
    [{ name: 'a' }, 'tool #0 "a" is not valid per the MCP spec: inputSchema:'],
    [{ name: 'a', inputSchema: { properties: {} } }, 'tool #0 "a" is not valid per the MCP spec: inputSchema.type:'],
    [{ name: 'a', inputSchema: { type: 'object' }, outputSchema: { type: 'array' } }, 'outputSchema.type:'],
  ])('spec violation is a warning, the tool is kept: %j', (tool, warning) => {
    const result = checkToolList([tool]);
    expect(result.errors).toEqual([]);
    expect(result.tools).toEqual([tool]);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toContain(warning);
  });

  it('warns once per duplicated name and keeps both', () => {
    const result = checkToolList([valid, { ...valid }, valid, { ...valid, name: 'other' }]);
    expect(result.tools).toHaveLength(4);
    expect(result.warnings).toEqual(['tool name "read" is listed 3 times']);
  });
});

const snapshot: ServerSnapshot = {
  id: 'x-server',
  name: '@x/server',
  description: 'An example.',
  provenance: {
    method: 'live-introspection',
    package: '@x/server',
    registry: 'npm',
    version: '1.2.3',
    command: 'x-server',
    args: ['--stdio'],
    envKeys: ['X_TOKEN'],
    serverInfo: { name: 'x', version: '1.2.3', vendor: 'kept' },
    protocolVersion: '2025-11-25',
    clientCapabilities: { roots: { listChanged: true } },
    capturedAt: '2026-01-02T03:04:05.678Z',
    client: '@modelcontextprotocol/sdk@1.32.2',
    homepage: 'https://example.invalid',
  },
  warnings: [],
  tools: [{ description: 'first key is not name', name: 't', inputSchema: { type: 'object' } }],
};

describe('stringifySnapshot', () => {
  it('is 2-space JSON with a trailing newline', () => {
    const text = stringifySnapshot(snapshot);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
  });

  it('puts catalog keys in schema order and keeps tool keys as sent', () => {
    const shuffled: ServerSnapshot = {
      tools: snapshot.tools,
      warnings: [],
      provenance: { ...snapshot.provenance, capturedAt: snapshot.provenance.capturedAt, method: 'live-introspection' },
      name: snapshot.name,
      id: snapshot.id,
      description: 'An example.',
    };
    expect(stringifySnapshot(shuffled)).toBe(stringifySnapshot(snapshot));
    const parsed: unknown = JSON.parse(stringifySnapshot(snapshot));
    expect(Object.keys(parsed ?? {})).toEqual(['id', 'name', 'description', 'provenance', 'warnings', 'tools']);
    expect(stringifySnapshot(snapshot)).toMatch(/"description": "first key is not name",\s+"name": "t"/);
  });

  it('omits absent optional fields', () => {
    const { description: _d, ...bare } = snapshot;
    const { homepage: _h, ...provenance } = snapshot.provenance;
    const text = stringifySnapshot({ ...bare, provenance });
    expect(text).not.toContain('"homepage"');
    expect(text).not.toContain('An example.');
  });
});

describe('sameSnapshotIgnoringCapturedAt', () => {
  it.each([
    ['only capturedAt differs', { ...snapshot, provenance: { ...snapshot.provenance, capturedAt: '2030-01-01T00:00:00.000Z' } }, true],
    ['identical', snapshot, true],
    ['version differs', { ...snapshot, provenance: { ...snapshot.provenance, version: '1.2.4' } }, false],
    ['a tool differs', { ...snapshot, tools: [{ name: 't' }] }, false],
    ['a warning was added', { ...snapshot, warnings: ['w'] }, false],
    ['tool key order differs', { ...snapshot, tools: [{ name: 't', description: 'first key is not name', inputSchema: { type: 'object' } }] }, false],
  ])('%s → %s', (_label, other, same) => {
    expect(sameSnapshotIgnoringCapturedAt(snapshot, other)).toBe(same);
  });
});

describe('isServerSnapshot / snapshotProblems', () => {
  it('accepts a valid snapshot', () => {
    expect(isServerSnapshot(snapshot)).toBe(true);
    expect(snapshotProblems(snapshot)).toBe('');
  });

  it.each([
    ['bad id', { ...snapshot, id: 'Bad_Id' }, 'id'],
    ['bad capturedAt', { ...snapshot, provenance: { ...snapshot.provenance, capturedAt: 'yesterday' } }, 'provenance.capturedAt'],
    ['unknown top-level key', { ...snapshot, extra: true }, 'extra'],
  ])('rejects %s', (_label, value, where) => {
    expect(isServerSnapshot(value)).toBe(false);
    expect(snapshotProblems(value)).toContain(where);
  });
});

const importedProvenance: ImportedProvenance = {
    method: 'manifest-import',
    package: 'py.server',
    registry: 'pypi',
    version: '0.1.0',
    command: 'py.server',
    args: [],
    envKeys: [],
    serverInfo: { name: 'py', version: '0.1.0' },
    protocolVersion: 'unknown',
    clientCapabilities: {},
    capturedAt: '2026-08-21T00:00:00.000Z',
    client: 'manifest-import',
    gating: { summary: 'Writes need --allow-write.', flags: ['--allow-write'] },
    partial: { reason: 'One tool is known by name only.' },
    source: { repository: 'https://example.invalid/r', commit: '0123456789abcdef0123456789abcdef01234567', path: 'src/py', manifest: 'py.json' },
};

const imported: ServerSnapshot = {
  id: 'py-server',
  name: 'Py Server',
  provenance: importedProvenance,
  warnings: [],
  tools: [{ name: 'get', inputSchema: { type: 'object' }, gating: 'always registered' }],
  namedTools: [{ name: 'remote_only', description: null, inputSchema: null }],
};

describe('imported snapshots', () => {
  it('serialise provenance in schema order, namedTools last and verbatim', () => {
    const shuffled: ServerSnapshot = {
      namedTools: imported.namedTools,
      tools: imported.tools,
      warnings: [],
      name: imported.name,
      id: imported.id,
      provenance: { ...importedProvenance, source: { manifest: 'py.json', path: 'src/py', commit: '0123456789abcdef0123456789abcdef01234567', repository: 'https://example.invalid/r' } },
    };
    const text = stringifySnapshot(shuffled);
    expect(text).toBe(stringifySnapshot(imported));
    const parsed: unknown = JSON.parse(text);
    expect(Object.keys(parsed ?? {})).toEqual(['id', 'name', 'provenance', 'warnings', 'tools', 'namedTools']);
    expect(text).toContain('"inputSchema": null');
    expect(text.indexOf('"partial"')).toBeLessThan(text.indexOf('"source"'));
    expect(isServerSnapshot(imported)).toBe(true);
  });

  it.each([
    ['an import without its source', { ...imported, provenance: { ...imported.provenance, source: undefined } }, 'provenance.source'],
    ['a live capture with a source', { ...snapshot, provenance: { ...snapshot.provenance, source: importedProvenance.source } }, 'source'],
    ['an unknown registry', { ...imported, provenance: { ...imported.provenance, registry: 'rubygems' } }, 'provenance.registry'],
    ['an empty partial reason', { ...imported, provenance: { ...imported.provenance, partial: { reason: '' } } }, 'provenance.partial.reason'],
    ['a named tool without a name', { ...imported, namedTools: [{ description: 'x' }] }, 'namedTools.0.name'],
  ])('rejects %s', (_label, value, where) => {
    expect(isServerSnapshot(value)).toBe(false);
    expect(snapshotProblems(value)).toContain(where);
  });
});

describe('sameSnapshotIgnoringClock', () => {
  const stamped = (now: string): ServerSnapshot => ({
    ...snapshot,
    tools: [{ name: 't', inputSchema: { type: 'object', properties: { since: { type: 'string', default: now } } } }],
  });
  it.each([
    ['only a stamped "now" differs', stamped('2026-10-23T02:58:34.195Z'), stamped('2026-10-23T03:37:16.466Z'), true],
    ['an offset date-time differs', stamped('2026-10-23T02:58:34+02:00'), stamped('2026-10-24T09:00:00+02:00'), true],
    ['a plain date differs (not a clock reading)', stamped('2026-10-23'), stamped('2026-10-24'), false],
    ['other text differs', stamped('2026-10-23T02:58:34.195Z'), { ...stamped('2026-10-23T02:58:34.195Z'), warnings: ['w'] }, false],
  ])('%s → %s', (_label, a, b, same) => {
    expect(sameSnapshotIgnoringClock(a, b)).toBe(same);
  });
});
