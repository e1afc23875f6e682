/**
 * What the tests expect the site to show, derived from the committed snapshots with the same pure
 * core the site uses — so a test fails when a page disagrees with the data, not when data changes.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifyTool } from '../../src/core/classify/index.ts';
import { HAND_LABELS_FILE, parseHandLabels } from '../../src/core/eval/hand-labels.ts';
import { buildEvalReport, type EvalReport } from '../../src/core/eval/report.ts';
import { parseSplit, SPLIT_FILE } from '../../src/core/eval/split.ts';
import { recommendToolPolicy } from '../../src/core/policy/recommend.ts';
import { stringifyPolicy } from '../../src/core/policy/stringify.ts';
import { toolsWithPages } from '../../src/core/named-tool.ts';
import { ServerSnapshotSchema, type ServerSnapshot, type Verdict } from '../../src/core/schema.ts';
import { toolSlug } from '../../src/core/slug.ts';

const DIR = join(import.meta.dirname, '../../content/servers');

export function loadSnapshots(): ServerSnapshot[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ServerSnapshotSchema.parse(JSON.parse(readFileSync(join(DIR, f), 'utf8'))));
}

export interface ExpectedTool {
  server: ServerSnapshot;
  name: string;
  url: string;
  verdict: Verdict;
  policyJson: string;
}

/** Every tool with a page: full tools, then those known by name only. */
export const toolsOf = toolsWithPages;

export function expectedTool(server: ServerSnapshot, name: string): ExpectedTool {
  const tool = toolsOf(server).find((t) => t.name === name);
  if (!tool) throw new Error(`${server.id} has no tool ${name}`);
  const verdict = classifyTool(tool);
  return {
    server,
    name,
    url: `/servers/${server.id}/tools/${toolSlug(name)}/`,
    verdict,
    policyJson: stringifyPolicy(recommendToolPolicy(name, verdict.risk)),
  };
}

/** A snapshot by id, failing loudly if the catalog lacks it. */
export function server(id: string): ServerSnapshot {
  const found = loadSnapshots().find((s) => s.id === id);
  if (!found) throw new Error(`content/servers has no ${id}.json`);
  return found;
}

/** The reference filesystem server: the acceptance flows use its write_file. */
export const FILESYSTEM = 'modelcontextprotocol-server-filesystem';

/** The evaluation the /accuracy/ page should show: the same pure report, from the committed label files. */
export function expectedAccuracy(): EvalReport {
  const root = join(import.meta.dirname, '../..');
  const read = (file: string): string | undefined => (existsSync(join(root, file)) ? readFileSync(join(root, file), 'utf8') : undefined);
  const split = read(SPLIT_FILE);
  const hand = read(HAND_LABELS_FILE);
  return buildEvalReport({
    servers: loadSnapshots(),
    split: split === undefined ? undefined : parseSplit(split),
    hand: hand === undefined ? undefined : parseHandLabels(hand),
  });
}

export interface CatalogTool {
  server: ServerSnapshot;
  tool: ReturnType<typeof toolsWithPages>[number];
  verdict: Verdict;
  slug: string;
  url: string;
}

let everyTool: CatalogTool[] | undefined;

/** Every tool that has a page, with its verdict: the first definition of a name a server lists twice, as the site shows. */
export function catalogTools(): CatalogTool[] {
  everyTool ??= loadSnapshots().flatMap((server) => {
    const seen = new Set<string>();
    return toolsWithPages(server).flatMap((tool) => {
      if (seen.has(tool.name)) return [];
      seen.add(tool.name);
      const slug = toolSlug(tool.name);
      return [{ server, tool, verdict: classifyTool(tool), slug, url: `/servers/${server.id}/tools/${slug}/` }];
    });
  });
  return everyTool;
}
