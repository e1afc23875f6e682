/**
 * The “why” on a tool page: plain-text sentences (never HTML) rendered only from a verdict and its
 * evidence. The first sentence states the category and risk exactly as the badge does; the rest
 * explain what set the risk, the flags, the findings, the confidence, and the evidence that lost.
 * `checkVerdict` proves it for any verdict, so a test can run it over the whole catalog.
 */
import { CATEGORIES, RISK_LEVELS, VerdictSchema, type Category, type FlagEvidence, type Risk, type Tool, type Verdict } from '../schema.ts';
import { assess, categoryRank, categoryScore, riskRank, type Assessment } from './decide.ts';
import { finding, reconcile, suggestAnnotations } from './reconcile.ts';
import { BASE_RISK, FLAG_TABLE, SUFFICIENT_SCORE } from './rules.ts';
import { SOURCE_NAMES, list, phrases } from './wording.ts';

export { describeEvidence } from './wording.ts';

/** The sentence prefix that must open every rationale. */
export function verdictHeadline(verdict: Pick<Verdict, 'category' | 'risk'>): string {
  return `Classified as ${verdict.category}, risk ${verdict.risk}:`;
}

function flagLabel(flag: Verdict['flags'][number]['flag']): string {
  return FLAG_TABLE.find((r) => r.flag === flag)?.label ?? flag;
}

/** Every flag's evidence, as the verdict carries it. */
function flagEvidenceOf(verdict: Pick<Verdict, 'flags'>): FlagEvidence[] {
  return verdict.flags.flatMap((f) => f.evidence);
}

/** The risk a category's own evidence gives it: its base risk, raised by its escalating evidence. */
function riskOf(verdict: Verdict, c: Category): Risk {
  return verdict.evidence.reduce<Risk>((r, e) => (e.category === c && e.raises !== undefined && riskRank(e.raises) > riskRank(r) ? e.raises : r), BASE_RISK[c]);
}

/** The sentence that says why the risk is above the category's base risk, naming what sets it. */
function riskSentences(verdict: Verdict, a: Assessment): { sentences: string[]; binding: Category[] } {
  const { category, risk } = verdict;
  if (risk === a.baseRisk) return { sentences: [], binding: [] };
  const reasons: string[] = [];
  const sentences: string[] = [];
  if (a.escalatedBy.length > 0 && a.ownRisk === risk) reasons.push(phrases(a.escalatedBy));
  const binding = a.heldBy.filter((c) => riskOf(verdict, c) === risk);
  for (const c of binding) {
    const about = phrases(verdict.evidence.filter((e) => e.category === c));
    reasons.push(`the evidence for ${c} (${about}) puts it at ${risk} on its own, and a riskier category never lowers the risk`);
  }
  for (const f of verdict.flags) {
    if (f.raises === risk && a.raisedByFlags.includes(f.flag)) reasons.push(`it is flagged for ${flagLabel(f.flag)}`);
  }
  sentences.push(`The risk is ${risk} rather than ${a.baseRisk}, the level for ${category} tools, because ${reasons.join('; ')}.`);
  if (a.escalatedBy.length > 0 && a.ownRisk !== risk) {
    sentences.push(`On its own the ${category} evidence would make it ${a.ownRisk}, because ${phrases(a.escalatedBy)}.`);
  }
  return { sentences, binding };
}

export function renderRationale(verdict: Verdict): string[] {
  const a = assess(verdict.evidence, flagEvidenceOf(verdict));
  const { category } = verdict;
  const supporting = verdict.evidence.filter((e) => e.category === category);
  const sentences: string[] = [];

  if (a.established) {
    sentences.push(`${verdictHeadline(verdict)} ${phrases(supporting)}.`);
  } else {
    const hints = supporting.length > 0 ? `; weak hints: ${phrases(supporting)}` : '';
    sentences.push(
      `${verdictHeadline(verdict)} no evidence is strong enough to place it, so the catalog assumes it can change data (a tool is never called read-only without evidence)${hints}.`,
    );
  }

  const risk = riskSentences(verdict, a);
  sentences.push(...risk.sentences);
  const operations = verdict.operations ?? [];
  if (operations.length > 0) {
    const byCategory = CATEGORIES.flatMap((c) => {
      const verbs = operations.filter((o) => o.category === c).map((o) => o.verb);
      return verbs.length === 0 ? [] : [`${list(verbs)} (${c})`];
    });
    sentences.push(`It names ${operations.length} operations: ${list(byCategory)}; the verdict is that of the riskiest.`);
  }

  for (const f of verdict.flags) {
    const floor = f.raises === undefined ? '' : `, so its risk is never below ${f.raises}`;
    sentences.push(`It is flagged for ${flagLabel(f.flag)}${floor}: ${phrases(f.evidence)}.`);
  }
  for (const f of verdict.findings) sentences.push(f.message);

  if (verdict.confidence === 'high') {
    sentences.push(`Confidence high: ${list(a.supportingSources.map((s) => SOURCE_NAMES[s]))} agree.`);
  } else if (verdict.confidence === 'medium') {
    sentences.push(
      a.contested
        ? 'Confidence medium: other evidence says it only reads.'
        : `Confidence medium: only ${SOURCE_NAMES[a.supportingSources[0] ?? 'name']} ${a.supportingSources[0] === 'parameter' || a.supportingSources[0] === 'annotation' ? 'point' : 'points'} to it.`,
    );
  } else {
    sentences.push(
      verdict.evidence.length === 0
        ? 'Confidence low: no signal fired in the name, description, parameters or annotations.'
        : a.established
          ? 'Confidence low: only weak signals support it.'
          : 'Confidence low: nothing points clearly to one category.',
    );
  }

  const others = [...CATEGORIES].reverse().filter((c) => c !== category && !risk.binding.includes(c) && verdict.evidence.some((e) => e.category === c));
  for (const c of others) {
    const about = phrases(verdict.evidence.filter((e) => e.category === c));
    const established = categoryScore(verdict.evidence, c) >= SUFFICIENT_SCORE;
    sentences.push(
      established && categoryRank(c) < categoryRank(category)
        ? `Evidence for ${c} (${about}) is outweighed: the catalog takes the riskier reading.`
        : `Evidence for ${c} (${about}) is too weak on its own to change the category.`,
    );
  }
  return sentences;
}

