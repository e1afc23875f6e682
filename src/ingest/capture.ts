/**
 * One live capture: install (or use) a package from its registry, start it isolated in a throwaway
 * HOME and working directory, list its tools, end its process tree, write the snapshot. Never
 * throws for a server problem: every failure comes back as `{ status: 'failed', reason, stage,
 * failureClass }`, with the previous snapshot left as it was.
 */
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { classifyFailure } from '../core/failure-class.ts';
import type { FailureStage } from '../core/failure-class.ts';
import { replaceCaptureValues } from '../core/placeholders.ts';
import type { Replacement } from '../core/placeholders.ts';
import type { FailureClass, Placeholders, ServerSnapshot } from '../core/schema.ts';
import { checkToolList, deriveServerId } from '../core/snapshot.ts';
import { cacheRoot, sdkVersion } from './install.ts';
import { obtain, registryOf, removeInstallation } from './installation.ts';
import type { Installation, Origin } from './installation.ts';
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
  origin: Origin;
  bin: string | undefined;
  /** Server arguments as written (placeholders `${HOME}` / `${CWD}` unexpanded: that is what is recorded). */
  args: readonly string[];
  /** Dummy values; only the names are recorded. Values may use the placeholders too. */
  env: Readonly<Record<string, string>>;
  /** Dummy values that args, env and files name as `${NAME}`: NAME → value. Shown as placeholders. */
  dummies: Readonly<Record<string, string>>;
  /** Files to write under the throwaway HOME before starting (e.g. a dummy kubeconfig). */
  files: Readonly<Record<string, string>>;
  /** Loopback ports where a listener accepts and never answers (a backend the server checks at start). */
  listen: readonly number[];
  /** Loopback ports where an HTTP listener answers every request with 200 and this body (a fixed call at start). */
  respond: Readonly<Record<number, string>>;
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
      /** Where it stopped, and the kind of failure that makes it. */
      stage: FailureStage;
      failureClass: FailureClass;
      elapsedMs: number;
    };

