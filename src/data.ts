/**
 * The one module that queries content collections. It classifies every tool once per build and
 * returns view models; pages and components only receive props.
 */
import type { PaginateFunction } from 'astro';
import { getCollection, render, type CollectionEntry } from 'astro:content';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { EVAL_GOALS_TEST, type Score } from './core/classify/accuracy.ts';
import { classifyTool } from './core/classify/index.ts';
import { renderRationale } from './core/classify/rationale.ts';
import { HAND_LABELS_FILE, LABELLING_GUIDE_FILE } from './core/eval/hand-labels.ts';
import { buildEvalReport, categoryAccuracy, figuresOf, type HandTotals, type SetTotals } from './core/eval/report.ts';
import { SPLIT_FILE, SPLIT_RULE, type EvalSet } from './core/eval/split.ts';
import { BROWSE_DIMENSIONS, groupByDimension, sharedNames, type BrowseDimension } from './core/browse.ts';
import { cacheKey } from './core/cache-key.ts';
import { annotationCoverage, type AnnotationCoverage } from './core/facets.ts';
import { FAILURE_CLASS_LABELS } from './core/failure-class.ts';
import { buildToolFaq, type FaqItem } from './core/faq.ts';
import { installHint } from './core/install-hint.ts';
import { lookAlikeGroups } from './core/look-alike.ts';
import { namedToolAsTool } from './core/named-tool.ts';
import { POLICY_TABLE, recommendServerPolicy, recommendToolPolicy } from './core/policy/recommend.ts';
import { stringifyPolicy } from './core/policy/stringify.ts';
import {
  FAILURE_CLASSES,
  RISK_LEVELS,
  type Category,
  type FailureClass,
  type NamedTool,
  type Provenance,
  type Registry,
  type Risk,
  type ServerSnapshot,
  type Tool,
  type ToolAnnotations,
  type Verdict,
  type VerificationEntry,
} from './core/schema.ts';
import { findSlugCollisions, toolSlug } from './core/slug.ts';
import { inlineDefinition, type InlineDefinition } from './core/tool-page.ts';

/**
 * One tool as the catalog holds it for every page that lists, counts or links it. It is small and
 * mostly references into the snapshot, so the catalog can hold one for every tool; what only the
 * tool's own page shows is derived from `source` when that page renders (`toolPageView`).
 */
export interface ToolEntry {
  name: string;
  slug: string;
  url: string;
  serverId: string;
  serverName: string;
  serverUrl: string;
  description: string | undefined;
  verdict: Verdict;
  /** True when the source knows only the tool's name (and maybe a one-line purpose): no schema. */
  partial: boolean;
  /** Per-tool gating as the source records it (flags or switches the tool needs), as text. */
  gating: string | undefined;
  /** Placeholders that stand for capture-time values in this server's text → what they stand for. */
  placeholders: Readonly<Record<string, string>>;
  /** Where the snapshot file lists the tool: its page reads the definition from there. */
  definition: DefinitionRef;
  /** The definition as sent, as its own JSON file: only for tools whose page shows a bounded view of it. */
  definitionUrl: string | undefined;
  /** How much of the MCP hint set the server declares for it (a search facet, a column of the cross-server view). */
  annotationCoverage: AnnotationCoverage;
  /** Set when other servers have a tool of the same name: their side-by-side view, and how many servers it lists. */
  sameName: { url: string; servers: number } | undefined;
  /** What the tool page says about its server; one object shared by the server's tools. */
  server: ServerFacts;
}

/** A tool's place in its snapshot file: `tools[index]`, or `namedTools[index]` for a names-only tool. */
export interface DefinitionRef {
  file: string;
  list: 'tools' | 'namedTools';
  index: number;
}

/** Facts about a server that its tools' pages state. */
export interface ServerFacts {
  /** The snapshot file's content digest: a tool page shows nothing else that can change, so it is the page's cache key. */
  digest: string;
  package: string;
  version: string;
  registry: Registry;
  /** How and when the tool list was captured, e.g. `listed from the running server on 22 Nov 2026`. */
  provenanceNote: string;
}

