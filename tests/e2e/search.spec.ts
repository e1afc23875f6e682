import { expect, test } from '@playwright/test';
import { expectedTool, FILESYSTEM, loadSnapshots, server, toolsOf } from './catalog.ts';

test('searching a tool name from any page reaches its page', async ({ page }) => {
  const tool = expectedTool(server(FILESYSTEM), 'write_file');
  const scripts: string[] = [];
  page.on('request', (r) => scripts.push(r.url()));
  await page.goto('/');
  expect(scripts.some((u) => u.includes('/pagefind/'))).toBe(false);

  // Plain search box until focused; a combobox (search as you type) once its script has loaded.
  const box = page.getByLabel('Search tools by name');
  await expect(box).toHaveRole('searchbox');
  await box.fill('write_file');
  await box.press('Enter');
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

test('the header searches as you type: results without Enter, arrows and Enter open one, Escape closes', async ({ page }) => {
  const tool = expectedTool(server(FILESYSTEM), 'write_file');
  await page.goto('/method/');
  // `/` focuses the box from anywhere on the page.
  await page.keyboard.press('/');
  const box = page.getByRole('combobox', { name: 'Search tools by name' });
  await expect(box).toBeFocused();
  await page.keyboard.type('write_f');
  const list = page.getByRole('listbox', { name: 'Search results' });
  await expect(list).toBeVisible();
  await expect(box).toHaveAttribute('aria-expanded', 'true');
  const options = list.getByRole('option');
  // A partial name finds the tool: names that begin with what was typed come first.
  await expect(options.first()).toContainText('write_file');
  const hrefs = await options.evaluateAll((os) => os.map((o) => (o as HTMLElement).dataset['href']));
  expect(hrefs).toContain(tool.url);
  // Each result (all but the last option, which leads to the results page) says its risk in words, not only by colour.
  const badges = await options.locator('.badge').allTextContents();
  expect(badges.length).toBe((await options.count()) - 1);
  for (const badge of badges) expect(badge).toMatch(/^(low|medium|high|critical)$/);

  await page.keyboard.press('Escape');
  await expect(list).toBeHidden();
  await expect(box).toHaveAttribute('aria-expanded', 'false');

  await page.keyboard.type('ile');
  await expect(list).toBeVisible();
  const position = hrefs.indexOf(tool.url);
  await expect(options.first()).toContainText('write_file');
  for (let i = 0; i <= position; i += 1) await page.keyboard.press('ArrowDown');
  await expect(options.nth(position)).toHaveAttribute('aria-selected', 'true');
  await expect(box).toHaveAttribute('aria-activedescendant', (await options.nth(position).getAttribute('id')) ?? '');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(tool.url);
});

test('words and word parts find tools as you type, and the last option leads to every result', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Search tools by name').focus();
  await page.keyboard.type('files');
  const options = page.getByRole('listbox', { name: 'Search results' }).getByRole('option');
  await expect(options).not.toHaveCount(0);
  await expect(options.last()).toContainText(/All \d+ results for “files”/);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=files$/);
  await expect(page.locator('catalog-search')).toHaveAttribute('data-state', 'done');
});

test('the results page loads more results on demand', async ({ page }) => {
  await page.goto('/search/?q=file');
  const search = page.locator('catalog-search');
  await expect(search).toHaveAttribute('data-state', 'done');
  const results = page.locator('ol.results > li');
  await expect(results).toHaveCount(30);
  await expect(page.getByRole('status')).toContainText('(30 shown)');
  await page.getByRole('button', { name: 'Show more results' }).click();
  await expect(results).toHaveCount(60);
  const urls = await page.locator('ol.results a.result-title').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(new Set(urls).size).toBe(urls.length);
});
