/**
 * Live introspection of one stdio MCP server with the official SDK client: spawn, initialize,
 * raw `tools/list` (every page, verbatim), then end the whole process tree, success or failure.
 */
import { ChildProcess } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport, getDefaultEnvironment } from '@modelcontextprotocol/sdk/client/stdio.js';
import {
  CreateMessageRequestSchema,
  ElicitRequestSchema,
  ErrorCode,
  ListRootsRequestSchema,
  McpError,
  ToolListChangedNotificationSchema,
} from '@modelcontextprotocol/sdk/types.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { findTree, hasProcFs, killTree } from './process-tree.ts';
import type { ProcessRef } from './process-tree.ts';

/** Capabilities declared at initialize; recorded in provenance because tool lists may depend on them. */
export const CLIENT_CAPABILITIES = {
  roots: { listChanged: true },
  sampling: {},
  elicitation: {},
} as const satisfies Record<string, unknown>;

/** How the catalog introduces itself to servers. */
export const CLIENT_INFO = { name: 'mcp-catalog-ingest', version: '1.0.0' } as const;

/** Wait this long after the child's `exit` before failing (lets a last answer or stderr arrive). */
const EXIT_GRACE_MS = 1000;
/** A `notifications/tools/list_changed` this soon after the list triggers one more list. */
const LIST_CHANGED_WINDOW_MS = 1000;
/** Pagination guard. */
const MAX_PAGES = 100;
/** How much of the server's stderr is kept for error messages. */
const STDERR_TAIL_CHARS = 8000;

export interface IntrospectOptions {
  /** Executable to start (the real server, never a wrapper). */
  command: string;
  args: readonly string[];
  /** Words to run the command under, e.g. `unshare -n -- sh -c …` (see isolation.ts). */
  prefix?: readonly string[];
  /** Extra environment variables (dummy values), on top of the SDK default environment. */
  env: Readonly<Record<string, string>>;
  /** Throwaway HOME and working directory for the server. */
  home: string;
  cwd: string;
  /** Deadline for spawn + initialize + list. */
  timeoutMs: number;
  /** Progress messages (one line each). */
  log: (message: string) => void;
}

export type ServerInfo = { name: string; version: string } & Record<string, unknown>;

export interface Introspection {
  /** `serverInfo` exactly as the server sent it. */
  serverInfo: ServerInfo;
  protocolVersion: string;
  /** `tools` of every page, concatenated, untouched. */
  tools: unknown[];
  /** Transport-level problems worth keeping with the snapshot. */
  warnings: string[];
  /** True when `notifications/tools/list_changed` came and the list was taken a second time. */
  relisted: boolean;
  /** Milliseconds from spawn to the final list. */
  elapsedMs: number;
}

/** Everything known about the server's processes once it has been ended. */
export interface Teardown {
  pid: number | undefined;
  /** Whether the server led its own process group/session (started through setsid). */
  ownGroup: boolean;
  /** Every process of the tree that was seen and killed. */
  processes: ProcessRef[];
  /** Processes still alive after SIGKILL (should be empty). */
  survivors: ProcessRef[];
}

/** A failed introspection, with the server's last stderr lines. */
export class IntrospectionError extends Error {
  readonly stderrTail: string;
  constructor(message: string, stderrTail: string) {
    super(message);
    this.name = 'IntrospectionError';
    this.stderrTail = stderrTail;
  }
}

/** Permissive `tools/list` result: the tools are not parsed, only collected. */
const RawToolsPageSchema = z.looseObject({
  tools: z.array(z.unknown()),
  nextCursor: z.string().optional(),
});

const InitializeResultShape = z.looseObject({
  protocolVersion: z.string(),
  serverInfo: z.looseObject({ name: z.string(), version: z.string() }),
});

function isServerInfo(value: unknown): value is ServerInfo {
  return InitializeResultShape.shape.serverInfo.safeParse(value).success;
}

/** Absolute path of an executable on PATH, if any. */
export function findOnPath(name: string, path = process.env.PATH ?? ''): string | undefined {
  for (const dir of path.split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch (error) {
      if (!(error instanceof Error && 'code' in error && (error.code === 'ENOENT' || error.code === 'EACCES' || error.code === 'ELOOP' || error.code === 'ENOTDIR'))) {
        throw error;
      }
    }
  }
  return undefined;
}

/**
 * StdioClientTransport that hands out its child process right after spawn, so the caller can
 * watch `exit` itself (the SDK only reports `close`, which never comes while a grandchild holds
 * the pipes). The SDK keeps the child in a private field; its absence is an error, not a fallback.
 */
class WatchedStdioClientTransport extends StdioClientTransport {
  onspawn: ((child: ChildProcess) => void) | undefined;

