/**
 * The reference semantics of policy.json: what a gateway in front of an MCP server must decide
 * for each call, as a pure function. The state of the rate limits goes in and comes out; nothing
 * is mutated, nothing reads a clock (the call carries its own time).
 *
 * For a call to tool T, in this order:
 *
 * 1. T is in `hide` → **deny**. A hidden tool is also absent from `visibleTools`.
 * 2. T is not a key of `tools` (exact match, case included) → the `default`: **allow** with no
 *    conditions, or **deny**.
 * 3. T's rule has `limits` and one of them has no budget left → **deny**. Limits are checked before
 *    approval so that no human is asked to approve a call that would be refused anyway.
 * 4. T's rule has `approval: "required"`: `approved` not given → **needs-approval**; `approved:
 *    false` → **deny** (a human declined).
 * 5. Otherwise → **allow**, and the call is counted against each of its budgets.
 *
 * Only an allowed call consumes budget: a denied or needs-approval call leaves the state as it was.
 *
 * Budgets. A budget is one count of allowed calls, identified by the limit's `counter`, `window` and
 * `scope` and by whose call it is: the session id (`session`), the agent id (`agent`), or nobody
 * (`global`, one budget for everyone). Limits that name the same counter share its count
 * (`PolicySchema` requires them to agree on window and scope); each limit compares the shared
 * count with its own `max`. A rule with two limits on the same budget counts the call once.
 *
 * Windows are fixed and aligned to the Unix epoch: a window of length L (second 1 000 ms, minute
 * 60 000, hour 3 600 000, day 86 400 000) covers [k·L, (k+1)·L) for whole k, so minutes start at
 * :00.000 and days at 00:00 UTC. A call at `at` falls in the window starting at ⌊at / L⌋·L; a new
 * window starts from zero. (Fixed windows, not sliding: up to 2·max calls can pass around a
 * boundary, and in exchange the state is one number per budget and the result is easy to predict.)
 */
import { type LimitScope, type LimitWindow, type Policy, type RateLimit, type ToolRule } from '../schema.ts';

/** Length of each window in milliseconds. */
export const WINDOW_MS: Readonly<Record<LimitWindow, number>> = { second: 1_000, minute: 60_000, hour: 3_600_000, day: 86_400_000 };

/** One call as a gateway sees it. */
export interface Call {
  /** The tool's name, exactly as called. */
  tool: string;
  /** Id of the session the call belongs to (the `session` scope). */
  session: string;
  /** Id of the agent making the call (the `agent` scope). */
  agent: string;
  /** When the call is made: Unix epoch milliseconds. */
  at: number;
  /** For a tool that needs approval: true when a human approved this call, false when one declined. */
  approved?: boolean;
}

/** The count of one budget in its current window. */
export interface Budget {
  counter: string;
  window: LimitWindow;
  scope: LimitScope;
  /** Session id, agent id, or '' for `global`. */
  holder: string;
  /** Start of the window the count belongs to (epoch ms, a multiple of the window's length). */
  windowStart: number;
  /** Allowed calls counted in that window. */
  count: number;
}

/** Every budget that has counted a call, by `budgetKey`. Never mutated: `evaluate` returns a new one. */
export interface PolicyState {
  readonly budgets: Readonly<Record<string, Budget>>;
}

export const EMPTY_STATE: PolicyState = { budgets: {} };

export const DECISIONS = ['allow', 'deny', 'needs-approval'] as const;
export type Decision = (typeof DECISIONS)[number];

export interface Evaluation {
  decision: Decision;
  /** One plain-text sentence saying why. */
  reason: string;
  /** The state after the call: the same object unless the call was allowed and counted. */
  state: PolicyState;
}

/** The rule of a listed tool; `undefined` when the policy does not list it (own keys only: `__proto__` is a name like any other). */
export function ruleFor(policy: Policy, tool: string): ToolRule | undefined {
  const tools = policy.tools;
  return tools !== undefined && Object.hasOwn(tools, tool) ? tools[tool] : undefined;
}

/** Whose budget a call draws on for a scope. */
export function holderOf(scope: LimitScope, call: Pick<Call, 'session' | 'agent'>): string {
  switch (scope) {
    case 'session':
      return call.session;
    case 'agent':
      return call.agent;
    case 'global':
      return '';
  }
}

/** The state key of a limit's budget for a call. */
export function budgetKey(limit: Pick<RateLimit, 'counter' | 'window' | 'scope'>, call: Pick<Call, 'session' | 'agent'>): string {
  return JSON.stringify([limit.counter, limit.window, limit.scope, holderOf(limit.scope, call)]);
}

