import { expect, test } from '@playwright/test';
import { expectedTool, loadSnapshots, toolsOf } from './catalog.ts';

/** Every URL the sitemap announces is served, every page has one h1, and every tool of every snapshot is announced. */
test('sitemap smoke pass', async ({ request }) => {
  test.setTimeout(600_000);
  const index = await (await request.get('/sitemap-index.xml')).text();
  const sitemaps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] ?? '').pathname);
  expect(sitemaps.length).toBeGreaterThan(0);
  const urls: string[] = [];
  for (const sitemap of sitemaps) {
    const xml = await (await request.get(sitemap)).text();
    urls.push(...[...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] ?? '').pathname));
  }
  expect(urls).toContain('/');
  const announced = new Set(urls);
  for (const snapshot of loadSnapshots()) {
    expect(announced.has(`/servers/${snapshot.id}/`), snapshot.id).toBe(true);
    for (const tool of toolsOf(snapshot)) {
      const { url } = expectedTool(snapshot, tool.name);
      expect(announced.has(url), url).toBe(true);
    }
  }
  const check = async (url: string): Promise<void> => {
    const response = await request.get(url);
    expect(response.status(), url).toBe(200);
    const html = await response.text();
    expect(html.match(/<h1[\s>]/g)?.length, `${url} has one h1`).toBe(1);
  };
  for (let i = 0; i < urls.length; i += 16) await Promise.all(urls.slice(i, i + 16).map(check));
});
