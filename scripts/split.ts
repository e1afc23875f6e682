/**
 * npm run split
 *
 * Adds the servers of content/servers that content/labels/split.json does not list yet, each to
 * the set the hash rule gives it (src/core/eval/split.ts), and writes the file with both lists
 * sorted. Servers already listed are never moved or removed, even when their snapshot is gone;
 * one whose set disagrees with its hash is reported (the unit test fails on it) but left alone.
 * Creates the file when there is none.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { extendSplit, hashSet, listedSets, parseSplit, SPLIT_FILE, stringifySplit } from '../src/core/eval/split.ts';
import { readSnapshots } from '../src/ingest/snapshot.ts';

const ROOT = join(import.meta.dirname, '..');
const path = join(ROOT, SPLIT_FILE);

const existing = existsSync(path) ? parseSplit(readFileSync(path, 'utf8'), SPLIT_FILE) : undefined;
const ids = readSnapshots(join(ROOT, 'content/servers')).map((s) => s.id);
const { split, added } = extendSplit(existing, ids);

for (const [id, set] of existing === undefined ? [] : listedSets(existing)) {
  if (hashSet(id) !== set) process.stderr.write(`split: ${id} is listed under ${set} but its hash puts it in ${hashSet(id)}; left where it is\n`);
}
if (added.length === 0) {
  process.stdout.write(`${SPLIT_FILE}: every server is listed (${split.test.length} test, ${split.development.length} development); nothing to add.\n`);
} else {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, stringifySplit(split));
  for (const { id, set } of added) process.stdout.write(`  + ${id} → ${set}\n`);
  process.stdout.write(`${SPLIT_FILE}: added ${added.length} server(s); now ${split.test.length} test, ${split.development.length} development.\n`);
}
