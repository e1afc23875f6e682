/**
 * npm run golden
 *
 * Regenerates tests/golden/verdicts.json from every snapshot in content/servers: the verdict of
 * each tool (category, risk, confidence, flags, a write's suggested destructiveHint). Run it when a
 * classifier change or a new snapshot is intended, and review the diff before committing it;
 * `npm test` fails until the file matches.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { goldenDiff, goldenText } from '../src/core/classify/golden.ts';
import { readSnapshots } from '../src/ingest/snapshot.ts';

const ROOT = join(import.meta.dirname, '..');

// A closed pipe (`| head`) is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
const OUT = join(ROOT, 'tests/golden/verdicts.json');

const servers = readSnapshots(join(ROOT, 'content/servers'));
const text = goldenText(servers);

let before = '{}\n';
try {
  before = readFileSync(OUT, 'utf8');
} catch (error) {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
}
mkdirSync(join(ROOT, 'tests/golden'), { recursive: true });
writeFileSync(OUT, text);
const changes = goldenDiff(before, text);
const tools = servers.reduce((n, s) => n + new Set(s.tools.map((t) => t.name)).size, 0);
process.stdout.write(`golden: ${servers.length} servers, ${tools} tools → tests/golden/verdicts.json; ${changes.length} change(s)\n`);
for (const line of changes.slice(0, 200)) process.stdout.write(`  ${line}\n`);
if (changes.length > 200) process.stdout.write(`  … and ${changes.length - 200} more\n`);
