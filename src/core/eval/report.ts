/**
 * The whole evaluation, by set: the annotation-based scores of src/core/classify/accuracy.ts summed
 * over the development and test sets of the split (./split.ts), the gap between them, the goals the
 * test set is held to, and the scores on the hand-labelled set (./hand-labels.ts). One pure
 * function builds it; `npm run eval` prints it and the /accuracy/ page shows it.
 */
import {
  addScore,
  baselineCategoryOf,
  baselineOf,
  destructivePrecision,
  destructiveRecall,
  EVAL_GOALS_TEST,
  emptyScore,
  evaluateCatalog,
  sdkDefaults,
  predictionOf,
  readAccuracy,
  sumScores,
  type Disagreement,
  type Labels,
  type Prediction,
  type Score,
  type ServerResult,
} from '../classify/accuracy.ts';
import { classifyTool } from '../classify/index.ts';
import { toolsWithPages } from '../named-tool.ts';
import type { Category, ServerSnapshot, Tool, Verdict } from '../schema.ts';
import type { HandLabel, HandLabels } from './hand-labels.ts';
import { assignSets, hashSet, type EvalSet, type Split } from './split.ts';

/** The three headline figures of a score; undefined when there is nothing to divide. */
export interface Figures {
  read: number | undefined;
  recall: number | undefined;
  precision: number | undefined;
}

export const FIGURES = ['read', 'recall', 'precision'] as const;
export type Figure = (typeof FIGURES)[number];

/** What each figure is called in reports. */
export const FIGURE_NAMES: Record<Figure, string> = {
  read: 'read-vs-not accuracy',
  recall: 'destructive recall',
  precision: 'destructive precision',
};

export function figuresOf(score: Score): Figures {
  return { read: readAccuracy(score), recall: destructiveRecall(score), precision: destructivePrecision(score) };
}

/** Development minus test, per figure (0.012 = 1.2 points); undefined when either is. */
export function gapOf(development: Figures, test: Figures): Figures {
  const minus = (a: number | undefined, b: number | undefined): number | undefined => (a === undefined || b === undefined ? undefined : a - b);
  return { read: minus(development.read, test.read), recall: minus(development.recall, test.recall), precision: minus(development.precision, test.precision) };
}

/** Labelled servers and tools of one set, and their summed scores. */
export interface SetTotals {
  servers: number;
  labelled: number;
  classifier: Score;
  baseline: Score;
}

export function totalsOf(results: readonly ServerResult[]): SetTotals {
  return {
    servers: results.length,
    labelled: results.reduce((n, r) => n + r.labelled, 0),
    classifier: sumScores(results.map((r) => r.classifier)),
    baseline: sumScores(results.map((r) => r.baseline)),
  };
}

export type Goals = { readonly read: number; readonly recall: number; readonly gap: number };

/**
 * Where the test set misses `goals`: read-vs-not accuracy or destructive recall below the goal, or
 * development ahead of test by more than `goals.gap` on either (test ahead of development is luck,
 * not overfitting, and passes). An undefined figure (nothing labelled) misses. Empty when all are met.
 */
export function goalFailures(development: Score, test: Score, goals: Goals = EVAL_GOALS_TEST): string[] {
  const dev = figuresOf(development);
  const held = figuresOf(test);
  const gap = gapOf(dev, held);
  const failures: string[] = [];
  // Compared to a millionth of a point, so 0.985 − 0.970 meets a gap of 0.015 despite binary fractions.
  const EPSILON = 1e-8;
  for (const figure of ['read', 'recall'] as const) {
    const value = held[figure];
    if (value === undefined || value < goals[figure] - EPSILON) {
      failures.push(`test ${FIGURE_NAMES[figure]} ${percent(value)} is below ${percent(goals[figure])}`);
    }
    const g = gap[figure];
    if (g === undefined || g > goals.gap + EPSILON) {
      failures.push(`${FIGURE_NAMES[figure]} is ${points(g)} points higher on development than on test (at most ${points(goals.gap)})`);
    }
  }
  return failures;
}

/** `95.6 %`; `–` for undefined. */
export function percent(value: number | undefined): string {
  return value === undefined ? '–' : `${(value * 100).toFixed(1)} %`;
}

/** A gap in points with its sign: `+1.2`, `−0.4`, `0.0`; `–` for undefined. */
export function points(value: number | undefined): string {
  if (value === undefined) return '–';
  const p = (value * 100).toFixed(1);
  if (Number(p) === 0) return '0.0';
  return value > 0 ? `+${p}` : `−${p.slice(1)}`;
}

// ---------------------------------------------------------------------------------------------
// The hand-labelled set
// ---------------------------------------------------------------------------------------------

/** Read-vs-not and destructive counts, plus category agreement. */
export interface HandScore {
  score: Score;
  categoryTotal: number;
  categoryCorrect: number;
}

export function emptyHandScore(): HandScore {
  return { score: emptyScore(), categoryTotal: 0, categoryCorrect: 0 };
}

export function addHandScore(s: HandScore, label: HandLabel, prediction: Prediction, category: Category): HandScore {
  const labels: Labels = { read: label.readOnly, destructive: label.destructive };
  return {
    score: addScore(s.score, labels, prediction),
    categoryTotal: s.categoryTotal + 1,
    categoryCorrect: s.categoryCorrect + (label.category === category ? 1 : 0),
  };
}

export function categoryAccuracy(s: HandScore): number | undefined {
  return s.categoryTotal === 0 ? undefined : s.categoryCorrect / s.categoryTotal;
}

export interface HandTotals {
  labels: number;
  classifier: HandScore;
  baseline: HandScore;
}

function emptyHandTotals(): HandTotals {
  return { labels: 0, classifier: emptyHandScore(), baseline: emptyHandScore() };
}

