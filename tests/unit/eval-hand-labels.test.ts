/**
 * The hand-labelled set's schema: the committed fixture parses, and bad input fails naming the
 * file and the field.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { HAND_LABELS_FILE, parseHandLabels } from '../../src/core/eval/hand-labels.ts';

const FIXTURE = join(import.meta.dirname, '../fixtures/labels/hand.json');
const good = { server: 'argocd-mcp', tool: 'list_applications', category: 'read', readOnly: true, destructive: false, confidence: 'clear' };

/** The file's text with `labels[i]` replaced by `label` (labels[0..i-1] are good ones). */
function withLabel(i: number, label: unknown): string {
  const labels = [...Array.from({ length: i }, (_, n) => ({ ...good, tool: `tool_${n}` })), label];
  return JSON.stringify({ guide: 'docs/labelling.md', sampledFrom: 's', labels });
}

describe('parseHandLabels', () => {
  test('the fixture parses', () => {
    const hand = parseHandLabels(readFileSync(FIXTURE, 'utf8'), 'tests/fixtures/labels/hand.json');
    expect(hand.labels).toHaveLength(6);
    expect(hand.guide).toBe('docs/labelling.md');
  });

  test.each([
    ['a field of the wrong type', withLabel(12, { ...good, readOnly: 'yes' }), 'content/labels/hand.json: labels[12].readOnly: expected boolean, got string'],
    ['a missing field', withLabel(0, { ...good, confidence: undefined }), 'content/labels/hand.json: labels[0].confidence: missing; expected one of "clear", "judgement"'],
    ['an unknown category', withLabel(1, { ...good, category: 'delete' }), 'content/labels/hand.json: labels[1].category: expected one of "read", "write", "destructive", "execute", "financial", got "delete"'],
    ['a misspelt field', withLabel(2, { ...good, readonly: true }), 'content/labels/hand.json: labels[2].readonly: unknown field'],
    ['a bad server id', withLabel(0, { ...good, server: 'Not An Id' }), 'content/labels/hand.json: labels[0].server: '],
    ['read-only but not category read', withLabel(3, { ...good, category: 'write' }), 'content/labels/hand.json: labels[3].readOnly: is true but category is "write"; read-only means category read'],
    ['read-only and destructive', withLabel(0, { ...good, destructive: true }), 'content/labels/hand.json: labels[0].destructive: is true on a read-only tool'],
    ['category destructive, destructive false', withLabel(0, { ...good, category: 'destructive', readOnly: false }), 'content/labels/hand.json: labels[0].destructive: is false but category is "destructive"'],
    ['a tool labelled twice', withLabel(1, { ...good, tool: 'tool_0' }), 'content/labels/hand.json: labels[1]: labels argocd-mcp/tool_0 again (first at labels[0])'],
    ['no labels array', JSON.stringify({ guide: 'g', sampledFrom: 's' }), 'content/labels/hand.json: labels: missing; expected array'],
    ['not JSON', '{"labels": [', 'content/labels/hand.json: not valid JSON: '],
  ])('%s', (_label, text, message) => {
    expect(() => parseHandLabels(text, HAND_LABELS_FILE)).toThrow(message);
  });

  test('many problems: the first three, and how many more', () => {
    const text = JSON.stringify({ guide: 1, sampledFrom: 2, labels: [{}, {}] });
    expect(() => parseHandLabels(text)).toThrow(/^content\/labels\/hand\.json: guide: expected string, got number; sampledFrom: expected string, got number; labels\[0\]\.server: missing; expected string \(and \d+ more\)$/);
  });
});
