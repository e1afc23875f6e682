/**
 * npm run eval [-- --check] [--all [--test]] [--hand <file>]
 *
 * Measures the classifier against the annotations servers declare: for every server in
 * content/servers that declares readOnlyHint or destructiveHint, each labelled tool is classified
 * with its annotations withheld and compared with them (definitions in src/core/classify/accuracy.ts).
 * Servers are split once into a development and a test set (content/labels/split.json, see
 * src/core/eval/split.ts); prints read-vs-not accuracy and destructive recall and precision for
 * development, test and the gap between them, then per server (with its set) and overall, with a
 * name-verb-only baseline beside each; then the hand-labelled set (content/labels/hand.json, or
 * `--hand <file>`), and the disputed labels: where the tool's own name and description plainly
 * contradict its annotation. `--all` lists every disagreement on the development set, not only the
 * disputed ones, and every development hand label the classifier contradicts; `--test` adds the test
 * set's (rules are written looking at development servers only). `--check` exits 1 when the test set misses
 * EVAL_GOALS_TEST (read-vs-not 97 %, destructive recall 90 %, development at most 1.5 points ahead).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { destructivePrecision, destructiveRecall, EVAL_GOALS_TEST, readAccuracy, sumScores, type Score } from '../src/core/classify/accuracy.ts';
import { renderRationale } from '../src/core/classify/rationale.ts';
import { HAND_LABELS_FILE, parseHandLabels } from '../src/core/eval/hand-labels.ts';
import {
  buildEvalReport,
  categoryAccuracy,
  figuresOf,
  gapOf,
  points,
  type Figures,
  type HandScore,
  type HandTotals,
} from '../src/core/eval/report.ts';
import { parseSplit, SPLIT_FILE, SPLIT_RULE } from '../src/core/eval/split.ts';
import { readSnapshots } from '../src/ingest/snapshot.ts';

const ROOT = join(import.meta.dirname, '..');

// A closed pipe (`| head`) is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const args = process.argv.slice(2);
const check = args.includes('--check');
const all = args.includes('--all');
const showTest = args.includes('--test');
const handArg = args.indexOf('--hand');
const handFile = handArg >= 0 ? (args[handArg + 1] ?? '') : HAND_LABELS_FILE;
if (handFile === '' || (handArg >= 0 && !existsSync(resolve(ROOT, handFile)))) {
  process.stderr.write(handFile === '' ? 'eval: --hand needs a file\n' : `eval: --hand ${handFile}: no such file\n`);
  process.exit(2);
}

/** The parsed file, or undefined when it does not exist; a file that breaks its schema throws naming the field. */
function readOptional<T>(file: string, parse: (text: string, file: string) => T): T | undefined {
  const path = resolve(ROOT, file);
  return existsSync(path) ? parse(readFileSync(path, 'utf8'), relative(ROOT, path)) : undefined;
}

const split = readOptional(SPLIT_FILE, parseSplit);
const hand = readOptional(handFile, parseHandLabels);
const report = buildEvalReport({ servers: readSnapshots(join(ROOT, 'content/servers')), split, hand });
const results = report.servers;

function pct(value: number | undefined): string {
  return value === undefined ? '    –' : `${(value * 100).toFixed(1).padStart(5)}`;
}

function pts(value: number | undefined): string {
  return points(value).padStart(5);
}

function cells(classifier: Score, baseline: Score): string[] {
  return [
    `${pct(readAccuracy(classifier))} ${pct(readAccuracy(baseline))}`,
    `${pct(destructiveRecall(classifier))} ${pct(destructiveRecall(baseline))}`,
    `${pct(destructivePrecision(classifier))} ${pct(destructivePrecision(baseline))}`,
  ];
}

function row(label: string, n: string, classifier: Score, baseline: Score): string {
  const [read, recall, precision] = cells(classifier, baseline);
  return `${label.padEnd(46)} ${n.padStart(5)}  ${read}   ${recall}   ${precision}`;
}

function gapRow(label: string, classifier: Figures, baseline: Figures): string {
  return `${label.padEnd(46)} ${''.padStart(5)}  ${pts(classifier.read)} ${pts(baseline.read)}   ${pts(classifier.recall)} ${pts(baseline.recall)}   ${pts(classifier.precision)} ${pts(baseline.precision)}`;
}

const HEADER = [
  `${''.padEnd(46)} ${'tools'.padStart(5)}  read-vs-not %   destr. recall %  destr. precision %`,
  `${''.padEnd(46)} ${''.padStart(5)}  class.  base    class.  base    class.  base`,
];

