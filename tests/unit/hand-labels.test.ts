/**
 * content/labels/hand.json: the hand-labelled evaluation set of tools that declare no annotations
 * (guide: docs/labelling.md). Checks its shape and that it only labels real, unannotated tools.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CATEGORIES } from '../../src/core/schema.ts';
import { readSnapshots } from '../../src/ingest/snapshot.ts';

const ROOT = join(import.meta.dirname, '..', '..');

const LabelSchema = z.strictObject({
  server: z.string().min(1),
  tool: z.string().min(1),
  category: z.enum(CATEGORIES),
  readOnly: z.boolean(),
  destructive: z.boolean(),
  confidence: z.enum(['clear', 'judgement']),
  note: z.string().min(1).optional(),
});

const HandLabelsSchema = z.strictObject({
  guide: z.literal('docs/labelling.md'),
  sampledFrom: z.string().min(1),
  labels: z.array(LabelSchema),
});

const raw: unknown = JSON.parse(readFileSync(join(ROOT, 'content', 'labels', 'hand.json'), 'utf8'));
const file = HandLabelsSchema.parse(raw);
const labels = file.labels;
const snapshots = new Map(readSnapshots(join(ROOT, 'content', 'servers')).map((s) => [s.id, s]));

describe('content/labels/hand.json', () => {
  it('has a valid shape', () => {
    expect(HandLabelsSchema.safeParse(raw).success).toBe(true);
  });

  it('points to a guide that exists', () => {
    expect(readFileSync(join(ROOT, file.guide), 'utf8')).toMatch(/labelling guide/i);
  });

  it('labels only tools that exist and declare neither readOnlyHint nor destructiveHint', () => {
    const problems: string[] = [];
    for (const l of labels) {
      const tool = snapshots.get(l.server)?.tools.find((t) => t.name === l.tool);
      if (tool === undefined) problems.push(`${l.server} / ${l.tool}: no such tool`);
      else if (tool.annotations?.readOnlyHint !== undefined || tool.annotations?.destructiveHint !== undefined) {
        problems.push(`${l.server} / ${l.tool}: declares annotations`);
      } else if ((tool.description ?? '').trim() === '') problems.push(`${l.server} / ${l.tool}: no description`);
    }
    expect(problems).toEqual([]);
  });

  it('has no duplicate (server, tool) pairs', () => {
    const keys = labels.map((l) => `${l.server}\t${l.tool}`);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  it('is sorted by server, then tool', () => {
    const order = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
    const sorted = [...labels].sort((a, b) => order(a.server, b.server) || order(a.tool, b.tool));
    expect(labels.map((l) => `${l.server}\t${l.tool}`)).toEqual(sorted.map((l) => `${l.server}\t${l.tool}`));
  });

  it('has at least 300 labels from at least 60 servers, at most 6 per server', () => {
    expect(labels.length).toBeGreaterThanOrEqual(300);
    const perServer = new Map<string, number>();
    for (const l of labels) perServer.set(l.server, (perServer.get(l.server) ?? 0) + 1);
    expect(perServer.size).toBeGreaterThanOrEqual(60);
    expect([...perServer].filter(([, n]) => n > 6)).toEqual([]);
  });

  it('is consistent: readOnly ⇒ read and not destructive; read ⇒ readOnly; destructive/execute ⇒ not readOnly', () => {
    const bad = labels.filter(
      (l) =>
        (l.readOnly && (l.category !== 'read' || l.destructive)) ||
        (l.category === 'read' && !l.readOnly) ||
        ((l.category === 'destructive' || l.category === 'execute') && l.readOnly),
    );
    expect(bad).toEqual([]);
  });

  it('gives every destructive or execute label destructive: true', () => {
    expect(labels.filter((l) => (l.category === 'destructive' || l.category === 'execute') && !l.destructive)).toEqual([]);
  });

  it('has a note on every judgement label', () => {
    expect(labels.filter((l) => l.confidence === 'judgement' && (l.note ?? '').trim() === '')).toEqual([]);
  });
});
