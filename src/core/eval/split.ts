/**
 * The development/test split of the catalog's servers, for an honest evaluation: the classifier's
 * rules are tuned on the development set; the test set measures whether that tuning generalises.
 *
 * A server's set is decided once, by a stable hash of its id ({@link hashSet}), and recorded in
 * content/labels/split.json. The committed list is authoritative: `npm run split` appends servers
 * that are new since it was written, by the same rule ({@link extendSplit}), and never moves or
 * removes one; a unit test checks every listed server sits where the hash puts it, so nobody moves
 * a server by hand. Pure: hashing is computation, not I/O.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { SERVER_ID_PATTERN } from '../schema.ts';
import { parseJsonFile } from './parse.ts';

/** Where the split is committed, relative to the project root. */
export const SPLIT_FILE = 'content/labels/split.json';

/** The two sets, in the order reports list them. */
export const EVAL_SETS = ['development', 'test'] as const;
export type EvalSet = (typeof EVAL_SETS)[number];

/** Percentage of servers the hash puts in the test set. */
export const TEST_PERCENT = 30;

/** The rule, as split.json states it. */
export const SPLIT_RULE =
  `sha256 of the server id (UTF-8); its first 4 bytes as a big-endian unsigned integer, mod 100; below ${TEST_PERCENT} → test, ` +
  'otherwise development. The lists are authoritative: npm run split appends servers that are new since, by this rule, and never moves or removes one.';

/** content/labels/split.json. Ids are sorted (code-unit order) within each list. */
export const SplitSchema = z
  .strictObject({
    /** How servers were assigned: {@link SPLIT_RULE}. */
    rule: z.string().min(1),
    /** Servers held out: the rules are not tuned on them. */
    test: z.array(z.string().regex(SERVER_ID_PATTERN)),
    /** Servers the rules may be tuned on. */
    development: z.array(z.string().regex(SERVER_ID_PATTERN)),
  })
  .superRefine((split, ctx) => {
    const seen = new Map<string, string>();
    for (const set of EVAL_SETS) {
      split[set].forEach((id, i) => {
        const first = seen.get(id);
        if (first !== undefined) ctx.addIssue({ code: 'custom', path: [set, i], message: `"${id}" is listed twice (first at ${first})` });
        else seen.set(id, `${set}[${i}]`);
      });
    }
  });
export type Split = z.infer<typeof SplitSchema>;

/** The file's text, parsed; throws naming `file` and the field. */
export function parseSplit(text: string, file: string = SPLIT_FILE): Split {
  return parseJsonFile(text, file, SplitSchema);
}

/** The id's hash bucket, 0–99. */
export function hashBucket(id: string): number {
  return createHash('sha256').update(id, 'utf8').digest().readUInt32BE(0) % 100;
}

/** The set the hash rule gives a server. */
export function hashSet(id: string): EvalSet {
  return hashBucket(id) < TEST_PERCENT ? 'test' : 'development';
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Each listed server's set. */
export function listedSets(split: Split): Map<string, EvalSet> {
  const sets = new Map<string, EvalSet>();
  for (const set of EVAL_SETS) for (const id of split[set]) sets.set(id, set);
  return sets;
}

export interface Assignment {
  /** Every given server's set: as listed, or by the hash rule when not listed yet. */
  setOf: Map<string, EvalSet>;
  /** Servers the list does not have yet (`npm run split` adds them), in the given order. */
  unlisted: string[];
}

/** Every server's set; a server missing from the list gets the set `npm run split` would give it, and is reported. */
export function assignSets(split: Split | undefined, ids: readonly string[]): Assignment {
  const listed = split === undefined ? new Map<string, EvalSet>() : listedSets(split);
  const setOf = new Map<string, EvalSet>();
  const unlisted: string[] = [];
  for (const id of ids) {
    const set = listed.get(id);
    if (set === undefined) unlisted.push(id);
    setOf.set(id, set ?? hashSet(id));
  }
  return { setOf, unlisted };
}

/**
 * The split with every server of `ids` it lacks appended by the hash rule (lists kept sorted);
 * listed servers stay where they are, including any no longer in the catalog.
 */
export function extendSplit(split: Split | undefined, ids: readonly string[]): { split: Split; added: Array<{ id: string; set: EvalSet }> } {
  const listed = split === undefined ? new Map<string, EvalSet>() : listedSets(split);
  const added = [...new Set(ids)].filter((id) => !listed.has(id)).sort(byCodeUnit).map((id) => ({ id, set: hashSet(id) }));
  const next: Split = { rule: split?.rule ?? SPLIT_RULE, test: [...(split?.test ?? [])], development: [...(split?.development ?? [])] };
  for (const { id, set } of added) next[set].push(id);
  next.test.sort(byCodeUnit);
  next.development.sort(byCodeUnit);
  return { split: next, added };
}

/**
 * What is wrong with a committed split for the catalog `ids`: a server it does not list, one listed
 * twice, one not in the set its hash gives (moved by hand), a list out of order. Empty when all is well.
 */
export function splitProblems(split: Split, ids: readonly string[]): string[] {
  const problems: string[] = [];
  const listed = listedSets(split);
  const count = EVAL_SETS.reduce((n, set) => n + split[set].length, 0);
  if (count !== listed.size) problems.push(`${count - listed.size} server(s) listed more than once`);
  for (const id of ids) if (!listed.has(id)) problems.push(`${id} is not listed; run npm run split`);
  for (const [id, set] of listed) {
    if (hashSet(id) !== set) problems.push(`${id} is listed under ${set} but its hash puts it in ${hashSet(id)}`);
  }
  for (const set of EVAL_SETS) {
    const sorted = [...split[set]].sort(byCodeUnit);
    if (sorted.some((id, i) => id !== split[set][i])) problems.push(`the ${set} list is not sorted`);
  }
  return problems;
}

/** The file's bytes: 2-space JSON, keys rule/test/development, trailing newline. */
export function stringifySplit(split: Split): string {
  return `${JSON.stringify({ rule: split.rule, test: split.test, development: split.development }, null, 2)}\n`;
}
