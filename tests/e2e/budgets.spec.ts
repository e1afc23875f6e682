import { expect, test } from '@playwright/test';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * Page-weight budgets over every tool page of the built site (no browser: the bytes on disk are what
 * a visitor downloads before the search box is focused). Search loads its code on focus and
 * Pagefind on the first keystroke, so neither counts here.
 */
const DIST = join(import.meta.dirname, '../../dist');
const PAGE_BUDGET = 10 * 1024;
const SCRIPT_BUDGET = 2 * 1024;

const gz = (text: string | Buffer): number => gzipSync(text, { level: 9 }).length;

function toolPages(dir = join(DIST, 'servers')): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...toolPages(path));
    else if (entry.name === 'index.html' && path.includes('/tools/')) out.push(path);
  }
  return out;
}

const assetCache = new Map<string, string>();
function asset(url: string): string {
  let text = assetCache.get(url);
  if (text === undefined) {
    text = readFileSync(join(DIST, url), 'utf8');
    assetCache.set(url, text);
  }
  return text;
}

/** A module and every module it imports statically (dynamic `import()` loads later, on demand). */
function moduleGraph(url: string, seen = new Set<string>()): Set<string> {
  if (seen.has(url)) return seen;
  seen.add(url);
  const dir = url.slice(0, url.lastIndexOf('/') + 1);
  for (const m of asset(url).matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w{},*\s$]+from\s*)?["'`](\.\/[^"'`]+)["'`]/g)) {
    moduleGraph(dir + (m[1] ?? '').slice(2), seen);
  }
  return seen;
}

interface Weight {
  page: string;
  total: number;
  html: number;
  css: number;
  js: number;
}

function weigh(file: string): Weight {
  const html = readFileSync(file, 'utf8');
  const css = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].reduce((sum, m) => sum + gz(asset(m[1] ?? '')), 0);
  const modules = new Set<string>();
  for (const m of html.matchAll(/<script type="module" src="([^"]+)"/g)) for (const url of moduleGraph(m[1] ?? '')) modules.add(url);
  const external = [...modules].reduce((sum, url) => sum + gz(asset(url)), 0);
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '').join('\n');
  const js = external + (inline.trim() === '' ? 0 : gz(inline));
  const page = file.slice(DIST.length);
  return { page, total: gz(html) + css + external, html: gz(html), css, js };
}

test('every tool page is at most 10 KB gzipped with its CSS and JS, and loads at most 2 KB of JS before search is focused', async () => {
  test.setTimeout(300_000);
  expect(existsSync(DIST), 'build the site first (npm run build)').toBe(true);
  const weights = toolPages().map(weigh);
  expect(weights.length).toBeGreaterThan(0);
  const heaviest = weights.reduce((a, b) => (b.total > a.total ? b : a));
  const mostScript = weights.reduce((a, b) => (b.js > a.js ? b : a));
  test.info().annotations.push(
    { type: 'heaviest page', description: `${heaviest.page}: ${heaviest.total} B gzipped (HTML ${heaviest.html}, CSS ${heaviest.css})` },
    { type: 'most script', description: `${mostScript.page}: ${mostScript.js} B gzipped` },
  );
  console.log(`budgets over ${weights.length} tool pages: heaviest ${heaviest.page} ${heaviest.total} B (HTML ${heaviest.html}, CSS ${heaviest.css}); most JS ${mostScript.js} B`);
  expect(weights.filter((w) => w.total > PAGE_BUDGET).map((w) => `${w.page} ${w.total} B`)).toEqual([]);
  expect(weights.filter((w) => w.js > SCRIPT_BUDGET).map((w) => `${w.page} ${w.js} B of JS`)).toEqual([]);
});

test('a page that shows a shortened definition links the whole of it, and that file holds what the page left out', async ({ request }) => {
  const cut = toolPages().find((file) => readFileSync(file, 'utf8').includes('more characters in the full definition'));
  expect(cut, 'the catalog has a tool whose description is longer than a page shows').toBeDefined();
  const url = (cut ?? '').slice(DIST.length).replace(/index\.html$/, '');
  const page = await request.get(url);
  const html = await page.text();
  const link = html.match(/<a href="([^"]+definition\.json)"/)?.[1];
  expect(link).toBe(`${url}definition.json`);
  const response = await request.get(link ?? '');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/json');
  const definition = (await response.json()) as { name?: unknown; description?: unknown };
  expect(typeof definition.name).toBe('string');
  const shown = html.match(/<p class="tool-description">([\s\S]*?)<span/)?.[1] ?? '';
  expect(shown.length).toBeGreaterThan(100);
  expect(String(definition.description).length).toBeGreaterThan(shown.length);
});
