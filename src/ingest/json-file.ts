/**
 * Files the ingest keeps between runs (snapshots, the run file): read as JSON when present, written
 * atomically (a hidden temp file in the same directory, then a rename), so a crash never leaves
 * half a file.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** `{ exists: false }` when there is no file; otherwise its JSON value, `undefined` when it is not JSON. */
export function readJsonFile(path: string): { exists: false } | { exists: true; value: unknown } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return { exists: false };
    throw error;
  }
  try {
    return { exists: true, value: JSON.parse(text) };
  } catch (error) {
    if (error instanceof SyntaxError) return { exists: true, value: undefined };
    throw error;
  }
}

/** Writes `text` to `path` through a hidden temp file beside it and a rename; the temp file never stays. */
export function writeFileAtomic(path: string, text: string): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, text, { flag: 'wx' });
    renameSync(temp, path);
  } finally {
    rmSync(temp, { force: true });
  }
}