const out: string[] = [];
out.push('Classifier (annotations withheld) vs the annotations servers declare; baseline = the name\'s verb alone.');
out.push('Labels: read = readOnlyHint as declared; destructive = destructiveHint as declared, readOnlyHint: true = not destructive,');
out.push('readOnlyHint: false without destructiveHint = destructive (MCP spec default). Tools without a label are left out.');
out.push('Prediction: read = category read; destructive = suggested destructiveHint (destructive, execute, or a non-additive write).');
out.push('');
out.push(`Sets (${split === undefined ? `no ${SPLIT_FILE}: every server by the hash rule` : SPLIT_FILE}): ${split?.rule ?? SPLIT_RULE}`);
out.push(`Catalog: ${report.catalog.development} development servers, ${report.catalog.test} test.`);
if (report.unlisted.length > 0) {
  out.push(`Not in ${SPLIT_FILE} yet (given their hash set; run npm run split): ${report.unlisted.join(', ')}.`);
}
out.push('');
out.push(`${'by set'.padEnd(46)} ${HEADER[0]?.slice(47)}`);
out.push(HEADER[1] ?? '');
const { development, test } = report.bySet;
out.push(row(`development (${development.servers} servers)`, String(development.labelled), development.classifier, development.baseline));
out.push(row(`test (${test.servers} servers)`, String(test.labelled), test.classifier, test.baseline));
out.push(gapRow('gap (development − test, points)', report.gap.classifier, report.gap.baseline));
out.push(row(`all (${report.all.servers} servers)`, String(report.all.labelled), report.all.classifier, report.all.baseline));
const goals = `read-vs-not ≥ ${EVAL_GOALS_TEST.read * 100} %, destructive recall ≥ ${EVAL_GOALS_TEST.recall * 100} %, development at most ${points(EVAL_GOALS_TEST.gap).slice(1)} points ahead`;
out.push(
  report.goalFailures.length === 0
    ? `Test-set goals (${goals}): met.`
    : `Test-set goals (${goals}): not met: ${report.goalFailures.join('; ')}.`,
);
out.push('');
out.push(`${'server'.padEnd(41)} ${'set'.padEnd(4)} ${HEADER[0]?.slice(47)}`);
out.push(HEADER[1] ?? '');
for (const r of results) out.push(row(`${r.id.padEnd(41)} ${r.set === 'test' ? 'test' : 'dev'}`, String(r.labelled), r.classifier, r.baseline));
out.push('-'.repeat(104));
const total = {
  classifierByCategory: sumScores(results.map((r) => r.classifierByCategory)),
  baselineByCategory: sumScores(results.map((r) => r.baselineByCategory)),
  classifierExplicit: sumScores(results.map((r) => r.classifierExplicit)),
  baselineExplicit: sumScores(results.map((r) => r.baselineExplicit)),
};
out.push(row(`overall (${results.length} servers)`, String(report.all.labelled), report.all.classifier, report.all.baseline));
out.push(row('overall, destructive = category destructive/execute', '', total.classifierByCategory, total.baselineByCategory));
out.push(row('overall, destructive labels only where declared', '', total.classifierExplicit, total.baselineExplicit));
const informative = results.filter((r) => !r.blanket);
out.push(
  row(
    `overall without blanket labellers (${results.length - informative.length})`,
    String(informative.reduce((n, r) => n + r.labelled, 0)),
    sumScores(informative.map((r) => r.classifier)),
    sumScores(informative.map((r) => r.baseline)),
  ),
);
out.push('');
const c = report.all.classifier;
out.push(
  `Counts: read-vs-not ${c.readCorrect}/${c.readTotal} right; destructive TP ${c.truePositive}, FP ${c.falsePositive}, FN ${c.falseNegative}, TN ${c.trueNegative}.`,
);
out.push(`Left out, their annotations only mcp-go's defaults (readOnlyHint false, destructiveHint true, idempotentHint false, openWorldHint true on every tool): ${report.sdkDefaults.join(', ') || 'none'}.`);
out.push(`Blanket labellers (every write labelled destructive, so the label says only "not read-only"): ${results.filter((r) => r.blanket).map((r) => r.id).join(', ') || 'none'}.`);
const disagreements = report.disagreements;
const disputed = disagreements.filter((d) => d.disputed);
out.push(`Disagreements: ${disagreements.length}, of which ${disputed.length} disputed labels (still counted against the classifier above).`);
const withoutDisputed = sumScores(
  results.map((r) => {
    const s = { ...r.classifier };
    for (const d of r.disagreements.filter((x) => x.disputed)) {
      if (d.label === 'read') {
        s.readTotal--;
      } else if (d.declared) s.falseNegative--;
      else s.falsePositive--;
    }
    return s;
  }),
);
out.push(
  `Leaving the disputed labels out: read-vs-not ${pct(readAccuracy(withoutDisputed)).trim()} %, destructive recall ${pct(destructiveRecall(withoutDisputed)).trim()} %, precision ${pct(destructivePrecision(withoutDisputed)).trim()} %.`,
);
out.push('');

