/**
 * Signal extraction: every piece of evidence the tables recognise in a tool's name
 * (`name.ts`), description (`description.ts`), parameters (`parameters.ts`) and annotations
 * (`annotations.ts`), each with the exact text it matched: category evidence and flag evidence.
 * Pure and deterministic; no scoring happens here (see `decide.ts`).
 */
import type { Evidence, EvidenceSource, FlagEvidence, Operation, Tool } from '../schema.ts';
import { annotationSignals } from './annotations.ts';
import { GENERIC_VERBS, GUIDANCE_NOUNS, NOUN_LIKE_VERBS } from './lexicon.ts';
import { CLAIMS_READ_ONLY, descriptionSignals, leadSentence } from './description.ts';
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
  /** The operations the tool names (description, then parameters), each verb once; empty unless two or more. */
  operations: Operation[];
}

const EVIDENCE_SOURCE_ORDER: readonly EvidenceSource[] = ['name', 'description', 'parameter', 'annotation'];

/** Every signal that fires for a tool, category and flag evidence: name, then description, parameters, annotations. */
export function extractSignals(tool: Tool): Signals {
  const parameter = parameterSignals(tool);
  const routes = parameter.evidence.some((e) => e.signal === SUBCOMMAND_SIGNAL);
  const name = nameSignals(tool.name);
  // A clear read verb (not one as often a noun: `firecrawl_crawl` starts a crawl job).
  const nameReads =
    name.evidence.some((e) => e.kind === 'verb' && e.category === 'read' && e.strength === 'strong' && e.verb !== undefined && !NOUN_LIKE_VERBS.has(e.verb)) &&
    name.evidence.every((e) => e.category === 'read');
  const description = tool.description === undefined ? undefined : descriptionSignals(tool.description, { routes, nameReads });
  // A description whose lead keeps the code to reads (“Run a read-only GraphQL query”) keeps the
  // name's code to reads too (`run_graphql_query`).
  if (description?.evidence.some((e) => e.kind === 'verb' && e.reading === 'read-only') === true) {
    name.evidence = name.evidence.map((e) =>
      e.kind === 'verb' && e.category === 'execute' && e.strength === 'strong' ? { ...e, signal: `${e.signal}-read-only`, category: 'read', reading: 'read-only' } : e,
    );
  }
  // A description that says the tool only reads, with nothing riskier than a plain write (or a weak
  // verb: “run one of the read operations”) against it, outweighs those verbs: they name what the tool is about (`create_lwc_guide`
  // “… guidance only, read-only”), not what it does.
  const readClaim = description?.evidence.some((e) => e.kind === 'phrase' && e.category === 'read' && e.strength === 'strong') === true;
  if (readClaim && tool.description !== undefined && CLAIMS_READ_ONLY.test(tool.description)) {
    const plainWrite = (e: Evidence) =>
      e.kind === 'verb' && e.category !== 'read' && e.raises === undefined && (e.category === 'write' || e.strength === 'weak');
    const all = [...name.evidence, ...(description?.evidence ?? []), ...parameter.evidence];
    if (all.every((e) => e.category === 'read' || plainWrite(e))) {
      name.evidence = name.evidence.filter((e) => !plainWrite(e));
      if (description !== undefined) description.evidence = description.evidence.filter((e) => !plainWrite(e));
    }
  }
  // A plain write verb inside the name (`weather_archive`, `lean_hover_info`) yields to a
  // description that plainly reads (“Get historical weather data …”): there it may be a noun.
  const descriptionReads =
    description !== undefined &&
    description.evidence.some((e) => e.kind === 'verb' && e.category === 'read' && e.strength === 'strong' && e.verb !== undefined && !NOUN_LIKE_VERBS.has(e.verb)) &&
    description.evidence.every((e) => e.category === 'read');
  // So does any plain write verb of the name when the description says the tool gives guidance
  // (`create_mobile_lwc_nfc` “provides … API documentation and expert-level guidance”).
  if (descriptionReads && (!name.verbLeads || givesGuidance(tool.description ?? ''))) {
    name.evidence = name.evidence.map((e) => (e.kind === 'verb' && e.category === 'write' && e.raises === undefined && e.strength === 'strong' ? { ...e, strength: 'weak' } : e));
  }
  const bySource: Record<EvidenceSource, { evidence: Evidence[]; flags: FlagEvidence[] }> = {
    name,
    description: description ?? { evidence: [], flags: [] },
    parameter,
    annotation: annotationSignals(tool),
  };
  // A generic verb (`manage_routing`, “Manage …”) says nothing of the effect once a parameter lists
  // the operations: those decide (a manager whose operations all read, reads).
  if (parameter.evidence.some((e) => e.kind === 'operation')) {
    const generic = (e: Evidence) => e.kind === 'verb' && e.verb !== undefined && GENERIC_VERBS.has(e.verb);
    name.evidence = name.evidence.filter((e) => !generic(e));
    if (description !== undefined) description.evidence = description.evidence.filter((e) => !generic(e));
  }
  const verbs = new Set<string>();
  const operations = [...(description?.operations ?? []), ...parameter.operations].filter((o) => !verbs.has(o.verb) && verbs.add(o.verb) !== undefined);
  return {
    evidence: EVIDENCE_SOURCE_ORDER.flatMap((s) => bySource[s].evidence),
    flagEvidence: EVIDENCE_SOURCE_ORDER.flatMap((s) => bySource[s].flags),
    operations: operations.length >= 2 ? operations : [],
  };
}

/** True when the description's lead sentence names guidance it gives (documentation, instructions, best practices). */
function givesGuidance(description: string): boolean {
  const lead = leadSentence(description);
  if (lead === undefined) return false;
  return (description.slice(lead.start, lead.end).toLowerCase().match(/[\p{L}-]+/gu) ?? []).some((w) => GUIDANCE_NOUNS.has(w));
}

/** Every category signal that fires for a tool: name, then description, parameters, annotations. */
export function extractEvidence(tool: Tool): Evidence[] {
  return extractSignals(tool).evidence;
}
