/**
 * From evidence to a verdict. A pure function of the evidence alone, so anyone holding a verdict
 * can recompute its category, risk and confidence (`checkVerdict` in `rationale.ts` does).
 */
import {
  CATEGORIES,
  EVIDENCE_SOURCES,
  RISK_LEVELS,
  type Category,
  type Confidence,
  type Evidence,
  type EvidenceSource,
  type Risk,
  type Verdict,
} from '../schema.ts';
import { BASE_RISK, DEFAULT_CATEGORY, STRENGTH_POINTS, SUFFICIENT_SCORE } from './rules.ts';

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

/** A category's score: for each source, the points of its strongest evidence for the category. */
export function categoryScore(evidence: readonly Evidence[], category: Category): number {
  let score = 0;
  for (const source of EVIDENCE_SOURCES) {
    let best = 0;
    for (const e of evidence) {
      if (e.source === source && e.category === category) best = Math.max(best, STRENGTH_POINTS[e.strength]);
    }
    score += best;
  }
  return score;
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
}

export function assess(evidence: readonly Evidence[]): Assessment {
  const established = CATEGORIES.filter((c) => categoryScore(evidence, c) >= SUFFICIENT_SCORE);
  const riskiest = established[established.length - 1];
  const category = riskiest ?? DEFAULT_CATEGORY;
  const rank = categoryRank(category);

  // A category's risk: its base risk, raised by its own escalating evidence.
  const riskOf = (c: Category): Risk =>
    evidence.reduce<Risk>((r, e) => (e.category === c && e.raises !== undefined ? maxRisk(r, e.raises) : r), BASE_RISK[c]);
  const baseRisk = BASE_RISK[category];
  const ownRisk = riskOf(category);
  const escalatedBy =
    ownRisk === baseRisk ? [] : evidence.filter((e) => e.category === category && e.raises !== undefined && riskRank(e.raises) > riskRank(baseRisk));
  // The riskier reading also holds for risk: an established execute reading keeps a financial verdict critical.
  const outweighed = established.filter((c) => categoryRank(c) < rank);
  const heldBy = outweighed.filter((c) => riskRank(riskOf(c)) > riskRank(ownRisk));
  const risk = heldBy.reduce<Risk>((r, c) => maxRisk(r, riskOf(c)), ownRisk);

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
  };
}

/** The verdict the evidence supports. `classifyTool` is `verdictFromEvidence(name, extractEvidence(tool))`. */
export function verdictFromEvidence(name: string, evidence: readonly Evidence[]): Verdict {
  const { category, risk, confidence } = assess(evidence);
  return { name, category, risk, confidence, evidence: evidence.map((e) => ({ ...e })) };
}
