import type { APIRoute, GetStaticPaths } from 'astro';
import { definitionJson, getCatalog, type ToolEntry } from '../../../../../data.ts';

// Only tools whose page shows a bounded view of the definition get the whole of it as a file.
export const getStaticPaths = (async () => {
  const { tools } = await getCatalog();
  return tools
    .filter((tool) => tool.definitionUrl !== undefined)
    .map((tool) => ({ params: { server: tool.serverId, tool: tool.slug }, props: { tool }, cacheKey: tool.server.digest }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ tool: ToolEntry }> = ({ props }) =>
  new Response(definitionJson(props.tool), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
