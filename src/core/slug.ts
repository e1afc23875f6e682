/**
 * URL segments for tools. Tool names are case-sensitive and may hold `.`, `-`, `_` or any other
 * character, so the slug must be injective and safe as a directory name on every file system.
 *
 * Rules (documented defaults, in the spirit of sindresorhus/slugify but reversible):
 * - `A-Z a-z 0-9 _ - .` are kept as they are, so `write_file` stays `write_file`;
 * - a leading `.` and every other character (including the escape character `~`) become `~XX`,
 *   one per UTF-8 byte, uppercase hex — `a b` → `a~20b`, `.env` → `~2Eenv`.
 * Decoding is unambiguous, so two different names never share a slug. Case is kept, which is
 * distinct on the web but not on case-insensitive disks: `findSlugCollisions` reports names whose
 * slugs differ only by case, and the build fails on them rather than silently renaming one.
 */

const KEEP = /^[A-Za-z0-9_.-]$/;

function escapeChar(char: string): string {
  return [...new TextEncoder().encode(char)]
    .map((byte) => `~${byte.toString(16).toUpperCase().padStart(2, '0')}`)
    .join('');
}

/** The URL segment of a tool name. Never empty for a non-empty name. */
export function toolSlug(name: string): string {
  let out = '';
  let first = true;
  for (const char of name) {
    const keep = KEEP.test(char) && !(first && char === '.');
    out += keep ? char : escapeChar(char);
    first = false;
  }
  return out;
}

/** Inverse of `toolSlug`; throws on a malformed escape. */
export function toolNameFromSlug(slug: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < slug.length; i += 1) {
    const char = slug.charAt(i);
    if (char === '~') {
      const hex = slug.slice(i + 1, i + 3);
      if (!/^[0-9A-F]{2}$/.test(hex)) throw new Error(`Malformed tool slug "${slug}" at ${i}`);
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...new TextEncoder().encode(char));
    }
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
}

/** Pairs of distinct names whose slugs would land in the same directory on a case-insensitive disk. */
export function findSlugCollisions(names: readonly string[]): Array<[string, string]> {
  const seen = new Map<string, string>();
  const collisions: Array<[string, string]> = [];
  for (const name of names) {
    const key = toolSlug(name).toLowerCase();
    const other = seen.get(key);
    if (other === undefined) seen.set(key, name);
    else if (other !== name) collisions.push([other, name]);
  }
  return collisions;
}