/** One hand label and what the classifier made of the tool. */
export interface HandOutcome {
  label: HandLabel;
  set: EvalSet;
  verdict: Verdict;
  /** Which of the label's readings the verdict contradicts (read-vs-not, destructive, category). */
  disagrees: Array<'read' | 'destructive' | 'category'>;
}

export interface HandReport {
  guide: string;
  sampledFrom: string;
  all: HandTotals;
  bySet: Record<EvalSet, HandTotals>;
  /** Only the labels marked `clear`. */
  clear: HandTotals;
  outcomes: HandOutcome[];
  /** Labels whose server or tool the catalog does not have: not scored. */
  unmatched: HandLabel[];
}

function addHandTotals(t: HandTotals, label: HandLabel, verdict: Verdict): HandTotals {
  return {
    labels: t.labels + 1,
    classifier: addHandScore(t.classifier, label, predictionOf(verdict), verdict.category),
    baseline: addHandScore(t.baseline, label, baselineOf(label.tool), baselineCategoryOf(label.tool)),
  };
}

type Snapshot = Pick<ServerSnapshot, 'id' | 'tools' | 'namedTools'>;

/** Scores the classifier on hand labels; each tool is classified as the catalog lists it (first definition of its name). */
export function evaluateHandLabels(hand: HandLabels, servers: readonly Snapshot[], setOf: ReadonlyMap<string, EvalSet>): HandReport {
  const tools = new Map<string, Map<string, Tool>>();
  for (const server of servers) {
    const byName = new Map<string, Tool>();
    for (const tool of toolsWithPages(server)) if (!byName.has(tool.name)) byName.set(tool.name, tool);
    tools.set(server.id, byName);
  }
  const report: HandReport = {
    guide: hand.guide,
    sampledFrom: hand.sampledFrom,
    all: emptyHandTotals(),
    bySet: { development: emptyHandTotals(), test: emptyHandTotals() },
    clear: emptyHandTotals(),
    outcomes: [],
    unmatched: [],
  };
  for (const label of hand.labels) {
    const tool = tools.get(label.server)?.get(label.tool);
    const set = setOf.get(label.server);
    if (tool === undefined || set === undefined) {
      report.unmatched.push(label);
      continue;
    }
    const verdict = classifyTool(tool);
    report.all = addHandTotals(report.all, label, verdict);
    report.bySet[set] = addHandTotals(report.bySet[set], label, verdict);
    if (label.confidence === 'clear') report.clear = addHandTotals(report.clear, label, verdict);
    const predicted = predictionOf(verdict);
    const disagrees: HandOutcome['disagrees'] = [];
    if (predicted.read !== label.readOnly) disagrees.push('read');
    if (predicted.destructive !== label.destructive) disagrees.push('destructive');
    if (verdict.category !== label.category) disagrees.push('category');
    report.outcomes.push({ label, set, verdict, disagrees });
  }
  return report;
}

// ---------------------------------------------------------------------------------------------
// The whole report
// ---------------------------------------------------------------------------------------------

export interface SetServerResult extends ServerResult {
  set: EvalSet;
}

export interface SetDisagreement extends Disagreement {
  server: string;
  set: EvalSet;
}

export interface EvalReport {
  /** Every server of the catalog that declares annotations, in the given order, with its set. */
  servers: SetServerResult[];
  /** Servers of the whole catalog per set, labelled or not. */
  catalog: Record<EvalSet, number>;
  /** Catalog servers the committed split does not list yet (given their hash set; `npm run split` adds them). */
  unlisted: string[];
  bySet: Record<EvalSet, SetTotals>;
  all: SetTotals;
  /** Development minus test, classifier and baseline. */
  gap: { classifier: Figures; baseline: Figures };
  /** Where the test set misses {@link EVAL_GOALS_TEST}; empty when it meets them. */
  goalFailures: string[];
  /** Servers whose annotations are only an SDK's defaults (`sdkDefaults`): left out of every score. */
  sdkDefaults: string[];
  /** Every disagreement with a declared annotation, in server order. */
  disagreements: SetDisagreement[];
  /** Undefined when there is no hand-labelled set yet. */
  hand: HandReport | undefined;
}

export interface EvalInput {
  servers: readonly Snapshot[];
  split: Split | undefined;
  hand: HandLabels | undefined;
}

export function buildEvalReport({ servers, split, hand }: EvalInput): EvalReport {
  const { setOf, unlisted } = assignSets(
    split,
    servers.map((s) => s.id),
  );
  // assignSets gives every id a set; hashSet only satisfies the type checker.
  const setFor = (id: string): EvalSet => setOf.get(id) ?? hashSet(id);
  const results: SetServerResult[] = evaluateCatalog(servers).map((r) => ({ ...r, set: setFor(r.id) }));
  const bySet = { development: totalsOf(results.filter((r) => r.set === 'development')), test: totalsOf(results.filter((r) => r.set === 'test')) };
  const catalog = { development: 0, test: 0 };
  for (const s of servers) catalog[setFor(s.id)]++;
  return {
    servers: results,
    catalog,
    unlisted,
    bySet,
    all: totalsOf(results),
    gap: {
      classifier: gapOf(figuresOf(bySet.development.classifier), figuresOf(bySet.test.classifier)),
      baseline: gapOf(figuresOf(bySet.development.baseline), figuresOf(bySet.test.baseline)),
    },
    goalFailures: goalFailures(bySet.development.classifier, bySet.test.classifier),
    sdkDefaults: servers.filter((s) => sdkDefaults(s.tools)).map((s) => s.id),
    disagreements: results.flatMap((r) => r.disagreements.map((d) => ({ ...d, server: r.id, set: r.set }))),
    hand: hand === undefined ? undefined : evaluateHandLabels(hand, servers, setOf),
  };
}

