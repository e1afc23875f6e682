/**
 * Writing content/servers/<id>.json: validated, atomic (temp file + rename in the same
 * directory), and untouched when nothing but `capturedAt` (and date-times the server stamped from
 * its clock) would change.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ServerSnapshotSchema, type ServerSnapshot } from '../core/schema.ts';
import { readJsonFile, writeFileAtomic } from './json-file.ts';
import {
  isServerSnapshot,
  sameSnapshotIgnoringClock,
  snapshotProblems,
  stringifySnapshot,
} from '../core/snapshot.ts';

export type WriteOutcome = 'written' | 'unchanged';

/** Every snapshot in `dir` (`*.json`), in file-name order, parsed; an invalid one throws. For scripts and tests. */
export function readSnapshots(dir: string): ServerSnapshot[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ServerSnapshotSchema.parse(JSON.parse(readFileSync(join(dir, f), 'utf8'))));
}

/** The snapshot currently at `path`, or undefined when there is none or it is not a valid snapshot. */
export function readExistingSnapshot(path: string): ServerSnapshot | undefined {
  const file = readJsonFile(path);
  // Not JSON, or not a snapshot: not a good snapshot, replace it.
  return file.exists && isServerSnapshot(file.value) ? file.value : undefined;
}

/**
 * Writes `snapshot` to `<dir>/<id>.json` unless the file already holds the same snapshot apart
 * from `capturedAt` and clock readings ({@link sameSnapshotIgnoringClock}). Throws (touching
 * nothing) when the snapshot is invalid.
 */
export function writeSnapshot(dir: string, snapshot: ServerSnapshot): { path: string; outcome: WriteOutcome } {
  const problems = snapshotProblems(snapshot);
  if (problems !== '') throw new Error(`snapshot is not valid: ${problems}`);
  const path = join(dir, `${snapshot.id}.json`);
  const existing = readExistingSnapshot(path);
  if (existing !== undefined && sameSnapshotIgnoringClock(existing, snapshot)) {
    return { path, outcome: 'unchanged' };
  }
  writeFileAtomic(path, stringifySnapshot(snapshot));
  return { path, outcome: 'written' };
}
