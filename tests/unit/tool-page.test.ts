import { describe, expect, test } from 'vitest';
import { inlineDefinition, PAGE_LIMITS, shorten } from '../../src/core/tool-page.ts';

describe('shorten', () => {
  const ROWS: Array<[string, number, string, number]> = [
    ['short text', 20, 'short text', 0],
    ['exactly ten', 11, 'exactly ten', 0],
    ['cut at a word boundary here', 16, 'cut at a word', 14],
    ['cut at the space itself', 10, 'cut at the', 13],
    ['trailing   spaces   before the cut', 12, 'trailing', 26],
    ['averyveryverylongwordwithoutspaces', 10, 'averyveryv', 24],
    // A space only in the first half would throw most of the text away: cut mid-word instead.
    ['a bcdefghijklmnopqrstuvwxyz', 10, 'a bcdefghi', 17],
    // The limit is in bytes of UTF-8, and a character is never split: "😀" is 4 bytes, "只" is 3.
    ['abcdefghi😀xyz', 10, 'abcdefghi', 5],
    ['abcdefg😀xyz', 11, 'abcdefg😀', 3],
    ['只读只读只读', 10, '只读只', 3],
    ['é'.repeat(10), 10, 'é'.repeat(5), 5],
  ];
  test.each(ROWS)('%j at %i → %j (%i left out)', (text, limit, shown, omitted) => {
    expect(shorten(text, limit)).toEqual({ text: shown, omitted });
  });
});

const long = (n: number) => 'word '.repeat(Math.ceil(n / 5)).slice(0, n);
const bigEnum = { type: 'object', properties: { country: { type: 'string', enum: Array.from({ length: 400 }, (_, i) => `code-${i}`) } } };

describe('inlineDefinition', () => {
  test('a small definition is shown whole, schemas printed', () => {
    const view = inlineDefinition({ description: 'Reads a file.', inputSchema: { type: 'object', properties: { path: { type: 'string' } } } });
    expect(view.cut).toBe(false);
    expect(view.description).toEqual({ text: 'Reads a file.', omitted: 0 });
    expect(view.inputSchemaJson).toContain('"path"');
    expect(view.inputSchemaLinked).toBe(0);
    expect(view.outputSchemaJson).toBeUndefined();
  });

  test('no description, or an empty one, is none', () => {
    expect(inlineDefinition({}).description).toBeUndefined();
    expect(inlineDefinition({ description: '' }).description).toBeUndefined();
  });

  const CUTS: Array<[string, Parameters<typeof inlineDefinition>[0], (v: ReturnType<typeof inlineDefinition>) => unknown, unknown]> = [
    ['a long description is shortened', { description: long(PAGE_LIMITS.description + 500) }, (v) => (v.description?.omitted ?? 0) > 0, true],
    ['a big input schema is linked, not printed', { inputSchema: bigEnum }, (v) => [v.inputSchemaJson, v.inputSchemaLinked > PAGE_LIMITS.schema], [undefined, true]],
    ['a big output schema is linked, not printed', { outputSchema: bigEnum }, (v) => [v.outputSchemaJson, v.outputSchemaLinked > 0], [undefined, true]],
    [
      'parameters beyond the row limit are counted, not listed',
      { inputSchema: { type: 'object', properties: Object.fromEntries(Array.from({ length: PAGE_LIMITS.parameters + 7 }, (_, i) => [`p${i}`, {}])) } },
      (v) => [v.params.length, v.paramsOmitted],
      [PAGE_LIMITS.parameters, 7],
    ],
    [
      "a long parameter description is shortened and says so",
      { inputSchema: { type: 'object', properties: { q: { type: 'string', description: long(PAGE_LIMITS.parameterDescription + 1) } } } },
      (v) => [(v.params[0]?.description?.length ?? 0) <= PAGE_LIMITS.parameterDescription, (v.params[0]?.omitted ?? 0) > 0],
      [true, true],
    ],
  ];
  test.each(CUTS)('%s, and the view is marked cut', (_, tool, pick, expected) => {
    const view = inlineDefinition(tool);
    expect(pick(view)).toEqual(expected);
    expect(view.cut).toBe(true);
  });

  test('the limits hold exactly at the boundary', () => {
    expect(inlineDefinition({ description: long(PAGE_LIMITS.description) }).cut).toBe(false);
    expect(inlineDefinition({ description: long(PAGE_LIMITS.description + 1) }).cut).toBe(true);
  });
});
