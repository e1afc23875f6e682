/**
 * content/verification.json: when each source was last tried and last succeeded. Kept apart from
 * the snapshots so that a re-run with nothing changed upstream changes only this file.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { VerificationSchema } from '../core/schema.ts';
import type { FailureClass, Verification, VerificationEntry } from '../core/schema.ts';

/** Reads the file; an absent file is an empty record. A malformed one is an error (never silently reset). */
export function readVerification(path: string): Verification {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return {};
    throw error;
  }
  const parsed = VerificationSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`${path} is not a valid verification file: ${parsed.error.message}`);
  return parsed.data;
}

/** The outcome of one attempt, as recorded. */
export type Attempt =
  | { status: 'ok'; at: string; toolCount: number }
  | { status: 'failed'; at: string; reason: string; failureClass: FailureClass };

/** The entry after `attempt`: a failure keeps the last success's date and tool count. Pure. */
export function recordAttempt(previous: VerificationEntry | undefined, attempt: Attempt): VerificationEntry {
  if (attempt.status === 'ok') {
    return { lastAttempt: attempt.at, lastVerified: attempt.at, status: 'ok', toolCount: attempt.toolCount };
  }
  return {
    lastAttempt: attempt.at,
    ...(previous?.lastVerified === undefined ? {} : { lastVerified: previous.lastVerified }),
    status: 'failed',
    reason: attempt.reason,
    failureClass: attempt.failureClass,
    ...(previous?.toolCount === undefined ? {} : { toolCount: previous.toolCount }),
  };
}

/** Deterministic bytes: ids sorted (code-point order), fixed key order, 2-space JSON, trailing newline. */
export function stringifyVerification(verification: Verification): string {
  const ids = Object.keys(verification).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const ordered: Verification = {};
  for (const id of ids) {
    const e = verification[id];
    if (e === undefined) continue;
    ordered[id] = {
      lastAttempt: e.lastAttempt,
      ...(e.lastVerified === undefined ? {} : { lastVerified: e.lastVerified }),
      status: e.status,
      ...(e.reason === undefined ? {} : { reason: e.reason }),
      ...(e.failureClass === undefined ? {} : { failureClass: e.failureClass }),
      ...(e.toolCount === undefined ? {} : { toolCount: e.toolCount }),
    };
  }
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/** Writes atomically (temp file + rename in the same directory). */
export function writeVerification(path: string, verification: Verification): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, stringifyVerification(verification), { flag: 'wx' });
    renameSync(temp, path);
  } finally {
    rmSync(temp, { force: true });
  }
}
