/**
 * One interface over the registries: install a source's package (npm, PyPI, Go) into its own
 * directory under the cache, or use an unpacked npm package directory (tests), and say what was
 * installed, which bins it has and how to start one. `remove()` deletes the install.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { InstallRecord } from '../core/schema.ts';
import { goHomepage, goInstallDirName, installGo } from './go.ts';
import { binCommand, cacheRoot, installDir, installPackage, readPackage } from './install.ts';
import type { BinCommand } from './install.ts';
import { DEFAULT_PYTHON, installPypi, normalizePypiName } from './pypi.ts';

/** Where a live target comes from. */
export type Origin =
  | { kind: 'npm'; name: string; version: string }
  | { kind: 'pypi'; name: string; version: string; python?: string | undefined; constraints?: readonly string[] }
  | { kind: 'go'; name: string; version: string; toolchain?: string | undefined }
  | { kind: 'directory'; dir: string; expectName?: string };

/** The registry an origin installs from (an unpacked directory is an npm package). */
export function registryOf(origin: Origin): 'npm' | 'pypi' | 'go' {
  return origin.kind === 'directory' ? 'npm' : origin.kind;
}

/** A package ready to start. */
export interface Installation {
  registry: 'npm' | 'pypi' | 'go';
  /** The package (npm, PyPI) or package path (Go) as its registry spells it. */
  name: string;
  /** The exact version installed. */
  version: string;
  description: string | undefined;
  homepage: string | undefined;
  /** Bin name → what it runs (for choosing one). */
  bins: ReadonlyMap<string, string>;
  /** How to start a bin. */
  start: (bin: string) => BinCommand;
  /** What was installed and with what; undefined for a directory used in place. */
  record: InstallRecord | undefined;
  /** The install directory (removed after listing); undefined for a directory used in place. */
  prefix: string | undefined;
  /** Warnings about what was done to the install (stubs). */
  notes: string[];
}

/** Options an install needs beyond its origin. */
export interface InstallOptions {
  /**
   * Source id: each source installs into its own directory (`<name>@<version>~<key>`), so two
   * sources of one package can run side by side.
   */
  key: string | undefined;
  /** npm: dependencies to replace by a stub (module → async functions resolving to null). */
  stubs: Readonly<Record<string, readonly string[]>>;
  log: (message: string) => void;
}

