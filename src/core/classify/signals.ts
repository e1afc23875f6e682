/**
 * Signal extraction: every piece of evidence the tables recognise in a tool's name
 * (`name.ts`), description (`description.ts`), parameters (`parameters.ts`) and annotations
 * (`annotations.ts`), each with the exact text it matched: category evidence and flag evidence.
 * Pure and deterministic; no scoring happens here (see `decide.ts`).
 */
import type { Evidence, EvidenceSource, FlagEvidence, Tool } from '../schema.ts';
import { annotationSignals } from './annotations.ts';
import { descriptionSignals } from './description.ts';
import { nameSignals } from './name.ts';
import { parameterSignals, SUBCOMMAND_SIGNAL } from './parameters.ts';

export { leadSentence } from './description.ts';
export { findNameVerbs, nameKey, splitName } from './name.ts';
export { parameterNames } from './parameters.ts';
export type { Word } from './reading.ts';

/** Everything that fired for a tool: category evidence and flag evidence, each by source, then position. */
export interface Signals {
  evidence: Evidence[];
  flagEvidence: FlagEvidence[];
}

const EVIDENCE_SOURCE_ORDER: readonly EvidenceSource[] = ['name', 'description', 'parameter', 'annotation'];

/** Every signal that fires for a tool, category and flag evidence: name, then description, parameters, annotations. */
export function extractSignals(tool: Tool): Signals {
  const parameter = parameterSignals(tool);
  const routes = parameter.evidence.some((e) => e.signal === SUBCOMMAND_SIGNAL);
  const bySource: Record<EvidenceSource, { evidence: Evidence[]; flags: FlagEvidence[] }> = {
    name: nameSignals(tool.name),
    description: tool.description === undefined ? { evidence: [], flags: [] } : descriptionSignals(tool.description, routes),
    parameter,
    annotation: annotationSignals(tool),
  };
  return {
    evidence: EVIDENCE_SOURCE_ORDER.flatMap((s) => bySource[s].evidence),
    flagEvidence: EVIDENCE_SOURCE_ORDER.flatMap((s) => bySource[s].flags),
  };
}

/** Every category signal that fires for a tool: name, then description, parameters, annotations. */
export function extractEvidence(tool: Tool): Evidence[] {
  return extractSignals(tool).evidence;
}
