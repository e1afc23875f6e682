/**
 * Scoring by set: development, test and the gap between them, the test-set goals of
 * `npm run eval -- --check`, and the hand-labelled set, as tables over small in-memory catalogs.
 */
import { describe, expect, test } from 'vitest';
import { EVAL_GOALS_TEST, type Score } from '../../src/core/classify/accuracy.ts';
import type { HandLabel, HandLabels } from '../../src/core/eval/hand-labels.ts';
import { buildEvalReport, categoryAccuracy, evaluateHandLabels, figuresOf, gapOf, goalFailures, percent, points } from '../../src/core/eval/report.ts';
import { hashSet, type Split } from '../../src/core/eval/split.ts';
import type { Tool } from '../../src/core/schema.ts';
import { tool } from './classify-cases.ts';

/** Two ids the hash puts in different sets. */
const TEST_ID = 'zereight-mcp-gitlab';
const DEV_ID = 'xeroapi-xero-mcp-server';

function score(readCorrect: number, readTotal: number, truePositive: number, falseNegative: number, falsePositive = 0, trueNegative = 0): Score {
  return { readCorrect, readTotal, truePositive, falseNegative, falsePositive, trueNegative };
}

describe('formatting', () => {
  test.each([
    [0.956, '95.6 %'],
    [1, '100.0 %'],
    [undefined, '–'],
  ])('percent(%s) = %s', (value, text) => {
    expect(percent(value)).toBe(text);
  });

  test.each([
    [0.012, '+1.2'],
    [-0.004, '−0.4'],
    [0.0001, '0.0'],
    [-0.0001, '0.0'],
    [undefined, '–'],
  ])('points(%s) = %s', (value, text) => {
    expect(points(value)).toBe(text);
  });
});

describe('gapOf', () => {
  test.each([
    ['development ahead', { read: 0.98, recall: 0.9, precision: 0.5 }, { read: 0.96, recall: 0.95, precision: 0.5 }, { read: 0.02, recall: -0.05, precision: 0 }],
    ['nothing to compare', { read: undefined, recall: 0.9, precision: undefined }, { read: 0.9, recall: 0.9, precision: 0.5 }, { read: undefined, recall: 0, precision: undefined }],
  ])('%s', (_label, dev, held, gap) => {
    const g = gapOf(dev, held);
    for (const key of ['read', 'recall', 'precision'] as const) {
      const expected = gap[key];
      if (expected === undefined) expect(g[key]).toBeUndefined();
      else expect(g[key]).toBeCloseTo(expected, 10);
    }
  });
});

describe('goalFailures (the test-set goals of --check)', () => {
  const goals = { read: 0.97, recall: 0.9, gap: 0.015 };
  test.each<[string, Score, Score, string[]]>([
    ['test meets every goal', score(98, 100, 9, 1), score(97, 100, 9, 1), []],
    ['test ahead of development passes', score(90, 100, 8, 2), score(99, 100, 10, 0), []],
    ['test read-vs-not below the goal', score(96, 100, 9, 1), score(96, 100, 9, 1), ['test read-vs-not accuracy 96.0 % is below 97.0 %']],
    ['test recall below the goal', score(98, 100, 8, 2), score(98, 100, 8, 2), ['test destructive recall 80.0 % is below 90.0 %']],
    [
      'development ahead by more than the gap',
      score(100, 100, 20, 0),
      score(98, 100, 19, 1),
      ['read-vs-not accuracy is +2.0 points higher on development than on test (at most +1.5)', 'destructive recall is +5.0 points higher on development than on test (at most +1.5)'],
    ],
    ['a gap of exactly the goal passes', score(985, 1000, 9, 1), score(970, 1000, 9, 1), []],
    [
      'an empty test set misses',
      score(98, 100, 9, 1),
      score(0, 0, 0, 0),
      [
        'test read-vs-not accuracy – is below 97.0 %',
        'read-vs-not accuracy is – points higher on development than on test (at most +1.5)',
        'test destructive recall – is below 90.0 %',
        'destructive recall is – points higher on development than on test (at most +1.5)',
      ],
    ],
  ])('%s', (_label, development, held, failures) => {
    expect(goalFailures(development, held, goals)).toEqual(failures);
  });

  test('the goals --check uses', () => {
    expect(EVAL_GOALS_TEST).toEqual({ read: 0.97, recall: 0.9, gap: 0.015 });
  });
});