// The hand-labelled set.
function handRow(label: string, t: HandTotals): string {
  const [read, recall, precision] = cells(t.classifier.score, t.baseline.score);
  return `${label.padEnd(46)} ${String(t.labels).padStart(5)}  ${read}   ${recall}   ${precision}   ${pct(categoryAccuracy(t.classifier))} ${pct(categoryAccuracy(t.baseline))}`;
}
function handFigures(s: HandScore): Figures & { category: number | undefined } {
  return { ...figuresOf(s.score), category: categoryAccuracy(s) };
}
const h = report.hand;
if (h === undefined) {
  out.push(`Hand-labelled set: no hand-labelled set yet (${handFile}).`);
} else {
  out.push(`Hand-labelled set (${handFile}, labelled per ${h.guide}): tools that declare no annotations, classified as they are. Sampled from: ${h.sampledFrom}`);
  out.push('Labels: read = readOnly; destructive = destructive; category = category; predictions as above.');
  out.push(`${'by set'.padEnd(46)} ${HEADER[0]?.slice(47)}  category %`);
  out.push(`${HEADER[1] ?? ''}    class.  base`);
  out.push(handRow('development', h.bySet.development));
  out.push(handRow('test', h.bySet.test));
  const dev = handFigures(h.bySet.development.classifier);
  const held = handFigures(h.bySet.test.classifier);
  const devBase = handFigures(h.bySet.development.baseline);
  const heldBase = handFigures(h.bySet.test.baseline);
  const minus = (a: number | undefined, b: number | undefined): number | undefined => (a === undefined || b === undefined ? undefined : a - b);
  out.push(`${gapRow('gap (development − test, points)', gapOf(dev, held), gapOf(devBase, heldBase))}   ${pts(minus(dev.category, held.category))} ${pts(minus(devBase.category, heldBase.category))}`);
  out.push(handRow('all', h.all));
  out.push(handRow('all, labels marked clear only', h.clear));
  if (h.unmatched.length > 0) {
    out.push(`Not scored, the catalog has no such server or tool: ${h.unmatched.map((l) => `${l.server}/${l.tool}`).join(', ')}.`);
  }
  const contradicted = h.outcomes.filter((o) => o.disagrees.length > 0);
  out.push(`Hand labels the classifier contradicts: ${contradicted.length}${all ? ':' : ' (--all lists them).'}`);
  if (all) {
    for (const o of contradicted.filter((x) => showTest || x.set === 'development')) {
      const l = o.label;
      const v = o.verdict;
      out.push(
        `  ${l.server}/${l.tool} [${o.set}]: labelled ${l.category}${l.destructive ? ', destructive' : ''} (${l.confidence}); classified ${v.category}${v.suggestedAnnotations.destructiveHint === true ? ', destructive' : ''}`,
      );
    }
  }
}
out.push('');

// Rules are written looking at development servers only: --all lists the test set's tools one by
// one only with --test as well (the disputed labels, published on /accuracy/, are always listed).
const listed = all ? disagreements.filter((d) => showTest || d.set === 'development') : disputed;
out.push(
  all
    ? `All disagreements${showTest ? '' : ' on the development set (--test lists the test set too)'} (* = disputed label):`
    : 'Disputed labels: the tool\'s own name and description plainly contradict its annotation.',
);
for (const d of listed) {
  const label = d.label === 'read' ? `readOnlyHint ${d.declared}` : `destructive ${d.declared}`;
  const why = renderRationale(d.verdict)[0] ?? '';
  out.push(`${all && d.disputed ? '*' : ' '} ${d.server}/${d.tool} [${d.set}]: declared ${label}; ${why}`);
}
process.stdout.write(`${out.join('\n')}\n`);

if (check && report.goalFailures.length > 0) {
  process.stderr.write(`eval: the test set misses its goals: ${report.goalFailures.join('; ')}\n`);
  process.exitCode = 1;
}
