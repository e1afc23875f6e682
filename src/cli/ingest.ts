/**
 * `npm run ingest` — three modes, see USAGE:
 *   no package:          every source of content/sources.yaml (batch), verification.json updated
 *   <package>[@version]: one npm package, for trying a new server
 *   --manifest <file>:   import a tool list captured elsewhere
 */
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { SERVER_ID_PATTERN } from '../core/schema.ts';
import { formatDuration, renderSummary, runBatch, selectSources } from '../ingest/batch.ts';
import { captureLive, DEFAULT_TIMEOUT_MS } from '../ingest/capture.ts';
import { isExactGoVersion, isGoPackagePath } from '../ingest/go.ts';
import { resolveVersion } from '../ingest/install.ts';
import type { Origin } from '../ingest/installation.ts';
import { isExactPypiVersion } from '../ingest/pypi.ts';
import { clearRunState, readRunState, remainingIds, runStatePath, writeRunState } from '../ingest/run-state.ts';
import { detectIsolation } from '../ingest/isolation.ts';
import type { Isolation } from '../ingest/isolation.ts';
import { readManifestSnapshot } from '../ingest/manifest.ts';
import { parsePackageSpec } from '../ingest/npm-package.ts';
import { writeSnapshot } from '../ingest/snapshot.ts';
import { readSources } from '../ingest/sources.ts';
import { readVerification } from '../ingest/verification.ts';

export const USAGE = `Usage: npm run ingest -- [--registry npm|pypi|go] <package>[@version] [options] [-- <server args>]
       npm run ingest -- --from <package-dir> [options] [-- <server args>]
       npm run ingest [-- [--only <id>]... [--retry-failed] [batch options]]
       npm run ingest -- --manifest <file> [--id <id>] [--captured-at <date>]

One package: installs an MCP server from npm (no install scripts), PyPI (uv, wheels only) or
the Go module proxy (go install, no cgo) into a cache outside the repository, starts it over stdio in a throwaway HOME and working directory with no
network but loopback, lists its tools, ends its whole process tree and writes
content/servers/<id>.json (left untouched if only capturedAt would change).

No package: does that for every source of content/sources.yaml, a few at a time, records each
attempt in content/verification.json and prints a summary by registry and failure class. An
interrupted full run resumes where it stopped (--restart starts over). Exit 1 if any source failed.

--manifest: imports a tool list captured elsewhere (a server that cannot run here).

Options (one package):
  --registry <name>    npm (default), pypi (<name>[@version], a distribution name) or go
                       (<package path>[@version]); without a version: the newest
  --from <dir>         use an already installed npm package (a directory with package.json)
  --bin <name>         bin to start when the package declares several
  --env KEY=VALUE      environment variable for the server (repeatable). Dummy values only:
                       the snapshot records the KEY, never the value
  --id <id>            server id / file name (default: from the package name,
                       @scope/name -> scope-name)
  --name <name>        catalog name (default: the package name)

Options (batch):
  --only <id>          only this source (repeatable)
  --retry-failed       only sources whose last attempt failed or never ran (per verification.json)
  --concurrency <n>    servers at a time (default 2)
  --restart            start a new full run even if the last one did not finish
  --sources <file>     sources file (default content/sources.yaml)
  --verification <f>   verification file (default content/verification.json)
  --verbose            print each source's install / start / teardown lines too

Options (manifest):
  --captured-at <date> capture date (YYYY-MM-DD or ISO) when the manifest records none

Options (all):
  --timeout <sec>      deadline for start + initialize + tools/list (default ${DEFAULT_TIMEOUT_MS / 1000};
                       in batch, for sources that set none)
  --out-dir <dir>      where to write <id>.json (default: content/servers of this repository)
  --keep-install       keep the install directory instead of removing it
  --no-isolate         run servers with the host network (default: own network namespace
                       via unshare -n, loopback only; falls back with a warning)
  -h, --help           show this help

Environment:
  MCP_CATALOG_CACHE    cache root (default: \${XDG_CACHE_HOME:-$HOME/.cache}/mcp-catalog);
                       installs go to <cache root>/installs/<name>@<version>

Exit codes: 0 written or unchanged, 1 ingest failed, 2 bad usage.
`;