describe('buildEvalReport', () => {
  expect(hashSet(TEST_ID)).toBe('test');
  expect(hashSet(DEV_ID)).toBe('development');

  const servers: Array<{ id: string; tools: Tool[] }> = [
    {
      id: DEV_ID,
      tools: [
        tool('get_invoice', 'Get an invoice.', [], { readOnlyHint: true }),
        tool('delete_invoice', 'Delete an invoice.', [], { readOnlyHint: false, destructiveHint: true }),
      ],
    },
    {
      id: TEST_ID,
      tools: [
        // A read the server labels as a write: a disputed label, on the test set.
        tool('get_issue', 'Get an issue.', [], { readOnlyHint: false, destructiveHint: false }),
        tool('delete_issue', 'Delete an issue.', [], { readOnlyHint: false, destructiveHint: true }),
        tool('create_issue', 'Create an issue.', [], { readOnlyHint: false, destructiveHint: false }),
      ],
    },
    { id: 'unlabelled', tools: [tool('get_x', 'Get x.')] },
  ];
  const split: Split = { rule: 'r', test: [TEST_ID], development: [DEV_ID] };

  test('sums each set, marks each server with its set, reports the unlisted', () => {
    const report = buildEvalReport({ servers, split, hand: undefined });
    expect(report.servers.map((s) => [s.id, s.set])).toEqual([
      [DEV_ID, 'development'],
      [TEST_ID, 'test'],
    ]);
    expect(report.unlisted).toEqual(['unlabelled']);
    expect(report.catalog).toEqual({ development: hashSet('unlabelled') === 'development' ? 2 : 1, test: hashSet('unlabelled') === 'test' ? 2 : 1 });
    expect(report.bySet.development).toMatchObject({ servers: 1, labelled: 2, classifier: score(2, 2, 1, 0, 0, 1) });
    expect(report.bySet.test).toMatchObject({ servers: 1, labelled: 3, classifier: { readTotal: 3, readCorrect: 2, truePositive: 1, falseNegative: 0, falsePositive: 0, trueNegative: 2 } });
    expect(report.all.labelled).toBe(5);
    expect(report.gap.classifier.read).toBeCloseTo(1 - 2 / 3, 10);
    expect(report.disagreements.map((d) => `${d.server} ${d.set} ${d.tool} ${d.label} ${d.disputed}`)).toEqual([`${TEST_ID} test get_issue read true`]);
    expect(report.goalFailures).toContain('test read-vs-not accuracy 66.7 % is below 97.0 %');
    expect(report.hand).toBeUndefined();
  });

  test('the committed list decides, not the hash', () => {
    const moved: Split = { rule: 'r', test: [], development: [TEST_ID, DEV_ID] };
    const report = buildEvalReport({ servers, split: moved, hand: undefined });
    expect(report.bySet.test.servers).toBe(0);
    expect(report.bySet.development.labelled).toBe(5);
  });

  test('without a split every server gets its hash set and is reported', () => {
    const report = buildEvalReport({ servers, split: undefined, hand: undefined });
    expect(report.unlisted).toEqual([DEV_ID, TEST_ID, 'unlabelled']);
    expect(report.servers.map((s) => s.set)).toEqual(['development', 'test']);
  });
});

describe('evaluateHandLabels', () => {
  const servers = [
    { id: DEV_ID, tools: [tool('get_note', 'Get a note.'), tool('update_note', 'Update a note.')] },
    { id: TEST_ID, tools: [tool('delete_issue', 'Delete an issue.'), tool('frobnicate')], namedTools: [{ name: 'list_issues' }] },
  ];
  const setOf = new Map([
    [DEV_ID, 'development' as const],
    [TEST_ID, 'test' as const],
  ]);
  function label(server: string, name: string, category: HandLabel['category'], destructive: boolean): HandLabel {
    return { server, tool: name, category, readOnly: category === 'read', destructive, confidence: 'clear' };
  }
  const hand: HandLabels = {
    guide: 'docs/labelling.md',
    sampledFrom: 's',
    labels: [
      label(DEV_ID, 'get_note', 'read', false),
      label(DEV_ID, 'update_note', 'write', true),
      label(TEST_ID, 'delete_issue', 'destructive', true),
      // A tool known by name only is scored too.
      label(TEST_ID, 'list_issues', 'read', false),
      // No verb: the classifier and the baseline both say write; the label says read.
      { ...label(TEST_ID, 'frobnicate', 'read', false), confidence: 'judgement' },
      label(TEST_ID, 'no_such_tool', 'read', false),
      label('no-such-server', 'get_note', 'read', false),
    ],
  };
  const report = evaluateHandLabels(hand, servers, setOf);

  test('labels whose server or tool the catalog lacks are reported, not scored', () => {
    expect(report.unmatched.map((l) => `${l.server}/${l.tool}`)).toEqual([`${TEST_ID}/no_such_tool`, 'no-such-server/get_note']);
    expect(report.all.labels).toBe(5);
  });

  test.each([
    ['development', 2, { readTotal: 2, readCorrect: 2, truePositive: 1, falsePositive: 0, falseNegative: 0, trueNegative: 1 }, 1],
    ['test', 3, { readTotal: 3, readCorrect: 2, truePositive: 1, falsePositive: 1, falseNegative: 0, trueNegative: 1 }, 2 / 3],
  ] as const)('the %s set', (set, labels, counts, category) => {
    const totals = report.bySet[set];
    expect(totals.labels).toBe(labels);
    expect(totals.classifier.score).toEqual(counts);
    expect(categoryAccuracy(totals.classifier)).toBeCloseTo(category, 10);
  });

  test('the baseline and the clear-only totals sit beside', () => {
    expect(figuresOf(report.all.baseline.score).read).toBeCloseTo(4 / 5, 10);
    expect(categoryAccuracy(report.all.baseline)).toBeCloseTo(4 / 5, 10);
    expect(report.clear.labels).toBe(4);
    expect(categoryAccuracy(report.clear.classifier)).toBe(1);
  });

  test('each outcome lists what the verdict contradicts', () => {
    expect(report.outcomes.filter((o) => o.disagrees.length > 0).map((o) => `${o.set} ${o.label.tool} ${o.disagrees.join(',')}`)).toEqual([
      'test frobnicate read,destructive,category',
    ]);
  });
});
