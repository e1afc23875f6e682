/**
 * Builds the Pagefind search index from the finished site, in-process through Pagefind's Node API
 * (no second CLI step to forget). Only pages marked `data-pagefind-body` are indexed.
 *
 * Pagefind holds a whole index in memory until it writes it (about 45 KB per page, measured with
 * `npm run bench`), so a large catalog is indexed in shards of SHARD_PAGES pages, each by a fresh
 * Pagefind process: `/pagefind/` for the first, `/pagefind-2/`, `/pagefind-3/` … for the others.
 * `/pagefind/shards.json` lists the others; the search page merges them into the first with
 * Pagefind's `mergeIndex`, so a query searches the whole catalog.
 */
import type { AstroIntegration } from 'astro';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

/** Pages per shard: bounds Pagefind's peak memory (about 1.1 GB for 25,000 tool pages); overridable to test sharding on a small catalog. */
const SHARD_PAGES = Number(process.env['CATALOG_SEARCH_SHARD_PAGES'] ?? 25_000);
/** Files handed to Pagefind at once. */
const IN_FLIGHT = 8;

async function indexedPages(site: string): Promise<string[]> {
  const entries = await readdir(site, { recursive: true, withFileTypes: true });
  const html = entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));
  const marked: string[] = [];
  for (const file of html.sort()) {
    // Each shard must see only marked pages: Pagefind indexes a whole page when its index has no marked one.
    if ((await readFile(file, 'utf8')).includes('data-pagefind-body')) marked.push(file);
  }
  return marked;
}

async function writeShard(site: string, files: readonly string[], outputPath: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    let next = 0;
    const worker = async (): Promise<void> => {
      for (let file = files[next++]; file !== undefined; file = files[next++]) {
        const added = await index.addHTMLFile({ sourcePath: relative(site, file), content: await readFile(file, 'utf8') });
        if (added.errors.length > 0) throw new Error(`Pagefind could not index ${file}: ${added.errors.join('; ')}`);
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  } finally {
    // A new process per shard: its memory is returned before the next shard starts.
    await pagefind.close();
  }
}

export default function pagefindIndex(): AstroIntegration {
  return {
    name: 'catalog:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const started = performance.now();
        const pages = await indexedPages(site);
        const shards: string[] = [];
        for (let i = 0; i * SHARD_PAGES < Math.max(pages.length, 1); i += 1) {
          const bundle = i === 0 ? '/pagefind/' : `/pagefind-${i + 1}/`;
          await writeShard(site, pages.slice(i * SHARD_PAGES, (i + 1) * SHARD_PAGES), join(site, bundle));
          if (i > 0) shards.push(bundle);
        }
        await writeFile(join(site, 'pagefind', 'shards.json'), `${JSON.stringify(shards)}\n`);
        logger.info(`indexed ${pages.length} pages in ${shards.length + 1} shard(s) in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
