/**
 * The measured-accuracy definitions behind `npm run eval`, as tables.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  EVAL_GOALS,
  addScore,
  baselineOf,
  declaresAnnotations,
  sdkDefaults,
  destructivePrecision,
  destructiveRecall,
  emptyScore,
  evaluateCatalog,
  evaluateServer,
  isDisputed,
  labelsOf,
  predictionOf,
  readAccuracy,
  sumScores,
  withoutAnnotations,
} from '../../src/core/classify/accuracy.ts';
import { classifyTool } from '../../src/core/classify/index.ts';
import type { Tool, ToolAnnotations } from '../../src/core/schema.ts';
import { parseSplit } from '../../src/core/eval/split.ts';
import { readSnapshots } from '../../src/ingest/snapshot.ts';
import { tool } from './classify-cases.ts';

describe('labelsOf', () => {
  test.each([
    ['nothing declared', undefined, {}, {}],
    ['readOnlyHint: true', { readOnlyHint: true }, { read: true, destructive: false }, { read: true, destructive: false }],
    ['readOnlyHint: true, destructiveHint: true (no meaning then)', { readOnlyHint: true, destructiveHint: true }, { read: true, destructive: false }, { read: true, destructive: false }],
    ['readOnlyHint: false alone: the spec default', { readOnlyHint: false }, { read: false, destructive: true }, { read: false }],
    ['readOnlyHint: false, destructiveHint: false', { readOnlyHint: false, destructiveHint: false }, { read: false, destructive: false }, { read: false, destructive: false }],
    ['destructiveHint alone: no read label', { destructiveHint: true }, { destructive: true }, { destructive: true }],
    ['only other hints', { openWorldHint: true, idempotentHint: true }, {}, {}],
  ] as Array<[string, ToolAnnotations | undefined, object, object]>)('%s', (_label, annotations, specDefault, explicit) => {
    expect(labelsOf(annotations)).toEqual(specDefault);
    expect(labelsOf(annotations, 'explicit-only')).toEqual(explicit);
  });
});

describe('predictions', () => {
  test.each([
    ['a read', tool('get_file', 'Get a file.'), { read: true, destructive: false }, { read: true, destructive: false }],
    ['an additive write', tool('create_issue', 'Create an issue.'), { read: false, destructive: false }, { read: false, destructive: false }],
    ['an update', tool('update_issue', 'Update an issue.'), { read: false, destructive: true }, { read: false, destructive: false }],
    ['a delete', tool('delete_issue', 'Delete an issue.'), { read: false, destructive: true }, { read: false, destructive: true }],
    ['code', tool('run_command', 'Run a shell command.', ['command']), { read: false, destructive: true }, { read: false, destructive: true }],
  ] as const)('%s', (_label, t, byHint, byCategory) => {
    const v = classifyTool(t);
    expect(predictionOf(v)).toEqual(byHint);
    expect(predictionOf(v, 'category')).toEqual(byCategory);
  });

  test.each([
    ['get_file', { read: true, destructive: false }],
    ['create_issue', { read: false, destructive: false }],
    ['update_issue', { read: false, destructive: true }],
    ['delete_issue', { read: false, destructive: true }],
    ['frobnicate', { read: false, destructive: true }],
    ['API-post-search', { read: false, destructive: false }],
  ] as const)('baseline for %s reads the name verb only', (name, expected) => {
    expect(baselineOf(name)).toEqual(expected);
  });
});

describe('scores', () => {
  test('accuracy, recall and precision from the counts; undefined when there is nothing to count', () => {
    let s = emptyScore();
    expect([readAccuracy(s), destructiveRecall(s), destructivePrecision(s)]).toEqual([undefined, undefined, undefined]);
    s = addScore(s, { read: true, destructive: false }, { read: true, destructive: false });
    s = addScore(s, { read: false, destructive: true }, { read: false, destructive: true });
    s = addScore(s, { read: false, destructive: true }, { read: true, destructive: false });
    s = addScore(s, { read: false, destructive: false }, { read: false, destructive: true });
    s = addScore(s, {}, { read: true, destructive: true });
    expect(s).toEqual({ readTotal: 4, readCorrect: 3, truePositive: 1, falsePositive: 1, falseNegative: 1, trueNegative: 1 });
    expect([readAccuracy(s), destructiveRecall(s), destructivePrecision(s)]).toEqual([0.75, 0.5, 0.5]);
  });

  test('a server is scored with annotations withheld, on the first definition of each name', () => {
    const tools = [
      tool('delete_branch', 'Delete a branch.', [], { readOnlyHint: true }),
      tool('get_file', 'Get a file.', [], { readOnlyHint: true }),
      tool('get_file', 'Deletes everything.', [], { readOnlyHint: false }),
      tool('unlabelled', 'Get it.'),
    ];
    expect(declaresAnnotations(tools)).toBe(true);
    expect(declaresAnnotations([tool('x'), tool('y', undefined, [], { openWorldHint: true })])).toBe(false);
    const result = evaluateServer('s', tools);
    expect(result.labelled).toBe(2);
    expect(result.classifier).toMatchObject({ readTotal: 2, readCorrect: 1 });
    expect(result.disagreements.map((d) => `${d.tool} ${d.label} ${d.declared}→${d.predicted} ${d.disputed}`)).toEqual([
      'delete_branch read true→false true',
      'delete_branch destructive false→true true',
    ]);
    expect(withoutAnnotations(tools[0] ?? { name: 'x' })).not.toHaveProperty('annotations');
  });

  test.each([
    ['a high-confidence delete against destructive: false', 'destructive', tool('delete_branch', 'Delete a branch.'), true],
    ['a high-confidence update against destructive: false: fine print, not a dispute', 'destructive', tool('update_issue', 'Update an issue.'), false],
    ['a high-confidence read against readOnlyHint: false', 'read', tool('get_file', 'Get a file.'), true],
    ['a low-confidence default', 'read', tool('frobnicate'), false],
  ] as const)('isDisputed: %s', (_label, label, t, disputed) => {
    expect(isDisputed(label, classifyTool(t))).toBe(disputed);
  });

  test('a server whose every tool carries exactly mcp-go’s default hints declared nothing and is not scored', () => {
    const defaults = { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true };
    const server = (tools: Tool[]) => evaluateCatalog([{ id: 's', tools }]).map((r) => r.id);
    const sdk = [tool('get_a', 'Get it.', [], defaults), tool('list_b', 'List them.', [], { ...defaults, title: 'List B' })];
    expect(sdkDefaults(sdk)).toBe(true);
    expect(server(sdk)).toEqual([]);
    // One tool set by its author, one hint changed, or one more hint: the server declared something.
    for (const other of [{ readOnlyHint: true }, { ...defaults, idempotentHint: true }, { readOnlyHint: false, destructiveHint: true }]) {
      const tools = [...sdk, tool('get_c', 'Get it.', [], other)];
      expect(sdkDefaults(tools)).toBe(false);
      expect(server(tools)).toEqual(['s']);
    }
  });

  test('a server that labels every write destructive is a blanket labeller', () => {
    const writes = ['create_a', 'create_b', 'create_c', 'create_d', 'create_e'].map((n) => tool(n, 'Create it.', [], { readOnlyHint: false, destructiveHint: true }));
    expect(evaluateServer('s', writes).blanket).toBe(true);
    expect(evaluateServer('s', [...writes, tool('create_f', 'Create it.', [], { readOnlyHint: false, destructiveHint: false })]).blanket).toBe(false);
    expect(evaluateServer('s', writes.slice(0, 4)).blanket).toBe(false);
  });
});

describe('the development set against EVAL_GOALS', () => {
  // The real snapshots: a classifier change that drops below a goal on the servers the rules are
  // written on fails here, not only in a report. The test set is measured (`npm run eval --check`),
  // never a target a test could push rules toward.
  const root = join(import.meta.dirname, '../../content');
  const split = parseSplit(readFileSync(join(root, 'labels/split.json'), 'utf8'), 'content/labels/split.json');
  const development = new Set(split.development);
  const results = evaluateCatalog(readSnapshots(join(root, 'servers')).filter((s) => development.has(s.id)));
  const classifier = sumScores(results.map((r) => r.classifier));
  const baseline = sumScores(results.map((r) => r.baseline));

  test('read-vs-not accuracy is at least 95 % and above the name-verb baseline', () => {
    expect(readAccuracy(classifier)).toBeGreaterThanOrEqual(EVAL_GOALS.read);
    expect(readAccuracy(classifier)).toBeGreaterThan(readAccuracy(baseline) ?? 1);
  });

  test('destructive recall is at least 90 % and above the baseline; precision does not fall below it', () => {
    expect(destructiveRecall(classifier)).toBeGreaterThanOrEqual(EVAL_GOALS.recall);
    expect(destructiveRecall(classifier)).toBeGreaterThan(destructiveRecall(baseline) ?? 1);
    expect(destructivePrecision(classifier)).toBeGreaterThanOrEqual(destructivePrecision(baseline) ?? 1);
  });
});