/** Everything one tool page shows: its entry, and what is derived for that page alone. */
export interface ToolView extends ToolEntry {
  title: string | undefined;
  /** Annotations exactly as declared, or undefined when the server declares none. */
  annotations: ToolAnnotations | undefined;
  rationale: string[];
  /** What the page prints of the description, parameters and schemas. */
  inline: InlineDefinition;
  policyJson: string;
  faq: FaqItem[];
}

export type RiskMix = Record<Risk, number>;

export interface ServerView {
  id: string;
  name: string;
  description: string | undefined;
  url: string;
  provenance: Provenance;
  warnings: string[];
  tools: ToolEntry[];
  riskMix: RiskMix;
  policyJson: string;
  /** Tools the source knows by name only (they have pages too, marked partial). */
  namedToolCount: number;
  /** The last ingest attempt, if content/verification.json records one. */
  verification: VerificationEntry | undefined;
  /** How to install and start it as captured (undefined for a hosted server). */
  installHint: string | undefined;
  /** Other servers that list exactly the same tool names: forks or re-packagings. */
  lookAlikes: Array<{ id: string; name: string; url: string }>;
  /** Changes whenever anything the server page shows does (Astro's incremental build reuses the page otherwise). */
  cacheKey: string;
}

/** A source whose last capture failed; with no snapshot it has no server page, only this entry. */
export interface FailedSource {
  id: string;
  reason: string;
  /** The kind of failure; `start` for entries recorded before classes were. */
  failureClass: FailureClass;
  lastAttempt: string;
  /** The server page still shows the last good snapshot. */
  serverUrl: string | undefined;
}

export interface Catalog {
  servers: ServerView[];
  tools: ToolEntry[];
  riskMix: RiskMix;
  failedSources: FailedSource[];
  /** Failed sources per class, in FAILURE_CLASSES order, empty classes left out. */
  failureCounts: Array<{ failureClass: FailureClass; label: string; count: number }>;
  /** Tool names more than one server has, most widespread first. */
  sharedNames: SharedName[];
}

const DATE_FORMAT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** Dates render the same on every machine: explicit locale, UTC. */
export function formatDate(iso: string): string {
  return DATE_FORMAT.format(new Date(iso));
}

export function emptyRiskMix(): RiskMix {
  return { low: 0, medium: 0, high: 0, critical: 0 };
}

function countRisks(tools: readonly ToolEntry[]): RiskMix {
  const mix = emptyRiskMix();
  for (const tool of tools) mix[tool.verdict.risk] += 1;
  return mix;
}

function provenanceNote(p: Provenance): string {
  if (p.method === 'live-introspection') return `listed from the running server on ${formatDate(p.capturedAt)}`;
  return `imported from a manifest captured from ${p.source.repository} at commit ${p.source.commit.slice(0, 12)} on ${formatDate(p.capturedAt)}`;
}

/** What the recommended policy does with a tool of this risk, from the policy table. */
function policyEffect(risk: Risk): string {
  return POLICY_TABLE.find((row) => row.risk === risk)?.treatment ?? '';
}

function gatingText(tool: Tool | NamedTool): string | undefined {
  const gating = tool['gating'];
  if (gating === undefined || gating === null) return undefined;
  return typeof gating === 'string' ? gating : JSON.stringify(gating);
}

function toolEntry(server: ServerSnapshot, facts: ServerFacts, tool: Tool, definition: DefinitionRef, gating: string | undefined): ToolEntry {
  const slug = toolSlug(tool.name);
  const serverUrl = `/servers/${server.id}/`;
  const url = `${serverUrl}tools/${slug}/`;
  return {
    name: tool.name,
    slug,
    url,
    serverId: server.id,
    serverName: server.name,
    serverUrl,
    description: tool.description,
    verdict: classifyTool(tool),
    partial: definition.list === 'namedTools',
    gating,
    placeholders: server.provenance.placeholders ?? {},
    definition,
    definitionUrl: inlineDefinition(tool).cut ? `${url}definition.json` : undefined,
    annotationCoverage: annotationCoverage(tool.annotations),
    sameName: undefined,
    server: facts,
  };
}

type ServerEntry = CollectionEntry<'servers'>;

