/**
 * `ingest --manifest <file>`: a tool list captured elsewhere (a server that cannot run here),
 * imported with its provenance. The manifest format:
 *
 * ```
 * { "server": { name, package, registry, version, description, repository, path, commit,
 *               sdk?, entry_point?, cli_flags?, config_env?, gating_summary?, status?,
 *               confidence?, endpoint?, captured_at? },
 *   "tools": [ { name, ... } ],            // verbatim, `gating` key included
 *   "proxied_tools"?: [ { name, ... } ],   // names only: served by another server at run time
 *   "tool_count"?: N }
 * ```
 *
 * Tools the catalog's tool schema can hold go to `tools` verbatim. Entries that are names only
 * (e.g. `inputSchema: null`, or proxied from elsewhere) go verbatim to `namedTools`, never
 * dressed up as full tools, and `provenance.partial` says why.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from 'zod';
import { ToolSchema } from '../core/schema.ts';
import type { Gating, ImportedProvenance, NamedTool, ServerSnapshot, Tool } from '../core/schema.ts';
import { checkToolList, deriveServerId } from '../core/snapshot.ts';

const text = z.string().min(1);

const ManifestServerSchema = z.looseObject({
  name: text,
  package: text.nullable().optional(),
  registry: z.enum(['npm', 'pypi', 'remote']),
  version: text.nullable().optional(),
  description: text.nullable().optional(),
  repository: text,
  path: text,
  commit: z.string().regex(/^[0-9a-f]{7,40}$/),
  endpoint: text.optional(),
  sdk: text.optional(),
  entry_point: text.optional(),
  mcp_server_name: text.optional(),
  cli_flags: z.array(z.string()).optional(),
  config_env: z.array(z.string()).optional(),
  gating_summary: text.optional(),
  status: text.optional(),
  confidence: text.optional(),
  captured_at: text.optional(),
});

const NamedEntrySchema = z.looseObject({ name: text });

const ManifestSchema = z.looseObject({
  server: ManifestServerSchema,
  tools: z.array(NamedEntrySchema),
  proxied_tools: z.array(NamedEntrySchema).optional(),
  tool_count: z.int().nonnegative().optional(),
});
type Manifest = z.infer<typeof ManifestSchema>;

/** Options that the manifest itself may not carry. */
export interface ManifestImportOptions {
  /** Snapshot id (default: from the package name, else from the file name). */
  id?: string | undefined;
  /** Catalog name (default: the manifest's server name). */
  name?: string | undefined;
  /** Capture date (ISO datetime) when the manifest has no `captured_at`. */
  capturedAt?: string | undefined;
}

function isNamed(value: unknown): value is NamedTool {
  return NamedEntrySchema.safeParse(value).success;
}

function isStorableTool(value: unknown): value is Tool {
  return ToolSchema.safeParse(value).success;
}

/** `awslabs.x = awslabs.x.server:main` → `awslabs.x`. */
function entryPointCommand(entryPoint: string | undefined): string {
  return entryPoint === undefined ? '' : (entryPoint.split('=')[0] ?? '').trim();
}

function gatingOf(server: Manifest['server']): Gating | undefined {
  const flags = server.cli_flags ?? [];
  const env = server.config_env ?? [];
  if (server.gating_summary === undefined) {
    return flags.length + env.length === 0 ? undefined : { summary: 'See flags and environment.', flags, env };
  }
  return {
    summary: server.gating_summary,
    ...(flags.length === 0 ? {} : { flags }),
    ...(env.length === 0 ? {} : { env }),
  };
}

function captureDate(manifest: Manifest, options: ManifestImportOptions, file: string): string {
  const raw = options.capturedAt ?? manifest.server.captured_at;
  if (raw === undefined) {
    throw new Error(`${file} records no capture date (server.captured_at): pass --captured-at YYYY-MM-DD`);
  }
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(raw) ? `${raw}T00:00:00.000Z` : raw;
  const time = Date.parse(iso);
  if (Number.isNaN(time)) throw new Error(`capture date "${raw}" is not a date`);
  return new Date(time).toISOString();
}

