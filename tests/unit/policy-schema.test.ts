/**
 * The JSON Schema of policy.json, generated from PolicySchema: its shape, and that the constraints
 * survive the trip through JSON Schema (zod reads the generated schema back and must accept and
 * reject the same documents as PolicySchema, refinements aside, which the description states).
 */
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { POLICY_SCHEMA_PATH, policyJsonSchema } from '../../src/core/policy/json-schema.ts';
import { recommendToolPolicy } from '../../src/core/policy/recommend.ts';
import { POLICY_RULES_BEYOND_JSON_SCHEMA, PolicySchema, RISK_LEVELS } from '../../src/core/schema.ts';

const schema = policyJsonSchema();
const roundTrip = z.fromJSONSchema(schema as Parameters<typeof z.fromJSONSchema>[0]);
const limit = (over: object = {}) => ({ counter: 'c', window: 'minute', max: 30, scope: 'session', ...over });

describe('policyJsonSchema', () => {
  test('has $schema, $id, title and description first, and states what the refinements add', () => {
    expect(Object.keys(schema).slice(0, 4)).toEqual(['$schema', '$id', 'title', 'description']);
    expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema['$id']).toBe(POLICY_SCHEMA_PATH);
    expect(policyJsonSchema({ id: 'https://example.org/schema/policy.json' })['$id']).toBe('https://example.org/schema/policy.json');
    for (const rule of POLICY_RULES_BEYOND_JSON_SCHEMA) expect(schema['description']).toContain(rule);
    expect(schema['description']).toMatch(/aligned to the Unix epoch/);
  });

  test('the key constraints are stated', () => {
    expect(schema).toMatchObject({
      type: 'object',
      required: ['version', 'default'],
      additionalProperties: false,
      properties: {
        version: { const: '1' },
        default: { enum: ['allow', 'deny'] },
        hide: { type: 'array', items: { type: 'string' }, uniqueItems: true },
        tools: {
          type: 'object',
          additionalProperties: {
            additionalProperties: false,
            properties: {
              approval: { const: 'required' },
              limits: {
                minItems: 1,
                items: {
                  required: ['counter', 'window', 'max', 'scope'],
                  additionalProperties: false,
                  properties: {
                    counter: { minLength: 1 },
                    window: { enum: ['second', 'minute', 'hour', 'day'] },
                    max: { type: 'integer', exclusiveMinimum: 0 },
                    scope: { enum: ['session', 'agent', 'global'] },
                  },
                },
              },
            },
          },
        },
      },
    });
  });

  test('every field has a description', () => {
    const missing: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (typeof node !== 'object' || node === null) return;
      const properties = (node as { properties?: Record<string, unknown> }).properties;
      for (const [key, child] of Object.entries(properties ?? {})) {
        if (typeof (child as { description?: unknown }).description !== 'string') missing.push(`${path}.${key}`);
        walk(child, `${path}.${key}`);
      }
      for (const key of ['items', 'additionalProperties']) walk((node as Record<string, unknown>)[key], `${path}.${key}`);
    };
    walk(schema, '$');
    expect(missing).toEqual([]);
  });

  test('it is pure: the same every time, and not shared', () => {
    expect(policyJsonSchema()).toEqual(schema);
    expect(policyJsonSchema()).not.toBe(schema);
  });

  test.each([
    ['every recommended policy', RISK_LEVELS.map((r) => recommendToolPolicy('t', r))],
    ['a policy with every field', [{ version: '1', default: 'allow', tools: { a: { approval: 'required', limits: [limit(), limit({ counter: 'd', window: 'day', scope: 'global' })] } }, hide: ['b'] }]],
  ])('both accept %s', (_label, policies) => {
    for (const p of policies) {
      expect(PolicySchema.safeParse(p).success).toBe(true);
      expect(roundTrip.safeParse(p).success).toBe(true);
    }
  });

  test.each([
    ['another version', { version: '2', default: 'deny' }],
    ['no default', { version: '1' }],
    ['an unknown default', { version: '1', default: 'ask' }],
    ['an extra key', { version: '1', default: 'deny', comment: 'x' }],
    ['an extra rule key', { version: '1', default: 'deny', tools: { a: { note: 'x' } } }],
    ['approval other than required', { version: '1', default: 'deny', tools: { a: { approval: 'optional' } } }],
    ['an empty limits list', { version: '1', default: 'deny', tools: { a: { limits: [] } } }],
    ['max 0', { version: '1', default: 'deny', tools: { a: { limits: [limit({ max: 0 })] } } }],
    ['a fractional max', { version: '1', default: 'deny', tools: { a: { limits: [limit({ max: 1.5 })] } } }],
    ['an unknown window', { version: '1', default: 'deny', tools: { a: { limits: [limit({ window: 'week' })] } } }],
    ['an unknown scope', { version: '1', default: 'deny', tools: { a: { limits: [limit({ scope: 'user' })] } } }],
    ['an empty counter', { version: '1', default: 'deny', tools: { a: { limits: [limit({ counter: '' })] } } }],
    ['a name hidden twice', { version: '1', default: 'deny', hide: ['a', 'a'] }],
  ])('both reject %s', (_label, policy) => {
    expect(PolicySchema.safeParse(policy).success).toBe(false);
    expect(roundTrip.safeParse(policy).success).toBe(false);
  });

  test.each([
    ['a name both allowed and hidden', { version: '1', default: 'deny', tools: { a: {} }, hide: ['a'] }],
    [
      'one counter with two windows',
      { version: '1', default: 'deny', tools: { a: { limits: [limit()] }, b: { limits: [limit({ window: 'hour' })] } } },
    ],
    ['one counter with two scopes', { version: '1', default: 'deny', tools: { a: { limits: [limit(), limit({ scope: 'agent', max: 5 })] } } }],
  ])('only PolicySchema rejects %s (JSON Schema cannot state it; its description does)', (_label, policy) => {
    expect(PolicySchema.safeParse(policy).success).toBe(false);
    expect(roundTrip.safeParse(policy).success).toBe(true);
  });

  test('limits sharing a counter may differ in max', () => {
    expect(PolicySchema.safeParse({ version: '1', default: 'deny', tools: { a: { limits: [limit()] }, b: { limits: [limit({ max: 5 })] } } }).success).toBe(true);
  });
});
