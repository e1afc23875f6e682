/**
 * The JSON Schema of policy.json, generated from `PolicySchema` with zod's `z.toJSONSchema`, so the
 * two cannot drift. What JSON Schema can state is stated (types, enums, required keys, no extra
 * keys, `max` ≥ 1, at least one limit, `uniqueItems` on `hide`); the rules it cannot state
 * (`POLICY_RULES_BEYOND_JSON_SCHEMA`) are written into its `description`. Pure.
 */
import { z } from 'zod';
import { LIMIT_WINDOWS, POLICY_RULES_BEYOND_JSON_SCHEMA, PolicySchema } from '../schema.ts';
import { WINDOW_MS } from './evaluate.ts';

/** Where the site serves it. */
export const POLICY_SCHEMA_PATH = '/schema/policy.json';

export const POLICY_SCHEMA_TITLE = 'MCP tool policy (policy.json)';

export const POLICY_SCHEMA_DESCRIPTION = [
  'Which MCP tools an agent may call and under what conditions: a default for unlisted tools, per-tool rules (human approval, rate limits) and hidden tools.',
  'Evaluation of a call: a hidden tool is denied; an unlisted tool gets the default; a listed tool is denied when a limit has no budget left, then needs approval when its rule requires it, and is otherwise allowed. Only allowed calls count against budgets.',
  `Rate-limit windows are fixed and aligned to the Unix epoch (${LIMIT_WINDOWS.map((w) => `${w} = ${WINDOW_MS[w]} ms`).join(', ')}).`,
  `Also required, beyond what JSON Schema states: ${POLICY_RULES_BEYOND_JSON_SCHEMA.join('; ')}.`,
].join(' ');

type JsonObject = { [key: string]: unknown };

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object at `path` in a generated schema; throws if the generator's output changed shape. */
function at(schema: JsonObject, path: readonly string[]): JsonObject {
  let node: unknown = schema;
  for (const key of path) node = isObject(node) ? node[key] : undefined;
  if (!isObject(node)) throw new Error(`policyJsonSchema: no object at ${path.join('.')}`);
  return node;
}

/**
 * The JSON Schema (draft 2020-12) of policy.json. `id` is its `$id`: pass the absolute URL the
 * schema is served at (e.g. `new URL(POLICY_SCHEMA_PATH, site).href`); the default is the path.
 */
export function policyJsonSchema(options: { id?: string } = {}): JsonObject {
  const generated = z.toJSONSchema(PolicySchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'throw' }) as JsonObject;
  at(generated, ['properties', 'hide'])['uniqueItems'] = true;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: options.id ?? POLICY_SCHEMA_PATH,
    title: POLICY_SCHEMA_TITLE,
    description: POLICY_SCHEMA_DESCRIPTION,
    ...rest,
  };
}