/** Replaces each stubbed dependency under `prefix` by a CommonJS module of async functions resolving to null. */
function applyStubs(prefix: string, stubs: InstallOptions['stubs']): string[] {
  const warnings: string[] = [];
  for (const [name, functions] of Object.entries(stubs)) {
    const dir = join(prefix, 'node_modules', name);
    const manifest = readPackage(dir);
    const body = functions.map((f) => `exports.${f} = async () => null;\n`).join('');
    writeFileSync(join(dir, 'ingest-stub.cjs'), `// Written by mcp-catalog ingest: ${name} cannot be built here.\n${body}`);
    writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name, version: manifest.version, main: 'ingest-stub.cjs' }, null, 2)}\n`);
    warnings.push(
      `dependency ${name}@${manifest.version} was replaced by a stub (${functions.join(', ')} resolve to null): its native part cannot be built here`,
    );
  }
  return warnings;
}

let npmVersion: string | undefined;

/** The npm tarball's integrity as the lockfile npm wrote records it. */
function npmIntegrity(prefix: string, name: string): string | undefined {
  try {
    const lock: unknown = JSON.parse(readFileSync(join(prefix, 'node_modules', '.package-lock.json'), 'utf8'));
    const entry: unknown =
      typeof lock === 'object' && lock !== null && 'packages' in lock && typeof lock.packages === 'object' && lock.packages !== null
        ? Reflect.get(lock.packages, `node_modules/${name}`)
        : undefined;
    const integrity: unknown = typeof entry === 'object' && entry !== null && 'integrity' in entry ? entry.integrity : undefined;
    return typeof integrity === 'string' ? integrity : undefined;
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return undefined;
    throw error;
  }
}

async function installNpm(origin: Extract<Origin, { kind: 'npm' }>, options: InstallOptions): Promise<Installation> {
  const { name, version } = origin;
  const prefix = keyed(installDir(name, version), options.key);
  return removedOnFailure(prefix, async () => {
    const pkg = readPackage(await installPackage(name, version, prefix));
    if (pkg.version !== version) throw new Error(`npm installed ${pkg.version}, not ${version}`);
    npmVersion ??= execFileSync('npm', ['--version'], { encoding: 'utf8' }).trim();
    const integrity = npmIntegrity(prefix, name);
    const tarball = `${name.replace(/^@/, '').replace('/', '-')}-${version}.tgz`;
    const record = {
      command: `npm install --ignore-scripts ${name}@${version}`,
      installer: `npm ${npmVersion}`,
      runtime: `Node.js ${process.version}`,
      artifact: tarball,
      ...(integrity === undefined ? {} : { digest: integrity }),
    };
    return npmInstallation(pkg, record, prefix, applyStubs(prefix, options.stubs));
  });
}

/** The install `work` makes in `prefix`, removed again when it fails: a half install is never reused. */
async function removedOnFailure<T>(prefix: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    rmSync(prefix, { recursive: true, force: true });
    throw error;
  }
}

function keyed(prefix: string, key: string | undefined): string {
  return key === undefined ? prefix : `${prefix}~${key}`;
}

async function installFromPypi(origin: Extract<Origin, { kind: 'pypi' }>, options: InstallOptions): Promise<Installation> {
  const prefix = keyed(join(cacheRoot(), 'installs', `pypi+${normalizePypiName(origin.name)}@${origin.version}`), options.key);
  return removedOnFailure(prefix, async () => {
    const { venv, metadata, record } = await installPypi(origin.name, origin.version, prefix, origin.python ?? DEFAULT_PYTHON, origin.constraints ?? []);
    if (origin.version !== 'latest' && metadata.version !== origin.version) {
      throw new Error(`uv installed ${metadata.name} ${metadata.version}, not ${origin.version}`);
    }
    const bin = join(venv, 'bin');
    if (metadata.scripts.size === 0) throw new Error(`${metadata.name} ${metadata.version} declares no console script: nothing to start`);
    return {
      registry: 'pypi',
      name: metadata.name,
      version: metadata.version,
      description: metadata.summary,
      homepage: metadata.homepage,
      bins: metadata.scripts,
      start: (script) => {
        if (!metadata.scripts.has(script)) {
          throw new Error(`${metadata.name} has no console script "${script}" (scripts: ${[...metadata.scripts.keys()].join(', ') || 'none'})`);
        }
        // A fixed hash seed: a server that builds a description from a set of strings (the
        // order of its allowed commands, say) then lists the same text on every run.
        return {
          command: join(bin, script),
          args: [],
          env: { PATH: `${bin}${delimiter}${process.env['PATH'] ?? ''}`, VIRTUAL_ENV: venv, PYTHONDONTWRITEBYTECODE: '1', PYTHONHASHSEED: '0' },
        };
      },
      record,
      prefix,
      notes: [],
    };
  });
}

async function installFromGo(origin: Extract<Origin, { kind: 'go' }>, options: InstallOptions): Promise<Installation> {
  const prefix = keyed(join(cacheRoot(), 'installs', goInstallDirName(origin.name, origin.version)), options.key);
  return removedOnFailure(prefix, async () => {
    const { binary, info, record } = await installGo(origin.name, origin.version, prefix, origin.toolchain);
    const binName = binary.split('/').pop() ?? binary;
    return {
      registry: 'go',
      name: info.path,
      version: info.version,
      description: undefined,
      homepage: goHomepage(info.module, info.path),
      bins: new Map([[binName, binary]]),
      start: () => ({ command: binary, args: [] }),
      record,
      prefix,
      notes: [],
    };
  });
}

function useDirectory(origin: Extract<Origin, { kind: 'directory' }>, options: InstallOptions): Installation {
  const pkg = readPackage(origin.dir);
  if (origin.expectName !== undefined && origin.expectName !== pkg.name) {
    throw new Error(`${origin.dir} holds ${pkg.name}, not ${origin.expectName}`);
  }
  options.log(`using ${pkg.name}@${pkg.version} from ${pkg.dir}`);
  return npmInstallation(pkg, undefined, undefined, []);
}

/** The installation of an npm package read from its directory (installed by ingest, or given with `--from`). */
function npmInstallation(pkg: ReturnType<typeof readPackage>, record: Installation['record'], prefix: string | undefined, notes: Installation['notes']): Installation {
  return {
    registry: 'npm',
    name: pkg.name,
    version: pkg.version,
    description: pkg.description,
    homepage: pkg.homepage,
    bins: pkg.bins,
    start: (bin) => binCommand(pkg, bin),
    record,
    prefix,
    notes,
  };
}

/** Installs (or uses) the origin's package. Throws with a one-line reason; leaves no install behind on failure. */
export async function obtain(origin: Origin, options: InstallOptions): Promise<Installation> {
  switch (origin.kind) {
    case 'npm':
      return installNpm(origin, options);
    case 'pypi':
      return installFromPypi(origin, options);
    case 'go':
      return installFromGo(origin, options);
    case 'directory':
      return useDirectory(origin, options);
  }
}

/** Deletes an install directory. */
export function removeInstallation(installation: Installation): void {
  if (installation.prefix !== undefined) rmSync(installation.prefix, { recursive: true, force: true });
}