const LEVEL = RISK_LEVELS.join('|');

/** Problems with a rendered rationale for `verdict`; empty when it agrees with the badge. */
export function checkRationale(verdict: Pick<Verdict, 'category' | 'risk'>, sentences: readonly string[]): string[] {
  const problems: string[] = [];
  const headline = verdictHeadline(verdict);
  const first = sentences[0];
  if (first === undefined) problems.push('the rationale is empty');
  else if (!first.startsWith(headline)) problems.push(`the first sentence does not start with "${headline}": ${first}`);
  sentences.forEach((s, i) => {
    if (i > 0 && s.startsWith('Classified as')) problems.push(`sentence ${i + 1} states a verdict again: ${s}`);
    if (s.trim() === '' || !s.endsWith('.')) problems.push(`sentence ${i + 1} is not a complete sentence: ${s}`);
    // Every statement about the final risk names the badge's risk; every lower bound is at most it.
    for (const m of s.matchAll(new RegExp(`\\bThe risk is (${LEVEL})\\b`, 'g'))) {
      if (m[1] !== verdict.risk) problems.push(`sentence ${i + 1} says the risk is ${m[1] ?? ''}, the badge says ${verdict.risk}: ${s}`);
    }
    for (const m of s.matchAll(new RegExp(`\\bnever below (${LEVEL})\\b`, 'g'))) {
      const level = RISK_LEVELS.find((r) => r === m[1]);
      if (level !== undefined && riskRank(level) > riskRank(verdict.risk)) {
        problems.push(`sentence ${i + 1} puts the risk at least at ${level}, above the badge's ${verdict.risk}: ${s}`);
      }
    }
  });
  for (const c of CATEGORIES) {
    if (c !== verdict.category && first?.startsWith(`Classified as ${c},`)) problems.push(`the first sentence names category ${c}`);
  }
  return problems;
}

/**
 * Problems with a verdict: schema, evidence that does not recompute to the same category, risk,
 * confidence, flags and suggested annotations, findings whose message is not their own, a
 * rationale that disagrees with it, and (given the tool) findings that are not those of its
 * declared annotations. Empty when consistent.
 */
export function checkVerdict(verdict: Verdict, tool?: Tool): string[] {
  const parsed = VerdictSchema.safeParse(verdict);
  if (!parsed.success) return parsed.error.issues.map((i) => `${verdict.name}: ${i.path.join('.')}: ${i.message}`);
  const problems: string[] = [];
  const flagEvidence = flagEvidenceOf(verdict);
  const a = assess(verdict.evidence, flagEvidence);
  const fields = [
    ['category', a.category, verdict.category],
    ['risk', a.risk, verdict.risk],
    ['confidence', a.confidence, verdict.confidence],
    ['flags', JSON.stringify(a.flags), JSON.stringify(verdict.flags)],
    ['suggestedAnnotations', JSON.stringify(suggestAnnotations(a, verdict.evidence, a.flags)), JSON.stringify(verdict.suggestedAnnotations)],
  ] as const;
  for (const [field, expected, actual] of fields) {
    if (expected !== actual) problems.push(`${verdict.name}: ${field} is ${actual} but the evidence gives ${expected}`);
  }
  for (const f of verdict.findings) {
    const again = finding(f.kind, f.declared, f.expected, f.reading, f.evidence);
    if (again.message !== f.message || again.annotation !== f.annotation) problems.push(`${verdict.name}: finding ${f.kind} does not say what its fields say`);
  }
  if (tool !== undefined) {
    const expected = JSON.stringify(reconcile(a, verdict.evidence, flagEvidence, tool.annotations));
    if (expected !== JSON.stringify(verdict.findings)) problems.push(`${verdict.name}: findings are not those of the declared annotations: expected ${expected}`);
  }
  for (const p of checkRationale(verdict, renderRationale(verdict))) problems.push(`${verdict.name}: ${p}`);
  return problems;
}
