/**
 * One live capture: install (or use) a package, start it isolated in a throwaway HOME and working
 * directory, list its tools, end its process tree, write the snapshot. Never throws for a server
 * problem: every failure comes back as `{ status: 'failed', reason }`, with the previous snapshot
 * left as it was.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ServerSnapshot } from '../core/schema.ts';
import { checkToolList, deriveServerId } from '../core/snapshot.ts';
import { binCommand, installDir, installPackage, readPackage, removeInstall, sdkVersion } from './install.ts';
import type { InstalledPackage } from './install.ts';
import { CLIENT_CAPABILITIES, IntrospectionError, introspect, stderrSummary } from './introspect.ts';
import type { Introspection, Teardown } from './introspect.ts';
import { wrapperArgv } from './isolation.ts';
import type { Isolation } from './isolation.ts';
import { pickBin } from './npm-package.ts';
import { expandPlaceholders } from './sources.ts';
import { writeSnapshot } from './snapshot.ts';
import type { WriteOutcome } from './snapshot.ts';

/** Default deadline for start + initialize + tools/list. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** What to start and how. */
export interface LiveTarget {
  /** Snapshot id; derived from the package name when undefined. */
  id: string | undefined;
  name: string | undefined;
  origin: { kind: 'npm'; name: string; version: string } | { kind: 'directory'; dir: string; expectName?: string };
  bin: string | undefined;
  /** Server arguments as written (placeholders `${HOME}` / `${CWD}` unexpanded: that is what is recorded). */
  args: readonly string[];
  /** Dummy values; only the names are recorded. Values may use the placeholders too. */
  env: Readonly<Record<string, string>>;
  /** Files to write under the throwaway HOME before starting (e.g. a dummy kubeconfig). */
  files: Readonly<Record<string, string>>;
  /** Loopback ports where a listener accepts and never answers (a backend the server checks at start). */
  listen: readonly number[];
  /** Installed dependencies to replace by a stub: module name → exported async functions (resolve to null). */
  stubs: Readonly<Record<string, readonly string[]>>;
  timeoutMs: number;
  homepage: string | undefined;
  gating: string | undefined;
}

export interface CaptureContext {
  outDir: string;
  isolation: Isolation;
  keepInstall: boolean;
  /** Progress detail (one line each). */
  log: (message: string) => void;
}

export type CaptureResult =
  | {
      status: 'ok';
      id: string;
      version: string;
      outcome: WriteOutcome;
      path: string;
      toolCount: number;
      warnings: string[];
      elapsedMs: number;
    }
  | {
      status: 'failed';
      id: string;
      /** Package name and version when known (a directory without package.json has neither). */
      package: string | undefined;
      version: string | undefined;
      reason: string;
      elapsedMs: number;
    };

/** A failure that already says everything (no stack, no prefix needed). */
export class CaptureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CaptureError';
  }
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** Replaces each stubbed dependency under `prefix` by a CommonJS module of async functions resolving to null. */
function applyStubs(prefix: string, stubs: LiveTarget['stubs']): string[] {
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

function buildSnapshot(target: LiveTarget, id: string, pkg: InstalledPackage, bin: string, result: Introspection, notes: readonly string[]): ServerSnapshot {
  const check = checkToolList(result.tools);
  if (check.errors.length > 0) throw new CaptureError(`unusable tools/list: ${check.errors.join('; ')}`);
  if (check.tools.length === 0) throw new CaptureError('tools/list returned no tools');
  const homepage = target.homepage ?? pkg.homepage;
  return {
    id,
    name: target.name ?? pkg.name,
    ...(pkg.description === undefined ? {} : { description: pkg.description }),
    provenance: {
      method: 'live-introspection',
      package: pkg.name,
      registry: 'npm',
      version: pkg.version,
      command: bin,
      args: [...target.args],
      envKeys: Object.keys(target.env).sort(),
      serverInfo: result.serverInfo,
      protocolVersion: result.protocolVersion,
      clientCapabilities: CLIENT_CAPABILITIES,
      capturedAt: new Date().toISOString(),
      client: `@modelcontextprotocol/sdk@${sdkVersion()}`,
      ...(homepage === undefined ? {} : { homepage }),
      ...(target.gating === undefined ? {} : { gating: { summary: target.gating } }),
    },
    warnings: [...notes, ...check.warnings, ...result.warnings],
    tools: check.tools,
  };
}

function teardownReporter(log: (message: string) => void): (teardown: Teardown) => void {
  return (teardown) => {
    if (teardown.survivors.length > 0) {
      log(`WARNING: processes still alive after SIGKILL: ${teardown.survivors.map((p) => p.pid).join(', ')}`);
    } else if (teardown.processes.length > 0) {
      log(`ended ${teardown.processes.length} process(es) of the server's tree`);
    }
  };
}

interface Obtained {
  pkg: InstalledPackage;
  prefix?: string;
  /** Warnings about what was done to the install (stubs). */
  notes: string[];
}

async function obtainPackage(target: LiveTarget, ctx: CaptureContext): Promise<Obtained> {
  if (target.origin.kind === 'directory') {
    const pkg = readPackage(target.origin.dir);
    if (target.origin.expectName !== undefined && target.origin.expectName !== pkg.name) {
      throw new CaptureError(`${target.origin.dir} holds ${pkg.name}, not ${target.origin.expectName}`);
    }
    ctx.log(`using ${pkg.name}@${pkg.version} from ${pkg.dir}`);
    return { pkg, notes: [] };
  }
  const { name, version } = target.origin;
  const prefix = installDir(name, version);
  ctx.log(`installing ${name}@${version} into ${prefix}`);
  const started = Date.now();
  try {
    const pkg = readPackage(await installPackage(name, version, prefix));
    if (pkg.version !== version) throw new CaptureError(`npm installed ${pkg.version}, not ${version}`);
    ctx.log(`installed in ${seconds(Date.now() - started)}`);
    return { pkg, prefix, notes: applyStubs(prefix, target.stubs) };
  } catch (error) {
    if (!ctx.keepInstall) removeInstall(prefix);
    throw error;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ESRCH') return false;
    throw error;
  }
}

/**
 * The throwaway directory holding the server's HOME and working directory: `<tmp>/mcp-ingest-<id>`,
 * the same path every run, because some servers write their paths into tool descriptions and a
 * random path would change the snapshot each time. Left over by a dead ingest: wiped and reused.
 * In use by a live one: a random directory instead (and the log says so).
 */
function scratchDir(id: string, log: (message: string) => void): string {
  const dir = join(tmpdir(), `mcp-ingest-${id}`);
  const owner = join(dir, '.owner');
  try {
    mkdirSync(dir);
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
    const pid = Number.parseInt(readFileSync(owner, { encoding: 'utf8', flag: 'a+' }), 10);
    if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
      log(`${dir} is in use by process ${pid}: using a random directory (paths in tool descriptions may differ)`);
      return mkdtempSync(join(tmpdir(), `mcp-ingest-${id}-`));
    }
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
  }
  writeFileSync(owner, `${process.pid}\n`);
  return dir;
}

