/**
 * content/sources.yaml: every server the catalog covers, one entry each. Parsed with `yaml`,
 * checked with zod; relative paths are resolved against the file's own directory.
 *
 * ```yaml
 * sources:
 *   - id: playwright-mcp              # snapshot file name and URL segment
 *     registry: npm                   # optional: npm (default), pypi or go
 *     package: "@playwright/mcp"      # npm package, exact version
 *     version: 0.0.83
 *     bin: playwright-mcp             # optional: which bin when the package has several
 *     args: [--headless]              # optional; ${HOME} and ${CWD} are the throwaway dirs
 *     dummies: { ORG: dummyorg }      # optional; dummy values that args/env/files use as ${ORG};
 *                                     # wherever a tool repeats one, the snapshot shows ${ORG}
 *     env: { API_KEY: dummy-key }     # optional; dummy values only, snapshots keep the names
 *     files: { .kube/config: "..." }  # optional; written under the throwaway HOME first
 *     listen: [3306]                  # optional; loopback ports that accept and never answer
 *     respond: { 18100: "<xml…>" }    # optional; loopback ports whose HTTP listener answers every
 *                                     # request with 200 and this body (a fixed call at start)
 *     stubs: { keytar: [getPassword] }  # optional; a dependency whose native part cannot be
 *                                     # built here, replaced by async functions resolving to
 *                                     # null (recorded as a snapshot warning)
 *     timeout: 60                     # optional; seconds for start + initialize + list
 *     homepage: https://…             # optional; else the package's homepage / repository
 *     gating: "…"                     # optional; tools that need a flag, as documented
 *     notes: "…"                      # optional; why these args (not used by ingest)
 *     needsConfiguration: "…"         # optional; its tools exist only with a real configuration:
 *                                     # not captured, recorded as failed (needs-configuration)
 *   - id: mcp-server-time             # PyPI: installed with uv into its own venv
 *     registry: pypi
 *     package: mcp-server-time        # distribution name, exact PEP 440 version
 *     version: "2026.10.19"
 *     bin: mcp-server-time            # a console script of the distribution
 *     python: "3.12"                  # optional; the local interpreter (default 3.12)
 *     constraints: ["mcp<2"]          # optional; dependency constraints (uv --constraint), for a
 *                                     # server that a newer release of a dependency breaks
 *   - id: mcp-grafana                 # Go: go install <package path>@<version>
 *     registry: go
 *     package: github.com/grafana/mcp-grafana/cmd/mcp-grafana
 *     version: v1.6.3
 *     toolchain: go1.27.3             # optional; GOTOOLCHAIN (default: the local go)
 *   - id: aws-eks                     # a server that cannot run here: an imported manifest
 *     manifest: ../../shared/data/manifests/aws/awslabs.eks-mcp-server.json
 *     capturedAt: 2026-08-21
 *   - id: fixture-x                   # tests only: an unpacked package directory
 *     from: ./fixture-x
 * ```
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { SERVER_ID_PATTERN } from '../core/schema.ts';
import { isExactGoVersion, isGoPackagePath } from './go.ts';
import { isExactPypiVersion } from './pypi.ts';

const ENV_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
const EXACT_VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
const DUMMY_NAME = /^[A-Z][A-Z0-9_]*$/;
/** Names the throwaway directories take; a dummy may not reuse them. */
const RESERVED_NAMES = new Set(['HOME', 'CWD', 'CAPTURE_DIR', 'INSTALL_DIR']);

/** Registries a source can install from. */
export const SOURCE_REGISTRIES = ['npm', 'pypi', 'go'] as const;
export type SourceRegistry = (typeof SOURCE_REGISTRIES)[number];

/** An exact version as each registry writes one. */
const VERSION_CHECKS: Readonly<Record<SourceRegistry, { test: (v: string) => boolean; example: string }>> = {
  npm: { test: (v) => EXACT_VERSION.test(v), example: '1.2.3' },
  pypi: { test: isExactPypiVersion, example: '1.2.3 or 2026.10.19' },
  go: { test: isExactGoVersion, example: 'v1.2.3' },
};

