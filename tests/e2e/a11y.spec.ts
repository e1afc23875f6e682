import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { catalogTools, expectedTool, FILESYSTEM, server } from './catalog.ts';

const tool = expectedTool(server(FILESYSTEM), 'write_file');
/** A tool name more than one server has: it has a cross-server page. */
const sharedSlug = catalogTools().find((t, _, all) => all.some((o) => o.slug === t.slug && o.server.id !== t.server.id))?.slug ?? '';

/** One page of every kind the site has. */
const PAGES: Array<{ kind: string; url: string; ready?: (page: Page) => Promise<void> }> = [
  { kind: 'home', url: '/' },
  { kind: 'server', url: `/servers/${FILESYSTEM}/` },
  { kind: 'tool', url: tool.url },
  { kind: 'risk index', url: '/risk/' },
  { kind: 'risk level', url: '/risk/high/' },
  { kind: 'category index', url: '/category/' },
  { kind: 'category', url: '/category/destructive/' },
  { kind: 'flag index', url: '/flag/' },
  { kind: 'flag', url: '/flag/credential-access/' },
  { kind: 'names on several servers', url: '/names/' },
  { kind: 'one name across servers', url: `/name/${sharedSlug}/` },
  {
    kind: 'search results with facets',
    url: '/search/?q=file&risk=high&category=write',
    ready: async (page) => {
      await expect(page.locator('catalog-search')).toHaveAttribute('data-state', 'done');
    },
  },
  {
    kind: 'search results',
    url: '/search/?q=write_file',
    ready: async (page) => {
      await expect(page.locator('catalog-search')).toHaveAttribute('data-state', 'done');
    },
  },
  {
    kind: 'method (search-as-you-type results open)',
    url: '/method/',
    ready: async (page) => {
      await page.getByLabel('Search tools by name').focus();
      await page.keyboard.type('write');
      await expect(page.getByRole('listbox', { name: 'Search results' })).toBeVisible();
      await page.keyboard.press('ArrowDown');
    },
  },
  { kind: 'accuracy', url: '/accuracy/' },
  { kind: 'labelling', url: '/accuracy/labelling/' },
  { kind: 'policy format', url: '/policy/' },
  { kind: 'not found', url: '/404.html' },
];

for (const scheme of ['light', 'dark'] as const) {
  for (const { kind, url, ready } of PAGES) {
    test(`axe (WCAG 2.1 AA) finds no serious violation on the ${kind} page, ${scheme} scheme`, async ({ page }) => {
      // The home page lists every server: axe needs longer than the default there.
      test.setTimeout(180_000);
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(url);
      await ready?.(page);
      const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const serious = violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}, ${v.nodes.length} nodes): ${v.help}; first: ${v.nodes[0]?.target.join(' ')}`);
      expect(serious, `${url} in the ${scheme} scheme`).toEqual([]);
    });
  }
}

test('the dark scheme follows the system preference', async ({ page }) => {
  await page.goto('/');
  const background = (): Promise<string> => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  const light = await background();
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await background();
  expect(light).toBe('rgb(255, 255, 255)');
  expect(dark).not.toBe(light);
});

test('every page links a favicon that is served, and robots.txt points at the sitemap', async ({ page, request }) => {
  await page.goto(tool.url);
  const icon = await page.locator('link[rel="icon"]').getAttribute('href');
  expect(icon).not.toBeNull();
  const served = await request.get(icon ?? '');
  expect(served.status()).toBe(200);
  expect(served.headers()['content-type']).toContain('svg');
  const robots = await (await request.get('/robots.txt')).text();
  const sitemap = /^Sitemap: (\S+)$/m.exec(robots)?.[1];
  expect(sitemap, robots).toBeDefined();
  expect((await request.get(new URL(sitemap ?? '').pathname)).status()).toBe(200);
});

test('keyboard focus is visible: tabbing to a link draws an outline', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const outline = await page.evaluate(() => {
    const el = document.activeElement;
    return el === null ? '' : getComputedStyle(el).outlineStyle;
  });
  expect(outline).not.toBe('none');
});
