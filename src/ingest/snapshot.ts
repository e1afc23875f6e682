/**
 * Writing content/servers/<id>.json: validated, atomic (temp file + rename in the same
 * directory), and untouched when nothing but `capturedAt` (and date-times the server stamped from
 * its clock) would change.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ServerSnapshotSchema, type ServerSnapshot } from '../core/schema.ts';
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
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return undefined;
    throw error;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    if (error instanceof SyntaxError) return undefined; // not JSON: not a good snapshot, replace it
    throw error;
  }
  return isServerSnapshot(value) ? value : undefined;
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
  mkdirSync(dir, { recursive: true });
  const temp = join(dir, `.${snapshot.id}.json.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, stringifySnapshot(snapshot), { flag: 'wx' });
    renameSync(temp, path);
  } finally {
    rmSync(temp, { force: true });
  }
  return { path, outcome: 'written' };
}