const CONTENT = fileURLToPath(new URL('../../content/', import.meta.url));
const ENV_KEY_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

interface CommonOptions {
  timeoutMs: number | undefined;
  outDir: string;
  keepInstall: boolean;
  isolate: boolean;
}

export type IngestCommand =
  | 'help'
  | (CommonOptions & {
      mode: 'single';
      registry: 'npm' | 'pypi' | 'go';
      /** `<name>[@range]` as given, if any. */
      packageSpec: string | undefined;
      from: string | undefined;
      bin: string | undefined;
      env: Record<string, string>;
      id: string | undefined;
      name: string | undefined;
      serverArgs: string[];
    })
  | (CommonOptions & {
      mode: 'batch';
      only: string[];
      retryFailed: boolean;
      restart: boolean;
      concurrency: number;
      sources: string;
      verification: string;
      verbose: boolean;
    })
  | (CommonOptions & {
      mode: 'manifest';
      manifest: string;
      id: string | undefined;
      name: string | undefined;
      capturedAt: string | undefined;
    });

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

function parseTimeout(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new UsageError(`--timeout expects seconds > 0, got "${text}"`);
  return Math.round(seconds * 1000);
}

function parseConcurrency(text: string | undefined): number {
  if (text === undefined) return 2;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 16) throw new UsageError(`--concurrency expects 1..16, got "${text}"`);
  return n;
}

/** Options that belong to one mode only: using them in another is a usage error. */
const MODE_ONLY: Record<string, 'single' | 'batch' | 'manifest' | 'single|manifest'> = {
  from: 'single',
  registry: 'single',
  bin: 'single',
  env: 'single',
  id: 'single|manifest',
  name: 'single|manifest',
  only: 'batch',
  'retry-failed': 'batch',
  restart: 'batch',
  concurrency: 'batch',
  sources: 'batch',
  verification: 'batch',
  verbose: 'batch',
  'captured-at': 'manifest',
};

/** Parses the arguments after `npm run ingest --`. */
export function parseIngestArgs(argv: readonly string[]): IngestCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      tokens: true,
      options: {
        from: { type: 'string' },
        registry: { type: 'string' },
        bin: { type: 'string' },
        env: { type: 'string', multiple: true },
        id: { type: 'string' },
        name: { type: 'string' },
        timeout: { type: 'string' },
        'out-dir': { type: 'string' },
        'keep-install': { type: 'boolean' },
        'no-isolate': { type: 'boolean' },
        only: { type: 'string', multiple: true },
        'retry-failed': { type: 'boolean' },
        restart: { type: 'boolean' },
        concurrency: { type: 'string' },
        sources: { type: 'string' },
        verification: { type: 'string' },
        verbose: { type: 'boolean' },
        manifest: { type: 'string' },
        'captured-at': { type: 'string' },
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
  const mode = values.manifest !== undefined ? 'manifest' : packageSpec !== undefined || values.from !== undefined ? 'single' : 'batch';
  if (mode === 'manifest' && (packageSpec !== undefined || values.from !== undefined)) {
    throw new UsageError('--manifest takes no package and no --from');
  }
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const only = MODE_ONLY[token.name];
    if (only !== undefined && !only.split('|').includes(mode)) {
      throw new UsageError(`--${token.name} is for ${only.replace('|', ' or ')} mode, not ${mode}`);
    }
  }
  if (mode !== 'single' && terminator >= 0) throw new UsageError('server args (after --) need a package');
  if (values.id !== undefined && !SERVER_ID_PATTERN.test(values.id)) {
    throw new UsageError(`--id "${values.id}" must be lowercase letters, digits and inner dashes`);
  }
  const common: CommonOptions = {
    timeoutMs: parseTimeout(values.timeout),
    outDir: resolve(values['out-dir'] ?? `${CONTENT}servers`),
    keepInstall: values['keep-install'] === true,
    isolate: values['no-isolate'] !== true,
  };
  if (mode === 'manifest') {
    return { mode, ...common, manifest: resolve(values.manifest ?? ''), id: values.id, name: values.name, capturedAt: values['captured-at'] };
  }
  if (mode === 'batch') {
    return {
      mode,
      ...common,
      only: values.only ?? [],
      retryFailed: values['retry-failed'] === true,
      restart: values.restart === true,
      concurrency: parseConcurrency(values.concurrency),
      sources: resolve(values.sources ?? `${CONTENT}sources.yaml`),
      verification: resolve(values.verification ?? `${CONTENT}verification.json`),
      verbose: values.verbose === true,
    };
  }
  const registry = values.registry ?? 'npm';
  if (registry !== 'npm' && registry !== 'pypi' && registry !== 'go') {
    throw new UsageError(`--registry expects npm, pypi or go, got "${registry}"`);
  }
  if (registry !== 'npm' && values.from !== undefined) throw new UsageError('--from is for npm package directories');
  if (registry !== 'npm' && packageSpec === undefined) throw new UsageError(`--registry ${registry} needs a package`);
  return {
    mode,
    ...common,
    registry,
    packageSpec,
    from: values.from,
    bin: values.bin,
    env: parseEnv(values.env ?? []),
    id: values.id,
    name: values.name,
    serverArgs,
  };
}

