/**
 * The classifier: what calling a tool does (category), how risky that is for an agent (risk), how
 * sure the catalog is (confidence), and every signal behind it (evidence). Pure: no I/O, no clock,
 * no randomness, no locale-dependent comparison; the same tool always gets the same verdict.
 *
 *   extractEvidence (signals.ts, tables in rules.ts) → verdictFromEvidence (decide.ts)
 */
import type { Tool, Verdict } from '../schema.ts';
import { verdictFromEvidence } from './decide.ts';
import { extractEvidence } from './signals.ts';

export function classifyTool(tool: Tool): Verdict {
  return verdictFromEvidence(tool.name, extractEvidence(tool));
}

/** One verdict per tool, in input order (duplicates included). */
export function classifyTools(tools: readonly Tool[]): Verdict[] {
  return tools.map(classifyTool);
}

export { assess, verdictFromEvidence } from './decide.ts';
export { extractEvidence, splitName } from './signals.ts';
export { BASE_RISK, CONFIDENCE_RULES, ESCALATIONS, RISK_FLOOR_RULE, RISK_TABLE } from './rules.ts';
