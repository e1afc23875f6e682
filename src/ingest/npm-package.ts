/**
 * Pure helpers for npm packages: parsing `<name>[@range]`, picking the highest version, reading a
 * package.json's bin / homepage / description. No I/O.
 */

/** `<name>[@range]` split into its parts; `range` is `latest` when none was given. */
export interface PackageSpec {
  name: string;
  range: string;
}

const NPM_NAME_PATTERN = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;

/** Parses `pkg`, `pkg@1.2.3`, `@scope/pkg`, `@scope/pkg@^1`. Throws on a malformed name. */
export function parsePackageSpec(spec: string): PackageSpec {
  const at = spec.lastIndexOf('@');
  const hasRange = at > 0;
  const name = hasRange ? spec.slice(0, at) : spec;
  const range = hasRange ? spec.slice(at + 1) : 'latest';
  if (!NPM_NAME_PATTERN.test(name)) {
    throw new Error(`not an npm package name: "${name}"`);
  }
  if (range === '') {
    throw new Error(`empty version after "@" in "${spec}"`);
  }
  return { name, range };
}

interface ParsedVersion {
  core: [number, number, number];
  prerelease: string[];
}

const SEMVER_PATTERN = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

function parseVersion(version: string): ParsedVersion {
  const match = SEMVER_PATTERN.exec(version);
  if (match === null) throw new Error(`not a semver version: "${version}"`);
  return {
    core: [Number(match[1]), Number(match[2]), Number(match[3])],
    prerelease: match[4] === undefined ? [] : match[4].split('.'),
  };
}

function compareIdentifiers(a: string, b: string): number {
  const aNumeric = /^\d+$/.test(a);
  const bNumeric = /^\d+$/.test(b);
  if (aNumeric && bNumeric) return Math.sign(Number(a) - Number(b));
  if (aNumeric !== bNumeric) return aNumeric ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function comparePrerelease(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return Math.sign(b.length - a.length);
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
    const order = compareIdentifiers(a[i] ?? '', b[i] ?? '');
    if (order !== 0) return order;
  }
  return Math.sign(a.length - b.length);
}

/** Semver precedence: negative when `a < b`, 0 when equal, positive when `a > b`. */
export function compareVersions(a: string, b: string): number {
  const pa = parseVersion(a);
  const pb = parseVersion(b);
  for (let i = 0; i < 3; i += 1) {
    const order = Math.sign((pa.core[i] ?? 0) - (pb.core[i] ?? 0));
    if (order !== 0) return order;
  }
  return comparePrerelease(pa.prerelease, pb.prerelease);
}

/**
 * The exact version from `npm view <pkg>@<range> version --json` output: a JSON string, or an
 * array of strings when several versions match (the highest wins). Throws when none matched.
 */
export function pickVersion(npmViewJson: string, what: string): string {
  const text = npmViewJson.trim();
  if (text === '') throw new Error(`no published version of ${what}`);
  const parsed: unknown = JSON.parse(text);
  const candidates = typeof parsed === 'string' ? [parsed] : Array.isArray(parsed) ? parsed : [];
  const versions = candidates.filter((v): v is string => typeof v === 'string');
  if (versions.length === 0) throw new Error(`no published version of ${what}`);
  return versions.reduce((best, v) => (compareVersions(v, best) > 0 ? v : best));
}

/** `@scope/name` → `name`. */
export function unscopedName(packageName: string): string {
  const slash = packageName.indexOf('/');
  return packageName.startsWith('@') && slash > 0 ? packageName.slice(slash + 1) : packageName;
}

/** The bins a package.json declares, as name → relative path. */
export function declaredBins(manifest: Record<string, unknown>): Map<string, string> {
  const bins = new Map<string, string>();
  const { bin, name } = manifest;
  if (typeof bin === 'string' && typeof name === 'string') {
    bins.set(unscopedName(name), bin);
  } else if (typeof bin === 'object' && bin !== null) {
    for (const [key, value] of Object.entries(bin)) {
      if (typeof value === 'string') bins.set(key, value);
    }
  }
  return bins;
}

function words(text: string): Set<string> {
  return new Set(text.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w !== ''));
}

/** How much a bin name resembles the package name (higher is closer). */
function resemblance(binName: string, packageName: string): number {
  const bare = unscopedName(packageName).toLowerCase();
  const bin = binName.toLowerCase();
  if (bin === bare) return 1000;
  if (bin.includes(bare) || bare.includes(bin)) return 500;
  const packageWords = words(packageName);
  return [...words(binName)].filter((w) => packageWords.has(w)).length;
}

/**
 * Chooses the bin to start: the one named by `requested` if given; the only one if there is one;
 * otherwise the single best resemblance to the package name. Throws when it cannot choose.
 */
export function pickBin(bins: ReadonlyMap<string, string>, packageName: string, requested?: string): string {
  const names = [...bins.keys()];
  if (requested !== undefined) {
    if (!bins.has(requested)) {
      throw new Error(`${packageName} has no bin "${requested}" (bins: ${names.join(', ') || 'none'})`);
    }
    return requested;
  }
  const [first, ...rest] = names;
  if (first === undefined) throw new Error(`${packageName} declares no bin in package.json`);
  if (rest.length === 0) return first;
  const scored = names
    .map((name) => ({ name, score: resemblance(name, packageName) }))
    .sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  if (best === undefined || best.score === 0 || (second !== undefined && second.score === best.score)) {
    throw new Error(`${packageName} declares several bins (${names.join(', ')}); choose one with --bin`);
  }
  return best.name;
}

/** A repository field as a browsable URL: strips `git+` and `.git`, expands `github:` and `owner/repo`. */
export function repositoryUrl(repository: unknown): string | undefined {
  const raw =
    typeof repository === 'string'
      ? repository
      : typeof repository === 'object' && repository !== null && 'url' in repository && typeof repository.url === 'string'
        ? repository.url
        : undefined;
  if (raw === undefined || raw === '') return undefined;
  const shorthand = /^(?:github:)?([\w.-]+\/[\w.-]+)$/.exec(raw);
  if (shorthand?.[1] !== undefined) return `https://github.com/${shorthand[1]}`;
  return raw
    .replace(/^git\+/, '')
    .replace(/^git:\/\//, 'https://')
    .replace(/^ssh:\/\/git@/, 'https://')
    .replace(/\.git$/, '');
}

/** The package's homepage, else its repository URL. */
export function homepageOf(manifest: Record<string, unknown>): string | undefined {
  const { homepage } = manifest;
  if (typeof homepage === 'string' && homepage !== '') return homepage;
  return repositoryUrl(manifest.repository);
}

/** Directory name for an install of `name@version` (a scope's `/` becomes `+`). */
export function installDirName(name: string, version: string): string {
  return `${name.replace('/', '+')}@${version}`;
}
