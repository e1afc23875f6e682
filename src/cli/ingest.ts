/**
 * `npm run ingest -- <npm-package>[@version] [options] [-- <server args>]`
 *
 * Installs an npm MCP server into a cache outside the repository, starts it over stdio with the
 * official SDK client, lists its tools and writes content/servers/<id>.json. See USAGE.
 */
import { mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { ServerSnapshot } from '../core/schema.ts';
import { SERVER_ID_PATTERN } from '../core/schema.ts';
import { checkToolList, deriveServerId } from '../core/snapshot.ts';
import { binCommand, installDir, installPackage, readPackage, removeInstall, resolveVersion, sdkVersion } from '../ingest/install.ts';
import type { InstalledPackage } from '../ingest/install.ts';
import { CLIENT_CAPABILITIES, IntrospectionError, introspect, stderrSummary } from '../ingest/introspect.ts';
import type { Introspection, Teardown } from '../ingest/introspect.ts';
import { parsePackageSpec, pickBin } from '../ingest/npm-package.ts';
import { writeSnapshot } from '../ingest/snapshot.ts';

export const USAGE = `Usage: npm run ingest -- <package>[@version] [options] [-- <server args>]
       npm run ingest -- --from <package-dir> [options] [-- <server args>]

Installs an npm MCP server (exact version, no install scripts) into a cache outside the
repository, starts it over stdio in a throwaway HOME, lists its tools, ends its whole process
tree and writes content/servers/<id>.json (left untouched if only capturedAt would change).

Options:
  --from <dir>       use an already installed package (a directory with package.json)
                     instead of resolving and installing one
  --bin <name>       bin to start when the package declares several
  --env KEY=VALUE    environment variable for the server (repeatable). Dummy values only:
                     the snapshot records the KEY, never the value
  --id <id>          server id / file name (default: from the package name,
                     @scope/name -> scope-name)
  --name <name>      catalog name (default: the package name)
  --timeout <sec>    deadline for start + initialize + tools/list (default 30)
  --out-dir <dir>    where to write <id>.json (default: content/servers of this repository)
  --keep-install     keep the install directory instead of removing it
  -h, --help         show this help

Environment:
  MCP_CATALOG_CACHE  cache root (default: \${XDG_CACHE_HOME:-$HOME/.cache}/mcp-catalog);
                     installs go to <cache root>/installs/<name>@<version>

Exit codes: 0 written or unchanged, 1 ingest failed, 2 bad usage.
`;

const DEFAULT_OUT_DIR = fileURLToPath(new URL('../../content/servers/', import.meta.url));
const ENV_KEY_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Parsed command line. */
export interface IngestOptions {
  /** `<name>[@range]` as given, if any. */
  packageSpec: string | undefined;
  from: string | undefined;
  bin: string | undefined;
  env: Record<string, string>;
  id: string | undefined;
  name: string | undefined;
  timeoutMs: number;
  outDir: string;
  keepInstall: boolean;
  serverArgs: string[];
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

function parseEnv(pairs: readonly string[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const key = eq < 0 ? pair : pair.slice(0, eq);
    if (eq < 0 || !ENV_KEY_PATTERN.test(key)) throw new UsageError(`--env expects KEY=VALUE, got "${pair}"`);
    env[key] = pair.slice(eq + 1);
  }
  return env;
}

function parseTimeout(text: string | undefined): number {
  if (text === undefined) return 30_000;
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new UsageError(`--timeout expects seconds > 0, got "${text}"`);
  return Math.round(seconds * 1000);
}

/** Parses the arguments after `npm run ingest --`. Returns 'help' for --help. */
export function parseIngestArgs(argv: readonly string[]): IngestOptions | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      tokens: true,
      options: {
        from: { type: 'string' },
        bin: { type: 'string' },
        env: { type: 'string', multiple: true },
        id: { type: 'string' },
        name: { type: 'string' },
        timeout: { type: 'string' },
        'out-dir': { type: 'string' },
        'keep-install': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, tokens } = parsed;
  if (values.help === true) return 'help';
  const terminator = tokens.findIndex((t) => t.kind === 'option-terminator');
  const positionals = tokens
    .filter((t, i) => t.kind === 'positional' && (terminator < 0 || i < terminator))
    .map((t) => (t.kind === 'positional' ? t.value : ''));
  const serverArgs = terminator < 0 ? [] : argv.slice(tokens[terminator]?.index ?? argv.length).slice(1);
  if (positionals.length > 1) {
    throw new UsageError(`one package expected, got ${positionals.join(' ')} (server args go after --)`);
  }
  const packageSpec = positionals[0];
  if (packageSpec === undefined && values.from === undefined) throw new UsageError('no package given');
  if (values.id !== undefined && !SERVER_ID_PATTERN.test(values.id)) {
    throw new UsageError(`--id "${values.id}" must be lowercase letters, digits and inner dashes`);
  }
  return {
    packageSpec,
    from: values.from,
    bin: values.bin,
    env: parseEnv(values.env ?? []),
    id: values.id,
    name: values.name,
    timeoutMs: parseTimeout(values.timeout),
    outDir: resolve(values['out-dir'] ?? DEFAULT_OUT_DIR),
    keepInstall: values['keep-install'] === true,
    serverArgs,
  };
}

const log = (message: string): void => {
  process.stderr.write(`ingest: ${message}\n`);
};

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** The package to start, and the install prefix to remove afterwards (none with --from). */
interface Prepared {
  pkg: InstalledPackage;
  prefix: string | undefined;
}

async function preparePackage(options: IngestOptions): Promise<Prepared> {
  if (options.from !== undefined) {
    const pkg = readPackage(resolve(options.from));
    if (options.packageSpec !== undefined) {
      const spec = parsePackageSpec(options.packageSpec);
      if (spec.name !== pkg.name) throw new UsageError(`--from holds ${pkg.name}, not ${spec.name}`);
    }
    log(`using ${pkg.name}@${pkg.version} from ${pkg.dir}`);
    return { pkg, prefix: undefined };
  }
  const spec = parsePackageSpec(options.packageSpec ?? '');
  log(`resolving ${spec.name}@${spec.range}`);
  const version = await resolveVersion(spec);
  const prefix = installDir(spec.name, version);
  log(`installing ${spec.name}@${version} into ${prefix}`);
  const started = Date.now();
  try {
    const pkg = readPackage(await installPackage(spec.name, version, prefix));
    if (pkg.version !== version) throw new Error(`npm installed ${pkg.version}, not ${version}`);
    log(`installed in ${seconds(Date.now() - started)}`);
    return { pkg, prefix };
  } catch (error) {
    if (!options.keepInstall) removeInstall(prefix);
    throw error;
  }
}

function buildSnapshot(options: IngestOptions, pkg: InstalledPackage, bin: string, result: Introspection): ServerSnapshot {
  const check = checkToolList(result.tools);
  if (check.errors.length > 0) throw new Error(`unusable tools/list: ${check.errors.join('; ')}`);
  return {
    id: options.id ?? deriveServerId(pkg.name),
    name: options.name ?? pkg.name,
    ...(pkg.description === undefined ? {} : { description: pkg.description }),
    provenance: {
      method: 'live-introspection',
      package: pkg.name,
      registry: 'npm',
      version: pkg.version,
      command: bin,
      args: options.serverArgs,
      envKeys: Object.keys(options.env).sort(),
      serverInfo: result.serverInfo,
      protocolVersion: result.protocolVersion,
      clientCapabilities: CLIENT_CAPABILITIES,
      capturedAt: new Date().toISOString(),
      client: `@modelcontextprotocol/sdk@${sdkVersion()}`,
      ...(pkg.homepage === undefined ? {} : { homepage: pkg.homepage }),
    },
    warnings: [...check.warnings, ...result.warnings],
    tools: check.tools,
  };
}

function reportTeardown(teardown: Teardown): void {
  if (teardown.survivors.length > 0) {
    log(`WARNING: processes still alive after SIGKILL: ${teardown.survivors.map((p) => p.pid).join(', ')}`);
  } else if (teardown.processes.length > 0) {
    log(`ended ${teardown.processes.length} process(es) of the server's tree`);
  }
}

async function ingestPackage(pkg: InstalledPackage, options: IngestOptions): Promise<void> {
  const bin = pickBin(pkg.bins, pkg.name, options.bin);
  const start = binCommand(pkg, bin);
  const scratch = mkdtempSync(join(tmpdir(), 'mcp-ingest-'));
  const home = join(scratch, 'home');
  const cwd = join(scratch, 'cwd');
  mkdirSync(home);
  mkdirSync(cwd);
  try {
    log(`starting ${bin}${options.serverArgs.length > 0 ? ` ${options.serverArgs.join(' ')}` : ''}`);
    const result = await introspect(
      {
        command: start.command,
        args: [...start.args, ...options.serverArgs],
        env: options.env,
        home,
        cwd,
        timeoutMs: options.timeoutMs,
        log,
      },
      reportTeardown,
    );
    log(`listed ${result.tools.length} tools in ${seconds(result.elapsedMs)} (start + initialize + list)`);
    const snapshot = buildSnapshot(options, pkg, bin, result);
    const { path, outcome } = writeSnapshot(options.outDir, snapshot);
    const shown = relative(process.cwd(), path).startsWith('..') ? path : relative(process.cwd(), path);
    log(`${outcome} ${shown}${snapshot.warnings.length > 0 ? ` (${snapshot.warnings.length} warning(s))` : ''}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const started = Date.now();
  let options: IngestOptions | 'help';
  try {
    options = parseIngestArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`ingest: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (options === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  const label = options.packageSpec ?? options.from ?? '';
  let prepared: Prepared | undefined;
  try {
    prepared = await preparePackage(options);
    await ingestPackage(prepared.pkg, options);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`ingest: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    const what = prepared === undefined ? label : `${prepared.pkg.name}@${prepared.pkg.version}`;
    const reason = error instanceof Error ? error.message : String(error);
    const stderr = error instanceof IntrospectionError ? stderrSummary(error.stderrTail) : '';
    process.stderr.write(`ingest: error: ${what}: ${reason}${stderr === '' ? '' : ` — server stderr: ${stderr}`}\n`);
    return 1;
  } finally {
    if (prepared?.prefix !== undefined) {
      if (options.keepInstall) log(`kept install ${prepared.prefix}`);
      else {
        removeInstall(prepared.prefix);
        log(`removed install ${prepared.prefix}`);
      }
    }
    log(`elapsed ${seconds(Date.now() - started)}`);
  }
}

if (import.meta.main) {
  process.exit(await main(process.argv.slice(2)));
}