/** A date (`2026-08-21`) or a full ISO 8601 UTC datetime; YAML may hand either over as a Date. */
const CaptureDateSchema = z
  .union([z.date(), z.string()])
  .transform((value, ctx) => {
    const text = value instanceof Date ? value.toISOString() : value;
    const iso = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00.000Z` : text;
    if (!z.iso.datetime().safeParse(iso).success || Number.isNaN(Date.parse(iso))) {
      ctx.addIssue({ code: 'custom', message: `expected a date (YYYY-MM-DD) or ISO datetime, got "${text}"` });
      return z.NEVER;
    }
    return new Date(iso).toISOString();
  });

const SourceEntrySchema = z
  .strictObject({
    id: z.string().regex(SERVER_ID_PATTERN, 'lowercase letters, digits and inner dashes'),
    name: z.string().min(1).optional(),
    registry: z.enum(SOURCE_REGISTRIES).default('npm'),
    package: z.string().min(1).optional(),
    version: z.union([z.string(), z.number()]).transform(String).optional(),
    constraints: z.array(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*\s*(?:[<>=!~]=?|===)\s*[0-9A-Za-z.*+!-]+(?:\s*,\s*(?:[<>=!~]=?)\s*[0-9A-Za-z.*+!-]+)*$/, 'a version constraint such as "mcp<2"')).default([]),
    python: z.union([z.string(), z.number()]).transform(String).pipe(z.string().regex(/^3\.\d+$/, 'a minor version such as 3.12')).optional(),
    toolchain: z.string().regex(/^go\d+\.\d+(?:\.\d+)?$/, 'a Go toolchain such as go1.27.3').optional(),
    dummies: z.record(z.string().regex(DUMMY_NAME, 'UPPER_CASE names'), z.union([z.string(), z.number()]).transform(String)).default({}),
    needsConfiguration: z.string().min(1).optional(),
    from: z.string().min(1).optional(),
    manifest: z.string().min(1).optional(),
    capturedAt: CaptureDateSchema.optional(),
    bin: z.string().min(1).optional(),
    args: z.array(z.union([z.string(), z.number()]).transform(String)).default([]),
    env: z.record(z.string().regex(ENV_KEY), z.union([z.string(), z.number()]).transform(String)).default({}),
    files: z.record(z.string().min(1), z.string()).default({}),
    listen: z.array(z.int().min(1).max(65535)).default([]),
    respond: z.record(z.string().regex(/^\d{1,5}$/, 'a port'), z.string()).default({}),
    stubs: z.record(z.string().regex(/^(?:@[a-z0-9._-]+\/)?[a-z0-9._-]+$/), z.array(z.string().regex(/^[A-Za-z_$][\w$]*$/)).min(1)).default({}),
    timeout: z.number().positive().optional(),
    homepage: z.string().min(1).optional(),
    gating: z.string().min(1).optional(),
    notes: z.string().optional(),
  })
  .superRefine((entry, ctx) => {
    const kinds = [entry.package !== undefined, entry.from !== undefined, entry.manifest !== undefined].filter(Boolean);
    if (kinds.length !== 1) {
      ctx.addIssue({ code: 'custom', message: 'give exactly one of package (+ version), from, manifest' });
    }
    if (entry.package !== undefined && entry.version === undefined) {
      ctx.addIssue({ code: 'custom', path: ['version'], message: 'a package needs its exact version' });
    }
    const check = VERSION_CHECKS[entry.registry];
    if (entry.version !== undefined && !check.test(entry.version)) {
      ctx.addIssue({ code: 'custom', path: ['version'], message: `an exact version, not a range (${entry.registry}: ${check.example})` });
    }
    if (entry.registry === 'go' && entry.package !== undefined && !isGoPackagePath(entry.package)) {
      ctx.addIssue({ code: 'custom', path: ['package'], message: 'a Go package path such as github.com/owner/repo/cmd/server' });
    }
    if (entry.registry !== 'npm' && (entry.from !== undefined || entry.manifest !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['registry'], message: 'from and manifest sources take no registry' });
    }
    if (entry.registry !== 'npm' && Object.keys(entry.stubs).length > 0) {
      ctx.addIssue({ code: 'custom', path: ['stubs'], message: 'stubs are for npm packages only' });
    }
    if (entry.constraints.length > 0 && entry.registry !== 'pypi') {
      ctx.addIssue({ code: 'custom', path: ['constraints'], message: 'constraints are for pypi sources only' });
    }
    if (entry.python !== undefined && entry.registry !== 'pypi') {
      ctx.addIssue({ code: 'custom', path: ['python'], message: 'python is for pypi sources only' });
    }
    if (entry.toolchain !== undefined && entry.registry !== 'go') {
      ctx.addIssue({ code: 'custom', path: ['toolchain'], message: 'toolchain is for go sources only' });
    }
    for (const name of Object.keys(entry.dummies)) {
      if (RESERVED_NAMES.has(name)) ctx.addIssue({ code: 'custom', path: ['dummies', name], message: `\${${name}} is reserved for the throwaway directories` });
    }
    if (entry.manifest !== undefined && entry.capturedAt === undefined) {
      ctx.addIssue({ code: 'custom', path: ['capturedAt'], message: 'a manifest source needs its capture date' });
    }
    for (const path of Object.keys(entry.files)) {
      if (path.startsWith('/') || path.split('/').includes('..')) {
        ctx.addIssue({ code: 'custom', path: ['files', path], message: 'must be a relative path inside HOME' });
      }
    }
  });

const SourcesFileSchema = z.strictObject({ sources: z.array(SourceEntrySchema).min(1) });

/** Options shared by every source that is started here. */
interface RunSettings {
  id: string;
  name: string | undefined;
  bin: string | undefined;
  args: string[];
  env: Record<string, string>;
  files: Record<string, string>;
  listen: number[];
  respond: Record<number, string>;
  stubs: Record<string, string[]>;
  timeoutMs: number | undefined;
  homepage: string | undefined;
  gating: string | undefined;
  /** Dummy values named in args/env/files as `${NAME}`. */
  dummies: Record<string, string>;
  /** Set when the server's tools exist only with a real configuration: not captured. */
  needsConfiguration: string | undefined;
}

/** A package at an exact version from npm, PyPI or the Go module proxy, installed and started here. */
export interface PackageSource extends RunSettings {
  kind: 'package';
  registry: SourceRegistry;
  package: string;
  version: string;
  /** PyPI: the local interpreter's minor version. */
  python: string | undefined;
  /** PyPI: version constraints on dependencies (`mcp<2`), for servers an incompatible newer release breaks. */
  constraints: string[];
  /** Go: GOTOOLCHAIN. */
  toolchain: string | undefined;
}

/** An unpacked package directory (tests), started here. */
export interface DirectorySource extends RunSettings {
  kind: 'directory';
  dir: string;
}

/** A tool list captured elsewhere, imported from a manifest file. */
export interface ManifestSource {
  kind: 'manifest';
  id: string;
  name: string | undefined;
  file: string;
  capturedAt: string;
}

export type Source = PackageSource | DirectorySource | ManifestSource;

function describeIssues(error: z.ZodError, sources: readonly unknown[]): string {
  return error.issues
    .slice(0, 10)
    .map((issue) => {
      const [top, index, ...rest] = issue.path;
      const entry = top === 'sources' && typeof index === 'number' ? sources[index] : undefined;
      const id =
        typeof entry === 'object' && entry !== null && 'id' in entry && typeof entry.id === 'string' ? ` (${entry.id})` : '';
      const where = issue.path.length === 0 ? '' : `${[top, index].filter((p) => p !== undefined).map(String).join('.')}${id}${rest.length > 0 ? `.${rest.map(String).join('.')}` : ''}: `;
      return `${where}${issue.message}`;
    })
    .join('; ');
}

/** Parses the text of a sources file; relative paths resolve against `baseDir`. Throws with every problem. */
export function parseSources(text: string, baseDir: string, label = 'sources'): Source[] {
  const raw: unknown = parse(text);
  const parsed = SourcesFileSchema.safeParse(raw);
  if (!parsed.success) {
    const entries =
      typeof raw === 'object' && raw !== null && 'sources' in raw && Array.isArray(raw.sources) ? raw.sources : [];
    throw new Error(`${label}: ${describeIssues(parsed.error, entries)}`);
  }
  const seen = new Set<string>();
  const sources: Source[] = [];
  for (const entry of parsed.data.sources) {
    if (seen.has(entry.id)) throw new Error(`${label}: id "${entry.id}" is listed twice`);
    seen.add(entry.id);
    if (entry.manifest !== undefined) {
      sources.push({
        kind: 'manifest',
        id: entry.id,
        name: entry.name,
        file: resolve(baseDir, entry.manifest),
        capturedAt: entry.capturedAt ?? '',
      });
      continue;
    }
    const settings: RunSettings = {
      id: entry.id,
      name: entry.name,
      bin: entry.bin,
      args: entry.args,
      env: entry.env,
      files: entry.files,
      listen: entry.listen,
      respond: Object.fromEntries(Object.entries(entry.respond).map(([port, body]) => [Number(port), body])),
      stubs: entry.stubs,
      timeoutMs: entry.timeout === undefined ? undefined : Math.round(entry.timeout * 1000),
      homepage: entry.homepage,
      gating: entry.gating,
      dummies: entry.dummies,
      needsConfiguration: entry.needsConfiguration,
    };
    sources.push(
      entry.from !== undefined
        ? { kind: 'directory', dir: resolve(baseDir, entry.from), ...settings }
        : {
            kind: 'package',
            registry: entry.registry,
            package: entry.package ?? '',
            version: entry.version ?? '',
            python: entry.python,
            constraints: entry.constraints,
            toolchain: entry.toolchain,
            ...settings,
          },
    );
  }
  return sources;
}

/** Reads and parses a sources file. */
export function readSources(path: string): Source[] {
  return parseSources(readFileSync(path, 'utf8'), dirname(path), path);
}

/**
 * `${HOME}` and `${CWD}` in an argument, environment value or file, replaced by the throwaway
 * directories, and `${NAME}` of each dummy by its value.
 */
export function expandPlaceholders(
  value: string,
  dirs: { home: string; cwd: string },
  dummies: Readonly<Record<string, string>> = {},
): string {
  let text = value.replaceAll('${HOME}', dirs.home).replaceAll('${CWD}', dirs.cwd);
  for (const [name, dummy] of Object.entries(dummies)) text = text.replaceAll(`\${${name}}`, dummy);
  return text;
}
