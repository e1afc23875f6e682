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

/** Every HTML file of the built site, in a stable order. */
async function htmlFiles(site: string): Promise<string[]> {
  const entries = await readdir(site, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** Milliseconds one shard spent reading and adding its pages, and writing its bundle. */
interface ShardTiming {
  pages: number;
  addMs: number;
  writeMs: number;
}

/** One shard's index while it is being filled: pages are added until it holds SHARD_PAGES. */
class Shard {
  pages = 0;
  private readonly started = performance.now();
  private readonly index: pagefind.PagefindIndex;
  private readonly outputPath: string;

  private constructor(index: pagefind.PagefindIndex, outputPath: string) {
    this.index = index;
    this.outputPath = outputPath;
  }

  static async open(outputPath: string): Promise<Shard> {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    return new Shard(index, outputPath);
  }

  async add(site: string, file: string, content: string): Promise<void> {
    const added = await this.index.addHTMLFile({ sourcePath: relative(site, file), content });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${file}: ${added.errors.join('; ')}`);
    this.pages += 1;
  }

  async write(): Promise<ShardTiming> {
    const added = performance.now();
    try {
      const written = await this.index.writeFiles({ outputPath: this.outputPath });
      if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
      return { pages: this.pages, addMs: added - this.started, writeMs: performance.now() - added };
    } finally {
      // A new process per shard: its memory is returned before the next shard starts.
      await pagefind.close();
    }
  }
}

/**
 * Reads each page once, in batches of IN_FLIGHT, and adds the marked ones (each shard must see only
 * marked pages: Pagefind indexes a whole page when its index has no marked one) to the current
 * shard, which is written once it is full.
 */
async function writeShards(site: string): Promise<{ bundles: string[]; timings: ShardTiming[] }> {
  const files = await htmlFiles(site);
  const bundles: string[] = [];
  const timings: ShardTiming[] = [];
  const bundleOf = (i: number): string => (i === 0 ? '/pagefind/' : `/pagefind-${i + 1}/`);
  let shard: Shard | undefined;
  const close = async (): Promise<void> => {
    if (shard === undefined) return;
    timings.push(await shard.write());
    shard = undefined;
  };
  for (let i = 0; i < files.length; i += IN_FLIGHT) {
    const batch = await Promise.all(files.slice(i, i + IN_FLIGHT).map(async (file) => ({ file, content: await readFile(file, 'utf8') })));
    let marked = batch.filter((page) => page.content.includes('data-pagefind-body'));
    while (marked.length > 0) {
      if (shard === undefined) {
        const bundle = bundleOf(bundles.length);
        bundles.push(bundle);
        shard = await Shard.open(join(site, bundle));
      }
      const open: Shard = shard;
      const take = marked.slice(0, SHARD_PAGES - open.pages);
      marked = marked.slice(take.length);
      await Promise.all(take.map((page) => open.add(site, page.file, page.content)));
      if (open.pages >= SHARD_PAGES) await close();
    }
  }
  await close();
  // A catalog with no indexed page still gets its (empty) first bundle, which the search page loads.
  if (bundles.length === 0) {
    bundles.push(bundleOf(0));
    timings.push(await (await Shard.open(join(site, bundleOf(0)))).write());
  }
  return { bundles, timings };
}

export default function pagefindIndex(): AstroIntegration {
  return {
    name: 'catalog:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const started = performance.now();
        const { bundles, timings } = await writeShards(site);
        await writeFile(join(site, 'pagefind', 'shards.json'), `${JSON.stringify(bundles.slice(1))}\n`);
        const ms = (x: number): number => Math.round(x);
        const pages = timings.reduce((sum, t) => sum + t.pages, 0);
        logger.info(`indexed ${pages} pages in ${bundles.length} shard(s) in ${ms(performance.now() - started)} ms`);
        // The split, for `npm run bench`: per shard, reading and adding its pages, then writing its bundle.
        logger.info(`shards ${timings.map((t) => `${t.pages} pages add ${ms(t.addMs)} ms write ${ms(t.writeMs)} ms`).join('; ')}`);
      },
    },
  };
}
