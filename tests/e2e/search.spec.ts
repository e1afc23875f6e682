import { expect, test } from '@playwright/test';
import { expectedTool, loadSnapshots, serverWithTool } from './catalog.ts';

test('searching a tool name from any page reaches its page', async ({ page }) => {
  const tool = expectedTool(serverWithTool('write_file'), 'write_file');
  const scripts: string[] = [];
  page.on('request', (r) => scripts.push(r.url()));
  await page.goto('/');
  expect(scripts.some((u) => u.includes('/pagefind/'))).toBe(false);

  await page.getByRole('searchbox', { name: 'Search tools by name' }).fill('write_file');
  await page.getByRole('searchbox', { name: 'Search tools by name' }).press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=write_file/);
  const first = page.locator('ol.results li a.result-title').first();
  await expect(first).toHaveText('write_file');
  await first.click();
  await expect(page).toHaveURL(tool.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('write_file');
});

/** At most this many searches: every tool while the catalog is small, an even spread once it grows. */
const SEARCH_SAMPLE = 150;

test('tool names find their own page among the results', async ({ page }) => {
  test.slow();
  const all = loadSnapshots().flatMap((server) => server.tools.map((t) => ({ server, name: t.name })));
  const stride = Math.max(1, Math.ceil(all.length / SEARCH_SAMPLE));
  for (const [i, { server, name }] of all.entries()) {
    if (i % stride !== 0) continue;
    const tool = expectedTool(server, name);
    await page.goto(`/search/?q=${encodeURIComponent(name)}`);
    await expect(page.locator('[data-status]')).toContainText('result');
    const hrefs = await page.locator('ol.results a.result-title').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs, `search for ${name}`).toContain(tool.url);
  }
});
