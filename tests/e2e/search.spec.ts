import { expect, test } from '@playwright/test';
import { expectedTool, FILESYSTEM, loadSnapshots, server, toolsOf } from './catalog.ts';

test('searching a tool name from any page reaches its page', async ({ page }) => {
  const tool = expectedTool(server(FILESYSTEM), 'write_file');
  const scripts: string[] = [];
  page.on('request', (r) => scripts.push(r.url()));
  await page.goto('/');
  expect(scripts.some((u) => u.includes('/pagefind/'))).toBe(false);

  await page.getByRole('searchbox', { name: 'Search tools by name' }).fill('write_file');
  await page.getByRole('searchbox', { name: 'Search tools by name' }).press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=write_file/);
  await expect(page.locator('catalog-search')).toHaveAttribute('data-state', 'done');
  // Several servers have a write_file: exact name matches come first, each labelled with its server.
  const first = page.locator('ol.results li a.result-title').first();
  await expect(first).toHaveText('write_file');
  const link = `a.result-title[href="${tool.url}"]`;
  await expect(page.locator(`ol.results li ${link}`)).toHaveText('write_file');
  await expect(page.locator('ol.results li', { has: page.locator(link) })).toContainText(tool.server.name);
  await page.locator(`ol.results li ${link}`).click();
  await expect(page).toHaveURL(tool.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('write_file');
});

/** At most this many searches: every tool while the catalog is small, an even spread once it grows. */
const SEARCH_SAMPLE = 150;

test('tool names find their own page among the results', async ({ page }) => {
  test.setTimeout(600_000);
  const all = loadSnapshots().flatMap((snapshot) => toolsOf(snapshot).map((t) => ({ snapshot, name: t.name })));
  const stride = Math.max(1, Math.ceil(all.length / SEARCH_SAMPLE));
  for (const [i, { snapshot, name }] of all.entries()) {
    if (i % stride !== 0) continue;
    const tool = expectedTool(snapshot, name);
    await page.goto(`/search/?q=${encodeURIComponent(name)}`);
    await expect(page.locator('catalog-search')).toHaveAttribute('data-state', 'done');
    const hrefs = await page.locator('ol.results a.result-title').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs, `search for ${name}`).toContain(tool.url);
  }
});
