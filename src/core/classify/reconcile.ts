/**
 * Declared annotations against the evidence. Annotations are untrusted hints: they may raise a
 * verdict, never lower it (that is already so in `decide.ts`, where a riskier reading always
 * wins). Here the disagreements become findings (`FINDING_RULES`), and the verdict becomes the
 * annotations the server should declare (`SUGGESTION_RULES`). Pure.
 */
import type {
  Category,
  Evidence,
  EvidenceRef,
  Finding,
  FindingKind,
  FlagEvidence,
  SuggestedAnnotations,
  ToolAnnotations,
  VerdictFlag,
} from '../schema.ts';
import type { Assessment } from './decide.ts';
import { ANNOTATION_RULES } from './annotations.ts';
import { ADDITIVE_VERBS, IDEMPOTENT_VERBS, NON_IDEMPOTENT_VERBS } from './lexicon.ts';
import { SUBCOMMAND_SIGNAL } from './parameters.ts';
import { FINDING_RULES } from './rules.ts';
import { phrases } from './wording.ts';

/** The action verbs behind a verdict: verbs of the name and lead sentence that do not just read. */
export function actionVerbs(evidence: readonly Evidence[]): string[] {
  const verbs: string[] = [];
  for (const e of evidence) {
    if (e.category === 'read') continue;
    if (e.verb !== undefined && !verbs.includes(e.verb)) verbs.push(e.verb);
  }
  return verbs;
}

/** What the suggestions need: the category, the less risky established categories, the evidence and flags. */
export type SuggestionInput = Pick<Assessment, 'category' | 'outweighed' | 'escalatedBy'>;

/** True when the verdict's reading includes deleting or running code. */
function destroys(a: Pick<Assessment, 'category' | 'outweighed'>): boolean {
  return a.category === 'destructive' || a.category === 'execute' || a.outweighed.includes('destructive');
}

/** The annotations the server should declare, from the verdict (`SUGGESTION_RULES`). */
export function suggestAnnotations(a: SuggestionInput, evidence: readonly Evidence[], flags: readonly VerdictFlag[]): SuggestedAnnotations {
  const openWorldHint = flags.some((f) => f.flag === 'open-world');
  if (a.category === 'read') return { readOnlyHint: true, openWorldHint };
  const verbs = actionVerbs(evidence);
  // An escalated write or payment cannot be taken back (a sent message, moved money): not “only additive”.
  // A command router does whatever its operations do, and its description need not name them all.
  const routes = evidence.some((e) => e.signal === SUBCOMMAND_SIGNAL);
  const destructiveHint = destroys(a) || a.escalatedBy.length > 0 || routes || verbs.length === 0 || !verbs.every((v) => ADDITIVE_VERBS.has(v));
  let idempotentHint: boolean | undefined;
  if (a.category === 'execute' || verbs.some((v) => NON_IDEMPOTENT_VERBS.has(v))) idempotentHint = false;
  else if (verbs.length > 0 && verbs.every((v) => IDEMPOTENT_VERBS.has(v))) idempotentHint = true;
  return { readOnlyHint: false, destructiveHint, ...(idempotentHint === undefined ? {} : { idempotentHint }), openWorldHint };
}

function ref(e: Evidence | FlagEvidence | EvidenceRef): EvidenceRef {
  const r: EvidenceRef = { source: e.source, signal: e.signal, match: e.match };
  if ('kind' in e && e.kind !== undefined) r.kind = e.kind;
  if ('reading' in e && e.reading !== undefined) r.reading = e.reading;
  return r;
}

/** A finding with its message generated from its fields; `checkVerdict` regenerates it to compare. */
export function finding(
  kind: FindingKind,
  declared: boolean | null,
  expected: boolean,
  reading: Finding['reading'],
  support: readonly (Evidence | FlagEvidence | EvidenceRef)[],
): Finding {
  const rule = FINDING_RULES.find((r) => r.kind === kind);
  if (rule === undefined) throw new Error(`no FINDING_RULES row for ${kind}`);
  const because = phrases(support);
  const hint = rule.annotation;
  let message: string;
  switch (kind) {
    case 'read-only-contradicted':
    case 'destructive-contradicted':
      message = `The server declares ${hint}: ${String(declared)}, but ${because}: the catalog reads the tool as ${reading} and suggests ${hint}: ${String(expected)}.`;
      break;
    case 'open-world-contradicted':
      message = `The server declares ${hint}: ${String(declared)}, but ${because}: the catalog flags open-world network access and suggests ${hint}: ${String(expected)}.`;
      break;
    case 'open-world-undeclared':
      message = `The server does not declare ${hint}, and ${because}: the spec's default (true) agrees, but the server should declare ${hint}: ${String(expected)}.`;
      break;
  }
  return { kind, annotation: hint, declared, expected, reading, evidence: support.map(ref), message };
}

/**
 * Findings for the declared annotations of a tool whose evidence gave assessment `a`, in
 * `FINDING_RULES` order. A hint is only contradicted by a reading the other evidence establishes.
 */
export function reconcile(
  a: Pick<Assessment, 'category' | 'outweighed' | 'established' | 'flags'>,
  evidence: readonly Evidence[],
  flagEvidence: readonly FlagEvidence[],
  declared: ToolAnnotations | undefined,
): Finding[] {
  const out: Finding[] = [];
  const hints = declared ?? {};
  const supporting = (c: Category) => evidence.filter((e) => e.category === c && e.signal !== ANNOTATION_RULES.readOnly.id);

  if (hints.readOnlyHint === true && a.established && a.category !== 'read') {
    out.push(finding('read-only-contradicted', true, false, a.category, supporting(a.category)));
  }
  if (hints.destructiveHint === false && a.established && destroys(a)) {
    const reading: Category = a.category === 'execute' || a.category === 'destructive' ? a.category : 'destructive';
    out.push(finding('destructive-contradicted', false, true, reading, supporting(reading)));
  }
  const openWorld = a.flags.find((f) => f.flag === 'open-world');
  if (openWorld !== undefined && hints.openWorldHint !== true) {
    const support = flagEvidence.filter((e) => e.flag === 'open-world' && e.source !== 'annotation');
    const kind = hints.openWorldHint === false ? 'open-world-contradicted' : 'open-world-undeclared';
    out.push(finding(kind, hints.openWorldHint === false ? false : null, true, 'open-world', support));
  }
  return out;
}
