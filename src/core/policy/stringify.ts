/**
 * The one owner of policy.json's bytes: the page, the copy button, downloads and golden tests all
 * call `stringifyPolicy`. Two-space JSON, a fixed key order (version, default, tools, hide; in a
 * rule: approval, limits; in a limit: counter, window, max, scope), tools in the policy's order,
 * and a trailing newline. Unknown keys are never printed; an invalid policy throws.
 */
import { PolicySchema, type Policy, type RateLimit, type ToolRule } from '../schema.ts';

function orderedLimit(limit: RateLimit): RateLimit {
  return { counter: limit.counter, window: limit.window, max: limit.max, scope: limit.scope };
}

function orderedRule(rule: ToolRule): ToolRule {
  const out: ToolRule = {};
  if (rule.approval !== undefined) out.approval = rule.approval;
  if (rule.limits !== undefined) out.limits = rule.limits.map(orderedLimit);
  return out;
}

/**
 * Object key order is insertion order, except that integer-like names (`"7"`) come first in
 * ascending order: JavaScript objects (and so `Policy`) cannot hold them otherwise. Re-parsing the
 * output gives the same order, so the bytes are stable.
 */
export function stringifyPolicy(policy: Policy): string {
  const checked = PolicySchema.safeParse(policy);
  if (!checked.success) {
    const first = checked.error.issues[0];
    throw new Error(`invalid policy: ${first === undefined ? 'unknown problem' : `${first.path.join('.') || '(root)'}: ${first.message}`}`);
  }
  // zod drops a `__proto__` key from records, so re-check hide/tools overlap on the input itself.
  const names = policy.tools === undefined ? [] : Object.keys(policy.tools);
  const hidden = new Set(policy.hide ?? []);
  const both = names.find((n) => hidden.has(n));
  if (both !== undefined) throw new Error(`invalid policy: "${both}" is both allowed under tools and hidden`);

  const out: Record<string, unknown> = { version: policy.version, default: policy.default };
  if (policy.tools !== undefined) {
    const tools = policy.tools;
    out['tools'] = Object.fromEntries(names.map((n) => [n, orderedRule(tools[n] ?? {})]));
  }
  if (policy.hide !== undefined) out['hide'] = [...policy.hide];
  return `${JSON.stringify(out, null, 2)}\n`;
}
