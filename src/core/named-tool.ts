/**
 * Tools a source knows by name only (`namedTools` of a snapshot) get pages too, marked partial.
 * The classifier sees what is known: the name, and the description when it is text.
 */
import type { NamedTool, ServerSnapshot, Tool } from './schema.ts';

export function namedToolAsTool(named: NamedTool): Tool {
  return typeof named['description'] === 'string' ? { name: named.name, description: named['description'] } : { name: named.name };
}

/** Every tool of a snapshot that has a page: full tools first, then names-only ones. */
export function toolsWithPages(server: Pick<ServerSnapshot, 'tools' | 'namedTools'>): Tool[] {
  return [...server.tools, ...(server.namedTools ?? []).map(namedToolAsTool)];
}
