/**
 * PyPI side of ingest. A server is installed with uv (itself installed from PyPI on first use, at
 * a pinned version, into the cache) into its own virtual environment under the cache:
 *
 *   1. `uv venv --python <interpreter>` (a local interpreter; uv never downloads one here);
 *   2. `pip download --no-deps --only-binary=:all: name==version`: the exact wheel, whose sha256
 *      is recorded;
 *   3. `uv pip install --no-build <that wheel>`: dependencies from PyPI, wheels only, so no
 *      package's build code runs at install time.
 *
 * The console scripts the distribution declares are its bins.
 */
import { createHash } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { InstallRecord } from '../core/schema.ts';
import { cacheRoot } from './install.ts';
import { runTool } from './run-tool.ts';

/** The uv release ingest installs and uses (recorded in provenance as the installer). */
export const UV_VERSION = '0.13.9';
/** Interpreter for sources that name none. */
export const DEFAULT_PYTHON = '3.12';

const PEP440_EXACT = /^\d+(?:\.\d+)*(?:(?:a|b|rc)\d+)?(?:\.post\d+)?(?:\.dev\d+)?$/;

/** True for an exact PEP 440 release (`1.2.3`, `2026.10.19`, `0.0.1a8`, `1.0.post1`), not a range. */
export function isExactPypiVersion(version: string): boolean {
  return PEP440_EXACT.test(version);
}

