import { describe, expect, test } from 'vitest';
import { listParameters, typeSummary } from '../../src/core/params.ts';

describe('typeSummary', () => {
  const ROWS: Array<[unknown, string]> = [
    [{ type: 'string' }, 'string'],
    [{ type: 'array', items: { type: 'string' } }, 'array of string'],
    [{ type: ['string', 'null'] }, 'string | null'],
    [{ enum: ['a', 'b'] }, '"a" | "b"'],
    [{ anyOf: [{ type: 'number' }, { type: 'string' }] }, 'number | string'],
    [{ properties: { x: {} } }, 'object'],
    [{ const: 3 }, '3'],
    [true, 'any'],
    [null, 'unknown'],
    [{}, 'any'],
  ];
  test.each(ROWS)('%j → %s', (schema, expected) => {
    expect(typeSummary(schema)).toBe(expected);
  });
});

describe('listParameters', () => {
  test('keeps declaration order and marks required', () => {
    const params = listParameters({
      type: 'object',
      properties: { path: { type: 'string', description: 'Where' }, content: { type: 'string' } },
      required: ['content'],
    });
    expect(params).toEqual([
      { name: 'path', type: 'string', required: false, description: 'Where' },
      { name: 'content', type: 'string', required: true, description: undefined },
    ]);
  });
  const JUNK: unknown[] = [undefined, null, 'x', [], { properties: 'nope' }, { properties: [] }];
  test.each(JUNK)('junk schema %j gives no parameters', (schema) => {
    expect(listParameters(schema)).toEqual([]);
  });
});