/** A failure that already says everything (no stack, no prefix needed). */
export class CaptureError extends Error {
  readonly stage: FailureStage;
  constructor(message: string, stage: FailureStage = 'snapshot') {
    super(message);
    this.name = 'CaptureError';
    this.stage = stage;
  }
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/**
 * The scratch paths, the install directory and the dummy values of one capture, and the
 * placeholders that replace them in tools. Each path also as the path of its file: URL (a server
 * that builds a URL from `import.meta.url` writes the install directory that way, `~` as `%7E`).
 */
export function captureReplacements(
  dirs: { scratch: string; home: string; cwd: string; install?: string | undefined },
  dummies: Readonly<Record<string, string>>,
): Replacement[] {
  const paths: Replacement[] = [];
  const entries: [string, string][] = [
    [dirs.cwd, '${CWD}'],
    [dirs.home, '${HOME}'],
    [dirs.scratch, '${CAPTURE_DIR}'],
  ];
  if (dirs.install !== undefined) entries.push([dirs.install, '${INSTALL_DIR}']);
  for (const [path, placeholder] of entries) {
    const forms = new Set([path, realpathOr(path)]);
    for (const form of [...forms]) forms.add(pathToFileURL(form).pathname);
    for (const value of forms) paths.push({ value, placeholder });
  }
  return [...paths, ...Object.entries(dummies).map(([name, value]) => ({ value, placeholder: `\${${name}}` }))];
}

function realpathOr(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

const PLACEHOLDER_MEANING: Readonly<Record<string, string>> = {
  '${CWD}': 'the working directory the server was started in (a throwaway directory)',
  '${HOME}': 'the HOME directory the server was started with (a throwaway directory)',
  '${CAPTURE_DIR}': 'the throwaway directory holding HOME and the working directory',
  '${INSTALL_DIR}': 'the directory the package was installed into (removed after listing)',
};

/** What each placeholder in the snapshot stands for: path placeholders that occur, and every dummy. */
function placeholdersOf(counts: ReadonlyMap<string, number>, dummies: Readonly<Record<string, string>>): Placeholders | undefined {
  const entries: [string, string][] = [];
  for (const [placeholder, meaning] of Object.entries(PLACEHOLDER_MEANING)) {
    if ((counts.get(placeholder) ?? 0) > 0) entries.push([placeholder, meaning]);
  }
  for (const [name, value] of Object.entries(dummies)) entries.push([`\${${name}}`, `a dummy value given at capture ("${value}")`]);
  return entries.length === 0 ? undefined : Object.fromEntries(entries);
}

function buildSnapshot(
  target: LiveTarget,
  id: string,
  installed: Installation,
  bin: string,
  listed: { result: Introspection; replacements: readonly Replacement[] },
): ServerSnapshot {
  const { result } = listed;
  // The tools and the serverInfo (its icons may be file: URLs into the install) alike.
  const replaced = replaceCaptureValues({ tools: result.tools, serverInfo: result.serverInfo }, listed.replacements);
  const both = replaced.value as { tools: unknown; serverInfo: typeof result.serverInfo };
  const tools = Array.isArray(both.tools) ? both.tools : [];
  const check = checkToolList(tools);
  if (check.errors.length > 0) throw new CaptureError(`unusable tools/list: ${check.errors.join('; ')}`);
  if (check.tools.length === 0) throw new CaptureError('tools/list returned no tools');
  const homepage = target.homepage ?? installed.homepage;
  const placeholders = placeholdersOf(replaced.counts, target.dummies);
  return {
    id,
    name: target.name ?? installed.name,
    ...(installed.description === undefined ? {} : { description: installed.description }),
    provenance: {
      method: 'live-introspection',
      package: installed.name,
      registry: installed.registry,
      version: installed.version,
      command: bin,
      args: [...target.args],
      envKeys: Object.keys(target.env).sort(),
      serverInfo: both.serverInfo,
      protocolVersion: result.protocolVersion,
      clientCapabilities: CLIENT_CAPABILITIES,
      capturedAt: new Date().toISOString(),
      client: `@modelcontextprotocol/sdk@${sdkVersion()}`,
      ...(homepage === undefined ? {} : { homepage }),
      ...(target.gating === undefined ? {} : { gating: { summary: target.gating } }),
      ...(placeholders === undefined ? {} : { placeholders }),
      ...(installed.record === undefined ? {} : { install: installed.record }),
    },
    warnings: [...installed.notes, ...check.warnings, ...result.warnings],
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

async function startAndList(
  target: LiveTarget,
  id: string,
  installed: Installation,
  ctx: CaptureContext,
): Promise<{ bin: string; result: Introspection; replacements: Replacement[] }> {
  const bin = pickBin(installed.bins, installed.name, target.bin);
  const start = installed.start(bin);
  const scratch = scratchDir(id, ctx.log);
  const dirs = { home: join(scratch, 'home'), cwd: join(scratch, 'cwd') };
  mkdirSync(dirs.home);
  mkdirSync(dirs.cwd);
  const expand = (value: string): string => expandPlaceholders(value, dirs, target.dummies);
  try {
    for (const [path, content] of Object.entries(target.files)) {
      const file = join(dirs.home, path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, expand(content));
    }
    const responders: Record<number, string> = {};
    for (const [port, body] of Object.entries(target.respond)) {
      const file = join(scratch, `respond-${port}`);
      writeFileSync(file, expand(body));
      responders[Number(port)] = file;
    }
    const args = target.args.map(expand);
    const env = Object.fromEntries(Object.entries(target.env).map(([k, v]) => [k, expand(v)]));
    ctx.log(`starting ${bin}${target.args.length > 0 ? ` ${target.args.join(' ')}` : ''}`);
    const result = await introspect(
      {
        command: start.command,
        args: [...start.args, ...args],
        prefix: wrapperArgv(ctx.isolation, target.listen, join(scratch, 'blackhole-ready'), responders),
        env: { ...start.env, ...env },
        home: dirs.home,
        cwd: dirs.cwd,
        timeoutMs: target.timeoutMs,
        log: ctx.log,
      },
      teardownReporter(ctx.log),
    );
    ctx.log(`listed ${result.tools.length} tools in ${seconds(result.elapsedMs)} (start + initialize + list)`);
    return { bin, result, replacements: captureReplacements({ scratch, ...dirs, install: installed.prefix }, target.dummies) };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** One line saying why a capture failed, with the server's last stderr lines when there are some. */
export function failureReason(error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  // Install paths are this machine's: the recorded reason says <cache> instead.
  const redact = [[cacheRoot(), '<cache>']] as const;
  const stderr = error instanceof IntrospectionError ? stderrSummary(error.stderrTail, 3, 300, redact) : '';
  const text = stderr === '' ? reason : `${reason} — server stderr: ${stderr}`;
  return text.replaceAll(cacheRoot(), '<cache>');
}

function originName(origin: Origin): string | undefined {
  return origin.kind === 'directory' ? undefined : origin.name;
}

/** Installs (or uses), starts, lists, writes. Resolves with the outcome; never rejects for a server's fault. */
export async function captureLive(target: LiveTarget, ctx: CaptureContext): Promise<CaptureResult> {
  const started = Date.now();
  const name = originName(target.origin);
  const idGuess = target.id ?? (name === undefined ? undefined : deriveServerId(name));
  let installed: Installation | undefined;
  let stage: FailureStage = 'install';
  try {
    if (target.origin.kind !== 'directory') {
      ctx.log(`installing ${target.origin.name}@${target.origin.version} from ${registryOf(target.origin)}`);
    }
    installed = await obtain(target.origin, { key: idGuess, stubs: target.stubs, log: ctx.log });
    if (installed.prefix !== undefined) ctx.log(`installed in ${seconds(Date.now() - started)} into ${installed.prefix}`);
    stage = 'start';
    const id = idGuess ?? deriveServerId(installed.name);
    const listed = await startAndList(target, id, installed, ctx);
    stage = 'snapshot';
    const snapshot = buildSnapshot(target, id, installed, listed.bin, listed);
    const { path, outcome } = writeSnapshot(ctx.outDir, snapshot);
    return {
      status: 'ok',
      id,
      version: installed.version,
      outcome,
      path,
      toolCount: snapshot.tools.length,
      warnings: snapshot.warnings,
      elapsedMs: Date.now() - started,
    };
  } catch (error) {
    const reason = failureReason(error);
    const failedStage = error instanceof CaptureError ? error.stage : stage;
    return {
      status: 'failed',
      id: idGuess ?? (installed === undefined ? 'unknown' : deriveServerId(installed.name)),
      package: installed?.name ?? name,
      version: installed?.version ?? (target.origin.kind === 'directory' ? undefined : target.origin.version),
      reason,
      stage: failedStage,
      failureClass: classifyFailure(failedStage, reason),
      elapsedMs: Date.now() - started,
    };
  } finally {
    if (installed?.prefix !== undefined) {
      if (ctx.keepInstall) ctx.log(`kept install ${installed.prefix}`);
      else {
        removeInstallation(installed);
        ctx.log(`removed install ${installed.prefix}`);
      }
    }
  }
}