const log = (message: string): void => {
  process.stderr.write(`ingest: ${message}\n`);
};

const shown = (path: string): string => {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
};

function isolationFor(isolate: boolean): Isolation {
  const isolation = detectIsolation(!isolate);
  log(isolation.note);
  return isolation;
}

/** `name[@version]` for PyPI or Go; no version means the newest (`latest`). */
export function otherRegistryOrigin(registry: 'pypi' | 'go', spec: string): Origin {
  const at = spec.lastIndexOf('@');
  const name = at > 0 ? spec.slice(0, at) : spec;
  const version = at > 0 ? spec.slice(at + 1) : 'latest';
  if (registry === 'pypi') {
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) throw new UsageError(`not a PyPI distribution name: "${name}"`);
    if (version !== 'latest' && !isExactPypiVersion(version)) throw new UsageError(`not an exact PyPI version: "${version}"`);
    return { kind: 'pypi', name, version };
  }
  if (!isGoPackagePath(name)) throw new UsageError(`not a Go package path: "${name}"`);
  if (version !== 'latest' && !isExactGoVersion(version)) throw new UsageError(`not an exact Go module version: "${version}"`);
  return { kind: 'go', name, version };
}

async function runSingle(command: Extract<IngestCommand, { mode: 'single' }>): Promise<number> {
  let origin: Origin;
  if (command.from !== undefined) {
    const expectName = command.packageSpec === undefined ? undefined : parsePackageSpec(command.packageSpec).name;
    origin = { kind: 'directory' as const, dir: resolve(command.from), ...(expectName === undefined ? {} : { expectName }) };
  } else if (command.registry !== 'npm') {
    origin = otherRegistryOrigin(command.registry, command.packageSpec ?? '');
  } else {
    const spec = parsePackageSpec(command.packageSpec ?? '');
    log(`resolving ${spec.name}@${spec.range}`);
    origin = { kind: 'npm' as const, name: spec.name, version: await resolveVersion(spec) };
  }
  const result = await captureLive(
    {
      id: command.id,
      name: command.name,
      origin,
      bin: command.bin,
      args: command.serverArgs,
      env: command.env,
      dummies: {},
      files: {},
      listen: [],
      respond: {},
      stubs: {},
      timeoutMs: command.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      homepage: undefined,
      gating: undefined,
    },
    { outDir: command.outDir, isolation: isolationFor(command.isolate), keepInstall: command.keepInstall, log },
  );
  if (result.status === 'failed') {
    const what =
      result.package === undefined ? (command.packageSpec ?? command.from ?? '') : `${result.package}@${result.version ?? ''}`;
    process.stderr.write(`ingest: error: ${what}: ${result.reason}\n`);
    return 1;
  }
  const warnings = result.warnings.length > 0 ? ` (${result.warnings.length} warning(s))` : '';
  log(`${result.outcome} ${shown(result.path)}${warnings}`);
  return 0;
}

