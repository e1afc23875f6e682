/**
 * Go side of ingest: `go install <package>@<version>` into the install's own GOBIN under the
 * cache, with the module and build caches in the cache too. cgo is off (no C compiler runs) and
 * the local toolchain is used unless the source names another (GOTOOLCHAIN); Go runs nothing of a
 * module's own at install time. Module, version and go.sum hash are read back from the binary's
 * build information (`go version -m`).
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { InstallRecord } from '../core/schema.ts';
import { cacheRoot } from './install.ts';
import { registryAccessEnv } from './pypi.ts';
import { runTool } from './run-tool.ts';

const GO_VERSION = /^v\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+incompatible)?$/;
const GO_PACKAGE = /^[a-z0-9.-]+\.[a-z]{2,}(?:\/[A-Za-z0-9._~-]+)+$/;

/** True for an exact module version (`v1.2.3`, a pseudo-version), not a query like `latest` or `>=v1`. */
export function isExactGoVersion(version: string): boolean {
  return GO_VERSION.test(version);
}

/** True for a package path that `go install` accepts: a domain, then path elements. */
export function isGoPackagePath(path: string): boolean {
  return GO_PACKAGE.test(path);
}

/** What a binary's build information says (the lines of `go version -m`). */
export interface GoBuildInfo {
  /** Toolchain that built it: `go1.26.8`. */
  go: string;
  /** Main package path. */
  path: string;
  module: string;
  version: string;
  /** The module's go.sum hash (`h1:…`); absent for a build from a local directory. */
  sum: string | undefined;
}

/** Parses `go version -m <binary>` output. */
export function parseGoBuildInfo(text: string): GoBuildInfo {
  const lines = text.split('\n');
  const go = /:\s+(go\S+)\s*$/.exec(lines[0] ?? '')?.[1];
  const fields = (key: string): string[] | undefined =>
    lines.map((l) => l.trim().split(/\s+/)).find((parts) => parts[0] === key);
  const path = fields('path')?.[1];
  const mod = fields('mod');
  if (go === undefined || path === undefined || mod?.[1] === undefined || mod[2] === undefined) {
    throw new Error(`unexpected go version -m output: ${text.slice(0, 200)}`);
  }
  return { go, path, module: mod[1], version: mod[2], sum: mod[3] };
}

/** A repository URL for well-known hosts, else the package's pkg.go.dev page. */
export function goHomepage(module: string, packagePath: string): string {
  const parts = module.split('/');
  if (['github.com', 'gitlab.com', 'codeberg.org'].includes(parts[0] ?? '') && parts.length >= 3) {
    return `https://${parts.slice(0, 3).join('/')}`;
  }
  return `https://pkg.go.dev/${packagePath}`;
}

/** Directory name of an install: the package path with `/` → `+`. */
export function goInstallDirName(packagePath: string, version: string): string {
  return `go+${packagePath.replaceAll('/', '+')}@${version}`;
}

/** The environment for `go`: caches in the catalog cache, no user go env, no workspace, no cgo. */
function goEnv(gobin: string, toolchain: string | undefined): NodeJS.ProcessEnv {
  const root = cacheRoot();
  const inherited = ['GOPROXY', 'GOSUMDB', 'GONOSUMDB', 'GOPRIVATE', 'GOINSECURE'].flatMap((k) => {
    const value = process.env[k];
    return value === undefined ? [] : [[k, value] as const];
  });
  return {
    PATH: process.env['PATH'] ?? '',
    HOME: process.env['HOME'] ?? homedir(),
    ...registryAccessEnv(),
    ...Object.fromEntries(inherited),
    GOPATH: join(root, 'go'),
    GOCACHE: join(root, 'go-build'),
    GOBIN: gobin,
    GOFLAGS: '-modcacherw',
    GOTOOLCHAIN: toolchain ?? 'local',
    GOENV: 'off',
    GOWORK: 'off',
    CGO_ENABLED: '0',
  };
}

export interface GoInstall {
  binary: string;
  info: GoBuildInfo;
  record: InstallRecord;
}

/** `go install <packagePath>@<version>` into `<prefix>/bin` (prefix wiped first). */
export async function installGo(packagePath: string, version: string, prefix: string, toolchain: string | undefined): Promise<GoInstall> {
  rmSync(prefix, { recursive: true, force: true });
  const gobin = join(prefix, 'bin');
  mkdirSync(gobin, { recursive: true });
  const env = goEnv(gobin, toolchain);
  const redact = [prefix, cacheRoot()];
  const what = `${packagePath}@${version}`;
  await runTool('go', ['install', what], { env, cwd: prefix, timeoutMs: 1_200_000, label: `go install ${what}`, redact });
  const built = readdirSync(gobin);
  const [name, ...others] = built;
  if (name === undefined || others.length > 0) throw new Error(`go install ${what} left ${built.length} files in GOBIN, not one`);
  const binary = join(gobin, name);
  const { stdout } = await runTool('go', ['version', '-m', binary], { env, timeoutMs: 60_000, label: 'go version -m', redact });
  const info = parseGoBuildInfo(stdout);
  return {
    binary,
    info,
    record: {
      command: `go install ${info.path}@${info.version}`,
      installer: info.go,
      runtime: info.go,
      ...(info.sum === undefined ? {} : { digest: info.sum }),
      module: info.module,
    },
  };
}
