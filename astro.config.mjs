// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import pagefindIndex from './src/integrations/pagefind.ts';

/** Public URL of the deployed catalog; used by the sitemap and canonical links. */
const site = process.env.SITE_URL ?? 'http://localhost:4321';

export default defineConfig({
  site,
  // Separate caches let a benchmark or a test build another catalog beside the real one.
  ...(process.env.CATALOG_CACHE_DIR ? { cacheDir: process.env.CATALOG_CACHE_DIR } : {}),
  trailingSlash: 'always',
  build: { format: 'directory' },
  server: { port: 4321, host: 'localhost' },
  // Links between pages of the catalog are static; no client router, no prefetch scripts.
  prefetch: false,
  integrations: [sitemap(), pagefindIndex()],
  // Opt-in (CATALOG_INCREMENTAL_BUILD=1): pages whose getStaticPaths cache key (src/data.ts) and code
  // are unchanged are copied from the last build in cacheDir instead of rendered again. Off by
  // default: Astro empties the output first and copies every kept page back, so a one-server change
  // took as long as a full build, and every build wrote each page twice, which on this machine's disk
  // made a 100,000-tool build slower than twice a 50,000-tool one (README, Benchmark).
  experimental: { incrementalBuild: process.env.CATALOG_INCREMENTAL_BUILD === '1' },
});
