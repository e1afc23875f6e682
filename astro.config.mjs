// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import pagefindIndex from './src/integrations/pagefind.ts';

/** Public URL of the deployed catalog; used by the sitemap and canonical links. */
const site = process.env.SITE_URL ?? 'http://localhost:4321';

export default defineConfig({
  site,
  trailingSlash: 'always',
  build: { format: 'directory' },
  server: { port: 4321, host: 'localhost' },
  // Links between pages of the catalog are static; no client router, no prefetch scripts.
  prefetch: false,
  integrations: [sitemap(), pagefindIndex()],
});
