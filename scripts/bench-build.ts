/**
 * Build benchmark: makes a synthetic catalog of N tools from the real snapshots (same shapes,
 * renamed copies spread over servers of 100 tools), builds it into a temp directory and reports,
 * per N: build seconds (total, Astro, Pagefind), the peak resident memory of every process (Astro's
 * Node and Pagefind's binary), Pagefind's cost per page and the size of its index and of what one
 * query downloads. With several N it prints how each figure grows against the tool count.
 *
 *   npm run bench -- [N …] [--rebuild] [--search] [--keep] [--cpu-prof DIR]      N defaults to 50000; e.g. 25000 50000 100000
 *
 * `--rebuild` then changes one server (a tool description) and builds again into the same output
 * and cache: the time a one-server change takes to publish. `--search` measures search on each
 * built catalog in Chromium (scripts/bench-search.ts). `--cpu-prof DIR` writes Node's CPU
 * profile of each size's Astro build to DIR/astro-N.cpuprofile (open it in Chrome's DevTools).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServerSnapshot } from '../src/core/schema.ts';
import { readSnapshots } from '../src/ingest/snapshot.ts';
import { benchSearch, type SearchFigures } from './bench-search.ts';
import { isolatedBuild, type IsolatedBuild } from './isolated-build.ts';

const args = process.argv.slice(2);
const rebuild = args.includes('--rebuild');
/** `--search`: after each build, measure search in Chromium against its output (scripts/bench-search.ts). */
const withSearch = args.includes('--search');
/** `--keep`: leave each built site in place (its path is printed), e.g. for `npm run bench:search -- DIR`. */
const keep = args.includes('--keep');
const profileAt = args.indexOf('--cpu-prof');
/** `--cpu-prof DIR`: Node's CPU profile of each Astro build, written into DIR (one .cpuprofile per build). */
const profileDir = profileAt >= 0 ? args[profileAt + 1] : undefined;
if (profileAt >= 0 && (profileDir === undefined || profileDir.startsWith('--'))) throw new Error('usage: --cpu-prof needs a directory');
const sizes = args.filter((a, i) => !a.startsWith('--') && (profileAt < 0 || i !== profileAt + 1)).map(Number);
if (sizes.length === 0) sizes.push(50_000);
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`usage: npm run bench -- [N …] [--rebuild] [--search] [--keep] [--cpu-prof DIR] (got ${args.join(' ')})`);

const PER_SERVER = 100;
/** What src/integrations/pagefind.ts logs when it is done. */
const PAGEFIND_LINE = /catalog:pagefind\] indexed (\d+) pages in (\d+) shard\(s\) in (\d+) ms/;
/** Results a search page shows (src/pages/search.astro): the fragments one query loads at most. */
const RESULTS_SHOWN = 30;
const root = join(import.meta.dirname, '..');
const seeds = readSnapshots(join(root, 'content/servers'));
const seedTools = seeds.flatMap((s) => s.tools);
if (seedTools.length === 0) throw new Error('content/servers has no tools to copy');
const base = seeds[0] as ServerSnapshot;

function writeCatalog(total: number, serversDir: string): void {
  mkdirSync(serversDir, { recursive: true });
  for (let s = 0; s * PER_SERVER < total; s += 1) {
    const count = Math.min(PER_SERVER, total - s * PER_SERVER);
    const tools = Array.from({ length: count }, (_, i) => {
      const seed = seedTools[(s * PER_SERVER + i) % seedTools.length]!;
      return { ...seed, name: `${seed.name}_${s}_${i}` };
    });
    const id = `bench-server-${String(s).padStart(4, '0')}`;
    writeFileSync(join(serversDir, `${id}.json`), JSON.stringify({ ...base, id, name: id, tools }));
  }
}

/** Changes the first tool's description of the first server, as a re-ingest of one server would. */
function changeOneServer(serversDir: string): void {
  const file = join(serversDir, 'bench-server-0000.json');
  const server = JSON.parse(readFileSync(file, 'utf8')) as ServerSnapshot;
  const [first] = server.tools;
  if (first !== undefined) first.description = `${first.description ?? ''} (changed)`;
  writeFileSync(file, JSON.stringify(server));
}