  override async start(): Promise<void> {
    await super.start();
    const child: unknown = Reflect.get(this, '_process');
    if (!(child instanceof ChildProcess)) {
      throw new Error('@modelcontextprotocol/sdk StdioClientTransport no longer keeps its child in _process');
    }
    this.onspawn?.(child);
  }
}

function isResponse(message: JSONRPCMessage): boolean {
  return !('method' in message) && ('result' in message || 'error' in message);
}

class StderrTail {
  text = '';
  append(chunk: Buffer | string): void {
    this.text = (this.text + chunk.toString()).slice(-STDERR_TAIL_CHARS);
  }
  /** The last `n` non-empty lines. */
  lines(n: number): string[] {
    return this.text
      .split(/\r?\n/)
      .map((l) => l.trimEnd())
      .filter((l) => l !== '')
      .slice(-n);
  }
}

function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  return code === null ? `was killed by ${signal ?? 'a signal'}` : `exited with code ${code}`;
}

async function listAllTools(client: Client, timeoutMs: number): Promise<unknown[]> {
  const tools: unknown[] = [];
  const cursors = new Set<string>();
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const result = await client.request(
      { method: 'tools/list', params: cursor === undefined ? {} : { cursor } },
      RawToolsPageSchema,
      { timeout: timeoutMs },
    );
    tools.push(...result.tools);
    cursor = result.nextCursor;
    if (cursor === undefined) return tools;
    if (cursors.has(cursor)) throw new Error(`tools/list cursor loop (cursor "${cursor}" came twice)`);
    cursors.add(cursor);
  }
  throw new Error(`tools/list still had a nextCursor after ${MAX_PAGES} pages`);
}

function rejectServerRequest(kind: string): never {
  throw new McpError(ErrorCode.InvalidRequest, `${kind} is not available: this client only lists tools`);
}

function newClient(): Client {
  const client = new Client(CLIENT_INFO, { capabilities: CLIENT_CAPABILITIES });
  client.setRequestHandler(ListRootsRequestSchema, () => ({ roots: [] }));
  client.setRequestHandler(CreateMessageRequestSchema, () => rejectServerRequest('sampling'));
  client.setRequestHandler(ElicitRequestSchema, () => rejectServerRequest('elicitation'));
  return client;
}

/** Counts `notifications/tools/list_changed` and lets one wait for the next one. */
class ListChangedWatch {
  count = 0;
  private waiter: (() => void) | undefined;

  notify(): void {
    this.count += 1;
    this.waiter?.();
  }

  /** Resolves true at the next notification, false after `ms`. */
  next(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiter = undefined;
        resolve(false);
      }, ms);
      this.waiter = () => {
        clearTimeout(timer);
        this.waiter = undefined;
        resolve(true);
      };
    });
  }
}

/** protocolVersion and the verbatim serverInfo from the raw initialize response. */
function initializeInfo(response: JSONRPCMessage | undefined): { serverInfo: ServerInfo; protocolVersion: string } {
  const result = response !== undefined && 'result' in response ? response.result : undefined;
  const parsed = InitializeResultShape.safeParse(result);
  const serverInfo: unknown = result?.['serverInfo'];
  if (!parsed.success || !isServerInfo(serverInfo)) {
    throw new Error('initialize result has no protocolVersion or serverInfo {name, version}');
  }
  return { serverInfo, protocolVersion: parsed.data.protocolVersion };
}

/**
 * Starts the server, lists its tools, and ALWAYS ends its whole process tree before returning or
 * throwing. `onTeardown` receives what was killed (also on failure).
 */
