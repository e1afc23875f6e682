/**
 * Pure helpers around server snapshots: id derivation, checking a raw `tools/list` result,
 * deterministic serialisation and comparison. No I/O.
 */
import { ToolSchema as SpecToolSchema } from '@modelcontextprotocol/sdk/types.js';
import { SERVER_ID_PATTERN, ServerSnapshotSchema, ToolSchema } from './schema.ts';
import type { Gating, InstallRecord, Provenance, ServerSnapshot, Tool } from './schema.ts';

/**
 * Derives a server id from a package name: drop `@`, `/` → `-`, lowercase, and any other
 * character outside `[a-z0-9-]` → `-`. Throws when nothing usable is left.
 *
 * `@modelcontextprotocol/server-memory` → `modelcontextprotocol-server-memory`.
 */
export function deriveServerId(packageName: string): string {
  const id = packageName
    .toLowerCase()
    .replaceAll('@', '')
    .replaceAll('/', '-')
    .replaceAll(/[^a-z0-9-]/g, '-')
    .replaceAll(/-{2,}/g, '-')
    .replaceAll(/^-+|-+$/g, '');
  if (!SERVER_ID_PATTERN.test(id)) {
    throw new Error(`cannot derive a server id from package name "${packageName}"; pass --id`);
  }
  return id;
}

/** Result of checking a raw tool list: the tools (verbatim), warnings, and hard errors. */
export interface ToolListCheck {
  /** The tools exactly as sent (same objects, same key order); only meaningful when `errors` is empty. */
  tools: Tool[];
  /** Problems that do not stop the snapshot (spec violations, duplicate names). */
  warnings: string[];
  /** Problems that make a snapshot impossible (no string name, not an object, catalog schema rejects it). */
  errors: string[];
}

function isCatalogTool(value: unknown): value is Tool {
  return ToolSchema.safeParse(value).success;
}

/** The part of a Zod error this module reads. */
interface IssueList {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}

function catalogToolProblems(value: unknown): string {
  const result = ToolSchema.safeParse(value);
  return result.success ? '' : describeIssues(result.error);
}

function describeIssues(error: IssueList): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.map(String).join('.');
      return path === '' ? issue.message : `${path}: ${issue.message}`;
    })
    .join('; ');
}

function toolLabel(value: unknown, index: number): string {
  if (typeof value === 'object' && value !== null && 'name' in value && typeof value.name === 'string' && value.name !== '') {
    return `tool #${index} "${value.name}"`;
  }
  return `tool #${index}`;
}

/**
 * Checks every tool separately: against the catalog's {@link ToolSchema} (hard error: the snapshot
 * could not be written) and against the MCP spec schema from the SDK (warning only). Never drops
 * or rewrites a tool. Duplicate names are a warning.
 */
export function checkToolList(raw: readonly unknown[]): ToolListCheck {
  const tools: Tool[] = [];
  const warnings: string[] = [];
  const errors: string[] = [];
  const seen = new Map<string, number>();
  raw.forEach((value, index) => {
    const label = toolLabel(value, index);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      errors.push(`${label} is not an object`);
      return;
    }
    if (!('name' in value) || typeof value.name !== 'string' || value.name === '') {
      errors.push(`${label} has no non-empty string "name"`);
      return;
    }
    if (!isCatalogTool(value)) {
      errors.push(`${label} cannot be stored: ${catalogToolProblems(value)}`);
      return;
    }
    tools.push(value);
    const spec = SpecToolSchema.safeParse(value);
    if (!spec.success) {
      warnings.push(`${label} is not valid per the MCP spec: ${describeIssues(spec.error)}`);
    }
    seen.set(value.name, (seen.get(value.name) ?? 0) + 1);
  });
  for (const [name, count] of seen) {
    if (count > 1) warnings.push(`tool name "${name}" is listed ${count} times`);
  }
  return { tools, warnings, errors };
}