function filesOf(dir: string): Array<{ name: string; bytes: number }> {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesOf(join(dir, e.name)).map((f) => ({ ...f, name: `${e.name}/${f.name}` })) : [{ name: e.name, bytes: statSync(join(dir, e.name)).size }],
  );
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
const mb = (bytes: number): number => Math.round(bytes / 1024 / 102.4) / 10;
const round1 = (x: number): number => Math.round(x * 10) / 10;

interface Result {
  tools: number;
  pages: number;
  buildSeconds: number;
  astroSeconds: number;
  /** Astro's page rendering ("generating static routes"), part of astroSeconds. */
  renderSeconds: number;
  pagefindSeconds: number;
  astroPeakMB: number;
  pagefindPeakMB: number;
  pagefindMsPerPage: number;
  pagefindKBPerPage: number;
  indexMB: number;
  indexFiles: number;
  shards: number;
  /** What a search for one word downloads: loader, wasm, metadata, the word's index chunk, the shown results' fragments. */
  queryKB: number;
  metaKB: number;
  toolPageHtmlBytes: number;
  /** Mean milliseconds Astro reports per page (`(+2ms)`), over the first and the last tenth of the pages it rendered. */
  pageMsFirstTenth: number;
  pageMsLastTenth: number;
  /** Pagefind per shard: reading and adding its pages, then writing its bundle (seconds). */
  pagefindShards: Array<{ pages: number; addSeconds: number; writeSeconds: number }>;
  /** With --search: keystroke and facet-change latencies on this catalog (warm index). */
  search?: SearchFigures;
  rebuildSeconds?: number;
  rebuildPagefindSeconds?: number;
  rebuildCachedPages?: number;
}

/** Astro's `(+2ms)` / `(+1.20s)` after each page it rendered, in order. */
function pageTimes(output: string): number[] {
  return [...output.matchAll(/\(\+(?:(\d+)m )?([\d.]+)(ms|s)?\)/g)].map((m) => Number(m[1] ?? 0) * 60_000 + Number(m[2]) * (m[3] === 'ms' ? 1 : 1000));
}

const mean = (xs: readonly number[]): number => Math.round((sum(xs) / Math.max(xs.length, 1)) * 100) / 100;

/** What src/integrations/pagefind.ts logs after PAGEFIND_LINE. */
function pagefindSplit(output: string): Pick<Result, 'pagefindShards'> {
  const split = /catalog:pagefind\] shards (.*)/.exec(output);
  const shards = [...(split?.[1] ?? '').matchAll(/(\d+) pages add (\d+) ms write (\d+) ms/g)].map((m) => ({
    pages: Number(m[1]),
    addSeconds: round1(Number(m[2]) / 1000),
    writeSeconds: round1(Number(m[3]) / 1000),
  }));
  return { pagefindShards: shards };
}

