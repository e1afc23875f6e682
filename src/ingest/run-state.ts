/**
 * The run file of a batch ingest: which sources a full run has finished, so that `npm run ingest`
 * after an interruption (Ctrl-C, a crash, a closed terminal) resumes where it stopped instead of
 * starting over. Kept in the cache, keyed by the verification file; deleted when a run completes.
 */
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { cacheRoot } from './install.ts';
import { readJsonFile, writeFileAtomic } from './json-file.ts';

const RunStateSchema = z.strictObject({
  /** The verification file the run records into (the key). */
  verification: z.string(),
  startedAt: z.iso.datetime(),
  /** Ids finished (ok or failed), in the order they finished. */
  done: z.array(z.string()),
});
export type RunState = z.infer<typeof RunStateSchema>;

/** `<cache>/runs/<hash of the verification path>.json`. */
export function runStatePath(verificationPath: string): string {
  const key = createHash('sha256').update(verificationPath).digest('hex').slice(0, 16);
  return join(cacheRoot(), 'runs', `${key}.json`);
}

/** The unfinished run recorded for this verification file, if any (an unreadable file counts as none, and says so). */
export function readRunState(path: string, verificationPath: string, warn: (message: string) => void): RunState | undefined {
  const file = readJsonFile(path);
  if (!file.exists) return undefined;
  const parsed = RunStateSchema.safeParse(file.value);
  if (!parsed.success || parsed.data.verification !== verificationPath) {
    warn(`ignoring the unreadable run file ${path}: starting a new run`);
    return undefined;
  }
  return parsed.data;
}

/** Writes the run file atomically. */
export function writeRunState(path: string, state: RunState): void {
  writeFileAtomic(path, `${JSON.stringify(state, null, 2)}\n`);
}

/** Removes the run file (the run completed). */
export function clearRunState(path: string): void {
  rmSync(path, { force: true });
}

/** The ids still to run: `selected` without those the unfinished run already did. Pure. */
export function remainingIds(selected: readonly string[], state: RunState | undefined): string[] {
  if (state === undefined) return [...selected];
  const done = new Set(state.done);
  return selected.filter((id) => !done.has(id));
}
