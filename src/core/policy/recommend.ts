/**
 * The policy the catalog recommends for a tool, from its risk alone:
 *
 * | risk     | treatment                                   | rule                                    |
 * | -------- | ------------------------------------------- | --------------------------------------- |
 * | low      | allowed                                     | `"tools": {"<tool>": {}}`               |
 * | medium   | allowed within a rate limit                 | `{"limits": [{"counter": "<tool>_rate", "window": "minute", "max": 30, "scope": "session"}]}` |
 * | high     | allowed only after a human approves         | `{"approval": "required"}`              |
 * | critical | hidden from the agent, so every call denied | `"hide": ["<tool>"]`, not under `tools` |
 *
 * Every policy denies what it does not list. Pure; tool names are kept byte for byte.
 */
import { PolicySchema, type Policy, type Risk, type ToolRule, type Verdict } from '../schema.ts';
import { riskRank } from '../classify/decide.ts';

/** The rate limit a medium-risk tool gets. */
export const MEDIUM_RISK_LIMIT = { window: 'minute', max: 30, scope: 'session' } as const;

/** What each risk level gets, as data for pages and the README. */
export const POLICY_TABLE: readonly { risk: Risk; treatment: string }[] = [
  { risk: 'low', treatment: 'allowed' },
  { risk: 'medium', treatment: `allowed, at most ${MEDIUM_RISK_LIMIT.max} calls a ${MEDIUM_RISK_LIMIT.window} per ${MEDIUM_RISK_LIMIT.scope}` },
  { risk: 'high', treatment: 'allowed only after a human approves each call' },
  { risk: 'critical', treatment: 'hidden from the agent, so every call is denied' },
];

/** The rule for a tool under `tools`, or `hide` for a critical one. */
export function toolRule(toolName: string, risk: Risk): ToolRule | 'hide' {
  switch (risk) {
    case 'low':
      return {};
    case 'medium':
      return { limits: [{ counter: `${toolName}_rate`, ...MEDIUM_RISK_LIMIT }] };
    case 'high':
      return { approval: 'required' };
    case 'critical':
      return 'hide';
  }
}

/** Builds a policy from rules in order; `Object.fromEntries` keeps names like `__proto__` as plain keys. */
function policyOf(entries: ReadonlyArray<readonly [string, ToolRule | 'hide']>): Policy {
  const tools = entries.flatMap(([name, rule]) => (rule === 'hide' ? [] : [[name, rule] as const]));
  const hide = entries.flatMap(([name, rule]) => (rule === 'hide' ? [name] : []));
  const policy: Policy = { version: '1', default: 'deny' };
  if (tools.length > 0) policy.tools = Object.fromEntries(tools);
  if (hide.length > 0) policy.hide = hide;
  return policy;
}

export function recommendToolPolicy(toolName: string, risk: Risk): Policy {
  return policyOf([[toolName, toolRule(toolName, risk)]]);
}

/**
 * One policy for all of a server's tools, in the order given. A name listed twice gets the rule of
 * its riskiest occurrence, at its first position.
 */
export function recommendServerPolicy(verdicts: readonly Pick<Verdict, 'name' | 'risk'>[]): Policy {
  const riskByName = new Map<string, Risk>();
  for (const { name, risk } of verdicts) {
    const seen = riskByName.get(name);
    if (seen === undefined || riskRank(risk) > riskRank(seen)) riskByName.set(name, risk);
  }
  return policyOf([...riskByName].map(([name, risk]) => [name, toolRule(name, risk)] as const));
}

/** Throws unless `policy` is valid; returned for chaining in tests. */
export function assertValidPolicy(policy: Policy): Policy {
  PolicySchema.parse(policy);
  return policy;
}