/** Start of the window that contains `at`. */
export function windowStart(at: number, window: LimitWindow): number {
  const length = WINDOW_MS[window];
  return Math.floor(at / length) * length;
}

/** Calls already counted in the window containing `at` (0 in a new window). */
function countAt(state: PolicyState, key: string, start: number): number {
  const budget = Object.hasOwn(state.budgets, key) ? state.budgets[key] : undefined;
  return budget !== undefined && budget.windowStart === start ? budget.count : 0;
}

function whose(scope: LimitScope, holder: string): string {
  return scope === 'global' ? 'for everyone' : `for ${scope} ${JSON.stringify(holder)}`;
}

/** Decides one call. `policy` must be valid (`PolicySchema`); `state` is what earlier calls left. */
export function evaluate(policy: Policy, call: Call, state: PolicyState = EMPTY_STATE): Evaluation {
  if (!Number.isFinite(call.at)) throw new TypeError(`call.at must be epoch milliseconds, got ${String(call.at)}`);
  const tool = JSON.stringify(call.tool);
  const unchanged = (decision: Decision, reason: string): Evaluation => ({ decision, reason, state });

  if ((policy.hide ?? []).includes(call.tool)) return unchanged('deny', `${tool} is hidden by the policy, so every call to it is denied.`);
  const rule = ruleFor(policy, call.tool);
  if (rule === undefined) {
    return policy.default === 'allow'
      ? unchanged('allow', `${tool} is not listed under tools, and the policy's default is allow.`)
      : unchanged('deny', `${tool} is not listed under tools, and the policy's default is deny.`);
  }

  const budgets = new Map<string, { limit: RateLimit; start: number; count: number }>();
  for (const limit of rule.limits ?? []) {
    const key = budgetKey(limit, call);
    const start = windowStart(call.at, limit.window);
    const count = countAt(state, key, start);
    if (count >= limit.max) {
      const end = start + WINDOW_MS[limit.window];
      return unchanged(
        'deny',
        `Counter ${JSON.stringify(limit.counter)} has no budget left: ${count} of ${limit.max} calls this ${limit.window} ${whose(limit.scope, holderOf(limit.scope, call))}, until ${end} (epoch ms).`,
      );
    }
    if (!budgets.has(key)) budgets.set(key, { limit, start, count });
  }

  if (rule.approval === 'required' && call.approved !== true) {
    return call.approved === false
      ? unchanged('deny', `${tool} needs approval for each call, and a human declined this one.`)
      : unchanged('needs-approval', `${tool} needs a human to approve each call.`);
  }

  if (budgets.size === 0) return unchanged('allow', `${tool} is allowed${rule.approval === 'required' ? ', and a human approved this call' : ''}.`);
  const next: Record<string, Budget> = {};
  // Budgets whose window has ended count nothing any more; dropping them keeps the state small.
  for (const [key, budget] of Object.entries(state.budgets)) {
    if (budget.windowStart + WINDOW_MS[budget.window] > call.at) next[key] = budget;
  }
  const counted: string[] = [];
  for (const [key, { limit, start, count }] of budgets) {
    next[key] = { counter: limit.counter, window: limit.window, scope: limit.scope, holder: holderOf(limit.scope, call), windowStart: start, count: count + 1 };
    counted.push(`${JSON.stringify(limit.counter)} at ${count + 1} this ${limit.window}`);
  }
  const approved = rule.approval === 'required' ? ', a human approved this call,' : '';
  return { decision: 'allow', reason: `${tool} is allowed${approved} within its limits (${counted.join(', ')}).`, state: { budgets: next } };
}

/** Runs calls in order, threading the state: the decisions, and the state after the last call. */
export function evaluateAll(policy: Policy, calls: readonly Call[], state: PolicyState = EMPTY_STATE): { decisions: Decision[]; state: PolicyState } {
  const decisions: Decision[] = [];
  let current = state;
  for (const call of calls) {
    const result = evaluate(policy, call, current);
    decisions.push(result.decision);
    current = result.state;
  }
  return { decisions, state: current };
}

/**
 * The tools the agent is shown, in the order given: every name that is not hidden and that the
 * policy lists under `tools` or lets through by `default: "allow"`. Tools that need approval or
 * have limits are shown; their calls are decided by `evaluate`.
 */
export function visibleTools(policy: Policy, toolNames: readonly string[]): string[] {
  const hidden = new Set(policy.hide ?? []);
  return toolNames.filter((name) => !hidden.has(name) && (policy.default === 'allow' || ruleFor(policy, name) !== undefined));
}