function measure(tools: number, build: IsolatedBuild): Result {
  const line = (re: RegExp): RegExpExecArray | null => re.exec(build.output);
  const indexed = line(PAGEFIND_LINE);
  const pagefindSeconds = Number(indexed?.[3] ?? 0) / 1000;
  // Astro prints `✓ Completed in 850ms.`, `in 42.76s.` or `in 1m 11s.`
  const render = line(/generating static routes[\s\S]*?✓ Completed in (?:(\d+)m )?([\d.]+)(m?s)/);
  const renderSeconds = render ? Number(render[1] ?? 0) * 60 + Number(render[2]) / (render[3] === 'ms' ? 1000 : 1) : 0;
  const [astro, ...children] = build.peaks;
  const pagefindPeak = Math.max(0, ...children.filter((p) => p.name.startsWith('pagefind')).map((p) => p.peakBytes));
  const pages = Number(indexed?.[1] ?? 0);
  // One bundle per shard: pagefind/, pagefind-2/ … (src/integrations/pagefind.ts).
  const bundles = readdirSync(build.outDir).filter((d) => /^pagefind(-\d+)?$/.test(d));
  const index = bundles.flatMap((d) => filesOf(join(build.outDir, d)));
  const bytesOf = (re: RegExp): number[] => index.filter((f) => re.test(f.name)).map((f) => f.bytes);
  const fragments = bytesOf(/^fragment\//);
  const meta = sum(bytesOf(/\.pf_meta$/));
  const loader = sum(bytesOf(/^(pagefind\.js|pagefind-entry\.json|wasm\.en\.pagefind|shards\.json)$/));
  // A query loads, from every shard, its metadata and the index chunk holding the word.
  const chunk = sum(bundles.map((d) => Math.max(0, ...filesOf(join(build.outDir, d, 'index')).map((f) => f.bytes))));
  const sample = join(build.outDir, 'servers', 'bench-server-0000', 'tools');
  const firstTool = readdirSync(sample).sort()[0]!;
  const times = pageTimes(build.output);
  const tenth = Math.max(1, Math.floor(times.length / 10));
  return {
    tools,
    pages,
    buildSeconds: round1(build.seconds),
    astroSeconds: round1(build.seconds - pagefindSeconds),
    renderSeconds: round1(renderSeconds),
    pagefindSeconds: round1(pagefindSeconds),
    astroPeakMB: mb(astro?.peakBytes ?? 0),
    pagefindPeakMB: mb(pagefindPeak),
    pagefindMsPerPage: Math.round((pagefindSeconds * 1000 * 100) / Math.max(pages, 1)) / 100,
    pagefindKBPerPage: Math.round((pagefindPeak / 1024 / Math.max(pages, 1)) * 100) / 100,
    indexMB: mb(sum(index.map((f) => f.bytes))),
    indexFiles: index.length,
    shards: bundles.length,
    queryKB: Math.round((loader + meta + chunk + RESULTS_SHOWN * (sum(fragments) / Math.max(fragments.length, 1))) / 1024),
    metaKB: Math.round(meta / 1024),
    toolPageHtmlBytes: statSync(join(sample, firstTool, 'index.html')).size,
    pageMsFirstTenth: mean(times.slice(0, tenth)),
    pageMsLastTenth: mean(times.slice(-tenth)),
    ...pagefindSplit(build.output),
  };
}

const results: Result[] = [];
for (const tools of sizes) {
  const work = mkdtempSync(join(tmpdir(), 'catalog-bench-'));
  const serversDir = join(work, 'servers');
  writeCatalog(tools, serversDir);
  const build = await isolatedBuild(serversDir, profileDir === undefined ? {} : { nodeArgs: ['--cpu-prof', '--cpu-prof-dir', profileDir, '--cpu-prof-name', `astro-${tools}.cpuprofile`] });
  try {
    if (!build.ok) {
      console.error(build.output);
      throw new Error(`benchmark build of ${tools} tools failed`);
    }
    const result = measure(tools, build);
    if (withSearch) result.search = await benchSearch(build.outDir);
    if (rebuild) {
      changeOneServer(serversDir);
      const again = await isolatedBuild(serversDir, { work: build.work });
      if (!again.ok) {
        console.error(again.output);
        throw new Error(`benchmark rebuild of ${tools} tools failed`);
      }
      result.rebuildSeconds = round1(again.seconds);
      result.rebuildPagefindSeconds = round1(Number(PAGEFIND_LINE.exec(again.output)?.[3] ?? 0) / 1000);
      result.rebuildCachedPages = again.output.split('\n').filter((l) => l.includes('(cached)') || l.includes('(restored)')).length;
    }
    results.push(result);
    console.log(JSON.stringify(result));
  } finally {
    if (keep) console.log(`kept ${build.outDir} (catalog ${serversDir})`);
    else {
      build.cleanup();
      rmSync(work, { recursive: true, force: true });
    }
  }
}

if (results.length > 1) {
  const columns = ['tools', 'buildSeconds', 'astroSeconds', 'renderSeconds', 'pagefindSeconds', 'astroPeakMB', 'pagefindPeakMB', 'indexMB', 'queryKB'] as const;
  console.log(`\n${columns.join('\t')}`);
  for (const r of results) console.log(columns.map((c) => r[c]).join('\t'));
  console.log('\ngrowth from the size before (each figure ×):');
  for (const [i, r] of results.entries()) {
    const before = results[i - 1];
    if (before === undefined) continue;
    console.log(columns.map((c) => `${c} ×${(Number(r[c]) / Math.max(Number(before[c]), 1e-9)).toFixed(2)}`).join('  '));
  }
}
