import { describe, expect, test } from 'vitest';
import { recommendServerPolicy, recommendToolPolicy, toolRule } from '../../src/core/policy/recommend.ts';
import { stringifyPolicy } from '../../src/core/policy/stringify.ts';
import { PolicySchema, RISK_LEVELS, type Policy, type Risk } from '../../src/core/schema.ts';

/** The recommended policy for each risk, as objects and as the exact bytes. */
const TABLE: ReadonlyArray<readonly [Risk, Policy, string]> = [
  [
    'low',
    { version: '1', default: 'deny', tools: { read_file: {} } },
    '{\n  "version": "1",\n  "default": "deny",\n  "tools": {\n    "read_file": {}\n  }\n}\n',
  ],
  [
    'medium',
    { version: '1', default: 'deny', tools: { read_file: { limits: [{ counter: 'read_file_rate', window: 'minute', max: 30, scope: 'session' }] } } },
    '{\n  "version": "1",\n  "default": "deny",\n  "tools": {\n    "read_file": {\n      "limits": [\n        {\n          "counter": "read_file_rate",\n          "window": "minute",\n          "max": 30,\n          "scope": "session"\n        }\n      ]\n    }\n  }\n}\n',
  ],
  [
    'high',
    { version: '1', default: 'deny', tools: { read_file: { approval: 'required' } } },
    '{\n  "version": "1",\n  "default": "deny",\n  "tools": {\n    "read_file": {\n      "approval": "required"\n    }\n  }\n}\n',
  ],
  [
    'critical',
    { version: '1', default: 'deny', hide: ['read_file'] },
    '{\n  "version": "1",\n  "default": "deny",\n  "hide": [\n    "read_file"\n  ]\n}\n',
  ],
];

describe('recommendToolPolicy', () => {
  test.each(TABLE)('%s → policy', (risk, policy) => {
    const recommended = recommendToolPolicy('read_file', risk);
    expect(recommended).toEqual(policy);
    expect(PolicySchema.safeParse(recommended).success).toBe(true);
  });

  test.each(TABLE)('%s → exact bytes', (risk, _policy, bytes) => {
    expect(stringifyPolicy(recommendToolPolicy('read_file', risk))).toBe(bytes);
  });

  test.each(['admin.Tools-List', 'DeleteImageSet', 'aws___call_aws', 'a b', 'ünïcode.tool', '__proto__', 'constructor', 'toString'])(
    'the name %j is kept exactly, as key and in the counter',
    (name) => {
      for (const risk of RISK_LEVELS) {
        const parsed = JSON.parse(stringifyPolicy(recommendToolPolicy(name, risk))) as Policy;
        const expected = risk === 'critical' ? { hide: [name] } : { tools: Object.fromEntries([[name, toolRule(name, risk)]]) };
        expect(parsed).toEqual({ version: '1', default: 'deny', ...expected });
        expect(Object.keys(parsed.tools ?? {})).toEqual(risk === 'critical' ? [] : [name]);
        if (risk === 'medium') expect(JSON.stringify(parsed)).toContain(JSON.stringify(`${name}_rate`));
      }
    },
  );

  test('a critical tool is never under tools', () => {
    const policy = recommendToolPolicy('run_command', 'critical');
    expect(policy.tools).toBeUndefined();
    expect(policy.hide).toEqual(['run_command']);
  });
});