function partialReason(server: Manifest['server'], named: readonly NamedTool[], proxied: readonly NamedTool[]): string | undefined {
  const parts: string[] = [];
  const own = named.length - proxied.length;
  if (own > 0) {
    parts.push(
      `${own} tool(s) are known by name and purpose only, without input schema or annotations` +
        (server.confidence === undefined ? '.' : ` (the source: ${server.confidence}).`),
    );
  }
  if (proxied.length > 0) {
    parts.push(
      `${proxied.length} more tool(s) (${proxied.map((t) => t.name).join(', ')}) are proxied from another server at run time; ` +
        'only their names are known.',
    );
  }
  return parts.length === 0 ? undefined : parts.join(' ');
}

/** Builds the snapshot of a parsed manifest. Pure apart from the clock-free inputs it is given. */
export function snapshotFromManifest(raw: unknown, file: string, options: ManifestImportOptions = {}): ServerSnapshot {
  const parsed = ManifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.map(String).join('.') || '(top level)'}: ${i.message}`)
      .join('; ');
    throw new Error(`${file} is not a tool manifest: ${issues}`);
  }
  const manifest = parsed.data;
  const { server } = manifest;
  // The original objects (zod's parse copies and reorders): verbatim, key order included.
  const rawObject = z.looseObject({ tools: z.array(z.unknown()), proxied_tools: z.array(z.unknown()).optional() }).parse(raw);
  const rawTools = rawObject.tools;
  const storable = rawTools.filter(isStorableTool);
  const nameOnly = rawTools.filter((t) => !isStorableTool(t)).filter(isNamed);
  const proxied = (rawObject.proxied_tools ?? []).filter(isNamed);
  const namedTools = [...nameOnly, ...proxied];

  const check = checkToolList(storable);
  if (check.errors.length > 0) throw new Error(`${file}: ${check.errors.join('; ')}`);
  const warnings = [...check.warnings];
  if (manifest.tool_count !== undefined && manifest.tool_count !== rawTools.length) {
    warnings.push(`the manifest says tool_count ${manifest.tool_count} but lists ${rawTools.length} tools`);
  }
  if (server.status !== undefined) warnings.push(`status recorded by the source: ${server.status}`);

  const packageName = server.package ?? server.endpoint;
  if (packageName === undefined || packageName === null) {
    throw new Error(`${file}: server has neither a package nor an endpoint`);
  }
  const version = server.version ?? 'unknown';
  const id =
    options.id ?? (server.package != null ? deriveServerId(server.package) : deriveServerId(basename(file).replace(/\.json$/, '')));
  const gating = gatingOf(server);
  const reason = partialReason(server, namedTools, proxied);
  const provenance: ImportedProvenance = {
    method: 'manifest-import',
    package: packageName,
    registry: server.registry,
    version,
    command: entryPointCommand(server.entry_point),
    args: [],
    envKeys: [],
    serverInfo: { name: server.mcp_server_name ?? server.name, version },
    protocolVersion: 'unknown',
    clientCapabilities: {},
    capturedAt: captureDate(manifest, options, file),
    client: 'manifest-import',
    homepage: server.repository,
    ...(gating === undefined ? {} : { gating }),
    ...(reason === undefined ? {} : { partial: { reason } }),
    source: {
      repository: server.repository,
      commit: server.commit,
      path: server.path,
      manifest: basename(file),
      ...(server.sdk === undefined ? {} : { capturedWith: server.sdk }),
    },
  };
  return {
    id,
    name: options.name ?? server.name,
    ...(server.description == null ? {} : { description: server.description }),
    provenance,
    warnings,
    tools: check.tools,
    ...(namedTools.length === 0 ? {} : { namedTools }),
  };
}

/** Reads a manifest file and builds its snapshot. */
export function readManifestSnapshot(file: string, options: ManifestImportOptions = {}): ServerSnapshot {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read manifest ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return snapshotFromManifest(raw, file, options);
}
