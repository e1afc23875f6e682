import { expect, test } from '@playwright/test';
import { catalogTools, expectedTool, server } from './catalog.ts';

test('category and flag browse pages list every tool with the value, paged, with the counts in their tabs', async ({ page }) => {
  const tools = catalogTools();
  const destructive = tools.filter((t) => t.verdict.category === 'destructive');
  await page.goto('/category/');
  await page.getByRole('link', { name: `${destructive.length} tools` }).first().click();
  await expect(page).toHaveURL('/category/destructive/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${destructive.length} tools: destructive`);
  await expect(page.getByRole('navigation', { name: 'By category' }).getByRole('link', { name: `Destructive (${destructive.length})` })).toHaveAttribute('aria-current', 'page');
  // Every row is a destructive tool, with its risk shown (the page is not about one risk).
  const rows = page.locator('table.tools tbody tr');
  await expect(rows).toHaveCount(Math.min(200, destructive.length));
  const first = destructive[0];
  expect(first).toBeDefined();
  const firstRow = rows.first();
  await expect(firstRow.getByRole('link', { name: first?.tool.name ?? '', exact: true })).toHaveAttribute('href', first?.url ?? '');
  await expect(firstRow.locator('.badge')).toHaveAttribute('data-risk', first?.verdict.risk ?? '');

  // The read category is longer than a page: page 2 continues where page 1 stopped.
  const read = tools.filter((t) => t.verdict.category === 'read');
  expect(read.length).toBeGreaterThan(200);
  await page.goto('/category/read/');
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Next →' }).click();
  await expect(page).toHaveURL('/category/read/2/');
  await expect(page.locator('table.tools tbody tr').first().getByRole('link').first()).toHaveText(read[200]?.tool.name ?? '');

  const flagged = tools.filter((t) => t.verdict.flags.some((f) => f.flag === 'credential-access'));
  await page.goto('/flag/');
  await page.getByRole('row', { name: /Credential or secret access/ }).getByRole('link').click();
  await expect(page).toHaveURL('/flag/credential-access/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${flagged.length} tools: credential or secret access`);
});

test('a tool name that several servers have gets a side-by-side view, linked from each of their tool pages', async ({ page }) => {
  const bySlug = new Map<string, Set<string>>();
  for (const t of catalogTools()) bySlug.set(t.slug, (bySlug.get(t.slug) ?? new Set()).add(t.server.id));
  const [slug, servers] = [...bySlug].sort((a, b) => b[1].size - a[1].size || (a[0] < b[0] ? -1 : 1))[0] ?? ['', new Set<string>()];
  expect(servers.size).toBeGreaterThan(1);
  const shared = [...bySlug].filter(([, s]) => s.size > 1).length;

  await page.goto('/names/');
  await expect(page.locator('.lede')).toContainText(`${shared} tool names are used by more than one server`);
  await page.locator('table tbody tr').first().getByRole('link').click();
  await expect(page).toHaveURL(`/name/${slug}/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${catalogTools().find((t) => t.slug === slug)?.tool.name} on ${servers.size} servers`);
  const rows = page.locator('table.tools tbody tr');
  await expect(rows).toHaveCount(catalogTools().filter((t) => t.slug === slug).length);
  // Each row states that server's own verdict.
  for (const t of catalogTools().filter((c) => c.slug === slug)) {
    const row = rows.filter({ has: page.locator(`a[href="${t.url}"]`) });
    await expect(row.locator('.badge')).toHaveAttribute('data-risk', t.verdict.risk);
    await expect(row.getByRole('cell').nth(2)).toHaveText(t.verdict.category);
  }
  const one = catalogTools().find((t) => t.slug === slug);
  await page.goto(one?.url ?? '');
  await page.getByRole('link', { name: 'compare their verdicts' }).click();
  await expect(page).toHaveURL(`/name/${slug}/`);
});

test('a server page sorts and filters its tool table without a reload', async ({ page }) => {
  const big = [...new Map(catalogTools().map((t) => [t.server.id, t.server])).values()].sort((a, b) => b.tools.length - a.tools.length)[0];
  expect(big).toBeDefined();
  const snapshot = server(big?.id ?? '');
  await page.goto(`/servers/${snapshot.id}/`);
  const rows = page.locator('table.tools tbody tr');
  const all = await rows.count();
  const visible = page.locator('table.tools tbody tr:visible');

  // Sorting by name applies to every risk group: each group's rows end up in name order.
  await page.getByRole('button', { name: 'Tool' }).first().click();
  await expect(page.locator('th[aria-sort="ascending"]').first()).toHaveText('Tool');
  for (const table of await page.locator('table.tools').all()) {
    const names = await table.locator('tbody th[scope=row]').allTextContents();
    expect(names).toEqual([...names].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0)));
  }
  await page.getByRole('button', { name: 'Tool' }).first().click();
  await expect(page.locator('th[aria-sort="descending"]').first()).toHaveText('Tool');

  // Filtering by a word keeps exactly the rows that contain it; a category narrows further.
  const word = snapshot.tools[0]?.name ?? '';
  await page.getByLabel('Filter tools').fill(word);
  const expected = await rows.evaluateAll((trs, w) => trs.filter((tr) => (tr.textContent ?? '').toLowerCase().includes(w)).length, word.toLowerCase());
  await expect(visible).toHaveCount(expected);
  await expect(page.locator('[data-shown]')).toHaveText(`${expected} of ${all} tools shown`);
  await page.getByLabel('Filter tools').fill('');
  const tool = expectedTool(snapshot, word);
  await page.getByLabel('Category').selectOption(tool.verdict.category);
  const inCategory = catalogTools().filter((t) => t.server.id === snapshot.id && t.verdict.category === tool.verdict.category).length;
  await expect(visible).toHaveCount(inCategory);
  await expect(page).toHaveURL(`/servers/${snapshot.id}/`);
});