export async function introspect(
  options: IntrospectOptions,
  onTeardown: (teardown: Teardown) => void = () => {},
): Promise<Introspection> {
  const setsid = findOnPath('setsid');
  const argv = [...(options.prefix ?? []), options.command, ...options.args];
  const [first = options.command, ...rest] = argv;
  const transport = new WatchedStdioClientTransport({
    command: setsid ?? first,
    args: setsid === undefined ? rest : argv,
    env: { ...getDefaultEnvironment(), HOME: options.home, ...options.env },
    cwd: options.cwd,
    stderr: 'pipe',
  });
  const stderr = new StderrTail();
  transport.stderr?.on('data', (chunk: Buffer) => stderr.append(chunk));

  let stdoutNoise = 0;
  const otherErrors: string[] = [];
  transport.onerror = (error: Error) => {
    // The SDK's ReadBuffer reports each unparsable stdout line: JSON.parse → SyntaxError, a JSON
    // value that is not JSON-RPC → ZodError. Anything else is kept for the failure message.
    if (error instanceof SyntaxError || error.name === 'ZodError') stdoutNoise += 1;
    else otherErrors.push(error.message);
  };
  const noiseNote = (): string =>
    stdoutNoise === 0 ? '' : `; server wrote ${stdoutNoise} non-JSON-RPC line(s) on stdout`;
  let initializeResponse: JSONRPCMessage | undefined;
  transport.onmessage = (message: JSONRPCMessage) => {
    // The client sends nothing but `initialize` until it is answered: the first response is its.
    if (initializeResponse === undefined && isResponse(message)) initializeResponse = message;
  };

  const timers: NodeJS.Timeout[] = [];
  let stage = 'starting';
  let child: ChildProcess | undefined;
  let finished = false;
  const startedAt = Date.now();
  const failure = new Promise<never>((_, reject) => {
    const fail = (message: string): void => reject(new IntrospectionError(`${message}${noiseNote()}`, stderr.text));
    timers.push(
      setTimeout(() => fail(`timed out after ${options.timeoutMs / 1000} s during ${stage}`), options.timeoutMs),
    );
    transport.onspawn = (spawned) => {
      child = spawned;
      const pid = spawned.pid ?? 0;
      options.log(`server running as pid ${pid}${setsid === undefined ? '' : ` (own session and process group ${pid})`}`);
      spawned.once('exit', (code, signal) => {
        if (finished) return;
        timers.push(
          setTimeout(() => fail(`server ${describeExit(code, signal)} during ${stage}`), EXIT_GRACE_MS),
        );
      });
    };
  });

  const client = newClient();
  const listChanged = new ListChangedWatch();
  client.setNotificationHandler(ToolListChangedNotificationSchema, () => listChanged.notify());

  const work = async (): Promise<Introspection> => {
    stage = 'initialize';
    await client.connect(transport, { timeout: options.timeoutMs + 1000 });
    const { serverInfo, protocolVersion } = initializeInfo(initializeResponse);
    stage = 'tools/list';
    const changesBefore = listChanged.count;
    let tools = await listAllTools(client, options.timeoutMs + 1000);
    const relisted = listChanged.count > changesBefore || (await listChanged.next(LIST_CHANGED_WINDOW_MS));
    if (relisted) {
      options.log('server sent notifications/tools/list_changed; listing again');
      stage = 'tools/list (after list_changed)';
      tools = await listAllTools(client, options.timeoutMs + 1000);
    }
    const warnings =
      stdoutNoise === 0 ? [] : [`server wrote ${stdoutNoise} non-JSON-RPC line(s) on stdout (ignored)`];
    return { serverInfo, protocolVersion, tools, warnings, relisted, elapsedMs: Date.now() - startedAt };
  };

  try {
    return await Promise.race([work(), failure]);
  } catch (error) {
    if (error instanceof IntrospectionError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    const extra = otherErrors.length === 0 ? '' : `; transport: ${otherErrors.join('; ')}`;
    const exited = child !== undefined && (child.exitCode !== null || child.signalCode !== null);
    const message = exited
      ? `server ${describeExit(child?.exitCode ?? null, child?.signalCode ?? null)} during ${stage} (${reason}${extra})${noiseNote()}`
      : `${reason} during ${stage}${extra}${noiseNote()}`;
    throw new IntrospectionError(message, stderr.text);
  } finally {
    finished = true;
    for (const timer of timers) clearTimeout(timer);
    onTeardown(await endServer(client, child, setsid !== undefined));
  }
}

/** client.close(), then SIGKILL the process group and every process of the tree. */
async function endServer(client: Client, child: ChildProcess | undefined, ownGroup: boolean): Promise<Teardown> {
  const pid = child?.pid;
  // Remember the tree while the root is alive: once it exits its children are reparented.
  const before = pid !== undefined && hasProcFs() ? findTree(pid) : [];
  await client.close();
  if (pid === undefined) return { pid, ownGroup, processes: [], survivors: [] };
  const report = await killTree(pid, { known: before, ownGroup });
  return { pid, ownGroup, processes: report.seen, survivors: report.survivors };
}

/**
 * Stack frames (Node's `at …`; Python's `Traceback …`, `File "…", line N` and the quoted source
 * lines under them), Node's version banner and caret or tilde markers say nothing a one-line
 * reason needs.
 */
const NOISE_LINE = /^\s*(?:at\s|[~^]+\s*$|Node\.js v\d|Traceback \(most recent call last\)|File "[^"]*", line \d+)|^ {4,}\S/;

/** The last informative lines of a failed server's stderr, for a one-line error message. */
export function stderrSummary(stderrTail: string, lines = 5, maxChars = 600, redact: ReadonlyArray<readonly [string, string]> = []): string {
  const tail = new StderrTail();
  let redacted = stderrTail;
  for (const [from, to] of redact) if (from !== '') redacted = redacted.replaceAll(from, to);
  tail.append(redacted);
  const text = tail
    .lines(200)
    .filter((l) => !NOISE_LINE.test(l))
    .slice(-lines)
    .map((l) => l.trim())
    .join(' | ');
  return text.length > maxChars ? `…${text.slice(-maxChars)}` : text;
}
