/**
 * node --disable-warning=ExperimentalWarning scripts/sample-hand-labels.ts [options]
 *
 * Draws the candidates for the hand-labelled evaluation set (content/labels/hand.json, guide in
 * docs/labelling.md) and prints each one for a person to read: server, tool name, title,
 * description, and every parameter with its type and description. Deterministic: the same
 * snapshots and seed always give the same candidates in the same order.
 *
 * The population is every tool that declares neither readOnlyHint nor destructiveHint and has a
 * non-empty description. Nothing here reads the classifier: labels must stay independent of it.
 *
 * Options:
 *   --from N --count M     print candidates N .. N+M-1 of the draw (default: all)
 *   --list                 print only `server<TAB>tool`, one a line
 *   --oversample CATEGORY  instead of the main draw, draw extra candidates for one category
 *                          (destructive | execute | financial | write) from the remaining tools
 *                          whose names contain one of that category's words (and do not start
 *                          with a read verb), from servers with < 6 tools in the set, round-robin
 *                          over servers; tools already in content/labels/hand.json are skipped
 *   --seed S               global seed (default 20260101)
 *   --stats                print population and draw sizes only
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { ServerSnapshot, Tool } from '../src/core/schema.ts';
import { readSnapshots } from '../src/ingest/snapshot.ts';

const ROOT = join(import.meta.dirname, '..');
const DEFAULT_SEED = 20260101;
/** Most tools one server may contribute to the whole set (main draw plus over-sampling). */
const MAX_PER_SERVER = 6;

/**
 * Words that make a tool a candidate for over-sampling one category, matched against the words of
 * its name (split at `_`, `-`, `.`, spaces and camelCase humps, lowercased). A name whose first
 * word is a read verb (get, list, fetch, …) is never a candidate: it would almost always be a read.
 */
const OVERSAMPLE_WORDS: Record<string, RegExp> = {
  destructive:
    /^(delete|deletes|remove|removes|drop|purge|destroy|truncate|erase|wipe|clear|revoke|uninstall|overwrite|replace|discard|reset)$/,
  execute: /^(execute|exec|run|eval|evaluate|shell|command|commands|script|sql|query|graphql|request|invoke|call)$/,
  financial:
    /^(pay|payment|payments|refund|refunds|charge|charges|invoice|invoices|order|orders|purchase|purchases|bill|bills|billing|subscription|subscriptions|transfer|credit|quote|quotes|transaction|transactions|overpayment|prepayment)$/,
  write:
    /^(create|add|update|send|set|post|edit|move|rename|start|stop|restart|assign|upload|publish|trigger|deploy|enable|disable|archive|merge|approve|cancel)$/,
};
const READ_VERBS = /^(get|list|fetch|search|describe|read|show|find|retrieve|lookup|check|view|count)$/;

/** The words of a tool name: `getUserById` → get, user, by, id; `create-credit-note` → create, credit, note. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

/** True when the name has a word of the category and does not start with a read verb. */
export function oversampleMatch(name: string, words: RegExp): boolean {
  const ws = nameWords(name);
  return !READ_VERBS.test(ws[0] ?? '') && ws.some((w) => words.test(w));
}

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

export interface Candidate {
  server: string;
  tool: Tool;
}

/** True when the tool declares neither readOnlyHint nor destructiveHint. */
export function declaresNoHints(tool: Tool): boolean {
  return tool.annotations?.readOnlyHint === undefined && tool.annotations?.destructiveHint === undefined;
}

/** The tools of one snapshot that belong to the population, in the server's order. */
export function eligibleTools(snapshot: ServerSnapshot): Tool[] {
  return snapshot.tools.filter((t) => declaresNoHints(t) && (t.description ?? '').trim() !== '');
}

