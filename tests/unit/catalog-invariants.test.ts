/**
 * Invariants over the whole catalog (content/servers/*.json, plus the committed fixture so this
 * never runs on nothing): every verdict is consistent with its evidence and its rationale never
 * contradicts its badge; every recommended policy, per tool and per server, validates against
 * PolicySchema and against the generated JSON Schema; no recommended policy lets a critical tool
 * through; a hidden tool is always denied and never visible; each risk gets the treatment the
 * policy table promises.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { classifyTool } from '../../src/core/classify/index.ts';
import { checkVerdict } from '../../src/core/classify/rationale.ts';
import { evaluate, evaluateAll, visibleTools, type Call } from '../../src/core/policy/evaluate.ts';
import { policyJsonSchema } from '../../src/core/policy/json-schema.ts';
import { MEDIUM_RISK_LIMIT, recommendServerPolicy, recommendToolPolicy } from '../../src/core/policy/recommend.ts';
import { stringifyPolicy } from '../../src/core/policy/stringify.ts';
import { PolicySchema, ServerSnapshotSchema, type Policy, type Tool, type Verdict } from '../../src/core/schema.ts';
import { readSnapshots } from '../../src/ingest/snapshot.ts';

const ROOT = join(import.meta.dirname, '../..');
const AT = 1_767_225_600_000;
const jsonSchema = z.fromJSONSchema(policyJsonSchema() as Parameters<typeof z.fromJSONSchema>[0]);

interface Entry {
  tool: Tool;
  verdict: Verdict;
}

/** Each server's tools as the site shows them (first definition of a name), with their verdicts. */
function catalog(): Array<[string, Entry[]]> {
  const fixture = ServerSnapshotSchema.parse(JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/classify/snapshot.json'), 'utf8')));
  const dir = join(ROOT, 'content/servers');
  return [fixture, ...(existsSync(dir) ? readSnapshots(dir) : [])].map((snapshot) => {
    const seen = new Set<string>();
    const entries = snapshot.tools.flatMap((tool) => {
      if (seen.has(tool.name)) return [];
      seen.add(tool.name);
      return [{ tool, verdict: classifyTool(tool) }];
    });
    return [snapshot.id, entries];
  });
}

const CATALOG = catalog();

/** The policy exactly as the site prints it, read back. */
function published(policy: Policy): unknown {
  return JSON.parse(stringifyPolicy(policy));
}

function call(tool: string, extra: Partial<Call> = {}): Call {
  return { tool, session: 's', agent: 'a', at: AT, ...extra };
}

/** What a policy decides for one tool: unapproved, approved, declined; and after a burst of calls. */
function treatment(policy: Policy, tool: string): string {
  const once = [undefined, true, false].map((approved) => evaluate(policy, call(tool, approved === undefined ? {} : { approved })).decision);
  const burst = evaluateAll(policy, Array.from({ length: MEDIUM_RISK_LIMIT.max + 1 }, (_, i) => call(tool, { at: AT + i, approved: true }))).decisions;
  const visible = visibleTools(policy, [tool]).length === 1 ? 'visible' : 'hidden';
  return `${visible} ${once.join('/')} burst:${burst.filter((d) => d === 'allow').length}`;
}

/** The promised treatment per risk (README, POLICY_TABLE). */
const TREATMENT = {
  low: `visible allow/allow/allow burst:${MEDIUM_RISK_LIMIT.max + 1}`,
  medium: `visible allow/allow/allow burst:${MEDIUM_RISK_LIMIT.max}`,
  high: `visible needs-approval/allow/deny burst:${MEDIUM_RISK_LIMIT.max + 1}`,
  critical: 'hidden deny/deny/deny burst:0',
} as const;

test('the catalog is not empty', () => {
  expect(CATALOG.length).toBeGreaterThan(1);
});

describe.each(CATALOG)('%s', (_id, entries) => {
  test('every verdict agrees with its evidence, flags, findings and annotations, and its rationale with its badge', () => {
    const problems = entries.flatMap(({ tool, verdict }) => checkVerdict(verdict, tool));
    expect(problems).toEqual([]);
  });

  test('findings and suggestions agree: a contradicted hint is suggested the other way', () => {
    for (const { verdict } of entries) {
      for (const f of verdict.findings) expect(verdict.suggestedAnnotations[f.annotation], `${verdict.name}: ${f.kind}`).toBe(f.expected);
      for (const flag of verdict.flags) if (flag.raises !== undefined) expect(['high', 'critical'], verdict.name).toContain(verdict.risk);
    }
  });

  test('every per-tool policy validates against PolicySchema and the generated JSON Schema, and does what its risk promises', () => {
    for (const { verdict } of entries) {
      const policy = recommendToolPolicy(verdict.name, verdict.risk);
      const text = published(policy);
      expect(PolicySchema.safeParse(text).success, verdict.name).toBe(true);
      expect(jsonSchema.safeParse(text).success, verdict.name).toBe(true);
      expect(treatment(policy, verdict.name), `${verdict.name} (${verdict.risk})`).toBe(TREATMENT[verdict.risk]);
    }
  });

  test('the server policy validates too, and treats each tool as its own policy does', () => {
    const policy = recommendServerPolicy(entries.map((e) => e.verdict));
    const text = published(policy);
    expect(PolicySchema.safeParse(text).success).toBe(true);
    expect(jsonSchema.safeParse(text).success).toBe(true);
    for (const { verdict } of entries) expect(treatment(policy, verdict.name), `${verdict.name} (${verdict.risk})`).toBe(TREATMENT[verdict.risk]);
  });

  test('no recommended policy lets a critical tool through, and a hidden tool is always denied and never visible', () => {
    const server = recommendServerPolicy(entries.map((e) => e.verdict));
    const policies = [server, ...entries.map((e) => recommendToolPolicy(e.verdict.name, e.verdict.risk))];
    const names = entries.map((e) => e.verdict.name);
    for (const { verdict } of entries.filter((e) => e.verdict.risk === 'critical')) {
      for (const policy of [server, recommendToolPolicy(verdict.name, 'critical')]) {
        expect(policy.hide, verdict.name).toContain(verdict.name);
      }
    }
    for (const policy of policies) {
      for (const hidden of policy.hide ?? []) {
        expect(visibleTools(policy, names)).not.toContain(hidden);
        for (const approved of [undefined, true, false]) {
          expect(evaluate(policy, call(hidden, approved === undefined ? {} : { approved })).decision, hidden).toBe('deny');
        }
      }
    }
  });
});
