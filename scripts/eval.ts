/**
 * npm run eval [-- --check] [--all]
 *
 * Measures the classifier against the annotations servers declare: for every server in
 * content/servers that declares readOnlyHint or destructiveHint, each labelled tool is classified
 * with its annotations withheld and compared with them (definitions in src/core/classify/accuracy.ts).
 * Prints, per server and overall, read-vs-not accuracy and destructive recall and precision, with a
 * name-verb-only baseline beside each, then the disputed labels: where the tool's own name and
 * description plainly contradict its annotation. `--all` lists every disagreement, not only the
 * disputed ones. `--check` exits 1 when overall read-vs-not accuracy is below 95 % or destructive
 * recall below 90 %.
 */
import { join } from 'node:path';
import {
  destructivePrecision,
  EVAL_GOALS,
  evaluateCatalog,
  destructiveRecall,
  readAccuracy,
  sumScores,
  type Score,
  type ServerResult,
} from '../src/core/classify/accuracy.ts';
import { renderRationale } from '../src/core/classify/rationale.ts';
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

function pct(value: number | undefined): string {
  return value === undefined ? '    –' : `${(value * 100).toFixed(1).padStart(5)}`;
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

const results: ServerResult[] = evaluateCatalog(readSnapshots(join(ROOT, 'content/servers')));

const total = {
  classifier: sumScores(results.map((r) => r.classifier)),
  baseline: sumScores(results.map((r) => r.baseline)),
  classifierByCategory: sumScores(results.map((r) => r.classifierByCategory)),
  baselineByCategory: sumScores(results.map((r) => r.baselineByCategory)),
  classifierExplicit: sumScores(results.map((r) => r.classifierExplicit)),
  baselineExplicit: sumScores(results.map((r) => r.baselineExplicit)),
};
const labelled = results.reduce((n, r) => n + r.labelled, 0);
const disagreements = results.flatMap((r) => r.disagreements.map((d) => ({ server: r.id, ...d })));
const disputed = disagreements.filter((d) => d.disputed);

const out: string[] = [];
out.push('Classifier (annotations withheld) vs the annotations servers declare; baseline = the name\'s verb alone.');
out.push('Labels: read = readOnlyHint as declared; destructive = destructiveHint as declared, readOnlyHint: true = not destructive,');
out.push('readOnlyHint: false without destructiveHint = destructive (MCP spec default). Tools without a label are left out.');
out.push('Prediction: read = category read; destructive = suggested destructiveHint (destructive, execute, or a non-additive write).');
out.push('');
out.push(`${'server'.padEnd(46)} ${'tools'.padStart(5)}  read-vs-not %   destr. recall %  destr. precision %`);
out.push(`${''.padEnd(46)} ${''.padStart(5)}  class.  base    class.  base    class.  base`);
for (const r of results) out.push(row(r.id, String(r.labelled), r.classifier, r.baseline));
out.push('-'.repeat(104));
out.push(row(`overall (${results.length} servers)`, String(labelled), total.classifier, total.baseline));
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
const c = total.classifier;
out.push(
  `Counts: read-vs-not ${c.readCorrect}/${c.readTotal} right; destructive TP ${c.truePositive}, FP ${c.falsePositive}, FN ${c.falseNegative}, TN ${c.trueNegative}.`,
);
out.push(`Blanket labellers (every write labelled destructive, so the label says only "not read-only"): ${results.filter((r) => r.blanket).map((r) => r.id).join(', ') || 'none'}.`);
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
const listed = all ? disagreements : disputed;
out.push(all ? 'All disagreements (* = disputed label):' : 'Disputed labels: the tool\'s own name and description plainly contradict its annotation.');
for (const d of listed) {
  const label = d.label === 'read' ? `readOnlyHint ${d.declared}` : `destructive ${d.declared}`;
  const why = renderRationale(d.verdict)[0] ?? '';
  out.push(`${all && d.disputed ? '*' : ' '} ${d.server}/${d.tool}: declared ${label}; ${why}`);
}
process.stdout.write(`${out.join('\n')}\n`);

if (check) {
  const read = readAccuracy(c) ?? 0;
  const recall = destructiveRecall(c) ?? 0;
  if (read < EVAL_GOALS.read || recall < EVAL_GOALS.recall) {
    process.stderr.write(`eval: below the goals (read-vs-not ${EVAL_GOALS.read * 100} %, destructive recall ${EVAL_GOALS.recall * 100} %)\n`);
    process.exitCode = 1;
  }
}
