/**
 * The development/test split: the hash rule, extending the list without moving anyone, and the
 * committed content/labels/split.json against the catalog.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  assignSets,
  EVAL_SETS,
  extendSplit,
  hashBucket,
  hashSet,
  parseSplit,
  SPLIT_FILE,
  SPLIT_RULE,
  splitProblems,
  stringifySplit,
  type Split,
} from '../../src/core/eval/split.ts';
import { readSnapshots } from '../../src/ingest/snapshot.ts';

const ROOT = join(import.meta.dirname, '../..');

describe('the hash rule', () => {
  // Buckets worked out independently: sha256 of the id, first 4 bytes big-endian, mod 100.
  test.each([
    ['zereight-mcp-gitlab'],
    ['xeroapi-xero-mcp-server'],
    ['modelcontextprotocol-server-filesystem'],
    ['a'],
  ])('%s', (id) => {
    const expected = Number(BigInt(`0x${createHash('sha256').update(id).digest('hex').slice(0, 8)}`) % 100n);
    expect(hashBucket(id)).toBe(expected);
    expect(hashSet(id)).toBe(expected < 30 ? 'test' : 'development');
  });

  test.each([
    ['zereight-mcp-gitlab', 'test'],
    ['xeroapi-xero-mcp-server', 'development'],
  ] as const)('%s → %s', (id, set) => {
    expect(hashSet(id)).toBe(set);
  });

  test('about 30 % of many ids land in test', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `server-${i}`);
    const share = ids.filter((id) => hashSet(id) === 'test').length / ids.length;
    expect(share).toBeGreaterThan(0.27);
    expect(share).toBeLessThan(0.33);
  });
});

describe('extendSplit', () => {
  const ids = ['zereight-mcp-gitlab', 'xeroapi-xero-mcp-server', 'a', 'b', 'c'];

  test('from nothing: every id by its hash, lists sorted, the rule stated', () => {
    const { split, added } = extendSplit(undefined, ids);
    expect(split.rule).toBe(SPLIT_RULE);
    expect(added.map((a) => a.id)).toEqual([...ids].sort());
    for (const { id, set } of added) expect(split[set]).toContain(id);
    for (const set of EVAL_SETS) expect(split[set]).toEqual([...split[set]].sort());
    expect(splitProblems(split, ids)).toEqual([]);
  });

  test('appends only new servers and never moves or drops a listed one', () => {
    // A hand-moved server and one whose snapshot is gone both stay where the list has them.
    const moved: Split = { rule: 'r', test: ['gone', 'xeroapi-xero-mcp-server'], development: [] };
    const { split, added } = extendSplit(moved, ['xeroapi-xero-mcp-server', 'zereight-mcp-gitlab']);
    expect(added).toEqual([{ id: 'zereight-mcp-gitlab', set: 'test' }]);
    expect(split).toEqual({ rule: 'r', test: ['gone', 'xeroapi-xero-mcp-server', 'zereight-mcp-gitlab'], development: [] });
    expect(extendSplit(split, ['zereight-mcp-gitlab']).added).toEqual([]);
  });

  test('assignSets: listed servers as listed, others by hash and reported', () => {
    const split: Split = { rule: 'r', test: ['xeroapi-xero-mcp-server'], development: [] };
    const { setOf, unlisted } = assignSets(split, ['xeroapi-xero-mcp-server', 'zereight-mcp-gitlab']);
    expect(Object.fromEntries(setOf)).toEqual({ 'xeroapi-xero-mcp-server': 'test', 'zereight-mcp-gitlab': 'test' });
    expect(unlisted).toEqual(['zereight-mcp-gitlab']);
  });
});

describe('splitProblems', () => {
  test.each([
    ['a server missing', { rule: 'r', test: [], development: [] }, ['xeroapi-xero-mcp-server'], ['xeroapi-xero-mcp-server is not listed; run npm run split']],
    [
      'a server moved by hand',
      { rule: 'r', test: ['xeroapi-xero-mcp-server'], development: [] },
      ['xeroapi-xero-mcp-server'],
      ['xeroapi-xero-mcp-server is listed under test but its hash puts it in development'],
    ],
    [
      'a server listed twice',
      { rule: 'r', test: ['zereight-mcp-gitlab'], development: ['zereight-mcp-gitlab'] },
      [],
      ['1 server(s) listed more than once'],
    ],
  ] as Array<[string, Split, string[], string[]]>)('%s', (_label, split, ids, problems) => {
    expect(splitProblems(split, ids)).toEqual(problems);
  });

  test('unsorted lists are reported', () => {
    const dev = ['x1', 'x2', 'x3', 'x4', 'x5'].filter((id) => hashSet(id) === 'development');
    expect(dev.length).toBeGreaterThan(1);
    expect(splitProblems({ rule: 'r', test: [], development: [...dev].reverse() }, [])).toEqual(['the development list is not sorted']);
  });
});

describe(`the committed ${SPLIT_FILE}`, () => {
  const text = readFileSync(join(ROOT, SPLIT_FILE), 'utf8');
  const split = parseSplit(text);
  const ids = readSnapshots(join(ROOT, 'content/servers')).map((s) => s.id);

  test('lists every snapshot once, each in the set its hash gives, sorted', () => {
    expect(splitProblems(split, ids)).toEqual([]);
  });

  test('is written in the form npm run split writes', () => {
    expect(stringifySplit(split)).toBe(text);
  });

  test('states the rule', () => {
    expect(split.rule).toBe(SPLIT_RULE);
  });
});

describe('parseSplit', () => {
  test.each([
    ['{', /^f\.json: not valid JSON: /],
    ['{"rule":"r","test":["a"],"development":["a"]}', /^f\.json: test\[0\]: "a" is listed twice \(first at development\[0\]\)$/],
    ['{"rule":"r","test":"a","development":[]}', /^f\.json: test: expected array, got string$/],
    ['{"rule":"r","test":[],"development":[],"extra":1}', /^f\.json: extra: unknown field$/],
    ['{"test":[],"development":["Not An Id"]}', /^f\.json: rule: missing; expected string; development\[0\]: /],
  ])('%s', (text, error) => {
    expect(() => parseSplit(text, 'f.json')).toThrow(error);
  });
});
