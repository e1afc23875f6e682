/**
 * From evidence to a verdict. A pure function of the evidence (and, for findings, of the declared
 * annotations), so anyone holding a verdict can recompute its category, risk, confidence and flags
 * (`checkVerdict` in `rationale.ts` does).
 */
import {
  CATEGORIES,
  EVIDENCE_SOURCES,
  FLAGS,
  RISK_LEVELS,
  type Category,
  type Confidence,
  type Evidence,
  type EvidenceSource,
  type Flag,
  type FlagEvidence,
  type Operation,
  type Risk,
  type ToolAnnotations,
  type Verdict,
  type VerdictFlag,
} from '../schema.ts';
import { reconcile, suggestAnnotations } from './reconcile.ts';
import { BASE_RISK, DEFAULT_CATEGORY, FLAG_TABLE, STRENGTH_POINTS, SUFFICIENT_SCORE } from './rules.ts';

/** How severe a category is: its index in `CATEGORIES` (read … financial). */
export function categoryRank(category: Category): number {
  return CATEGORIES.indexOf(category);
}

export function riskRank(risk: Risk): number {
  return RISK_LEVELS.indexOf(risk);
}

/** The riskier of two risks. */
export function maxRisk(a: Risk, b: Risk): Risk {
  return riskRank(a) >= riskRank(b) ? a : b;
}

/** The score of some pieces of evidence: for each source, the points of its strongest piece. */
function score(pieces: readonly { source: EvidenceSource; strength: Evidence['strength'] }[]): number {
  return EVIDENCE_SOURCES.reduce((sum, source) => {
    const points = pieces.filter((e) => e.source === source).map((e) => STRENGTH_POINTS[e.strength]);
    return sum + Math.max(0, ...points);
  }, 0);
}

/** A category's score: for each source, the points of its strongest evidence for the category. */
export function categoryScore(evidence: readonly Evidence[], category: Category): number {
  return score(evidence.filter((e) => e.category === category));
}

/** A flag's score, counted like a category's: per source the strongest piece. */
export function flagScore(evidence: readonly FlagEvidence[], flag: Flag): number {
  return score(evidence.filter((e) => e.flag === flag));
}

/** The `FLAG_TABLE` row of a flag. */
export function flagRow(flag: Flag): (typeof FLAG_TABLE)[number] {
  const row = FLAG_TABLE.find((r) => r.flag === flag);
  if (row === undefined) throw new Error(`no FLAG_TABLE row for ${flag}`);
  return row;
}

/**
 * The flags the evidence establishes on a verdict of `category`, in `FLAGS` order, each with all
 * of its evidence and, when its row has one and a strong signal supports it, the least risk it allows.
 */
export function establishFlags(flagEvidence: readonly FlagEvidence[], category: Category): VerdictFlag[] {
  return FLAGS.flatMap((flag) => {
    const row = flagRow(flag);
    if (row.notOn.includes(category) || flagScore(flagEvidence, flag) < SUFFICIENT_SCORE) return [];
    // Keys in schema order (flag, raises, evidence): the CLI prints them as built.
    const evidence = flagEvidence.filter((e) => e.flag === flag).map((e) => ({ ...e }));
    // Only a flag with a strong signal holds the risk up: weak hints from two sources show it, no more.
    const raises = row.risk !== undefined && evidence.some((e) => e.strength === 'strong') ? row.risk : undefined;
    const entry: VerdictFlag = raises === undefined ? { flag, evidence } : { flag, raises, evidence };
    return [entry];
  });
}

export interface Assessment {
  category: Category;
  risk: Risk;
  confidence: Confidence;
  /** False when no category reached `SUFFICIENT_SCORE` and the category is the default. */
  established: boolean;
  /** The category's risk before escalations. */
  baseRisk: Risk;
  /** The category's risk after its own escalations. */
  ownRisk: Risk;
  /** Evidence for the verdict's category that raised the risk above `baseRisk`. */
  escalatedBy: Evidence[];
  /** Less risky but established categories whose (escalated) risk is above `ownRisk`: they set `risk`. */
  heldBy: Category[];
  /** Sources with evidence for the verdict's category, in `EVIDENCE_SOURCES` order. */
  supportingSources: EvidenceSource[];
  /** Less risky categories that were also established (the riskier reading won). */
  outweighed: Category[];
  /** True when `read` is established but the verdict is not: a claim of no side effects lost. */
  contested: boolean;
  /** Established flags (`establishFlags`). */
  flags: VerdictFlag[];
  /** The risk from the category alone: `ownRisk`, raised by `heldBy`. */
  categoryRisk: Risk;
  /** Flags whose least risk is above `categoryRisk`: they set `risk`. */
  raisedByFlags: Flag[];
}

