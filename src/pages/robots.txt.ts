/**
 * robots.txt: every page may be crawled, and the sitemap is announced at its absolute URL (the
 * Sitemap directive needs one), which follows the configured `site`.
 */
import type { APIRoute } from 'astro';

export const GET: APIRoute = ({ site }) => {
  const sitemap = new URL('/sitemap-index.xml', site).href;
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
