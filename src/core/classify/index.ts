/**
 * The classifier: what calling a tool does (category), how risky that is for an agent (risk), how
 * sure the catalog is (confidence), which properties matter beside it (flags), where the server's
 * own annotations disagree (findings), what it should declare instead (suggested annotations),
 * and every signal behind it (evidence). Pure: no I/O, no clock, no randomness, no
 * locale-dependent comparison; the same tool always gets the same verdict.
 *
 *   extractSignals (signals.ts: name.ts, description.ts, parameters.ts, annotations.ts; words in lexicon.ts)
 *     → verdictFromEvidence (decide.ts, reconcile.ts; tables in rules.ts)
 */
import type { Tool, Verdict } from '../schema.ts';
import { verdictFromEvidence } from './decide.ts';
import { extractSignals } from './signals.ts';

export function classifyTool(tool: Tool): Verdict {
  const { evidence, flagEvidence, operations } = extractSignals(tool);
  return verdictFromEvidence(tool.name, evidence, flagEvidence, tool.annotations, operations);
}

/** One verdict per tool, in input order (duplicates included). */
export function classifyTools(tools: readonly Tool[]): Verdict[] {
  return tools.map(classifyTool);
}

export { assess, establishFlags, verdictFromEvidence } from './decide.ts';
export { renderRationale } from './rationale.ts';
export { reconcile, suggestAnnotations } from './reconcile.ts';
export { extractEvidence, extractSignals, splitName } from './signals.ts';
export {
  BASE_RISK,
  CONFIDENCE_RULES,
  ESCALATIONS,
  FINDING_RULES,
  FLAG_FLOOR_RULE,
  FLAG_TABLE,
  RISK_FLOOR_RULE,
  RISK_TABLE,
  SUGGESTION_RULES,
} from './rules.ts';
