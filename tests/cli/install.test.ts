/** src/ingest/install.ts parts that need no network: cache paths, package.json reading, bin commands. */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { binCommand, cacheRoot, installDir, readPackage, sdkVersion } from '../../src/ingest/install.ts';
import { REPO } from './helpers.ts';

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

describe('cacheRoot / installDir', () => {
  it.each([
    [{ MCP_CATALOG_CACHE: '/c', XDG_CACHE_HOME: '/x', HOME: '/h' }, '/c'],
    [{ XDG_CACHE_HOME: '/x', HOME: '/h' }, '/x/mcp-catalog'],
    [{ MCP_CATALOG_CACHE: '', XDG_CACHE_HOME: '/x' }, '/x/mcp-catalog'],
  ])('%j → %s', (env, root) => {
    expect(cacheRoot(env)).toBe(root);
  });

  it('puts installs under <root>/installs/<name>@<version>', () => {
    expect(installDir('@a/b', '1.2.3', { MCP_CATALOG_CACHE: '/c' })).toBe('/c/installs/@a+b@1.2.3');
  });
});

describe('readPackage / binCommand', () => {
  it('reads a package directory', () => {
    const pkg = readPackage(join(REPO, 'tests/fixtures/raw-pages'));
    expect(pkg).toMatchObject({
      name: 'fixture-raw-pages',
      version: '2.3.4',
      description: 'Test fixture: a paginated, partly spec-invalid tools/list.',
      homepage: 'https://example.invalid/raw-pages',
    });
    expect([...pkg.bins.keys()]).toEqual(['fixture-raw-pages', 'other-helper']);
  });

  it('runs a node script under this node, and anything else directly', () => {
    const dir = mkdtempSync(join(tmpdir(), 'install-test-'));
    temps.push(dir);
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'p', version: '1.0.0', bin: { js: 'a.js', sh: 'b.sh', env: 'c' } }));
    writeFileSync(join(dir, 'a.js'), 'console.log(1)\n');
    writeFileSync(join(dir, 'b.sh'), '#!/bin/sh\necho 1\n');
    writeFileSync(join(dir, 'c'), '#!/usr/bin/env node\nconsole.log(1)\n');
    chmodSync(join(dir, 'b.sh'), 0o755);
    const pkg = readPackage(dir);
    expect(binCommand(pkg, 'js')).toEqual({ command: process.execPath, args: [join(dir, 'a.js')] });
    expect(binCommand(pkg, 'sh')).toEqual({ command: join(dir, 'b.sh'), args: [] });
    expect(binCommand(pkg, 'env')).toEqual({ command: process.execPath, args: [join(dir, 'c')] });
    expect(() => binCommand(pkg, 'missing')).toThrow(/no bin "missing"/);
  });

  it('fails clearly without package.json', () => {
    const dir = mkdtempSync(join(tmpdir(), 'install-test-'));
    temps.push(dir);
    expect(() => readPackage(dir)).toThrow(/package\.json/);
  });
});

describe('sdkVersion', () => {
  it('is the version of the installed @modelcontextprotocol/sdk', () => {
    expect(sdkVersion()).toBe(readPackage(join(REPO, 'node_modules/@modelcontextprotocol/sdk')).version);
  });
});
