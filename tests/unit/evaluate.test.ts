/**
 * The reference evaluator of policy.json, as tables: one policy, a sequence of calls, the decisions.
 */
import { describe, expect, test } from 'vitest';
import { EMPTY_STATE, budgetKey, evaluate, evaluateAll, visibleTools, windowStart, type Call, type Decision } from '../../src/core/policy/evaluate.ts';
import { PolicySchema, type Policy } from '../../src/core/schema.ts';

const MIN = 60_000;
const T0 = 1_767_225_600_000; // 2026-01-01T00:00:00Z, a whole day, hour and minute.

function call(tool: string, at = T0, extra: Partial<Call> = {}): Call {
  return { tool, session: 's1', agent: 'a1', at, ...extra };
}

/** A policy with every kind of rule; `__proto__` is a real key (built with Object.fromEntries). */
const POLICY: Policy = {
  version: '1',
  default: 'deny',
  tools: Object.fromEntries([
    ['read_file', {}],
    ['write_file', { limits: [{ counter: 'writes', window: 'minute', max: 2, scope: 'session' }] }],
    ['move_file', { approval: 'required' }],
    ['edit_file', { limits: [{ counter: 'writes', window: 'minute', max: 3, scope: 'session' }] }],
    [
      'send_email',
      {
        approval: 'required',
        limits: [
          { counter: 'mail', window: 'hour', max: 1, scope: 'agent' },
          { counter: 'mail_day', window: 'day', max: 5, scope: 'global' },
        ],
      },
    ],
    ['__proto__', {}],
  ]),
  hide: ['run_command'],
};

test('the policy under test is valid', () => {
  expect(PolicySchema.safeParse(POLICY).success).toBe(true);
});

