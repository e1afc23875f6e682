/**
 * Measured accuracy: the classifier, with a tool's declared annotations withheld, against those
 * annotations as ground truth. Pure; `scripts/eval.ts` reads the catalog and prints the result.
 *
 * Ground truth (labels), from the tool's own declared annotations:
 * - read-vs-not: `readOnlyHint` as declared; a tool that does not declare it has no label.
 * - destructive: `destructiveHint` as declared when `readOnlyHint` is not true; `readOnlyHint: true`
 *   means not destructive (the spec gives `destructiveHint` no meaning then); `readOnlyHint: false`
 *   without `destructiveHint` means destructive, the MCP spec's default (`SPEC_DEFAULT`). With
 *   `EXPLICIT_ONLY` that last case has no label instead: only what the server said counts.
 *
 * Predictions, from the verdict:
 * - read = category `read`.
 * - destructive = the verdict's suggested `destructiveHint` (`HINT_MAPPING`): category destructive or
 *   execute (running code can destroy), or a write whose verbs are not all additive. This is the
 *   spec's sense of the hint (“may perform destructive updates”; false only for “additive
 *   updates”), which is what servers label. `CATEGORY_MAPPING` (category destructive or execute
 *   only) is the catalog's narrower sense, printed beside it.
 *
 * Not labels: annotations an SDK fills in by itself. mcp-go's `NewTool` gives every tool
 * `readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true` unless
 * the author sets them (`MCP_GO_DEFAULTS`); a server whose every tool carries exactly those four
 * values declared nothing (`sdkDefaults`), and is left out of every score.
 *
 * The baseline reads only the name's verb (`findNameVerbs`, then the verb tables): read when it is a
 * read verb; destructive under the same mapping from that verb alone; no verb means write.
 */
import type { Category, Tool, ToolAnnotations, Verdict } from '../schema.ts';
import { classifyTool } from './index.ts';
import { ADDITIVE_VERBS, verbCategory } from './lexicon.ts';
import { findNameVerbs, splitName } from './signals.ts';

/** The goals the unit tests hold the development set to: the servers the rules are written on. */
export const EVAL_GOALS = { read: 0.95, recall: 0.9 } as const;

/**
 * The goals `npm run eval -- --check` holds the held-out test set to (src/core/eval/split.ts):
 * read-vs-not accuracy and destructive recall on the test set, and `gap`, the most the development
 * figure of either may exceed the test figure (0.015 = 1.5 points) before the rules count as
 * overfitted to the development set.
 */
export const EVAL_GOALS_TEST = { read: 0.97, recall: 0.9, gap: 0.015 } as const;

export interface Labels {
  read?: boolean;
  destructive?: boolean;
}

export type LabelReading = 'spec-default' | 'explicit-only';

/** The labels a tool's declared annotations give (see the module comment). */
export function labelsOf(annotations: ToolAnnotations | undefined, reading: LabelReading = 'spec-default'): Labels {
  const labels: Labels = {};
  const ro = annotations?.readOnlyHint;
  const destructive = annotations?.destructiveHint;
  if (ro !== undefined) labels.read = ro;
  if (ro === true) labels.destructive = false;
  else if (destructive !== undefined) labels.destructive = destructive;
  else if (ro === false && reading === 'spec-default') labels.destructive = true;
  return labels;
}

export interface Prediction {
  read: boolean;
  destructive: boolean;
}

export type Mapping = 'hint' | 'category';

/** What a verdict predicts for the labels. */
export function predictionOf(verdict: Verdict, mapping: Mapping = 'hint'): Prediction {
  const destructive =
    mapping === 'hint' ? verdict.suggestedAnnotations.destructiveHint === true : verdict.category === 'destructive' || verdict.category === 'execute';
  return { read: verdict.category === 'read', destructive };
}

function nameVerb(name: string): string | undefined {
  const words = splitName(name);
  return findNameVerbs(words).map((i) => words[i]?.lower ?? '')[0];
}

/** The baseline's category: the name's first verb's, or write when it has none the tables know. */
export function baselineCategoryOf(name: string): Category {
  const verb = nameVerb(name);
  return (verb === undefined ? undefined : verbCategory(verb)) ?? 'write';
}

