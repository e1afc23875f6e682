/**
 * The committed verdicts of the whole catalog (tests/golden/verdicts.json) must be what the
 * classifier gives today: any change of category, risk, confidence, flags or (for writes) suggested
 * destructiveHint shows up as a diff.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { goldenDiff, goldenText, parseGolden } from '../../src/core/classify/golden.ts';
import { readSnapshots } from '../../src/ingest/snapshot.ts';
import { tool } from './classify-cases.ts';

const ROOT = join(import.meta.dirname, '../..');

describe('golden verdicts', () => {
  test('tests/golden/verdicts.json matches the catalog (run `npm run golden` when a change is intended)', () => {
    const servers = readSnapshots(join(ROOT, 'content/servers'));
    const expected = goldenText(servers);
    const actual = readFileSync(join(ROOT, 'tests/golden/verdicts.json'), 'utf8');
    if (actual !== expected) {
      const changes = goldenDiff(actual, expected);
      const shown = changes.slice(0, 40).join('\n');
      const more = changes.length > 40 ? `\n… and ${changes.length - 40} more` : '';
      expect.fail(
        `The catalog's verdicts differ from tests/golden/verdicts.json (${changes.length} change(s), committed → now):\n${shown}${more}\n\n` +
          'If the change is intended (a classifier change or a new snapshot), run `npm run golden` and review the diff before committing it.',
      );
    }
  });

  test('the format: one line per tool, server order by id, tool order kept, flags after the verdict, a write\'s destructiveHint last', () => {
    const text = goldenText([
      { id: 'b', tools: [tool('7', 'Deletes everything.'), tool('read_x', 'Reads x.'), tool('7', 'Reads again.'), tool('create_x', 'Create an x.')] },
      { id: 'a', tools: [tool('policy_update', 'Update a Cedar policy.')] },
    ]);
    expect(text).toBe(
      '{\n  "a": {\n    "policy_update": "write high high permission-change | destructiveHint: true"\n  },\n' +
        '  "b": {\n    "7": "destructive high medium",\n    "read_x": "read low high",\n    "create_x": "write medium high | destructiveHint: false"\n  }\n}\n',
    );
    expect(parseGolden(text).get('b')?.get('7')).toBe('destructive high medium');
  });

  test('goldenDiff names what changed', () => {
    const before = '{\n  "a": {\n    "x": "read low high",\n    "y": "write medium low"\n  }\n}\n';
    const after = '{\n  "a": {\n    "x": "write medium high",\n    "z": "read low high"\n  },\n  "b": {}\n}\n';
    expect(goldenDiff(before, after)).toEqual(['~ a/x: read low high → write medium high', '+ a/z: read low high', '- a/y', '+ b (new server, 0 tools)']);
  });
});
