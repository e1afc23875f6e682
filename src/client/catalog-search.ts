/**
 * Searching the catalog in the browser, shared by the header's search-as-you-type box and the
 * search page: Pagefind (every shard of it, src/integrations/pagefind.ts) for words anywhere in a
 * tool's name, title, description or server, and the name index (src/core/search-names.ts) so a
 * tool whose name is, or begins with, what was typed comes first. Loaded only when a search starts.
 */
import { pagefindFilters, type SearchState } from '../core/facets.ts';
import { nameMatches, namePrefix, namesQueryable, type NameEntry } from '../core/search-names.ts';

export interface SearchHit {
  url: string;
  name: string;
  server?: string | undefined;
  risk?: string | undefined;
  category?: string | undefined;
  /** Plain text (Pagefind's excerpt with its markup removed). */
  excerpt: string;
}

interface PagefindResultData {
  url: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
  excerpt: string;
}
interface PagefindResult {
  data(): Promise<PagefindResultData>;
}
/** Value → count, per filter name. */
export type FilterCounts = Record<string, Record<string, number>>;
interface PagefindResponse {
  results: PagefindResult[];
  /** Per filter value: how many results there would be with that value required as well. */
  filters: FilterCounts;
}
interface Pagefind {
  init(): Promise<void>;
  mergeIndex(path: string): Promise<void>;
  search(query: string | null, options?: { filters?: Record<string, { any: string[] }> }): Promise<PagefindResponse>;
  /** Every filter's values with their page counts; loads the filter index, which counts on a query need. */
  filters(): Promise<FilterCounts>;
}

/**
 * Two Pagefind instances (the module imported under two URLs): Pagefind counts every filter whose
 * data it has loaded on every search, which on a large catalog costs far more than the search
 * itself. Results come from an instance that loads only the filters a search uses; facet counts
 * from one that loads them all, asked after the results are shown.
 */
const instances = new Map<'results' | 'counts', Promise<Pagefind>>();

/** Pagefind with every shard merged in, loaded once per page and purpose. */
export function loadPagefind(purpose: 'results' | 'counts' = 'results'): Promise<Pagefind> {
  let instance = instances.get(purpose);
  if (instance === undefined) {
    instance = (async () => {
      // Built at run time: Pagefind's files exist only after the build, so the bundler must not resolve them.
      const url = new URL('/pagefind/pagefind.js', location.href);
      if (purpose === 'counts') url.search = '?counts';
      const module = (await import(/* @vite-ignore */ url.href)) as Pagefind;
      const shards = (await (await fetch('/pagefind/shards.json')).json()) as string[];
      await Promise.all(shards.map((shard) => module.mergeIndex(shard)));
      await module.init();
      // Pagefind counts filter values only from filter data it has loaded; filters() loads it all.
      if (purpose === 'counts') await module.filters();
      return module;
    })();
    instances.set(purpose, instance);
  }
  return instance;
}

const nameShardCache = new Map<string, Promise<NameEntry[]>>();

/** Tools whose name is or begins with the query, from the name index (at most `limit`). */
export async function namesFor(query: string, limit: number): Promise<NameEntry[]> {
  if (!namesQueryable(query)) return [];
  const prefix = namePrefix(query);
  let shard = nameShardCache.get(prefix);
  if (shard === undefined) {
    shard = fetch(`/search-names/${prefix}.json`)
      .then(async (r) => (r.ok ? ((await r.json()) as NameEntry[]) : []))
      .catch(() => []);
    nameShardCache.set(prefix, shard);
  }
  return nameMatches(await shard, query, limit);
}

function plainText(html: string): string {
  return new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';
}

function hitOf(d: PagefindResultData): SearchHit {
  return {
    url: d.url,
    name: d.meta['title'] ?? d.url,
    server: d.filters['server']?.[0],
    risk: d.filters['risk']?.[0]?.toLowerCase(),
    category: d.filters['category']?.[0],
    excerpt: plainText(d.excerpt),
  };
}

export interface CatalogSearch {
  /** Pagefind's result count (the name index's matches are among them). */
  total: number;
  /** Per facet, how many results each of its values has under the other facets' choices: counted when asked, so the first results are not kept waiting. */
  counts(): Promise<FilterCounts>;
  /** Loads the next `count` hits after those already loaded; name matches come first. */
  more(count: number): Promise<SearchHit[]>;
}

/** Facets a name-index entry can answer; with any other facet chosen, names are not put first. */
const NAME_FACETS: Record<string, (e: NameEntry) => string> = { risk: (e) => e.risk, category: (e) => e.category, server: (e) => e.server };

function nameFits(entry: NameEntry, filters: SearchState['filters']): boolean {
  return Object.entries(filters).every(([key, values]) => values.includes(NAME_FACETS[key]?.(entry) ?? ''));
}

/**
 * Per facet, the counts of its values: a facet with values chosen is counted under the other
 * facets' choices only (values within a facet are alternatives), so choosing `high` still shows
 * how many `critical` results there are.
 */
async function facetCounts(state: SearchState): Promise<FilterCounts> {
  const index = await loadPagefind('counts');
  const query = state.query === '' ? null : state.query;
  const main = await index.search(query, { filters: pagefindFilters(state) });
  const counts: FilterCounts = { ...main.filters };
  const chosen = Object.keys(state.filters).filter((key) => (state.filters[key] ?? []).length > 0);
  const others = await Promise.all(chosen.map((key) => index.search(query, { filters: pagefindFilters(state, key) })));
  chosen.forEach((key, i) => {
    counts[key] = others[i]?.filters[key] ?? {};
  });
  return counts;
}

/**
 * Starts a search: name matches first (when the chosen facets are ones a name entry can answer),
 * then Pagefind's ranking without repeating them. An empty query with facets lists every page
 * that has the chosen values.
 */
export async function searchCatalog(state: SearchState, options: { nameLimit?: number; counts?: boolean } = {}): Promise<CatalogSearch> {
  const { query, filters } = state;
  const nameLimit = options.nameLimit ?? 10;
  const namesApply = query !== '' && Object.keys(filters).every((key) => key in NAME_FACETS);
  const [index, names] = await Promise.all([loadPagefind(), namesApply ? namesFor(query, nameLimit * 4) : Promise.resolve([])]);
  const { results } = await index.search(query === '' ? null : query, { filters: pagefindFilters(state) });
  let counted: Promise<FilterCounts> | undefined;
  const counts = (): Promise<FilterCounts> => (counted ??= options.counts === true ? facetCounts(state) : Promise.resolve({}));
  const first: SearchHit[] = names
    .filter((e) => nameFits(e, filters))
    .slice(0, nameLimit)
    .map((e) => ({ url: e.url, name: e.name, server: e.server, risk: e.risk, category: e.category, excerpt: '' }));
  const shown = new Set(first.map((h) => h.url));
  const pending = [...first];
  let next = 0;
  return {
    total: Math.max(results.length, first.length),
    counts,
    async more(count) {
      const out = pending.splice(0, count);
      while (out.length < count && next < results.length) {
        const batch = await Promise.all(results.slice(next, next + (count - out.length)).map((r) => r.data()));
        next += batch.length;
        for (const d of batch) {
          if (shown.has(d.url)) continue;
          shown.add(d.url);
          out.push(hitOf(d));
        }
      }
      return out;
    },
  };
}
