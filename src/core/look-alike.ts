/**
 * Look-alike servers: forks and re-packagings that list exactly the same tools as another server.
 * Pure; compares tool names only (descriptions often differ by a word in a fork).
 */

/** Fewer tools than this say too little to call two servers alike. */
export const LOOK_ALIKE_MIN_TOOLS = 3;

/** Servers of LOOK_ALIKE_MIN_TOOLS or more tools whose tool-name sets are identical, grouped; each group in catalog order. */
export function lookAlikeGroups(servers: ReadonlyArray<{ id: string; tools: ReadonlyArray<{ name: string }> }>): string[][] {
  const byKey = new Map<string, string[]>();
  for (const server of servers) {
    if (server.tools.length < LOOK_ALIKE_MIN_TOOLS) continue;
    const key = server.tools
      .map((t) => t.name)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      .join('\n');
    byKey.set(key, [...(byKey.get(key) ?? []), server.id]);
  }
  return [...byKey.values()].filter((ids) => ids.length > 1);
}
