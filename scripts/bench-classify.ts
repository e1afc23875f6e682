/**
 * Classify benchmark: writes a tools/list result of N tools copied from the real snapshots
 * (renamed, same descriptions and schemas) to a temp file, runs the offline CLI on it as a user
 * would (`npm run --silent classify -- FILE`, a fresh Node process) and reports the wall time,
 * best of `runs`. Usage: npm run bench:classify -- [tools=20000] [runs=3]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSnapshots } from '../src/ingest/snapshot.ts';

const total = Number(process.argv[2] ?? 20_000);
const runs = Number(process.argv[3] ?? 3);
if (!Number.isInteger(total) || total < 1 || !Number.isInteger(runs) || runs < 1) {
  throw new Error('usage: npm run bench:classify -- [tools=20000] [runs=3]');
}
const root = join(import.meta.dirname, '..');
const seedTools = readSnapshots(join(root, 'content/servers')).flatMap((s) => s.tools);
if (seedTools.length === 0) throw new Error('content/servers has no tools to copy');

const work = mkdtempSync(join(tmpdir(), 'catalog-bench-classify-'));
const file = join(work, 'tools.json');
const tools = Array.from({ length: total }, (_, i) => {
  const seed = seedTools[i % seedTools.length]!;
  return { ...seed, name: `${seed.name}_${i}` };
});
writeFileSync(file, JSON.stringify({ tools }));

const cli = join(root, 'src/cli/classify.ts');
const seconds: number[] = [];
let verdicts = 0;
for (let r = 0; r < runs; r++) {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', cli, file], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  if (run.status !== 0) throw new Error(`classify exited ${String(run.status)}: ${run.stderr}`);
  verdicts = (JSON.parse(run.stdout) as unknown[]).length;
  seconds.push(elapsed);
}
if (verdicts !== total) throw new Error(`classify printed ${verdicts} verdicts for ${total} tools`);
console.log(
  JSON.stringify({
    tools: total,
    inputBytes: readFileSync(file).length,
    runs: seconds.map((s) => Math.round(s * 100) / 100),
    bestSeconds: Math.round(Math.min(...seconds) * 100) / 100,
    node: process.version,
  }),
);
rmSync(work, { recursive: true, force: true });