function orderedProvenance(p: Provenance): Provenance {
  const common = {
    package: p.package,
    registry: p.registry,
    version: p.version,
    command: p.command,
    args: p.args,
    envKeys: p.envKeys,
    serverInfo: p.serverInfo,
    protocolVersion: p.protocolVersion,
    clientCapabilities: p.clientCapabilities,
    capturedAt: p.capturedAt,
    client: p.client,
    ...(p.homepage === undefined ? {} : { homepage: p.homepage }),
    ...(p.gating === undefined ? {} : { gating: orderedGating(p.gating) }),
    ...(p.partial === undefined ? {} : { partial: { reason: p.partial.reason } }),
    ...(p.placeholders === undefined ? {} : { placeholders: sortedRecord(p.placeholders) }),
  };
  if (p.method === 'live-introspection') {
    return { method: p.method, ...common, ...(p.install === undefined ? {} : { install: orderedInstall(p.install) }) };
  }
  const { repository, commit, path, manifest, capturedWith } = p.source;
  return {
    method: p.method,
    ...common,
    source: { repository, commit, path, manifest, ...(capturedWith === undefined ? {} : { capturedWith }) },
  };
}

function orderedInstall(i: InstallRecord): InstallRecord {
  return {
    command: i.command,
    installer: i.installer,
    runtime: i.runtime,
    ...(i.artifact === undefined ? {} : { artifact: i.artifact }),
    ...(i.digest === undefined ? {} : { digest: i.digest }),
    ...(i.module === undefined ? {} : { module: i.module }),
  };
}

function sortedRecord(record: Readonly<Record<string, string>>): Record<string, string> {
  const keys = Object.keys(record).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(keys.map((k) => [k, record[k] ?? '']));
}

function orderedGating(g: Gating): Gating {
  return {
    summary: g.summary,
    ...(g.flags === undefined ? {} : { flags: g.flags }),
    ...(g.env === undefined ? {} : { env: g.env }),
  };
}

/**
 * Serialises a snapshot deterministically: the catalog's own keys in schema order, third-party
 * data (tools, serverInfo, capabilities) verbatim in the order received, 2-space indent, trailing
 * newline.
 */
export function stringifySnapshot(snapshot: ServerSnapshot): string {
  const ordered: ServerSnapshot = {
    id: snapshot.id,
    name: snapshot.name,
    ...(snapshot.description === undefined ? {} : { description: snapshot.description }),
    provenance: orderedProvenance(snapshot.provenance),
    warnings: snapshot.warnings,
    tools: snapshot.tools,
    ...(snapshot.namedTools === undefined ? {} : { namedTools: snapshot.namedTools }),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

function withCapturedAt(snapshot: ServerSnapshot, capturedAt: string): ServerSnapshot {
  return { ...snapshot, provenance: { ...snapshot.provenance, capturedAt } };
}

/** True when both snapshots serialise identically once `provenance.capturedAt` is ignored. */
export function sameSnapshotIgnoringCapturedAt(a: ServerSnapshot, b: ServerSnapshot): boolean {
  return stringifySnapshot(withCapturedAt(a, '')) === stringifySnapshot(withCapturedAt(b, ''));
}

/** An ISO 8601 date-time with seconds, as servers stamp "now" into schemas (`2026-11-22T03:37:16.467Z`). */
const CLOCK_READING = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})/g;

/**
 * True when the snapshots differ at most in `capturedAt` and in date-times the server stamped from
 * its clock (e.g. a `default` of "now" in an input schema). Such a re-capture is not a change of the
 * server: the earlier snapshot, a verbatim capture of its own moment, is kept.
 */
export function sameSnapshotIgnoringClock(a: ServerSnapshot, b: ServerSnapshot): boolean {
  const text = (s: ServerSnapshot): string => stringifySnapshot(withCapturedAt(s, '')).replaceAll(CLOCK_READING, '<date-time>');
  return text(a) === text(b);
}

/** Type guard over {@link ServerSnapshotSchema} that keeps the original object (and key order). */
export function isServerSnapshot(value: unknown): value is ServerSnapshot {
  return ServerSnapshotSchema.safeParse(value).success;
}

/** Human-readable reasons a value is not a valid snapshot ('' when it is one). */
export function snapshotProblems(value: unknown): string {
  const result = ServerSnapshotSchema.safeParse(value);
  return result.success ? '' : describeIssues(result.error);
}