describe('recommendServerPolicy', () => {
  const verdicts = [
    { name: 'read_file', risk: 'low' },
    { name: 'write_file', risk: 'medium' },
    { name: 'admin.Tools.move', risk: 'high' },
    { name: 'run_command', risk: 'critical' },
    { name: 'Search', risk: 'low' },
    { name: 'drop_table', risk: 'critical' },
  ] as const;

  test('one policy, tools and hidden names in the given order', () => {
    const policy = recommendServerPolicy(verdicts);
    expect(Object.keys(policy.tools ?? {})).toEqual(['read_file', 'write_file', 'admin.Tools.move', 'Search']);
    expect(policy.hide).toEqual(['run_command', 'drop_table']);
    expect(PolicySchema.safeParse(policy).success).toBe(true);
    for (const { name, risk } of verdicts) {
      if (risk === 'critical') expect(Object.keys(policy.tools ?? {})).not.toContain(name);
      else expect(policy.tools?.[name]).toEqual(toolRule(name, risk));
    }
  });

  test('a name listed twice gets its riskiest rule once, at its first position', () => {
    const policy = recommendServerPolicy([
      { name: 'a', risk: 'low' },
      { name: 'b', risk: 'low' },
      { name: 'a', risk: 'high' },
      { name: 'b', risk: 'critical' },
      { name: 'b', risk: 'low' },
    ]);
    expect(policy).toEqual({ version: '1', default: 'deny', tools: { a: { approval: 'required' } }, hide: ['b'] });
    expect(PolicySchema.safeParse(policy).success).toBe(true);
  });

  test('all critical: no tools key; none critical: no hide key; no tools: just the default', () => {
    expect(recommendServerPolicy([{ name: 'x', risk: 'critical' }])).toEqual({ version: '1', default: 'deny', hide: ['x'] });
    expect(recommendServerPolicy([{ name: 'x', risk: 'low' }])).toEqual({ version: '1', default: 'deny', tools: { x: {} } });
    expect(recommendServerPolicy([])).toEqual({ version: '1', default: 'deny' });
  });
});

describe('stringifyPolicy', () => {
  test('fixed key order whatever the input order', () => {
    const shuffled = {
      hide: ['z'],
      tools: { b: { limits: [{ scope: 'agent', max: 5, window: 'hour', counter: 'c' }], approval: 'required' }, a: {} },
      default: 'allow',
      version: '1',
    } as unknown as Policy;
    expect(stringifyPolicy(shuffled)).toBe(
      '{\n  "version": "1",\n  "default": "allow",\n  "tools": {\n    "b": {\n      "approval": "required",\n      "limits": [\n        {\n          "counter": "c",\n          "window": "hour",\n          "max": 5,\n          "scope": "agent"\n        }\n      ]\n    },\n    "a": {}\n  },\n  "hide": [\n    "z"\n  ]\n}\n',
    );
  });

  test('output is two-space JSON with a trailing newline that parses back to the policy', () => {
    const policy = recommendServerPolicy([
      { name: 'read_file', risk: 'low' },
      { name: 'move_file', risk: 'high' },
      { name: 'run', risk: 'critical' },
    ]);
    const text = stringifyPolicy(policy);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    expect(JSON.parse(text)).toEqual(policy);
  });

  test('unknown keys are refused, never printed', () => {
    const extra = { version: '1', default: 'deny', tools: { a: { note: 'x' } }, comment: 'x' } as unknown as Policy;
    expect(() => stringifyPolicy(extra)).toThrow(/invalid policy/);
  });

  test.each([
    ['a tool both allowed and hidden', { version: '1', default: 'deny', tools: { a: {} }, hide: ['a'] }],
    ['a tool hidden twice', { version: '1', default: 'deny', hide: ['a', 'a'] }],
    ['__proto__ both allowed and hidden', { version: '1', default: 'deny', tools: Object.fromEntries([['__proto__', {}]]), hide: ['__proto__'] }],
    ['a non-positive limit', { version: '1', default: 'deny', tools: { a: { limits: [{ counter: 'c', window: 'minute', max: 0, scope: 'session' }] } } }],
    ['an empty limits list', { version: '1', default: 'deny', tools: { a: { limits: [] } } }],
    ['another version', { version: '2', default: 'deny' }],
  ])('refuses an invalid policy: %s', (_label, policy) => {
    expect(() => stringifyPolicy(policy as unknown as Policy)).toThrow(/invalid policy/);
  });
});
