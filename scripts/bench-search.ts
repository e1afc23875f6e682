/**
 * Search benchmark: serves a built site on loopback, opens it in Chromium and measures, once the
 * index is warm, how long results take to appear after a keystroke — from the input event to the
 * rendered list, the debounce included — in the header's search-as-you-type box and for a facet
 * change on the results page. Queries are tool names and name parts taken from the site's own name
 * index, plus common words, so the same command works on the real catalog and on a benchmark one.
 *
 *   npm run bench:search -- [DIST] [--queries N]      DIST defaults to dist/ (build it first)
 *
 * Prints one JSON line (`quickMs`, `facetResultsMs`, `facetCountsMs`: p50, p95 and max) and a table.
 */
import { chromium, type Page } from '@playwright/test';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { preview } from 'vite';
import { chromiumLaunchOptions } from './chromium.ts';

export interface Spread {
  p50: number;
  p95: number;
  max: number;
}

export interface SearchFigures {
  queries: number;
  quickMs: Spread;
  /** Ticking a facet value: until its first results show, and until every facet's counts are updated. */
  facetResultsMs: Spread;
  facetCountsMs: Spread;
}

const WORDS = ['file', 'delete', 'issue', 'query', 'send email', 'list', 'create', 'search', 'user', 'database'];

function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN);
  return { p50: at(0.5), p95: at(0.95), max: Math.round(sorted.at(-1) ?? NaN) };
}

/** Names from the site's name index, spread over its shards (deterministic: every k-th). */
function sampleQueries(dist: string, count: number): string[] {
  const dir = join(dist, 'search-names');
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as Array<{ name: string }>).map((e) => e.name));
  const step = Math.max(1, Math.floor(names.length / count));
  const picked = names.filter((_, i) => i % step === 0).slice(0, count);
  // Whole names, and their first half: what someone has typed halfway through a name.
  return [...picked.flatMap((n) => [n, n.slice(0, Math.max(3, Math.ceil(n.length / 2)))]), ...WORDS];
}

/** Milliseconds from an input event carrying `query` to the header's list showing its results. */
async function quickSearch(page: Page, query: string): Promise<number> {
  return page.evaluate(
    (q) =>
      new Promise<number>((done, fail) => {
        const input = document.querySelector<HTMLInputElement>('#site-search');
        const list = document.querySelector('#quick-results');
        if (!input || !list) return fail(new Error('no search box'));
        const shown = () => (list.querySelector('#quick-results-all')?.textContent ?? '').includes(`“${q}”`);
        const started = performance.now();
        const observer = new MutationObserver(() => {
          if (!shown()) return;
          observer.disconnect();
          done(performance.now() - started);
        });
        observer.observe(list, { childList: true, subtree: true, characterData: true });
        input.value = q;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        setTimeout(() => fail(new Error(`no results for ${q} in 10 s`)), 10_000);
      }),
    query,
  );
}

/** Milliseconds from ticking a facet value on the results page to its results being shown, and to the counts being updated. */
async function facetChange(page: Page, facet: string, value: string): Promise<{ results: number; counts: number }> {
  return page.evaluate(
    ([key, v]) =>
      new Promise<{ results: number; counts: number }>((done, fail) => {
        const root = document.querySelector<HTMLElement>('catalog-search');
        const box = document.querySelector<HTMLInputElement>(`fieldset[data-facet="${key}"] input[value="${v}"]`);
        if (!root || !box) return fail(new Error(`no facet ${key}=${v}`));
        const started = performance.now();
        const list = root.querySelector('[data-results]');
        let results: number | undefined;
        let counts: number | undefined;
        const observer = new MutationObserver(() => {
          // Results have appeared when the new search's first ones are in the list (or it says there are none).
          if (results === undefined && root.dataset['state'] !== 'idle' && ((list?.childElementCount ?? 0) > 0 || root.dataset['state'] === 'done')) results = performance.now() - started;
          if (counts === undefined && root.dataset['counts'] === 'ready') counts = performance.now() - started;
          if (results === undefined || counts === undefined) return;
          observer.disconnect();
          done({ results, counts });
        });
        box.checked = !box.checked;
        box.dispatchEvent(new Event('change', { bubbles: true }));
        observer.observe(root, { attributes: true, attributeFilter: ['data-state', 'data-counts'], childList: true, subtree: true });
        setTimeout(() => fail(new Error(`facet ${key}=${v} did not finish in 10 s`)), 10_000);
      }),
    [facet, value] as const,
  );
}

export async function benchSearch(dist: string, count = 20): Promise<SearchFigures> {
  if (!existsSync(join(dist, 'pagefind'))) throw new Error(`${dist}: no pagefind/ here; build the site first (npm run build)`);
  const server = await preview({ configFile: false, logLevel: 'silent', build: { outDir: resolve(dist) }, preview: { host: '127.0.0.1', port: 0 } });
  const base = server.resolvedUrls?.local[0];
  const browser = await chromium.launch({ ...chromiumLaunchOptions(), headless: true });
  try {
    if (base === undefined) throw new Error('the preview server did not say where it listens');
    const page = await browser.newPage();
    await page.goto(`${base}method/`);
    await page.locator('#site-search').focus();
    // Focus loads search-as-you-type; it makes the box a combobox once it listens.
    await page.locator('#site-search[role="combobox"]').waitFor();
    // Warm: the first searches load Pagefind, its shards and the name index's files they need.
    const queries = sampleQueries(dist, count);
    for (const q of queries) await quickSearch(page, q);
    const quick: number[] = [];
    for (const q of queries) quick.push(await quickSearch(page, q));

    await page.goto(`${base}search/?q=file`);
    await page.locator('catalog-search[data-state="done"]').waitFor();
    const facet: Array<{ results: number; counts: number }> = [];
    const toggles: Array<[string, string]> = [
      ['risk', 'high'],
      ['category', 'write'],
      ['annotations', 'none'],
      ['confidence', 'high'],
    ];
    for (let round = 0; round < 3; round += 1) for (const [key, value] of toggles) facet.push(await facetChange(page, key, value));
    const warm = facet.slice(toggles.length);
    return { queries: queries.length, quickMs: spread(quick), facetResultsMs: spread(warm.map((f) => f.results)), facetCountsMs: spread(warm.map((f) => f.counts)) };
  } finally {
    await browser.close();
    await new Promise<void>((done) => server.httpServer.close(() => done()));
  }
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--queries');
  const count = at >= 0 ? Number(args[at + 1]) : 20;
  const dist = args.find((a, i) => !a.startsWith('--') && (at < 0 || i !== at + 1)) ?? 'dist';
  const figures = await benchSearch(dist, count);
  console.log(JSON.stringify(figures));
  console.log(`\nsearch on ${dist}, warm index, ${figures.queries} queries\n\t\tp50\tp95\tmax (ms)`);
  console.log(`as you type\t${figures.quickMs.p50}\t${figures.quickMs.p95}\t${figures.quickMs.max}`);
  console.log(`facet: results\t${figures.facetResultsMs.p50}\t${figures.facetResultsMs.p95}\t${figures.facetResultsMs.max}`);
  console.log(`facet: counts\t${figures.facetCountsMs.p50}\t${figures.facetCountsMs.p95}\t${figures.facetCountsMs.max}`);
}