/** The name-verb-only baseline. */
export function baselineOf(name: string, mapping: Mapping = 'hint'): Prediction {
  const verb = nameVerb(name);
  const category = baselineCategoryOf(name);
  const strict = category === 'destructive' || category === 'execute';
  const destructive = mapping === 'category' ? strict : strict || (category !== 'read' && !(verb !== undefined && ADDITIVE_VERBS.has(verb)));
  return { read: category === 'read', destructive };
}

/** Counts for one set of tools. */
export interface Score {
  /** Tools with a read label, and how many were predicted right. */
  readTotal: number;
  readCorrect: number;
  /** Destructive confusion counts over tools with a destructive label. */
  truePositive: number;
  falsePositive: number;
  falseNegative: number;
  trueNegative: number;
}

export function emptyScore(): Score {
  return { readTotal: 0, readCorrect: 0, truePositive: 0, falsePositive: 0, falseNegative: 0, trueNegative: 0 };
}

export function addScore(score: Score, labels: Labels, prediction: Prediction): Score {
  const next = { ...score };
  if (labels.read !== undefined) {
    next.readTotal++;
    if (labels.read === prediction.read) next.readCorrect++;
  }
  if (labels.destructive !== undefined) {
    if (labels.destructive && prediction.destructive) next.truePositive++;
    else if (!labels.destructive && prediction.destructive) next.falsePositive++;
    else if (labels.destructive && !prediction.destructive) next.falseNegative++;
    else next.trueNegative++;
  }
  return next;
}

export function sumScores(scores: readonly Score[]): Score {
  return scores.reduce<Score>(
    (a, b) => ({
      readTotal: a.readTotal + b.readTotal,
      readCorrect: a.readCorrect + b.readCorrect,
      truePositive: a.truePositive + b.truePositive,
      falsePositive: a.falsePositive + b.falsePositive,
      falseNegative: a.falseNegative + b.falseNegative,
      trueNegative: a.trueNegative + b.trueNegative,
    }),
    emptyScore(),
  );
}

/** A ratio, or undefined when there is nothing to divide. */
function ratio(n: number, d: number): number | undefined {
  return d === 0 ? undefined : n / d;
}

export function readAccuracy(s: Score): number | undefined {
  return ratio(s.readCorrect, s.readTotal);
}

export function destructiveRecall(s: Score): number | undefined {
  return ratio(s.truePositive, s.truePositive + s.falseNegative);
}

export function destructivePrecision(s: Score): number | undefined {
  return ratio(s.truePositive, s.truePositive + s.falsePositive);
}

/** One labelled tool whose label the classifier disagrees with. */
export interface Disagreement {
  tool: string;
  /** Which label: read-vs-not or destructive. */
  label: 'read' | 'destructive';
  /** The label's value. */
  declared: boolean;
  /** The classifier's prediction. */
  predicted: boolean;
  /** The annotation-free verdict. */
  verdict: Verdict;
  /**
   * A disputed label (`isDisputed`): the tool's own name, description and parameters agree, at high
   * confidence, on a reading the label plainly contradicts. The label is then more likely wrong
   * than the classifier; it still counts against the classifier in every score.
   */
  disputed: boolean;
}

export interface ServerResult {
  id: string;
  /**
   * True when the server labels every tool that is not read-only destructive (at least 5 of them):
   * its destructive labels then only restate “not read-only” and cannot tell an additive write
   * from a destructive one.
   */
  blanket: boolean;
  /** Tools with at least one label. */
  labelled: number;
  classifier: Score;
  baseline: Score;
  /** The narrower category mapping, for comparison. */
  classifierByCategory: Score;
  baselineByCategory: Score;
  /** Labels read without the spec default (explicit destructiveHint only), classifier and baseline. */
  classifierExplicit: Score;
  baselineExplicit: Score;
  disagreements: Disagreement[];
}

/**
 * Whether a disagreement disputes the label: the verdict has high confidence (independent sources
 * agree) and, for the destructive label, its category settles the question by itself (read, or
 * destructive/execute). A write whose only question is whether its update is additive is never
 * called a dispute: that is the spec's fine print, not a plain error.
 */
