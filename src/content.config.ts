/**
 * Content collections over ../content. Snapshots are validated with the same zod schema ingest
 * writes them with, so a hand-edited or truncated file fails the build naming the file and field.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { ServerSnapshotSchema } from './core/schema.ts';

/** Where snapshots live; overridable so the benchmark can build a synthetic catalog. */
const SERVERS_DIR = process.env['CATALOG_SERVERS_DIR'] ?? './content/servers';

const servers = defineCollection({
  loader: glob({ pattern: '*.json', base: SERVERS_DIR }),
  schema: ServerSnapshotSchema,
});

export const collections = { servers };
