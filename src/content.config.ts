/**
 * Content collections over ../content. Snapshots are validated with the same zod schema ingest
 * writes them with, so a hand-edited or truncated file fails the build naming the file and field.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { SERVER_ID_PATTERN, ServerSnapshotSchema, VerificationEntrySchema, VerificationSchema } from './core/schema.ts';

const SERVER_ID = z.string().regex(SERVER_ID_PATTERN);

/** Where snapshots live; overridable so the benchmark and tests can build another catalog. */
const SERVERS_DIR = process.env['CATALOG_SERVERS_DIR'] ?? './content/servers';
/** When each source was last tried and last verified; a catalog without one simply has no history. */
const VERIFICATION_FILE = process.env['CATALOG_VERIFICATION_FILE'] ?? (process.env['CATALOG_SERVERS_DIR'] ? '' : './content/verification.json');

const servers = defineCollection({
  loader: glob({ pattern: '*.json', base: SERVERS_DIR }),
  schema: ServerSnapshotSchema,
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

export const collections = { servers, verification };
