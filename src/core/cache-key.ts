/**
 * Cache keys for Astro's incremental build: a page whose key is the same as in the last build (and
 * whose code is unchanged, which Astro checks itself) is copied instead of rendered again. A key is
 * a digest of exactly the data the page shows, so it changes whenever that data does.
 */
import { createHash } from 'node:crypto';

/** A short digest of the JSON of `parts`; equal parts give equal keys, in any process. */
export function cacheKey(...parts: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 22);
}
