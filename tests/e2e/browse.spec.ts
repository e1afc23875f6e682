import { expect, test } from '@playwright/test';
import { expectedTool, FILESYSTEM, loadSnapshots, server, toolsOf } from './catalog.ts';

test('home → server → tool page', async ({ page }) => {
  const fs = server(FILESYSTEM);
  const tool = expectedTool(fs, 'write_file');

  await page.goto('/');
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: fs.name, exact: true }) });
  await expect(row.getByRole('cell').nth(1)).toHaveText(String(toolsOf(fs).length));
  await row.getByRole('link', { name: fs.name, exact: true }).click();

  await expect(page).toHaveURL(`/servers/${fs.id}/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(fs.name);
  // Tools are grouped by risk: the tool sits in the section of its own risk.
  const section = page.locator('section', { has: page.locator(`h2#risk-${tool.verdict.risk}`) });
  await section.getByRole('link', { name: 'write_file', exact: true }).click();

  await expect(page).toHaveURL(tool.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('write_file');
  await expect(page.locator('.verdict-line .badge')).toHaveAttribute('data-risk', tool.verdict.risk);
  await expect(page.locator('.verdict-line .category')).toHaveText(tool.verdict.category);
  await expect(page.locator('.verdict-line').getByRole('link', { name: fs.name })).toHaveAttribute('href', `/servers/${fs.id}/`);
  await expect(page.locator('#policy-json')).toHaveText(tool.policyJson);
  for (const q of ['What does', 'What risk level', 'How do I enforce', 'How do I rate-limit', 'How do I block', 'Which server provides']) {
    await expect(page.locator('.faq dt', { hasText: q })).toHaveCount(1);
  }
});

/** Each server page links every one of its tools, at the URL the catalog promises (the smoke pass fetches them all). */
test('every tool of every server is linked from its server page', async ({ page }) => {
  test.setTimeout(600_000);
  for (const snapshot of loadSnapshots()) {
    await page.goto(`/servers/${snapshot.id}/`);
    const names = new Set(toolsOf(snapshot).map((t) => t.name));
    const links = await page.locator('table.tools th[scope=row] a').evaluateAll((as) => as.map((a) => [a.textContent ?? '', a.getAttribute('href') ?? '']));
    expect(new Set(links.map(([name]) => name))).toEqual(names);
    for (const [name, href] of links) expect(href).toBe(expectedTool(snapshot, name ?? '').url);
  }
});

test('a tool page loads only the copy button and the search box loader until the search box is used', async ({ page }) => {
  const tool = expectedTool(server(FILESYSTEM), 'write_file');
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  await page.goto(tool.url);
  const inline = await page.locator('script:not([src])').evaluateAll((els) => els.map((e) => e.textContent ?? ''));
  // Astro inlines small module scripts and links larger ones: the copy button and the loader of search-as-you-type.
  expect(inline.length + scripts.length).toBeLessThanOrEqual(2);
  expect(inline.join('') + scripts.join('')).not.toContain('pagefind');
  expect(scripts.some((u) => u.includes('quick-search'))).toBe(false);
  expect(await page.evaluate(() => customElements.get('copy-button') !== undefined)).toBe(true);
  // Focusing the search box loads search-as-you-type; Pagefind waits for the first keystroke.
  await page.getByLabel('Search tools by name').focus();
  await expect.poll(() => scripts.some((u) => u.includes('quick-search'))).toBe(true);
  expect(scripts.some((u) => u.includes('pagefind'))).toBe(false);
  await page.keyboard.type('wr');
  await expect.poll(() => scripts.some((u) => u.includes('/pagefind/pagefind.js'))).toBe(true);
});
