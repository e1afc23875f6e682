/**
 * npm run dev-diff [-- --save]
 *
 * The tool for writing classifier rules without looking at the test set. `--save` records the
 * classifier's read-vs-not and destructive predictions for every labelled tool of the development
 * set (declared annotations and hand labels) in .cache/dev-diff.json; a later run lists, for the
 * development set only, each tool whose prediction changed since and whether it now agrees with its
 * label, then prints the figures of both sets. Test-set tools are never listed one by one: only their
 * totals, so a rule cannot be fitted to them. `--catalog` also lists every tool of a development
 * server, labelled or not, whose verdict differs from tests/golden/verdicts.json.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifyTool } from '../src/core/classify/index.ts';
import { labelsOf, predictionOf, readAccuracy, withoutAnnotations } from '../src/core/classify/accuracy.ts';
import { parseHandLabels, HAND_LABELS_FILE } from '../src/core/eval/hand-labels.ts';
import { buildEvalReport, figuresOf, points } from '../src/core/eval/report.ts';
import { parseSplit, SPLIT_FILE } from '../src/core/eval/split.ts';
import { readSnapshots } from '../src/ingest/snapshot.ts';
import { goldenText } from '../src/core/classify/golden.ts';

const ROOT = join(import.meta.dirname, '..');
const CACHE = join(ROOT, '.cache', 'dev-diff.json');

interface Row {
  /** `server/tool` and which label (`annotations` or `hand`). */
  key: string;
  read: boolean | undefined;
  destructive: boolean | undefined;
  predictedRead: boolean;
  predictedDestructive: boolean;
  category: string;
}

const servers = readSnapshots(join(ROOT, 'content/servers'));
const split = parseSplit(readFileSync(join(ROOT, SPLIT_FILE), 'utf8'), SPLIT_FILE);
const hand = parseHandLabels(readFileSync(join(ROOT, HAND_LABELS_FILE), 'utf8'), HAND_LABELS_FILE);
const report = buildEvalReport({ servers, split, hand });
const setOf = new Map(report.servers.map((s) => [s.id, s.set]));
const development = new Set(split.development);

const rows: Row[] = [];
for (const server of servers) {
  if (!development.has(server.id) || setOf.get(server.id) !== 'development') continue;
  for (const tool of server.tools) {
    const labels = labelsOf(tool.annotations);
    if (labels.read === undefined && labels.destructive === undefined) continue;
    const verdict = classifyTool(withoutAnnotations(tool));
    const p = predictionOf(verdict);
    rows.push({ key: `${server.id}/${tool.name} (annotations)`, read: labels.read, destructive: labels.destructive, predictedRead: p.read, predictedDestructive: p.destructive, category: verdict.category });
  }
}
for (const outcome of report.hand?.outcomes ?? []) {
  if (outcome.set !== 'development') continue;
  const p = predictionOf(outcome.verdict);
  rows.push({
    key: `${outcome.label.server}/${outcome.label.tool} (hand)`,
    read: outcome.label.readOnly,
    destructive: outcome.label.destructive,
    predictedRead: p.read,
    predictedDestructive: p.destructive,
    category: outcome.verdict.category,
  });
}

if (process.argv.includes('--save')) {
  mkdirSync(join(ROOT, '.cache'), { recursive: true });
  writeFileSync(CACHE, JSON.stringify(rows));
  process.stdout.write(`saved ${rows.length} development predictions to ${CACHE}\n`);
} else if (existsSync(CACHE)) {
  const before = new Map((JSON.parse(readFileSync(CACHE, 'utf8')) as Row[]).map((r) => [r.key, r]));
  let fixed = 0;
  let broken = 0;
  for (const r of rows) {
    const b = before.get(r.key);
    if (b === undefined) continue;
    for (const [label, was, now, truth] of [
      ['read', b.predictedRead, r.predictedRead, r.read],
      ['destructive', b.predictedDestructive, r.predictedDestructive, r.destructive],
    ] as const) {
      if (was === now) continue;
      const mark = truth === undefined ? '  ' : now === truth ? '+ ' : '- ';
      if (truth !== undefined) now === truth ? fixed++ : broken++;
      process.stdout.write(`${mark}${label.padEnd(11)} ${r.key}: ${b.category} → ${r.category}\n`);
    }
  }
  process.stdout.write(`development: ${fixed} fixed, ${broken} broken\n`);
}

if (process.argv.includes('--catalog')) {
  const golden = JSON.parse(readFileSync(join(ROOT, 'tests/golden/verdicts.json'), 'utf8')) as Record<string, Record<string, string>>;
  const now = JSON.parse(goldenText(servers.filter((s) => setOf.get(s.id) !== 'test' && development.has(s.id)))) as Record<string, Record<string, string>>;
  let changed = 0;
  for (const [server, tools] of Object.entries(now)) {
    for (const [tool, verdict] of Object.entries(tools)) {
      const was = golden[server]?.[tool];
      if (was === undefined || was.split(' ')[0] === verdict.split(' ')[0]) continue;
      changed++;
      process.stdout.write(`  catalog ${server}/${tool}: ${was} → ${verdict}\n`);
    }
  }
  process.stdout.write(`development catalog: ${changed} category change(s) since the golden file\n`);
}

const pct = (v: number | undefined): string => (v === undefined ? '–' : (v * 100).toFixed(1));
for (const set of ['development', 'test'] as const) {
  const f = figuresOf(report.bySet[set].classifier);
  const h = report.hand?.bySet[set];
  const handRead = h === undefined ? undefined : readAccuracy(h.classifier.score);
  process.stdout.write(
    `${set.padEnd(12)} annotated read ${pct(f.read)} recall ${pct(f.recall)} precision ${pct(f.precision)} | hand read ${pct(handRead)}\n`,
  );
}
process.stdout.write(`gap (read, points): ${points(report.gap.classifier.read)}\n`);
