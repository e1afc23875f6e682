import { describe, expect, test } from 'vitest';
import { findSlugCollisions, toolNameFromSlug, toolSlug } from '../../src/core/slug.ts';

const CASES: Array<[string, string]> = [
  ['write_file', 'write_file'],
  ['get-file-contents', 'get-file-contents'],
  ['admin.tools.list', 'admin.tools.list'],
  ['DeleteImageSet', 'DeleteImageSet'],
  ['.env', '~2Eenv'],
  ['..', '~2E.'],
  ['a b', 'a~20b'],
  ['a/b', 'a~2Fb'],
  ['a~20b', 'a~7E20b'],
  ['café', 'caf~C3~A9'],
  ['tool?x=1#y', 'tool~3Fx~3D1~23y'],
];

describe('toolSlug', () => {
  test.each(CASES)('%s → %s', (name, slug) => {
    expect(toolSlug(name)).toBe(slug);
  });

  test.each(CASES)('%s round-trips', (name) => {
    expect(toolNameFromSlug(toolSlug(name))).toBe(name);
  });

  test('distinct names never share a slug', () => {
    const names = CASES.map(([name]) => name).concat(['a~20b', 'a b', 'Write_File']);
    const slugs = new Map<string, string>();
    for (const name of new Set(names)) {
      const slug = toolSlug(name);
      expect(slugs.get(slug) ?? name).toBe(name);
      slugs.set(slug, name);
    }
  });

  test('slugs are safe path segments', () => {
    for (const [name] of CASES) expect(toolSlug(name)).toMatch(/^[A-Za-z0-9_~-][A-Za-z0-9_.~-]*$/);
  });

  test('malformed slug is rejected', () => {
    expect(() => toolNameFromSlug('a~zz')).toThrow(/Malformed tool slug/);
  });
});

describe('findSlugCollisions', () => {
  const ROWS: Array<[string[], Array<[string, string]>]> = [
    [['read_file', 'write_file'], []],
    [['Read_File', 'read_file'], [['Read_File', 'read_file']]],
    [['x', 'x'], []],
    [['a.b', 'a_b', 'A.B'], [['a.b', 'A.B']]],
  ];
  test.each(ROWS)('%j → %j', (names, expected) => {
    expect(findSlugCollisions(names)).toEqual(expected);
  });
});
