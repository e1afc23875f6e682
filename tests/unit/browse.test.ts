import { describe, expect, test } from 'vitest';
import { BROWSE_DIMENSIONS, groupByDimension, sharedNames } from '../../src/core/browse.ts';
import type { Verdict } from '../../src/core/schema.ts';

const verdict = (risk: Verdict['risk'], category: Verdict['category'], flags: string[] = []): Verdict =>
  ({ risk, category, confidence: 'high', flags: flags.map((flag) => ({ flag, evidence: [] })), evidence: [] }) as unknown as Verdict;

const dim = (key: string) => BROWSE_DIMENSIONS.find((d) => d.key === key)!;

describe('groupByDimension', () => {
  const items = [
    { id: 'a', v: verdict('low', 'read') },
    { id: 'b', v: verdict('high', 'destructive', ['credential-access', 'private-data']) },
    { id: 'c', v: verdict('high', 'write', ['credential-access']) },
  ];
  const ROWS: Array<[string, string, string[]]> = [
    ['risk', 'high', ['b', 'c']],
    ['risk', 'critical', []],
    ['category', 'read', ['a']],
    ['flag', 'credential-access', ['b', 'c']],
    ['flag', 'private-data', ['b']],
    ['flag', 'open-world', []],
  ];
  test.each(ROWS)('%s = %s → %j', (key, value, ids) => {
    const groups = groupByDimension(dim(key), items, (i) => i.v);
    expect(groups.get(value)?.map((i) => i.id)).toEqual(ids);
    // Every value of the dimension has a group, empty ones included, in display order.
    expect([...groups.keys()]).toEqual([...dim(key).values]);
  });
});

describe('sharedNames', () => {
  const key = (i: { slug: string; server: string }) => ({ slug: i.slug, serverId: i.server });
  test('only names on two or more servers, most widespread first, then by slug', () => {
    const items = [
      { slug: 'read_file', server: 's1' },
      { slug: 'read_file', server: 's2' },
      { slug: 'delete', server: 's1' },
      { slug: 'delete', server: 's2' },
      { slug: 'delete', server: 's3' },
      { slug: 'alone', server: 's1' },
      { slug: 'alpha', server: 's2' },
      { slug: 'alpha', server: 's3' },
    ];
    expect(sharedNames(items, key).map((g) => [g.slug, g.servers, g.items.length])).toEqual([
      ['delete', 3, 3],
      ['alpha', 2, 2],
      ['read_file', 2, 2],
    ]);
  });
  test('two tools of one server with the same slug are not shared', () => {
    expect(sharedNames([{ slug: 'x', server: 's1' }, { slug: 'x', server: 's1' }], key)).toEqual([]);
  });
});

describe('BROWSE_DIMENSIONS', () => {
  test('each dimension reads its values from a verdict', () => {
    const v = verdict('critical', 'execute', ['open-world']);
    expect(BROWSE_DIMENSIONS.map((d) => [d.key, d.valuesOf(v)])).toEqual([
      ['risk', ['critical']],
      ['category', ['execute']],
      ['flag', ['open-world']],
    ]);
    expect(dim('flag').valueLabel('credential-access')).toBe('Credential or secret access');
    expect(dim('risk').valueLabel('high')).toBe('High risk');
  });
});
