import type { APIRoute, GetStaticPaths } from 'astro';
import { nameShards, type NameEntry } from '../../core/search-names.ts';
import { getCatalog } from '../../data.ts';

/** One JSON file per name prefix: `/search-names/ex.json` holds every tool whose name starts with “ex”. */
export const getStaticPaths = (async () => {
  const catalog = await getCatalog();
  const entries: NameEntry[] = catalog.tools.map((t) => ({ name: t.name, url: t.url, server: t.serverName, risk: t.verdict.risk, category: t.verdict.category }));
  return [...nameShards(entries)].map(([prefix, shard]) => ({ params: { prefix }, props: { shard } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response(JSON.stringify((props as { shard: NameEntry[] }).shard), { headers: { 'content-type': 'application/json' } });