/** The snapshot file of a content-store entry, as a path from the working directory (the project root). */
function snapshotFile(entry: ServerEntry): string {
  return entry.filePath ?? `content/servers/${entry.id}.json`;
}

/**
 * A snapshot read from its file. The content store validated these bytes against the snapshot
 * schema (which neither adds nor drops fields), so they are parsed, not validated again.
 */
function readSnapshot(file: string): ServerSnapshot {
  return JSON.parse(readFileSync(resolve(file), 'utf8')) as ServerSnapshot;
}

/** The last snapshot a tool page read: tool pages render server by server, so one is enough. */
let lastRead: { file: string; snapshot: ServerSnapshot } | undefined;

/** A tool's definition as its snapshot file lists it. */
function readDefinition(ref: DefinitionRef): Tool {
  if (lastRead?.file !== ref.file) lastRead = { file: ref.file, snapshot: readSnapshot(ref.file) };
  const { snapshot } = lastRead;
  const tool = ref.list === 'tools' ? snapshot.tools[ref.index] : snapshot.namedTools?.[ref.index];
  if (tool === undefined) throw new Error(`${ref.file}: ${ref.list}[${ref.index}] is gone; the file changed during the build.`);
  return ref.list === 'tools' ? (tool as Tool) : namedToolAsTool(tool);
}

/** The definition exactly as the snapshot holds it, as pretty JSON: the file a tool page with a bounded view links. */
export function definitionJson(entry: ToolEntry): string {
  return `${JSON.stringify(readDefinition(entry.definition), null, 2)}\n`;
}

/** The view model of one tool page, derived from its entry (and its definition, read from the snapshot) when the page renders. */
export function toolPageView(entry: ToolEntry): ToolView {
  const { verdict } = entry;
  const tool = readDefinition(entry.definition);
  const rationale = renderRationale(verdict);
  return {
    ...entry,
    title: tool.title ?? tool.annotations?.title,
    annotations: tool.annotations,
    rationale,
    inline: inlineDefinition(tool),
    policyJson: stringifyPolicy(recommendToolPolicy(tool.name, verdict.risk)),
    faq: buildToolFaq({
      toolName: tool.name,
      description: tool.description,
      category: verdict.category,
      risk: verdict.risk,
      rationale: rationale[0] ?? '',
      serverName: entry.serverName,
      serverPackage: entry.server.package,
      serverVersion: entry.server.version,
      provenanceNote: entry.server.provenanceNote,
      policyEffect: policyEffect(verdict.risk),
      rateLimitSnippet: stringifyPolicy(recommendToolPolicy(tool.name, 'medium')),
      blockSnippet: stringifyPolicy(recommendToolPolicy(tool.name, 'critical')),
    }),
  };
}

function serverView(server: ServerSnapshot, file: string, digest: string, verification: VerificationEntry | undefined): ServerView {
  const named = server.namedTools ?? [];
  const collisions = findSlugCollisions([...server.tools, ...named].map((t) => t.name));
  if (collisions.length > 0) {
    const pairs = collisions.map(([a, b]) => `"${a}" and "${b}"`).join(', ');
    throw new Error(`${file}: tool names ${pairs} map to the same page on a case-insensitive disk; rename one with an override.`);
  }
  const warnings = [...server.warnings];
  const seen = new Set<string>();
  const tools: ToolEntry[] = [];
  const facts: ServerFacts = {
    digest,
    package: server.provenance.package,
    version: server.provenance.version,
    registry: server.provenance.registry,
    provenanceNote: provenanceNote(server.provenance),
  };
  const all = [
    ...server.tools.map((tool, index) => ({ tool, definition: { file, list: 'tools' as const, index }, gating: gatingText(tool) })),
    ...named.map((n, index) => ({ tool: namedToolAsTool(n), definition: { file, list: 'namedTools' as const, index }, gating: gatingText(n) })),
  ];
  for (const { tool, definition, gating } of all) {
    if (seen.has(tool.name)) {
      warnings.push(`The server lists "${tool.name}" more than once; the catalog shows its first definition.`);
      continue;
    }
    seen.add(tool.name);
    tools.push(toolEntry(server, facts, tool, definition, gating));
  }
  return {
    id: server.id,
    name: server.name,
    description: server.description,
    url: `/servers/${server.id}/`,
    provenance: server.provenance,
    warnings,
    tools,
    riskMix: countRisks(tools),
    policyJson: stringifyPolicy(recommendServerPolicy(tools.map((t) => t.verdict))),
    namedToolCount: named.length,
    verification,
    installHint: installHint(server.provenance),
    lookAlikes: [],
    cacheKey: '',
  };
}


