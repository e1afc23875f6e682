/**
 * The name index beside Pagefind: every tool's exact name, in small JSON shards by the name's first
 * two letters or digits, so the search page puts a tool whose name is the query first without
 * loading every Pagefind result (a name like `execute` is one of hundreds of pages that contain
 * the word). Pure: `src/pages/search-names/[prefix].json.ts` writes the shards.
 */

/** One tool in the name index. */
export interface NameEntry {
  name: string;
  url: string;
  server: string;
  risk: string;
  category: string;
}

/** The shard a name belongs to: its first two letters or digits, lowercased (`_` stands in for none). */
export function namePrefix(name: string): string {
  return (nameChars(name).slice(0, 2) || '_').padEnd(2, '_');
}

/** The letters and digits a name's shard is chosen by, lowercased. */
function nameChars(name: string): string {
  return name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]/g, '');
}

/** Whether a query has the two letters or digits that pick its shard (a shorter one matches too many names). */
export function namesQueryable(query: string): boolean {
  return nameChars(query).length >= 2;
}

/** The entries grouped by `namePrefix`, each shard sorted by name then URL. */
export function nameShards(entries: readonly NameEntry[]): Map<string, NameEntry[]> {
  const shards = new Map<string, NameEntry[]>();
  for (const e of entries) {
    const key = namePrefix(e.name);
    const shard = shards.get(key) ?? [];
    shard.push(e);
    shards.set(key, shard);
  }
  for (const shard of shards.values()) shard.sort((a, b) => (a.name === b.name ? (a.url < b.url ? -1 : 1) : a.name < b.name ? -1 : 1));
  return shards;
}

/** The entries of a shard whose name is the query, ignoring case and surrounding space. */
export function exactMatches(shard: readonly NameEntry[], query: string): NameEntry[] {
  const q = query.trim().toLowerCase();
  return shard.filter((e) => e.name.toLowerCase() === q);
}

/** A name or query with case and the separators people type interchangeably (space, `_`, `-`, `.`, `/`) made alike. */
function comparable(text: string): string {
  return text.trim().toLowerCase().replace(/[\s_./-]+/g, '_');
}

/**
 * The entries of a shard a query typed so far names: exact matches first, then names that begin
 * with the query (`write_f`, `write f` → `write_file`), shorter names first; at most `limit`.
 */
export function nameMatches(shard: readonly NameEntry[], query: string, limit: number): NameEntry[] {
  const q = comparable(query);
  if (q === '') return [];
  const exact: NameEntry[] = [];
  const starting: NameEntry[] = [];
  for (const e of shard) {
    const name = comparable(e.name);
    if (name === q) exact.push(e);
    else if (name.startsWith(q)) starting.push(e);
  }
  starting.sort((a, b) => a.name.length - b.name.length || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return [...exact, ...starting].slice(0, limit);
}