export function assess(evidence: readonly Evidence[], flagEvidence: readonly FlagEvidence[] = []): Assessment {
  const established = CATEGORIES.filter((c) => categoryScore(evidence, c) >= SUFFICIENT_SCORE);
  const riskiest = established[established.length - 1];
  const category = riskiest ?? DEFAULT_CATEGORY;
  const rank = categoryRank(category);

  // A category's risk: its base risk, raised by its own escalating evidence. A weak escalation
  // (a `force` flag) only raises a reading that a strong signal makes: a forced delete is critical,
  // but `force` on `git_add` does not make a critical deletion out of weak hints.
  const strong = new Set(evidence.flatMap((e) => (e.strength === 'strong' ? [e.category] : [])));
  const escalates = (e: Evidence, c: Category) => e.category === c && e.raises !== undefined && (e.strength === 'strong' || strong.has(c));
  const riskOf = (c: Category): Risk => evidence.reduce<Risk>((r, e) => (escalates(e, c) && e.raises !== undefined ? maxRisk(r, e.raises) : r), BASE_RISK[c]);
  const baseRisk = BASE_RISK[category];
  const ownRisk = riskOf(category);
  const escalatedBy =
    ownRisk === baseRisk ? [] : evidence.filter((e) => escalates(e, category) && e.raises !== undefined && riskRank(e.raises) > riskRank(baseRisk));
  // The riskier reading also holds for risk: an established execute reading keeps a financial verdict critical.
  const outweighed = established.filter((c) => categoryRank(c) < rank);
  const heldBy = outweighed.filter((c) => riskRank(riskOf(c)) > riskRank(ownRisk));
  const categoryRisk = heldBy.reduce<Risk>((r, c) => maxRisk(r, riskOf(c)), ownRisk);
  // A flag with a least risk (permission change, credential access) holds the risk up to it.
  const flags = establishFlags(flagEvidence, category);
  const raisedByFlags = flags.flatMap((f) => (f.raises !== undefined && riskRank(f.raises) > riskRank(categoryRisk) ? [f.flag] : []));
  const risk = flags.reduce<Risk>((r, f) => (f.raises === undefined ? r : maxRisk(r, f.raises)), categoryRisk);

  const supporting = evidence.filter((e) => e.category === category);
  const supportingSources = EVIDENCE_SOURCES.filter((s) => supporting.some((e) => e.source === s));
  // Write, destructive, execute and financial readings nest (a tool that runs commands also writes),
  // so only an established read reading contradicts a riskier verdict.
  const contested = category !== 'read' && outweighed.includes('read');
  let confidence: Confidence;
  if (riskiest === undefined || !supporting.some((e) => e.strength === 'strong')) confidence = 'low';
  else if (supportingSources.length >= 2 && !contested) confidence = 'high';
  else confidence = 'medium';

  return {
    category,
    risk,
    confidence,
    established: riskiest !== undefined,
    baseRisk,
    ownRisk,
    escalatedBy,
    heldBy,
    supportingSources,
    outweighed,
    contested,
    flags,
    categoryRisk,
    raisedByFlags,
  };
}

/**
 * The verdict the evidence supports. `classifyTool` is `verdictFromEvidence(tool.name,
 * evidence, flagEvidence, tool.annotations)` with the evidence of `extractSignals(tool)`. The
 * declared annotations only decide the findings (hints that the evidence contradicts); what they
 * say about the category is already in `evidence`.
 */
export function verdictFromEvidence(
  name: string,
  evidence: readonly Evidence[],
  flagEvidence: readonly FlagEvidence[] = [],
  declared?: ToolAnnotations,
  operations: readonly Operation[] = [],
): Verdict {
  const a = assess(evidence, flagEvidence);
  const copy = evidence.map((e) => ({ ...e }));
  const verdict: Verdict = {
    name,
    category: a.category,
    risk: a.risk,
    confidence: a.confidence,
    evidence: copy,
    flags: a.flags,
    findings: reconcile(a, copy, flagEvidence, declared),
    suggestedAnnotations: suggestAnnotations(a, copy, a.flags),
  };
  if (operations.length > 0) verdict.operations = operations.map((o) => ({ ...o }));
  return verdict;
}
