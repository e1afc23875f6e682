/**
 * Parsing a committed label file (content/labels/*.json) with a zod schema, failing with an error
 * that names the file and the field: `content/labels/hand.json: labels[12].readOnly: expected
 * boolean, got string`. Pure: the caller reads the file and passes its text.
 */
import type { z } from 'zod';

/** How many problems one error lists before it says how many more there are. */
const LISTED = 3;

/** `labels[12].readOnly` for the path `['labels', 12, 'readOnly']`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let node = input;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** One problem as `path: what is wrong`. */
export function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  let what: string;
  let path = issue.path;
  switch (issue.code) {
    case 'invalid_type': {
      const value = valueAt(input, issue.path);
      what = value === undefined ? `missing; expected ${issue.expected}` : `expected ${issue.expected}, got ${typeName(value)}`;
      break;
    }
    case 'invalid_value': {
      const value = valueAt(input, issue.path);
      const options = `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
      what = value === undefined ? `missing; expected ${options}` : `expected ${options}, got ${JSON.stringify(value)}`;
      break;
    }
    case 'unrecognized_keys':
      // Name the unknown field itself: `labels[3].readonly: unknown field`.
      path = [...issue.path, issue.keys[0] ?? ''];
      what = issue.keys.length === 1 ? 'unknown field' : `unknown fields ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
      break;
    default:
      what = issue.message;
  }
  const where = formatPath(path);
  return where === '' ? what : `${where}: ${what}`;
}

/** `text` parsed as JSON and checked against `schema`; throws naming `file` and the first fields that are wrong. */
export function parseJsonFile<S extends z.ZodType>(text: string, file: string, schema: S): z.output<S> {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    if (error instanceof SyntaxError) throw new Error(`${file}: not valid JSON: ${error.message}`);
    throw error;
  }
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues;
  const listed = issues.slice(0, LISTED).map((issue) => describeIssue(issue, input));
  const more = issues.length > LISTED ? ` (and ${issues.length - LISTED} more)` : '';
  throw new Error(`${file}: ${listed.join('; ')}${more}`);
}