async function startAndList(target: LiveTarget, id: string, pkg: InstalledPackage, ctx: CaptureContext): Promise<{ bin: string; result: Introspection }> {
  const bin = pickBin(pkg.bins, pkg.name, target.bin);
  const start = binCommand(pkg, bin);
  const scratch = scratchDir(id, ctx.log);
  const dirs = { home: join(scratch, 'home'), cwd: join(scratch, 'cwd') };
  mkdirSync(dirs.home);
  mkdirSync(dirs.cwd);
  try {
    for (const [path, content] of Object.entries(target.files)) {
      const file = join(dirs.home, path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, expandPlaceholders(content, dirs));
    }
    const args = target.args.map((a) => expandPlaceholders(a, dirs));
    const env = Object.fromEntries(Object.entries(target.env).map(([k, v]) => [k, expandPlaceholders(v, dirs)]));
    ctx.log(`starting ${bin}${target.args.length > 0 ? ` ${target.args.join(' ')}` : ''}`);
    const result = await introspect(
      {
        command: start.command,
        args: [...start.args, ...args],
        prefix: wrapperArgv(ctx.isolation, target.listen, join(scratch, 'blackhole-ready')),
        env,
        home: dirs.home,
        cwd: dirs.cwd,
        timeoutMs: target.timeoutMs,
        log: ctx.log,
      },
      teardownReporter(ctx.log),
    );
    ctx.log(`listed ${result.tools.length} tools in ${seconds(result.elapsedMs)} (start + initialize + list)`);
    return { bin, result };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** One line saying why a capture failed, with the server's last stderr lines when there are some. */
export function failureReason(error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  const stderr = error instanceof IntrospectionError ? stderrSummary(error.stderrTail, 3, 300) : '';
  return stderr === '' ? reason : `${reason} — server stderr: ${stderr}`;
}

/** Installs (or uses), starts, lists, writes. Resolves with the outcome; never rejects for a server's fault. */
export async function captureLive(target: LiveTarget, ctx: CaptureContext): Promise<CaptureResult> {
  const started = Date.now();
  const idGuess = target.id ?? (target.origin.kind === 'npm' ? deriveServerId(target.origin.name) : undefined);
  let prepared: Obtained | undefined;
  try {
    prepared = await obtainPackage(target, ctx);
    const id = idGuess ?? deriveServerId(prepared.pkg.name);
    const { bin, result } = await startAndList(target, id, prepared.pkg, ctx);
    const snapshot = buildSnapshot(target, id, prepared.pkg, bin, result, prepared.notes);
    const { path, outcome } = writeSnapshot(ctx.outDir, snapshot);
    return {
      status: 'ok',
      id,
      version: prepared.pkg.version,
      outcome,
      path,
      toolCount: snapshot.tools.length,
      warnings: snapshot.warnings,
      elapsedMs: Date.now() - started,
    };
  } catch (error) {
    return {
      status: 'failed',
      id: idGuess ?? (prepared === undefined ? 'unknown' : deriveServerId(prepared.pkg.name)),
      package: prepared?.pkg.name ?? (target.origin.kind === 'npm' ? target.origin.name : undefined),
      version: prepared?.pkg.version ?? (target.origin.kind === 'npm' ? target.origin.version : undefined),
      reason: failureReason(error),
      elapsedMs: Date.now() - started,
    };
  } finally {
    if (prepared?.prefix !== undefined) {
      if (ctx.keepInstall) ctx.log(`kept install ${prepared.prefix}`);
      else {
        removeInstall(prepared.prefix);
        ctx.log(`removed install ${prepared.prefix}`);
      }
    }
  }
}