/** PEP 503 normalised name: `awslabs.eks_MCP-server` → `awslabs-eks-mcp-server`. */
export function normalizePypiName(name: string): string {
  return name.toLowerCase().replaceAll(/[-_.]+/g, '-');
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function compareDotted(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

/**
 * A local `python<version>` (`3.12`): the newest pyenv build of that minor version, else one on
 * PATH outside pyenv's shims (a shim of a version that is not selected refuses to run).
 */
export function findPython(version: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const exe = `python${version}`;
  const root = env['PYENV_ROOT'] ?? join(env['HOME'] ?? homedir(), '.pyenv');
  const versions = join(root, 'versions');
  if (existsSync(versions)) {
    const matching = readdirSync(versions)
      .filter((v) => v === version || (v.startsWith(`${version}.`) && /^\d+(?:\.\d+)*$/.test(v)))
      .sort((a, b) => compareDotted(b, a));
    for (const v of matching) {
      const candidate = join(versions, v, 'bin', exe);
      if (isExecutable(candidate)) return candidate;
    }
  }
  for (const dir of (env['PATH'] ?? '').split(delimiter)) {
    if (dir === '' || dir.includes('/shims')) continue;
    const candidate = join(dir, exe);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

/** The machine's trust store, proxy and index settings, which installers need to reach the registry. */
export const REGISTRY_ACCESS_VARS = [
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
  'REQUESTS_CA_BUNDLE',
  'CURL_CA_BUNDLE',
  'PIP_CERT',
  'PIP_INDEX_URL',
  'PIP_DEFAULT_TIMEOUT',
  'UV_DEFAULT_INDEX',
  'UV_INDEX_URL',
  'UV_NATIVE_TLS',
  'HTTPS_PROXY',
  'HTTP_PROXY',
  'NO_PROXY',
  'https_proxy',
  'http_proxy',
  'no_proxy',
] as const;

/** The registry access variables this process has. */
export function registryAccessEnv(): Record<string, string> {
  return Object.fromEntries(
    REGISTRY_ACCESS_VARS.flatMap((k) => {
      const value = process.env[k];
      return value === undefined ? [] : [[k, value]];
    }),
  );
}

/**
 * Environment for uv and pip: caches in the catalog cache, no interpreter downloads, and only the
 * machine's registry access settings (no find-links or other local wheel sources).
 */
function installerEnv(): NodeJS.ProcessEnv {
  const root = cacheRoot();
  return {
    PATH: process.env['PATH'] ?? '',
    HOME: process.env['HOME'] ?? homedir(),
    ...registryAccessEnv(),
    UV_CACHE_DIR: join(root, 'uv-cache'),
    UV_PYTHON_DOWNLOADS: 'never',
    UV_NO_CONFIG: '1',
    UV_NO_PROGRESS: '1',
    PIP_CACHE_DIR: join(root, 'pip-cache'),
    PIP_DISABLE_PIP_VERSION_CHECK: '1',
    PIP_NO_INPUT: '1',
    PIP_CONFIG_FILE: '/dev/null',
    PIP_FIND_LINKS: '',
    PYTHONNOUSERSITE: '1',
  };
}

let uvPromise: Promise<string> | undefined;

/** The pinned uv: `<cache>/tools/uv@<version>/bin/uv`, installed there from PyPI on first use. */
export function ensureUv(): Promise<string> {
  uvPromise ??= (async () => {
    const dir = join(cacheRoot(), 'tools', `uv@${UV_VERSION}`);
    const uv = join(dir, 'bin', 'uv');
    if (isExecutable(uv)) return uv;
    const python = findPython(DEFAULT_PYTHON) ?? findPython('3') ?? 'python3';
    const temp = `${dir}.${process.pid}.tmp`;
    rmSync(temp, { recursive: true, force: true });
    mkdirSync(join(cacheRoot(), 'tools'), { recursive: true });
    try {
      await runTool(
        python,
        ['-m', 'pip', 'install', '--quiet', '--no-warn-script-location', '--only-binary=:all:', '--target', temp, `uv==${UV_VERSION}`],
        { env: installerEnv(), timeoutMs: 300_000, label: `pip install uv==${UV_VERSION}`, redact: [temp] },
      );
      if (!isExecutable(uv)) renameSync(temp, dir);
    } finally {
      rmSync(temp, { recursive: true, force: true });
    }
    return uv;
  })();
  uvPromise.catch(() => {
    uvPromise = undefined;
  });
  return uvPromise;
}

/** What the installed distribution says about itself (importlib.metadata; nothing of it is imported). */
export interface PypiMetadata {
  name: string;
  version: string;
  summary: string | undefined;
  homepage: string | undefined;
  /** Console scripts the distribution declares: name → `module:function`. */
  scripts: Map<string, string>;
}

const METADATA_SCRIPT = `
import json, sys, importlib.metadata as m
d = m.distribution(sys.argv[1])
md = d.metadata
print(json.dumps({
  "name": md["Name"], "version": d.version, "summary": md.get("Summary"),
  "homepage": md.get("Home-page"), "urls": md.get_all("Project-URL") or [],
  "scripts": [[e.name, e.value] for e in d.entry_points if e.group == "console_scripts"],
}))
`;

const URL_LABELS = ['homepage', 'home', 'repository', 'source', 'source code', 'code', 'github', 'documentation'];

/** The homepage from core metadata: `Home-page`, else the first Project-URL labelled like a homepage or repository. */
export function pypiHomepage(homePage: string | undefined | null, projectUrls: readonly string[]): string | undefined {
  if (typeof homePage === 'string' && /^https?:\/\//.test(homePage)) return homePage;
  const urls = projectUrls
    .map((entry) => {
      const comma = entry.indexOf(',');
      return { label: entry.slice(0, comma).trim().toLowerCase(), url: entry.slice(comma + 1).trim() };
    })
    .filter((u) => /^https?:\/\//.test(u.url));
  for (const label of URL_LABELS) {
    const found = urls.find((u) => u.label === label);
    if (found !== undefined) return found.url;
  }
  return urls[0]?.url;
}

/** Parses the metadata script's output. */
export function parsePypiMetadata(stdout: string): PypiMetadata {
  const raw: unknown = JSON.parse(stdout);
  if (typeof raw !== 'object' || raw === null) throw new Error('metadata is not an object');
  const get = (key: string): unknown => (key in raw ? Reflect.get(raw, key) : undefined);
  const name = get('name');
  const version = get('version');
  if (typeof name !== 'string' || typeof version !== 'string') throw new Error('metadata has no name or version');
  const summary = get('summary');
  const urls = get('urls');
  const scripts = get('scripts');
  return {
    name,
    version,
    summary: typeof summary === 'string' && summary.trim() !== '' && summary !== 'UNKNOWN' ? summary.trim() : undefined,
    homepage: pypiHomepage(
      typeof get('homepage') === 'string' ? String(get('homepage')) : undefined,
      Array.isArray(urls) ? urls.filter((u): u is string => typeof u === 'string') : [],
    ),
    scripts: new Map(
      (Array.isArray(scripts) ? scripts : [])
        .filter((s): s is [string, string] => Array.isArray(s) && typeof s[0] === 'string' && typeof s[1] === 'string')
        .map(([n, v]) => [n, v]),
    ),
  };
}

/** An installed PyPI server: where its venv is, what it declares, and how it was installed. */
export interface PypiInstall {
  venv: string;
  metadata: PypiMetadata;
  record: InstallRecord;
}

/**
 * Installs `name==version` into `<prefix>/venv` (prefix wiped first). `version` `latest` takes
 * the newest release (single-package mode); the record says which one was installed.
 */
export async function installPypi(
  name: string,
  version: string,
  prefix: string,
  pythonVersion: string,
  constraints: readonly string[] = [],
): Promise<PypiInstall> {
  rmSync(prefix, { recursive: true, force: true });
  mkdirSync(prefix, { recursive: true });
  const env = installerEnv();
  const redact = [prefix, cacheRoot()];
  const requirement = version === 'latest' ? name : `${name}==${version}`;
  const python = findPython(pythonVersion);
  if (python === undefined) {
    throw new Error(`no local Python ${pythonVersion} interpreter (pyenv or PATH) to install ${requirement} with`);
  }
  const uv = await ensureUv();
  const venv = join(prefix, 'venv');
  const dist = join(prefix, 'dist');
  await runTool(uv, ['venv', '--quiet', '--no-project', '--python', python, venv], { env, timeoutMs: 120_000, label: 'uv venv', redact });
  await runTool(python, ['-m', 'pip', 'download', '--quiet', '--no-deps', '--only-binary=:all:', '--dest', dist, requirement], {
    env,
    timeoutMs: 300_000,
    label: `pip download ${requirement} (wheels only)`,
    redact,
  });
  const wheels = readdirSync(dist).filter((f) => f.endsWith('.whl'));
  const [wheel, ...others] = wheels;
  if (wheel === undefined || others.length > 0) throw new Error(`pip download ${requirement} gave ${wheels.length} wheels, not one`);
  const digest = `sha256:${createHash('sha256').update(readFileSync(join(dist, wheel))).digest('hex')}`;
  const venvPython = join(venv, 'bin', 'python');
  const constraintArgs: string[] = [];
  if (constraints.length > 0) {
    const file = join(prefix, 'constraints.txt');
    writeFileSync(file, `${constraints.join('\n')}\n`);
    constraintArgs.push('--constraint', file);
  }
  await runTool(uv, ['pip', 'install', '--quiet', '--no-build', '--python', venvPython, ...constraintArgs, join(dist, wheel)], {
    env,
    timeoutMs: 900_000,
    label: `uv pip install --no-build ${requirement}`,
    redact,
  });
  const [meta, runtime] = await Promise.all([
    runTool(venvPython, ['-I', '-c', METADATA_SCRIPT, name], { env, timeoutMs: 60_000, label: 'reading the package metadata' }),
    runTool(venvPython, ['-I', '-c', 'import platform; print(platform.python_implementation(), platform.python_version())'], {
      env,
      timeoutMs: 60_000,
      label: 'reading the interpreter version',
    }),
  ]);
  const metadata = parsePypiMetadata(meta.stdout);
  return {
    venv,
    metadata,
    record: {
      command: `uv pip install --no-build '${metadata.name}==${metadata.version}'${constraints.length === 0 ? '' : ` --constraint <(printf '%s\\n' ${constraints.map((c) => `'${c}'`).join(' ')})`}`,
      installer: `uv ${UV_VERSION}`,
      runtime: runtime.stdout.trim(),
      artifact: wheel,
      digest,
    },
  };
}
