import { expect, test, type Page } from '@playwright/test';
import { annotationCoverage } from '../../src/core/facets.ts';
import { catalogTools } from './catalog.ts';

const box = (page: Page, facet: string, value: string) => page.getByRole('group', { name: facet }).getByRole('checkbox', { name: new RegExp(`^${value}`) });
/** Results shown and the facet counts for them filled in (they load side by side). */
const done = async (page: Page) => {
  await expect(page.locator('catalog-search')).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
  await expect(page.locator('catalog-search')).toHaveAttribute('data-counts', 'ready', { timeout: 20_000 });
};
const total = async (page: Page): Promise<number> => Number((await page.locator('[data-status]').textContent())?.match(/^(\d+) results?/)?.[1] ?? NaN);
const countOf = async (page: Page, facet: string, value: string): Promise<number> =>
  Number((await page.locator(`fieldset[data-facet="${facet}"] label`, { has: page.locator(`input[value="${value}"]`) }).locator('.count').textContent())?.match(/\d+/)?.[0] ?? NaN);

test('facets alone list every tool that has the value, and the counts match the catalog', async ({ page }) => {
  const tools = catalogTools();
  const expected = {
    category: tools.filter((t) => t.verdict.category === 'destructive').length,
    annotations: tools.filter((t) => annotationCoverage(t.tool.annotations) === 'none').length,
    flag: tools.filter((t) => t.verdict.flags.some((f) => f.flag === 'credential-access')).length,
  };
  await page.goto('/search/?category=destructive');
  await done(page);
  expect(await total(page)).toBe(expected.category);
  await expect(box(page, 'Category', 'destructive')).toBeChecked();
  // Counts of the chosen facet are counted under the other facets only: every category still shows its own total.
  expect(await countOf(page, 'category', 'destructive')).toBe(expected.category);
  expect(await countOf(page, 'category', 'read')).toBe(tools.filter((t) => t.verdict.category === 'read').length);

  await page.goto('/search/?annotations=none');
  await done(page);
  expect(await total(page)).toBe(expected.annotations);
  await page.goto('/search/?flag=credential-access');
  await done(page);
  expect(await total(page)).toBe(expected.flag);
});

test('filtering a query by risk and category changes the counts and the URL, and results page on demand', async ({ page }) => {
  await page.goto('/search/?q=file');
  await done(page);
  const all = await total(page);
  const high = await countOf(page, 'risk', 'high');
  expect(high).toBeGreaterThan(0);
  expect(high).toBeLessThan(all);
  const writeBefore = await countOf(page, 'category', 'write');

  await box(page, 'Risk', 'high').check();
  await expect(page).toHaveURL(/[?&]risk=high/);
  await done(page);
  expect(await total(page)).toBe(high);
  // Other facets now count within high-risk results only.
  const writeHigh = await countOf(page, 'category', 'write');
  expect(writeHigh).toBeLessThanOrEqual(writeBefore);
  for (const meta of await page.locator('[data-results] li .muted').allTextContents()) expect(meta).toContain('high risk');

  await box(page, 'Category', 'write').check();
  await expect(page).toHaveURL(/risk=high&category=write/);
  await done(page);
  expect(await total(page)).toBe(writeHigh);
  for (const meta of await page.locator('[data-results] li .muted').allTextContents()) expect(meta).toMatch(/high risk · write$/);

  // The URL restores the same search: query, boxes and results.
  const url = page.url();
  await page.goto(url);
  await done(page);
  await expect(page.getByLabel('Tool name or words')).toHaveValue('file');
  await expect(box(page, 'Risk', 'high')).toBeChecked();
  await expect(box(page, 'Category', 'write')).toBeChecked();
  expect(await total(page)).toBe(writeHigh);

  // Unchecking returns to the query's full results.
  await box(page, 'Risk', 'high').uncheck();
  await box(page, 'Category', 'write').uncheck();
  await expect(page).toHaveURL(/\/search\/\?q=file$/);
  await done(page);
  expect(await total(page)).toBe(all);
  await expect(page.locator('[data-results] li')).toHaveCount(30);
  await page.getByRole('button', { name: 'Show more results' }).click();
  await expect(page.locator('[data-results] li')).toHaveCount(Math.min(60, all));
});

test('the search page works from the keyboard: type, tick a facet with Space, reach a result', async ({ page }) => {
  await page.goto('/search/');
  await page.getByLabel('Tool name or words').focus();
  await page.keyboard.type('delete');
  await done(page);
  const before = await total(page);
  await page.keyboard.press('Tab');
  // The first facet value is the most severe risk.
  await expect(box(page, 'Risk', 'critical')).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page).toHaveURL(/q=delete&risk=critical/);
  await done(page);
  expect(await total(page)).toBeLessThan(before);
});