async function loadCatalog(): Promise<Catalog> {
  const [entries, verified] = await Promise.all([getCollection('servers'), getCollection('verification')]);
  const verification = new Map(verified.map((v) => [v.id, v.data]));
  const digests = new Map<string, string>();
  const servers = entries
    .map((entry) => {
      const file = snapshotFile(entry);
      if (entry.data.id !== entry.id) {
        throw new Error(`${file}: field "id" is "${entry.data.id}" but the file is named "${entry.id}.json"; they must match.`);
      }
      const snapshot = readSnapshot(file);
      // The glob loader digests each file; the fallback covers a loader that does not.
      const digest = entry.digest === undefined ? cacheKey(snapshot) : String(entry.digest);
      digests.set(entry.id, digest);
      // The view keeps what lists and counts need; the snapshot itself is garbage after this.
      return serverView(snapshot, file, digest, verification.get(entry.id));
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const byId = new Map(servers.map((s) => [s.id, s]));
  for (const group of lookAlikeGroups(servers)) {
    for (const id of group) {
      const server = byId.get(id);
      if (server === undefined) continue;
      server.lookAlikes = group
        .filter((other) => other !== id)
        .flatMap((other) => {
          const o = byId.get(other);
          return o === undefined ? [] : [{ id: o.id, name: o.name, url: o.url }];
        });
    }
  }
  // The server page shows its snapshot, its last ingest attempt and its look-alikes.
  for (const server of servers) server.cacheKey = cacheKey(digests.get(server.id), server.verification, server.lookAlikes);
  const ids = new Set(servers.map((s) => s.id));
  const failedSources = verified
    .filter((v) => v.data.status === 'failed')
    .map((v) => ({
      id: v.id,
      reason: v.data.reason ?? 'no reason recorded',
      failureClass: v.data.failureClass ?? 'start',
      lastAttempt: v.data.lastAttempt,
      serverUrl: ids.has(v.id) ? `/servers/${v.id}/` : undefined,
    }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const tools = servers.flatMap((s) => s.tools);
  const failureCounts = FAILURE_CLASSES.map((failureClass) => ({
    failureClass,
    label: FAILURE_CLASS_LABELS[failureClass],
    count: failedSources.filter((f) => f.failureClass === failureClass).length,
  })).filter((c) => c.count > 0);
  return { servers, tools, riskMix: countRisks(tools), failedSources, failureCounts, sharedNames: linkSharedNames(tools) };
}

let catalog: Promise<Catalog> | undefined;

/** The whole catalog, built once per process. */
export function getCatalog(): Promise<Catalog> {
  catalog ??= loadCatalog();
  return catalog;
}

/** Risks from most to least severe, the order pages list them in. */
export const RISKS_DESCENDING: readonly Risk[] = [...RISK_LEVELS].reverse();

/** A server's tools grouped by risk, most severe first; empty groups are omitted. */
export function groupByRisk(tools: readonly ToolEntry[]): Array<{ risk: Risk; tools: ToolEntry[] }> {
  return RISKS_DESCENDING.map((risk) => ({ risk, tools: tools.filter((t) => t.verdict.risk === risk) })).filter(
    (g) => g.tools.length > 0,
  );
}

/** The cache key of one browse page: the counts in its tabs, its place among the pages and what its table shows of each tool. */
export function browseKey(page: { currentPage: number; lastPage: number; data: readonly ToolEntry[] }, counts: Readonly<Record<string, number>>): string {
  const rows = page.data.map((t) => [t.url, t.name, t.serverName, t.verdict.risk, t.verdict.category, t.verdict.confidence, t.description, t.placeholders]);
  return cacheKey(counts, page.currentPage, page.lastPage, rows);
}

/** Tools per browse page: keeps each page small however large the catalog grows. */
const BROWSE_PAGE_SIZE = 200;

export function browseDimension(key: BrowseDimension['key']): BrowseDimension {
  const dimension = BROWSE_DIMENSIONS.find((d) => d.key === key);
  if (dimension === undefined) throw new Error(`no browse dimension "${key}"`);
  return dimension;
}

/** Per value of a dimension, how many tools have it. */
export async function browseCounts(key: BrowseDimension['key']): Promise<Record<string, number>> {
  const { tools } = await getCatalog();
  const groups = groupByDimension(browseDimension(key), tools, (t) => t.verdict);
  return Object.fromEntries([...groups].map(([value, group]) => [value, group.length]));
}

/** The paged browse pages of one dimension: `/risk/high/`, `/risk/high/2/`, … for every value, empty values included. */
export async function browseStaticPaths(key: BrowseDimension['key'], paginate: PaginateFunction) {
  const dimension = browseDimension(key);
  const { tools } = await getCatalog();
  const groups = groupByDimension(dimension, tools, (t) => t.verdict);
  const counts = Object.fromEntries([...groups].map(([value, group]) => [value, group.length]));
  return dimension.values.flatMap((value) =>
    paginate(groups.get(value) ?? [], { params: { value }, props: { dimensionKey: key, value, counts }, pageSize: BROWSE_PAGE_SIZE }).map(
      (path) => ({ ...path, cacheKey: browseKey(path.props.page, counts) }),
    ),
  );
}

/** A tool name more than one server has, with every tool of that name. */
export interface SharedName {
  slug: string;
  name: string;
  /** The cross-server view: `/name/<slug>/`. */
  url: string;
  servers: number;
  riskMix: RiskMix;
  tools: ToolEntry[];
}

/** Tool names more than one server has: each gets a page comparing the servers' verdicts side by side. */
export async function sharedToolNames(): Promise<SharedName[]> {
  return (await getCatalog()).sharedNames;
}

/** Groups the tools by shared name and tells each member tool where its cross-server view is. */
function linkSharedNames(tools: readonly ToolEntry[]): SharedName[] {
  return sharedNames(tools, (t) => ({ slug: t.slug, serverId: t.serverId })).map(({ slug, servers, items }) => {
    const url = sharedNameUrl(slug);
    for (const tool of items) tool.sameName = { url, servers };
    return { slug, name: items[0]?.name ?? slug, url, servers, riskMix: countRisks(items), tools: items };
  });
}

function sharedNameUrl(slug: string): string {
  return `/name/${slug}/`;
}

// ---------------------------------------------------------------------------------------------
// /accuracy/: the evaluation, computed at build time from the snapshots and the label files
// ---------------------------------------------------------------------------------------------

/** The classifier's figure and the name-verb baseline's, side by side (fractions, or differences for a gap row). */
export interface FigurePair {
  classifier: number | undefined;
  baseline: number | undefined;
}

export interface AccuracyRow {
  label: string;
  /** Servers counted (undefined for a gap row or the hand-labelled set). */
  servers: number | undefined;
  /** Labelled tools counted (undefined for a gap row). */
  tools: number | undefined;
  /** `points`: the figures are development minus test. */
  kind: 'percent' | 'points';
  read: FigurePair;
  recall: FigurePair;
  precision: FigurePair;
  /** Hand-labelled set only: category agreement. */
  category: FigurePair | undefined;
}

export interface AccuracyServerRow {
  id: string;
  name: string;
  url: string;
  set: EvalSet;
  /** Every write labelled destructive: its destructive labels say only "not read-only". */
  blanket: boolean;
  row: AccuracyRow;
}

export interface AccuracyDisagreement {
  serverName: string;
  serverUrl: string;
  set: EvalSet;
  toolName: string;
  /** The tool's page (the catalog's own URL for it). */
  toolUrl: string;
  /** What the server declared, e.g. `readOnlyHint: false`. */
  declared: string;
  /** What the classifier makes of the tool with its annotations withheld. */
  classified: string;
  /** The verdict's first rationale sentence. */
  why: string;
}

export interface HandLabelsView {
  file: string;
  guide: string;
  sampledFrom: string;
  rows: AccuracyRow[];
  /** Labels whose server or tool the catalog does not have, as `server/tool`. */
  unmatched: string[];
  /** Labelled tools the verdict contradicts on some reading (read-vs-not, destructive or category). */
  contradicted: HandContradiction[];
}

export interface HandContradiction {
  serverName: string;
  serverUrl: string;
  set: EvalSet;
  toolName: string;
  toolUrl: string;
  /** The label, e.g. `write, destructive (judgement)`. */
  labelled: string;
  /** The verdict in the same terms, e.g. `read`. */
  classified: string;
}

export interface AccuracyView {
  splitFile: string;
  rule: string;
  /** Servers of the whole catalog per set. */
  catalog: Record<EvalSet, number>;
  /** Catalog servers not in the split file yet (given their hash set). */
  unlisted: string[];
  /** Servers whose annotations are only an SDK's defaults: not scored. */
  sdkDefaults: Array<{ name: string; url: string }>;
  /** Development, test, gap, all. */
  sets: AccuracyRow[];
  goals: { read: number; recall: number; gap: number };
  /** Empty when the test set meets the goals. */
  goalFailures: string[];
  servers: AccuracyServerRow[];
  disputed: AccuracyDisagreement[];
  /** How many disagreements there are in all (the disputed ones are listed). */
  disagreements: number;
  handFile: string;
  /** Undefined when there is no hand-labelled set yet. */
  hand: HandLabelsView | undefined;
  guideFile: string;
  /** The page that renders the labelling guide. */
  guideUrl: string;
}

function pair(classifier: number | undefined, baseline: number | undefined): FigurePair {
  return { classifier, baseline };
}

function scoreRow(label: string, servers: number | undefined, tools: number, classifier: Score, baseline: Score): AccuracyRow {
  const c = figuresOf(classifier);
  const b = figuresOf(baseline);
  return { label, servers, tools, kind: 'percent', read: pair(c.read, b.read), recall: pair(c.recall, b.recall), precision: pair(c.precision, b.precision), category: undefined };
}

function setRow(label: string, t: SetTotals): AccuracyRow {
  return scoreRow(label, t.servers, t.labelled, t.classifier, t.baseline);
}

function handRow(label: string, t: HandTotals): AccuracyRow {
  return { ...scoreRow(label, undefined, t.labels, t.classifier.score, t.baseline.score), category: pair(categoryAccuracy(t.classifier), categoryAccuracy(t.baseline)) };
}

function minus(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined || b === undefined ? undefined : a - b;
}

function gapRow(development: AccuracyRow, test: AccuracyRow): AccuracyRow {
  const gap = (d: FigurePair, t: FigurePair): FigurePair => pair(minus(d.classifier, t.classifier), minus(d.baseline, t.baseline));
  return {
    label: 'Gap (development − test)',
    servers: undefined,
    tools: undefined,
    kind: 'points',
    read: gap(development.read, test.read),
    recall: gap(development.recall, test.recall),
    precision: gap(development.precision, test.precision),
    category: development.category === undefined || test.category === undefined ? undefined : gap(development.category, test.category),
  };
}

/** `write, destructive`: the category, and whether the tool may destroy when the category does not say so. */
function readingOf(category: Category, destructive: boolean): string {
  return destructive && category !== 'destructive' ? `${category}, destructive` : category;
}

const SET_NAMES: Record<EvalSet, string> = { development: 'Development', test: 'Test' };

async function loadAccuracy(): Promise<AccuracyView> {
  const [entries, splits, hands, catalog] = await Promise.all([getCollection('servers'), getCollection('split'), getCollection('handLabels'), getCatalog()]);
  const split = splits[0];
  const hand = hands[0];
  const snapshots = entries.map((e) => readSnapshot(snapshotFile(e))).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const report = buildEvalReport({ servers: snapshots, split: split?.data.split, hand: hand?.data.labels });
  const servers = new Map(catalog.servers.map((s) => [s.id, s]));
  const toolUrls = new Map(catalog.tools.map((t) => [`${t.serverId}\u0000${t.name}`, t.url]));
  const serverOf = (id: string): ServerView => {
    const found = servers.get(id);
    if (found === undefined) throw new Error(`accuracy: no server view for ${id}`);
    return found;
  };
  const toolUrlOf = (serverId: string, name: string): string => {
    const url = toolUrls.get(`${serverId}\u0000${name}`);
    if (url === undefined) throw new Error(`accuracy: no tool page for ${serverId}/${name}`);
    return url;
  };
  const development = setRow(SET_NAMES.development, report.bySet.development);
  const test = setRow(SET_NAMES.test, report.bySet.test);
  let handView: HandLabelsView | undefined;
  if (report.hand !== undefined) {
    const h = report.hand;
    const dev = handRow(SET_NAMES.development, h.bySet.development);
    const held = handRow(SET_NAMES.test, h.bySet.test);
    handView = {
      file: hand?.data.file ?? HAND_LABELS_FILE,
      guide: h.guide,
      sampledFrom: h.sampledFrom,
      rows: [dev, held, gapRow(dev, held), handRow('All', h.all), handRow('All, labels marked clear only', h.clear)],
      unmatched: h.unmatched.map((l) => `${l.server}/${l.tool}`),
      contradicted: h.outcomes
        .filter((o) => o.disagrees.length > 0)
        .map((o) => {
          const view = serverOf(o.label.server);
          return {
            serverName: view.name,
            serverUrl: view.url,
            set: o.set,
            toolName: o.label.tool,
            toolUrl: toolUrlOf(o.label.server, o.label.tool),
            labelled: `${readingOf(o.label.category, o.label.destructive)} (${o.label.confidence})`,
            classified: readingOf(o.verdict.category, o.verdict.suggestedAnnotations.destructiveHint === true),
          };
        }),
    };
  }
  return {
    splitFile: split?.data.file ?? SPLIT_FILE,
    rule: split?.data.split.rule ?? SPLIT_RULE,
    catalog: report.catalog,
    unlisted: report.unlisted,
    sdkDefaults: report.sdkDefaults.map((id) => ({ name: serverOf(id).name, url: serverOf(id).url })),
    sets: [development, test, gapRow(development, test), setRow('All', report.all)],
    goals: { ...EVAL_GOALS_TEST },
    goalFailures: report.goalFailures,
    servers: report.servers.map((r) => {
      const view = serverOf(r.id);
      return { id: r.id, name: view.name, url: view.url, set: r.set, blanket: r.blanket, row: scoreRow(view.name, undefined, r.labelled, r.classifier, r.baseline) };
    }),
    disputed: report.disagreements
      .filter((d) => d.disputed)
      .map((d) => {
        const view = serverOf(d.server);
        const toolUrl = toolUrlOf(d.server, d.tool);
        const declared = d.label === 'read' ? `readOnlyHint: ${d.declared}` : d.declared ? 'destructive' : 'not destructive';
        const classified =
          d.label === 'read' ? (d.predicted ? 'read-only' : 'not read-only') : d.predicted ? 'destructive' : 'not destructive';
        return {
          serverName: view.name,
          serverUrl: view.url,
          set: d.set,
          toolName: d.tool,
          toolUrl,
          declared,
          classified: `${classified} (${d.verdict.category}, ${d.verdict.confidence} confidence)`,
          why: renderRationale(d.verdict)[0] ?? '',
        };
      }),
    disagreements: report.disagreements.length,
    handFile: HAND_LABELS_FILE,
    hand: handView,
    guideFile: LABELLING_GUIDE_FILE,
    guideUrl: '/accuracy/labelling/',
  };
}

let accuracy: Promise<AccuracyView> | undefined;

/** The evaluation shown at /accuracy/, built once per process. */
export function getAccuracy(): Promise<AccuracyView> {
  accuracy ??= loadAccuracy();
  return accuracy;
}

/** The labelling guide (docs/labelling.md) rendered, or undefined while there is none. */
export async function getLabellingGuide(): Promise<{ file: string; rendered: Awaited<ReturnType<typeof render>> } | undefined> {
  const [entry] = await getCollection('guides');
  if (entry === undefined) return undefined;
  return { file: entry.filePath ?? LABELLING_GUIDE_FILE, rendered: await render(entry) };
}