export function isDisputed(label: 'read' | 'destructive', verdict: Verdict): boolean {
  if (verdict.confidence !== 'high') return false;
  return label === 'read' || verdict.category === 'read' || verdict.category === 'destructive' || verdict.category === 'execute';
}

/** The tool with its annotations withheld. */
export function withoutAnnotations(tool: Tool): Tool {
  const { annotations: _withheld, ...rest } = tool;
  return rest;
}

/** True when a server declares annotations: some tool declares readOnlyHint or destructiveHint. */
export function declaresAnnotations(tools: readonly Tool[]): boolean {
  return tools.some((t) => t.annotations?.readOnlyHint !== undefined || t.annotations?.destructiveHint !== undefined);
}

/** The annotations mcp-go's `NewTool` gives a tool whose author set none (mcp-go v1, `mcp/tools.go`). */
export const MCP_GO_DEFAULTS: Readonly<Required<Pick<ToolAnnotations, 'readOnlyHint' | 'destructiveHint' | 'idempotentHint' | 'openWorldHint'>>> = {
  readOnlyHint: false,
  destructiveHint: true,
  idempotentHint: false,
  openWorldHint: true,
};

/** True when every tool's hints are exactly an SDK's defaults (`MCP_GO_DEFAULTS`): the server declared nothing. */
export function sdkDefaults(tools: readonly Tool[]): boolean {
  const keys = Object.keys(MCP_GO_DEFAULTS) as Array<keyof typeof MCP_GO_DEFAULTS>;
  return (
    tools.length > 0 &&
    tools.every((t) => {
      const a = t.annotations;
      if (a === undefined) return false;
      const hints = Object.keys(a).filter((k) => k.endsWith('Hint'));
      return hints.length === keys.length && keys.every((k) => a[k] === MCP_GO_DEFAULTS[k]);
    })
  );
}

/** Scores every server that declares annotations of its own (`declaresAnnotations`, not `sdkDefaults`), in the given order. */
export function evaluateCatalog(servers: readonly { id: string; tools: readonly Tool[] }[]): ServerResult[] {
  return servers.filter((s) => declaresAnnotations(s.tools) && !sdkDefaults(s.tools)).map((s) => evaluateServer(s.id, s.tools));
}

/** Scores one server's tools (first definition of each name, as the site shows them). */
export function evaluateServer(id: string, tools: readonly Tool[]): ServerResult {
  const result: ServerResult = {
    id,
    blanket: false,
    labelled: 0,
    classifier: emptyScore(),
    baseline: emptyScore(),
    classifierByCategory: emptyScore(),
    baselineByCategory: emptyScore(),
    classifierExplicit: emptyScore(),
    baselineExplicit: emptyScore(),
    disagreements: [],
  };
  const seen = new Set<string>();
  let writes = 0;
  let writesDestructive = 0;
  for (const tool of tools) {
    if (seen.has(tool.name)) continue;
    seen.add(tool.name);
    const labels = labelsOf(tool.annotations);
    if (labels.read === undefined && labels.destructive === undefined) continue;
    result.labelled++;
    if (labels.read !== true && labels.destructive !== undefined) {
      writes++;
      if (labels.destructive) writesDestructive++;
    }
    const verdict = classifyTool(withoutAnnotations(tool));
    const predicted = predictionOf(verdict);
    result.classifier = addScore(result.classifier, labels, predicted);
    result.baseline = addScore(result.baseline, labels, baselineOf(tool.name));
    result.classifierByCategory = addScore(result.classifierByCategory, labels, predictionOf(verdict, 'category'));
    result.baselineByCategory = addScore(result.baselineByCategory, labels, baselineOf(tool.name, 'category'));
    const explicit = labelsOf(tool.annotations, 'explicit-only');
    result.classifierExplicit = addScore(result.classifierExplicit, explicit, predicted);
    result.baselineExplicit = addScore(result.baselineExplicit, explicit, baselineOf(tool.name));
    for (const label of ['read', 'destructive'] as const) {
      const declared = labels[label];
      if (declared === undefined || declared === predicted[label]) continue;
      result.disagreements.push({ tool: tool.name, label, declared, predicted: predicted[label], verdict, disputed: isDisputed(label, verdict) });
    }
  }
  result.blanket = writes >= 5 && writesDestructive === writes;
  return result;
}
