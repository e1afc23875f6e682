/**
 * Searching the catalog in the browser, shared by the header's search-as-you-type box and the
 * search page: Pagefind (every shard of it, src/integrations/pagefind.ts) for words anywhere in a
 * tool's name, title, description or server, and the name index (src/core/search-names.ts) so a
 * tool whose name is, or begins with, what was typed comes first. Loaded only when a search starts.
 */
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
interface Pagefind {
  init(): Promise<void>;
  mergeIndex(path: string): Promise<void>;
  search(query: string): Promise<{ results: PagefindResult[] }>;
}

let pagefind: Promise<Pagefind> | undefined;

/** Pagefind with every shard merged in, loaded once per page. */
export function loadPagefind(): Promise<Pagefind> {
  pagefind ??= (async () => {
    const url = '/pagefind/pagefind.js';
    const module = (await import(/* @vite-ignore */ url)) as Pagefind;
    const shards = (await (await fetch('/pagefind/shards.json')).json()) as string[];
    await Promise.all(shards.map((shard) => module.mergeIndex(shard)));
    await module.init();
    return module;
  })();
  return pagefind;
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
  /** Loads the next `count` hits after those already loaded; name matches come first. */
  more(count: number): Promise<SearchHit[]>;
}

/** Starts a search: name matches first, then Pagefind's ranking without repeating them. */
export async function searchCatalog(query: string, nameLimit = 10): Promise<CatalogSearch> {
  const [index, names] = await Promise.all([loadPagefind(), namesFor(query, nameLimit)]);
  const { results } = await index.search(query);
  const first: SearchHit[] = names.map((e) => ({ url: e.url, name: e.name, server: e.server, risk: e.risk, category: e.category, excerpt: '' }));
  const shown = new Set(first.map((h) => h.url));
  const pending = [...first];
  let next = 0;
  return {
    total: Math.max(results.length, first.length),
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
