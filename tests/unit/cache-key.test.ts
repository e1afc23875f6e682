import { describe, expect, test } from 'vitest';
import { cacheKey } from '../../src/core/cache-key.ts';

const SAME: Array<[string, unknown[], unknown[]]> = [
  ['same parts', ['a', { b: 1 }], ['a', { b: 1 }]],
  ['no parts', [], []],
];
const DIFFERENT: Array<[string, unknown[], unknown[]]> = [
  ['a changed value', ['a', { b: 1 }], ['a', { b: 2 }]],
  ['parts split differently', ['ab', 'c'], ['a', 'bc']],
  ['an undefined part against none', [undefined], []],
  ['order', ['a', 'b'], ['b', 'a']],
];

describe('cacheKey', () => {
  test.each(SAME)('%s → the same key', (_, a, b) => expect(cacheKey(...a)).toBe(cacheKey(...b)));
  test.each(DIFFERENT)('%s → another key', (_, a, b) => expect(cacheKey(...a)).not.toBe(cacheKey(...b)));
  test('is short and URL-safe', () => expect(cacheKey('x')).toMatch(/^[A-Za-z0-9_-]{22}$/));
});