/** 32-bit FNV-1a of a string: turns (seed, server id) into a PRNG seed. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: small, fast, good enough for drawing a sample; returns floats in [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates with a PRNG seeded from the global seed, a salt and the server id. */
function shuffled<T>(items: readonly T[], seed: number, salt: string, server: string): T[] {
  const random = mulberry32(fnv1a(`${seed}:${salt}:${server}`));
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** How many tools the main draw takes from a server with `eligible` tools. */
export function mainQuota(eligible: number): number {
  return Math.min(eligible, 3) + (eligible >= 30 ? 1 : 0);
}

/** The main draw: per server (in id order), the first mainQuota() tools of its seeded shuffle. */
export function mainDraw(snapshots: readonly ServerSnapshot[], seed: number): Candidate[] {
  const out: Candidate[] = [];
  for (const s of [...snapshots].sort((a, b) => a.id.localeCompare(b.id))) {
    const tools = eligibleTools(s);
    for (const tool of shuffled(tools, seed, 'main', s.id).slice(0, mainQuota(tools.length))) {
      out.push({ server: s.id, tool });
    }
  }
  return out;
}

/** `server\ttool` keys already in content/labels/hand.json (empty when the file does not exist). */
function labelledKeys(): Set<string> {
  const path = join(ROOT, 'content', 'labels', 'hand.json');
  if (!existsSync(path)) return new Set();
  const file = JSON.parse(readFileSync(path, 'utf8')) as { labels: { server: string; tool: string }[] };
  return new Set(file.labels.map((l) => `${l.server}\t${l.tool}`));
}

/**
 * Over-sampling for one category: tools not in the main draw nor already labelled, whose names
 * match the category's words, from servers that still have room (< MAX_PER_SERVER in the set).
 * Round-robin over servers (each server's matches in its own seeded order), so no server dominates.
 */
export function oversampleDraw(
  snapshots: readonly ServerSnapshot[],
  seed: number,
  category: string,
  taken: ReadonlySet<string>,
): Candidate[] {
  const words = OVERSAMPLE_WORDS[category];
  if (words === undefined) throw new Error(`--oversample: unknown category ${category}`);
  const perServer = new Map<string, number>();
  for (const key of taken) {
    const server = key.split('\t')[0] ?? '';
    perServer.set(server, (perServer.get(server) ?? 0) + 1);
  }
  const queues: Candidate[][] = [];
  for (const s of [...snapshots].sort((a, b) => a.id.localeCompare(b.id))) {
    const room = MAX_PER_SERVER - (perServer.get(s.id) ?? 0);
    if (room <= 0) continue;
    const matches = eligibleTools(s).filter((t) => oversampleMatch(t.name, words) && !taken.has(`${s.id}\t${t.name}`));
    const queue = shuffled(matches, seed, `over:${category}`, s.id)
      .slice(0, room)
      .map((tool) => ({ server: s.id, tool }));
    if (queue.length > 0) queues.push(queue);
  }
  // Servers in a seeded order, then one candidate from each in turn.
  const order = shuffled(queues, seed, `over-order:${category}`, '');
  const out: Candidate[] = [];
  for (let round = 0; out.length < order.reduce((n, q) => n + q.length, 0); round++) {
    for (const q of order) {
      const c = q[round];
      if (c !== undefined) out.push(c);
    }
  }
  return out;
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max)} […${flat.length - max} more chars]`;
}

/** The parameters of a JSON Schema, one line each (nested object properties one level deep). */
function describeParams(schema: Record<string, unknown> | undefined): string[] {
  const props = (schema?.['properties'] ?? {}) as Record<string, Record<string, unknown>>;
  const required = new Set((schema?.['required'] ?? []) as string[]);
  const lines: string[] = [];
  for (const [name, p] of Object.entries(props)) {
    const type = p['type'] ?? (p['anyOf'] ? 'anyOf' : p['oneOf'] ? 'oneOf' : '?');
    const en = Array.isArray(p['enum']) ? ` enum=${JSON.stringify(p['enum'])}` : '';
    const desc = typeof p['description'] === 'string' ? ` — ${clip(p['description'], 300)}` : '';
    lines.push(`    ${name}${required.has(name) ? '*' : ''} (${JSON.stringify(type)})${en}${desc}`);
    const items = p['items'] as Record<string, unknown> | undefined;
    const inner = (p['properties'] ? p : items?.['properties'] ? items : undefined) as Record<string, unknown> | undefined;
    if (inner) for (const l of describeParams(inner)) lines.push(`    ${l}`);
  }
  return lines;
}

function printCandidate(i: number, c: Candidate): void {
  const t = c.tool;
  console.log(`#${i} ${c.server} :: ${t.name}${t.title ? `  (title: ${t.title})` : ''}`);
  if (t.annotations && Object.keys(t.annotations).length > 0) console.log(`  annotations: ${JSON.stringify(t.annotations)}`);
  console.log(`  ${clip(t.description ?? '', 2500)}`);
  const params = describeParams(t.inputSchema);
  if (params.length > 0) {
    console.log('  params:');
    for (const l of params) console.log(l);
  }
  console.log('');
}

function main(): void {
  const { values } = parseArgs({
    options: {
      from: { type: 'string' },
      count: { type: 'string' },
      list: { type: 'boolean' },
      oversample: { type: 'string' },
      seed: { type: 'string' },
      stats: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(readFileSync(import.meta.filename, 'utf8').split('*/')[0]);
    return;
  }
  const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
  const snapshots = readSnapshots(join(ROOT, 'content', 'servers'));
  const main = mainDraw(snapshots, seed);
  let draw = main;
  if (values.oversample !== undefined) {
    const taken = labelledKeys();
    for (const c of main) taken.add(`${c.server}\t${c.tool.name}`);
    draw = oversampleDraw(snapshots, seed, values.oversample, taken);
  }
  if (values.stats) {
    const population = snapshots.reduce((n, s) => n + eligibleTools(s).length, 0);
    const servers = snapshots.filter((s) => eligibleTools(s).length > 0).length;
    console.log(`population: ${population} tools from ${servers} servers; draw: ${draw.length} candidates`);
    return;
  }
  const from = Number(values.from ?? 0);
  const count = values.count === undefined ? draw.length : Number(values.count);
  const slice = draw.slice(from, from + count);
  slice.forEach((c, k) => {
    if (values.list) console.log(`${c.server}\t${c.tool.name}`);
    else printCandidate(from + k, c);
  });
}

if (import.meta.filename === process.argv[1]) main();
