/**
 * The golden file of the catalog's verdicts (tests/golden/verdicts.json): per server id, per tool,
 * `"<category> <risk> <confidence>"` plus the established flags, comma-separated, and for a write or
 * financial verdict the suggested `destructiveHint` after a bar (the one suggestion the category
 * does not settle: a read suggests none, destructive and execute always true). One line per
 * tool, servers by id (code-unit order), tools in the server's order, the first definition of a
 * repeated name only (as the site shows it). A classifier change becomes a reviewable diff of it.
 * Pure: `scripts/golden.ts` writes it, a unit test recomputes and compares.
 */
import type { Tool, Verdict } from '../schema.ts';
import { classifyTool } from './index.ts';

export interface GoldenServer {
  id: string;
  tools: readonly Tool[];
}

/** One tool's line value: `destructive high high` or `write high high permission-change | destructiveHint: true`. */
export function goldenLine(verdict: Verdict): string {
  const flags = verdict.flags.map((f) => f.flag).join(',');
  const open = verdict.category === 'write' || verdict.category === 'financial';
  const hint = open ? ` | destructiveHint: ${String(verdict.suggestedAnnotations.destructiveHint === true)}` : '';
  return `${verdict.category} ${verdict.risk} ${verdict.confidence}${flags === '' ? '' : ` ${flags}`}${hint}`;
}

/** Server id → [tool name, line] in order. */
export function goldenEntries(servers: readonly GoldenServer[]): Array<[string, Array<[string, string]>]> {
  return [...servers]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((server) => {
      const seen = new Set<string>();
      const lines: Array<[string, string]> = [];
      for (const tool of server.tools) {
        if (seen.has(tool.name)) continue;
        seen.add(tool.name);
        lines.push([tool.name, goldenLine(classifyTool(tool))]);
      }
      return [server.id, lines];
    });
}

/**
 * The file's bytes. Written by hand rather than by `JSON.stringify` so that tool order is the
 * server's even for names like "7" (an object would move those first); still valid JSON.
 */
export function goldenText(servers: readonly GoldenServer[]): string {
  const blocks = goldenEntries(servers).map(([id, lines]) => {
    const body = lines.map(([name, line]) => `    ${JSON.stringify(name)}: ${JSON.stringify(line)}`).join(',\n');
    return lines.length === 0 ? `  ${JSON.stringify(id)}: {}` : `  ${JSON.stringify(id)}: {\n${body}\n  }`;
  });
  return blocks.length === 0 ? '{}\n' : `{\n${blocks.join(',\n')}\n}\n`;
}

/** Reads a golden file back into the same entries (for diffs). */
export function parseGolden(text: string): Map<string, Map<string, string>> {
  const parsed: unknown = JSON.parse(text);
  const out = new Map<string, Map<string, string>>();
  if (typeof parsed !== 'object' || parsed === null) return out;
  for (const [id, tools] of Object.entries(parsed)) {
    const lines = new Map<string, string>();
    if (typeof tools === 'object' && tools !== null) for (const [name, line] of Object.entries(tools)) lines.set(name, String(line));
    out.set(id, lines);
  }
  return out;
}

/** What changed between two golden files, one line per server or tool, for a test failure message. */
export function goldenDiff(before: string, after: string): string[] {
  const a = parseGolden(before);
  const b = parseGolden(after);
  const out: string[] = [];
  const ids = [...new Set([...a.keys(), ...b.keys()])].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  for (const id of ids) {
    const old = a.get(id);
    const now = b.get(id);
    if (old === undefined) {
      out.push(`+ ${id} (new server, ${now?.size ?? 0} tools)`);
      continue;
    }
    if (now === undefined) {
      out.push(`- ${id} (server gone)`);
      continue;
    }
    for (const [name, line] of now) {
      const was = old.get(name);
      if (was === undefined) out.push(`+ ${id}/${name}: ${line}`);
      else if (was !== line) out.push(`~ ${id}/${name}: ${was} → ${line}`);
    }
    for (const name of old.keys()) if (!now.has(name)) out.push(`- ${id}/${name}`);
  }
  return out;
}
