/**
 * Content collections over ../content. Snapshots are validated with the same zod schema ingest
 * writes them with, so a hand-edited or truncated file fails the build naming the file and field.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { ServerSnapshotSchema } from './core/schema.ts';

const servers = defineCollection({
  loader: glob({ pattern: '*.json', base: './content/servers' }),
  schema: ServerSnapshotSchema,
});

export const collections = { servers };