describe('evaluate: one call', () => {
  test.each([
    ['a listed tool with no conditions', call('read_file'), 'allow', /"read_file" is allowed/],
    ['a hidden tool', call('run_command'), 'deny', /"run_command" is hidden by the policy/],
    ['a hidden tool, even approved', call('run_command', T0, { approved: true }), 'deny', /hidden/],
    ['an unlisted tool under default deny', call('delete_file'), 'deny', /not listed under tools, and the policy's default is deny/],
    ['names match exactly, case included', call('Read_File'), 'deny', /not listed/],
    ['an inherited property name is not a listed tool', call('toString'), 'deny', /not listed/],
    ['__proto__ listed as a tool is a tool', call('__proto__'), 'allow', /is allowed/],
    ['approval required, none given', call('move_file'), 'needs-approval', /needs a human to approve each call/],
    ['approval required and given', call('move_file', T0, { approved: true }), 'allow', /a human approved this call/],
    ['approval required and declined', call('move_file', T0, { approved: false }), 'deny', /a human declined this one/],
    ['approval given where none is needed', call('read_file', T0, { approved: false }), 'allow', /is allowed/],
  ] as const)('%s → %s', (_label, c, decision, reason) => {
    const result = evaluate(POLICY, c, EMPTY_STATE);
    expect(result.decision).toBe(decision);
    expect(result.reason).toMatch(reason);
    expect(result.reason).toMatch(/^[A-Z"].*\.$/);
  });

  test('default allow lets an unlisted tool through, never a hidden one', () => {
    const open: Policy = { version: '1', default: 'allow', hide: ['run_command'] };
    expect(evaluate(open, call('anything')).decision).toBe('allow');
    expect(evaluate(open, call('run_command'), EMPTY_STATE).decision).toBe('deny');
  });

  test('a call time that is not a number is refused', () => {
    expect(() => evaluate(POLICY, call('read_file', Number.NaN))).toThrow(/epoch milliseconds/);
  });
});

/** [label, calls, decisions] on POLICY, state threaded from the empty state. */
const SEQUENCES: ReadonlyArray<readonly [string, readonly Call[], readonly Decision[]]> = [
  ['a limit allows max calls per window, then denies', [call('write_file'), call('write_file', T0 + 1), call('write_file', T0 + 2)], ['allow', 'allow', 'deny']],
  [
    'windows are fixed and aligned to the epoch: the next minute starts from zero',
    [call('write_file', T0 + MIN - 2), call('write_file', T0 + MIN - 1), call('write_file', T0 + MIN - 1), call('write_file', T0 + MIN)],
    ['allow', 'allow', 'deny', 'allow'],
  ],
  [
    'fixed, not sliding: two calls at the end of a minute and two at the start of the next all pass',
    [call('write_file', T0 + MIN - 2), call('write_file', T0 + MIN - 1), call('write_file', T0 + MIN), call('write_file', T0 + MIN + 1)],
    ['allow', 'allow', 'allow', 'allow'],
  ],
  ['session scope: another session has its own budget', [call('write_file'), call('write_file'), call('write_file', T0, { session: 's2' }), call('write_file')], ['allow', 'allow', 'allow', 'deny']],
  [
    'limits naming one counter share it, each against its own max',
    [call('write_file'), call('edit_file'), call('write_file'), call('edit_file'), call('edit_file')],
    ['allow', 'allow', 'deny', 'allow', 'deny'],
  ],
  [
    'needs-approval consumes nothing; the approved call does',
    [call('send_email'), call('send_email'), call('send_email', T0, { approved: true }), call('send_email', T0 + 1, { approved: true })],
    ['needs-approval', 'needs-approval', 'allow', 'deny'],
  ],
  [
    'a denied call consumes nothing: declined calls leave the budget whole',
    [call('send_email', T0, { approved: false }), call('send_email', T0, { approved: false }), call('send_email', T0, { approved: true })],
    ['deny', 'deny', 'allow'],
  ],
  [
    'limits are checked before approval: no human is asked about a call that would be refused',
    [call('send_email', T0, { approved: true }), call('send_email', T0 + 1)],
    ['allow', 'deny'],
  ],
  [
    'agent scope: sessions of one agent share it; another agent does not',
    [call('send_email', T0, { approved: true }), call('send_email', T0 + 1, { approved: true, session: 's2' }), call('send_email', T0 + 2, { approved: true, agent: 'a2' })],
    ['allow', 'deny', 'allow'],
  ],
  [
    'global scope: one budget for everyone',
    [0, 1, 2, 3, 4, 5].map((i) => call('send_email', T0 + i * 3_600_000, { approved: true, agent: `a${i}` })),
    ['allow', 'allow', 'allow', 'allow', 'allow', 'deny'],
  ],
  ['a denied call of another tool changes nothing', [call('run_command'), call('nope'), call('write_file'), call('write_file')], ['deny', 'deny', 'allow', 'allow']],
];

describe('evaluate: sequences', () => {
  test.each(SEQUENCES)('%s', (_label, calls, decisions) => {
    expect(evaluateAll(POLICY, calls).decisions).toEqual(decisions);
  });

  test('state is immutable: the input state is never changed, and a call that is not allowed returns it as is', () => {
    const first = evaluate(POLICY, call('write_file'));
    const frozen = structuredClone(first.state);
    const second = evaluate(POLICY, call('write_file'), first.state);
    expect(first.state).toEqual(frozen);
    expect(second.state).not.toBe(first.state);
    const denied = evaluate(POLICY, call('write_file'), second.state);
    expect(denied.decision).toBe('deny');
    expect(denied.state).toBe(second.state);
    const asked = evaluate(POLICY, call('move_file'), second.state);
    expect(asked.state).toBe(second.state);
  });

  test('the state counts per budget: counter, window, scope and holder, in the current window', () => {
    const { state } = evaluateAll(POLICY, [call('write_file'), call('edit_file'), call('write_file', T0, { session: 's2' })]);
    const key = budgetKey({ counter: 'writes', window: 'minute', scope: 'session' }, { session: 's1', agent: 'a1' });
    expect(state.budgets[key]).toEqual({ counter: 'writes', window: 'minute', scope: 'session', holder: 's1', windowStart: T0, count: 2 });
    expect(Object.keys(state.budgets)).toHaveLength(2);
  });

  test('budgets whose window has ended are dropped by the next allowed call', () => {
    const { state } = evaluateAll(POLICY, [call('write_file'), call('write_file', T0 + MIN, { session: 's2' })]);
    expect(Object.values(state.budgets).map((b) => b.holder)).toEqual(['s2']);
  });

  test('the deny reason names the counter, the count, the window, whose budget and when it resets', () => {
    const { state } = evaluateAll(POLICY, [call('write_file'), call('write_file')]);
    expect(evaluate(POLICY, call('write_file', T0 + 5), state).reason).toBe(
      `Counter "writes" has no budget left: 2 of 2 calls this minute for session "s1", until ${T0 + MIN} (epoch ms).`,
    );
  });
});

describe('windowStart', () => {
  test.each([
    [T0 + 1_234, 'second', T0 + 1_000],
    [T0 + 59_999, 'minute', T0],
    [T0 + 3_599_999, 'hour', T0],
    [T0 + 86_399_999, 'day', T0],
    [T0 + 86_400_000, 'day', T0 + 86_400_000],
    [-1, 'minute', -MIN],
  ] as const)('%i in a %s window starts at %i', (at, window, start) => {
    expect(windowStart(at, window)).toBe(start);
  });
});

describe('visibleTools', () => {
  test.each([
    ['default deny: listed and not hidden, in the given order', POLICY, ['run_command', 'write_file', 'delete_file', 'read_file', 'move_file'], ['write_file', 'read_file', 'move_file']],
    ['default allow: everything not hidden', { version: '1', default: 'allow', hide: ['run_command'] }, ['run_command', 'a', 'b'], ['a', 'b']],
    ['an inherited property name is not listed', POLICY, ['toString', 'constructor', '__proto__'], ['__proto__']],
    ['nothing', POLICY, [], []],
  ] as const)('%s', (_label, policy, names, visible) => {
    expect(visibleTools(policy as Policy, names)).toEqual(visible);
  });

  test('a hidden tool is never visible and always denied, whatever the default', () => {
    for (const d of ['allow', 'deny'] as const) {
      const policy: Policy = { version: '1', default: d, hide: ['x'] };
      expect(visibleTools(policy, ['x'])).toEqual([]);
      for (const approved of [undefined, true, false]) {
        expect(evaluate(policy, call('x', T0, approved === undefined ? {} : { approved })).decision).toBe('deny');
      }
    }
  });
});
