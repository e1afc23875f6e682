import { describe, expect, it } from 'vitest';
import type { ServerSnapshot } from '../../src/core/schema.ts';
import {
  checkToolList,
  deriveServerId,
  isServerSnapshot,
  sameSnapshotIgnoringCapturedAt,
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
