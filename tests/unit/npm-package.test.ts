import { describe, expect, it } from 'vitest';
import {
  compareVersions,
  declaredBins,
  homepageOf,
  installDirName,
  parsePackageSpec,
  pickBin,
  pickVersion,
  repositoryUrl,
} from '../../src/ingest/npm-package.ts';

describe('parsePackageSpec', () => {
  it.each([
    ['server-memory', { name: 'server-memory', range: 'latest' }],
    ['server-memory@1.2.3', { name: 'server-memory', range: '1.2.3' }],
    ['@modelcontextprotocol/server-memory', { name: '@modelcontextprotocol/server-memory', range: 'latest' }],
    ['@modelcontextprotocol/server-memory@^2026', { name: '@modelcontextprotocol/server-memory', range: '^2026' }],
    ['@scope/pkg@next', { name: '@scope/pkg', range: 'next' }],
  ])('%s', (spec, expected) => {
    expect(parsePackageSpec(spec)).toEqual(expected);
  });

  it.each([[''], ['Upper'], ['pkg@'], ['@scope'], ['../evil'], ['a b']])('rejects %j', (spec) => {
    expect(() => parsePackageSpec(spec)).toThrow();
  });
});

describe('compareVersions', () => {
  it.each([
    ['1.0.0', '1.0.0', 0],
    ['1.0.1', '1.0.0', 1],
    ['1.10.0', '1.9.9', 1],
    ['2026.8.31', '2025.12.1', 1],
    ['1.0.0-beta.2', '1.0.0', -1],
    ['1.0.0-beta.10', '1.0.0-beta.2', 1],
    ['1.0.0-alpha', '1.0.0-1', 1],
    ['1.0.0-alpha.1', '1.0.0-alpha', 1],
    ['1.0.0+build', '1.0.0', 0],
  ])('%s vs %s → %i', (a, b, order) => {
    expect(compareVersions(a, b)).toBe(order);
    expect(compareVersions(b, a)).toBe(-order || 0);
  });

  it('rejects a non-semver version', () => {
    expect(() => compareVersions('latest', '1.0.0')).toThrow(/semver/);
  });
});

describe('pickVersion', () => {
  it.each([
    ['"1.2.3"\n', '1.2.3'],
    ['["1.0.0", "1.10.0", "1.9.0"]', '1.10.0'],
    ['["0.1.0-rc.1", "0.0.9"]', '0.1.0-rc.1'],
  ])('%s → %s', (json, version) => {
    expect(pickVersion(json, 'pkg@x')).toBe(version);
  });

  it.each([[''], ['[]'], ['{}']])('throws for %j', (json) => {
    expect(() => pickVersion(json, 'pkg@^9')).toThrow('no published version of pkg@^9');
  });
});

describe('declaredBins / pickBin', () => {
  it('reads a string bin under the unscoped package name', () => {
    expect([...declaredBins({ name: '@s/tool', bin: 'cli.js' })]).toEqual([['tool', 'cli.js']]);
  });

  it('reads an object bin and ignores non-string entries', () => {
    expect([...declaredBins({ name: 'x', bin: { a: 'a.js', b: 3 } })]).toEqual([['a', 'a.js']]);
  });

  const bins = (...names: string[]): Map<string, string> => new Map(names.map((n) => [n, `${n}.js`]));

  it.each([
    [bins('only'), '@x/whatever', undefined, 'only'],
    [bins('helper', 'server-memory'), '@modelcontextprotocol/server-memory', undefined, 'server-memory'],
    [bins('mcp-server-memory', 'debug'), '@modelcontextprotocol/server-memory', undefined, 'mcp-server-memory'],
    [bins('azmcp', 'other'), '@azure/mcp', undefined, 'azmcp'],
    [bins('a', 'b'), 'pkg', 'b', 'b'],
  ])('%j for %s (--bin %s) → %s', (available, pkg, requested, expected) => {
    expect(pickBin(available, pkg, requested)).toBe(expected);
  });

  it.each([
    [bins(), 'pkg', undefined, /declares no bin/],
    [bins('a', 'b'), 'pkg', undefined, /several bins \(a, b\); choose one with --bin/],
    [bins('a'), 'pkg', 'c', /has no bin "c"/],
  ])('throws for %j of %s', (available, pkg, requested, message) => {
    expect(() => pickBin(available, pkg, requested)).toThrow(message);
  });
});

describe('repositoryUrl / homepageOf', () => {
  it.each([
    ['git+https://github.com/modelcontextprotocol/servers.git', 'https://github.com/modelcontextprotocol/servers'],
    [{ type: 'git', url: 'git://github.com/a/b.git' }, 'https://github.com/a/b'],
    ['github:owner/repo', 'https://github.com/owner/repo'],
    ['owner/repo', 'https://github.com/owner/repo'],
    [{ type: 'git' }, undefined],
    [undefined, undefined],
  ])('%j → %s', (repository, url) => {
    expect(repositoryUrl(repository)).toBe(url);
  });

  it('prefers homepage, then repository', () => {
    expect(homepageOf({ homepage: 'https://h', repository: 'a/b' })).toBe('https://h');
    expect(homepageOf({ repository: 'a/b' })).toBe('https://github.com/a/b');
    expect(homepageOf({})).toBeUndefined();
  });
});

describe('installDirName', () => {
  it.each([
    ['@modelcontextprotocol/server-memory', '2026.8.31', '@modelcontextprotocol+server-memory@2026.8.31'],
    ['firecrawl-mcp', '3.26.0', 'firecrawl-mcp@3.26.0'],
  ])('%s@%s', (name, version, dir) => {
    expect(installDirName(name, version)).toBe(dir);
  });
});
