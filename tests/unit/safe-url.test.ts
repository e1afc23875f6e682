import { expect, test } from 'vitest';
import { safeHttpUrl } from '../../src/core/safe-url.ts';

const ROWS: Array<[string | undefined, string | undefined]> = [
  ['https://github.com/modelcontextprotocol/servers', 'https://github.com/modelcontextprotocol/servers'],
  ['http://example.com', 'http://example.com/'],
  ['javascript:alert(1)', undefined],
  [' JavaScript:alert(1)', undefined],
  ['data:text/html,<script>', undefined],
  ['git+https://github.com/x/y.git', undefined],
  ['not a url', undefined],
  [undefined, undefined],
];
test.each(ROWS)('%s → %s', (input, expected) => {
  expect(safeHttpUrl(input)).toBe(expected);
});