function runManifest(command: Extract<IngestCommand, { mode: 'manifest' }>): number {
  const snapshot = readManifestSnapshot(command.manifest, { id: command.id, name: command.name, capturedAt: command.capturedAt });
  const { path, outcome } = writeSnapshot(command.outDir, snapshot);
  const named = snapshot.namedTools === undefined ? '' : `, ${snapshot.namedTools.length} known by name only`;
  log(`imported ${snapshot.tools.length} tools${named} from ${shown(command.manifest)}`);
  log(`${outcome} ${shown(path)}${snapshot.provenance.partial === undefined ? '' : ' (partial data)'}`);
  return 0;
}

async function runBatchCommand(command: Extract<IngestCommand, { mode: 'batch' }>): Promise<number> {
  const started = Date.now();
  const all = readSources(command.sources);
  const selected = selectSources(all, { only: command.only, retryFailed: command.retryFailed }, readVerification(command.verification));
  // Only a full run is resumable: a filtered one is short and says itself what it runs.
  const fullRun = command.only.length === 0 && !command.retryFailed;
  const runFile = runStatePath(command.verification);
  const previous = fullRun && !command.restart ? readRunState(runFile, command.verification, log) : undefined;
  const remaining = new Set(remainingIds(selected.map((s) => s.id), previous));
  const toRun = selected.filter((s) => remaining.has(s.id));
  if (previous !== undefined) {
    log(`resuming the run started ${previous.startedAt}: ${selected.length - toRun.length} done, ${toRun.length} to go (--restart starts over)`);
  }
  log(`${toRun.length} of ${all.length} source(s) from ${shown(command.sources)}, ${command.concurrency} at a time`);
  if (toRun.length === 0) {
    if (fullRun) clearRunState(runFile);
    return 0;
  }
  const state = previous ?? { verification: command.verification, startedAt: new Date().toISOString(), done: [] };
  if (fullRun) writeRunState(runFile, state);
  const isolation = isolationFor(command.isolate);
  const outcomes = await runBatch({
    sources: toRun,
    allIds: new Set(all.map((s) => s.id)),
    outDir: command.outDir,
    verificationPath: command.verification,
    concurrency: command.concurrency,
    isolation,
    keepInstall: command.keepInstall,
    defaultTimeoutMs: command.timeoutMs,
    verbose: command.verbose,
    print: log,
    onDone: (id) => {
      if (!fullRun) return;
      state.done.push(id);
      writeRunState(runFile, state);
    },
  });
  if (fullRun) clearRunState(runFile);
  process.stdout.write(renderSummary(outcomes, Date.now() - started, isolation.note));
  return outcomes.some((o) => o.status === 'failed') ? 1 : 0;
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const started = Date.now();
  let command: IngestCommand;
  try {
    command = parseIngestArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`ingest: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (command === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  try {
    switch (command.mode) {
      case 'single':
        return await runSingle(command);
      case 'manifest':
        return runManifest(command);
      case 'batch':
        return await runBatchCommand(command);
      default:
        return command satisfies never;
    }
  } catch (error) {
    process.stderr.write(`ingest: error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    if (command.mode !== 'batch') log(`elapsed ${formatDuration(Date.now() - started)}`);
  }
}

if (import.meta.main) {
  process.exit(await main(process.argv.slice(2)));
}
