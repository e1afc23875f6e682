/**
 * Content collections over ../content. Snapshots are validated with the same zod schema ingest
 * writes them with, so a hand-edited or truncated file fails the build naming the file and field.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { z } from 'zod';
import { HAND_LABELS_FILE, HandLabelsSchema, LABELLING_GUIDE_FILE, parseHandLabels } from './core/eval/hand-labels.ts';
import { parseSplit, SPLIT_FILE, SplitSchema } from './core/eval/split.ts';
import { SERVER_ID_PATTERN, ServerSnapshotSchema, VerificationEntrySchema, VerificationSchema } from './core/schema.ts';

const SERVER_ID = z.string().regex(SERVER_ID_PATTERN);

/** Where snapshots live; overridable so the benchmark and tests can build another catalog. */
const SERVERS_DIR = process.env['CATALOG_SERVERS_DIR'] ?? './content/servers';
/** When each source was last tried and last verified; a catalog without one simply has no history. */
const VERIFICATION_FILE = process.env['CATALOG_VERIFICATION_FILE'] ?? (process.env['CATALOG_SERVERS_DIR'] ? '' : './content/verification.json');

/**
 * The evaluation's label files (src/core/eval/): the development/test split and the hand-labelled
 * set. A catalog built from another snapshot directory has neither unless given; a missing file is
 * simply no labels, a broken one fails the build naming the file and field.
 */
const OTHER_CATALOG = Boolean(process.env['CATALOG_SERVERS_DIR']);
const SPLIT_PATH = process.env['CATALOG_SPLIT_FILE'] ?? (OTHER_CATALOG ? '' : SPLIT_FILE);
const HAND_LABELS_PATH = process.env['CATALOG_HAND_LABELS_FILE'] ?? (OTHER_CATALOG ? '' : HAND_LABELS_FILE);
/** The hand-labelling guide, rendered at /accuracy/labelling/. */
const GUIDE_PATH = process.env['CATALOG_LABELLING_GUIDE'] ?? LABELLING_GUIDE_FILE;

function readOptional(path: string): string | undefined {
  return path === '' || !existsSync(path) ? undefined : readFileSync(path, 'utf8');
}

/**
 * Each snapshot is validated in full, but the content store keeps only its id and name: Astro
 * inlines the whole store into the build's bundle and holds it for the whole build (three copies:
 * bundle text, JSON string, objects), so a store of whole snapshots grows the build's memory and
 * its garbage collection faster than the catalog. src/data.ts reads a snapshot's tools from the
 * entry's file (the same bytes this validated, by the entry's digest) when it needs them.
 */
const servers = defineCollection({
  loader: glob({ pattern: '*.json', base: SERVERS_DIR }),
  schema: ServerSnapshotSchema.transform((snapshot) => ({ id: snapshot.id, name: snapshot.name })),
});

const verification = defineCollection({
  loader: async () => {
    if (VERIFICATION_FILE === '' || !existsSync(VERIFICATION_FILE)) return [];
    const parsed = VerificationSchema.safeParse(JSON.parse(readFileSync(VERIFICATION_FILE, 'utf8')));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`${VERIFICATION_FILE}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
    }
    return Object.entries(parsed.data).map(([id, entry]) => ({ id, ...entry }));
  },
  // Entries of an inline loader carry their id among the data.
  schema: VerificationEntrySchema.extend({ id: SERVER_ID }),
});

// Single-entry collections: the file as one document, validated by the same schema `npm run eval` uses.
const split = defineCollection({
  loader: async () => {
    const text = readOptional(SPLIT_PATH);
    return text === undefined ? [] : [{ id: 'split', file: SPLIT_PATH, split: parseSplit(text, SPLIT_PATH) }];
  },
  schema: z.object({ id: z.literal('split'), file: z.string(), split: SplitSchema }),
});

const handLabels = defineCollection({
  loader: async () => {
    const text = readOptional(HAND_LABELS_PATH);
    return text === undefined ? [] : [{ id: 'hand', file: HAND_LABELS_PATH, labels: parseHandLabels(text, HAND_LABELS_PATH) }];
  },
  schema: z.object({ id: z.literal('hand'), file: z.string(), labels: HandLabelsSchema }),
});

/** Project documents rendered on the site: the labelling guide (the project's own text, not third-party). */
const guides = defineCollection({
  loader: existsSync(GUIDE_PATH) ? glob({ pattern: basename(GUIDE_PATH), base: dirname(GUIDE_PATH) }) : async () => [],
});

export const collections = { servers, verification, split, handLabels, guides };
