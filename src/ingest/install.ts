/**
 * npm side of ingest: resolve an exact version, install it into a per-package prefix in a cache
 * outside the repository, read the installed package.json, remove the install.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { declaredBins, homepageOf, installDirName, pickVersion } from './npm-package.ts';
import type { PackageSpec } from './npm-package.ts';

/** A package as found on disk. */
export interface InstalledPackage {
  /** Directory holding its package.json. */
  dir: string;
  name: string;
  version: string;
  description: string | undefined;
  homepage: string | undefined;
  /** bin name → path relative to `dir`. */
  bins: Map<string, string>;
}

/** How to start a bin: the executable and the arguments before the server's own. */
export interface BinCommand {
  command: string;
  args: string[];
  /** Variables the bin needs on top of the server's own (a venv's PATH). */
  env?: Record<string, string>;
}

interface RunResult {
  stdout: string;
  stderr: string;
}

/** The informative error lines of npm's stderr (no warnings, no bare `npm error 404`, no log-file pointer). */
function npmErrorSummary(text: string, n: number): string {
  const lines = text.split(/\r?\n/);
  const errors = lines.filter((l) => /^npm (?:error|ERR!)/.test(l));
  return (errors.length > 0 ? errors : lines)
    .map((l) => l.replace(/^npm (?:error|ERR!)\s*(?:\d{3}\s+)?/, '').trim())
    .filter((l) => l !== '' && !/^(?:\d{3}|A complete log of this run|Note that you can also install)/.test(l))
    .slice(0, n)
    .join(' | ');
}

function run(command: string, args: readonly string[], timeoutMs: number): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    execFile(command, args, { timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error === null) {
        resolvePromise({ stdout, stderr });
        return;
      }
      const detail = npmErrorSummary(stderr, 3) || error.message;
      reject(new Error(`\`${command} ${args.join(' ')}\` failed: ${detail}`));
    });
  });
}

/** The exact version npm resolves `name@range` to (the highest, if several match). */
export async function resolveVersion(spec: PackageSpec): Promise<string> {
  const what = `${spec.name}@${spec.range}`;
  const { stdout } = await run('npm', ['view', what, 'version', '--json'], 120_000);
  return pickVersion(stdout, what);
}

/** `$MCP_CATALOG_CACHE`, else `${XDG_CACHE_HOME:-$HOME/.cache}/mcp-catalog`. */
export function cacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  const override = env['MCP_CATALOG_CACHE'];
  if (override !== undefined && override !== '') return resolve(override);
  const xdg = env['XDG_CACHE_HOME'];
  return join(xdg !== undefined && xdg !== '' ? xdg : join(homedir(), '.cache'), 'mcp-catalog');
}

/** Where `name@version` is installed: `<cache>/installs/<name>@<version>`. */
export function installDir(name: string, version: string, env: NodeJS.ProcessEnv = process.env): string {
  return join(cacheRoot(env), 'installs', installDirName(name, version));
}

/**
 * Installs exactly `name@version` into `prefix` (wiped first), without lifecycle scripts.
 * Returns the installed package's directory.
 */
export async function installPackage(name: string, version: string, prefix: string): Promise<string> {
  rmSync(prefix, { recursive: true, force: true });
  mkdirSync(prefix, { recursive: true });
  try {
    await run(
      'npm',
      ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', `${name}@${version}`],
      600_000,
    );
  } catch (error) {
    // The command line names the cache path: keep the reason machine-independent.
    const detail = error instanceof Error ? error.message.replace(/^`[^`]*` failed: /, '') : String(error);
    throw new Error(`npm install ${name}@${version} failed: ${detail}`);
  }
  return join(prefix, 'node_modules', name);
}

/** Removes an install prefix. */
export function removeInstall(prefix: string): void {
  rmSync(prefix, { recursive: true, force: true });
}

function readJsonObject(path: string): Record<string, unknown> {
  const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`${path} is not a JSON object`);
  }
  return Object.fromEntries(Object.entries(value));
}

/** Reads name, version, description, homepage and bins from `<dir>/package.json`. */
export function readPackage(dir: string): InstalledPackage {
  const manifest = readJsonObject(join(dir, 'package.json'));
  const { name, version, description } = manifest;
  if (typeof name !== 'string' || typeof version !== 'string') {
    throw new Error(`${join(dir, 'package.json')} has no name or version`);
  }
  return {
    dir,
    name,
    version,
    description: typeof description === 'string' && description.trim() !== '' ? description.trim() : undefined,
    homepage: homepageOf(manifest),
    bins: declaredBins(manifest),
  };
}

const JS_EXTENSIONS = new Set(['.js', '.mjs', '.cjs']);

/**
 * How to start a bin. A Node script (shebang naming node, or a .js/.mjs/.cjs file without a
 * shebang) runs under this Node, so the exec bit and the PATH's node do not matter; anything
 * else (a native binary, a shell script) is executed directly.
 */
export function binCommand(pkg: InstalledPackage, binName: string): BinCommand {
  const relative = pkg.bins.get(binName);
  if (relative === undefined) throw new Error(`${pkg.name} has no bin "${binName}"`);
  const file = realpathSync(join(pkg.dir, relative));
  const head = readFileSync(file).subarray(0, 256).toString('latin1');
  const shebang = head.startsWith('#!') ? (head.split('\n')[0] ?? '') : undefined;
  const isNodeScript =
    shebang === undefined ? JS_EXTENSIONS.has(extname(file)) : /\bnode(?:js)?\s*$/.test(shebang.trim());
  return isNodeScript ? { command: process.execPath, args: [file] } : { command: file, args: [] };
}

/** Version of the `@modelcontextprotocol/sdk` this process actually loads. */
export function sdkVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.resolve('@modelcontextprotocol/sdk/client/index.js')));
  for (;;) {
    const manifest = join(dir, 'package.json');
    const pkg = (() => {
      try {
        return readJsonObject(manifest);
      } catch (error) {
        if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return undefined;
        throw error;
      }
    })();
    if (pkg?.['name'] === '@modelcontextprotocol/sdk' && typeof pkg['version'] === 'string') return pkg['version'];
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the package.json of @modelcontextprotocol/sdk');
    dir = parent;
  }
}
