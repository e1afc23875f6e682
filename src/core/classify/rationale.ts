/**
 * The “why” on a tool page: plain-text sentences (never HTML) rendered only from a verdict and its
 * evidence. The first sentence states the category and risk exactly as the badge does; the rest
 * explain escalation, confidence, and the evidence that lost. `checkVerdict` proves it for any
 * verdict, so a test can run it over the whole catalog.
 */
import { CATEGORIES, VerdictSchema, type Evidence, type EvidenceSource, type Verdict } from '../schema.ts';
import { assess, categoryRank, categoryScore } from './decide.ts';
import { SUFFICIENT_SCORE } from './rules.ts';

const SOURCE_NAMES: Readonly<Record<EvidenceSource, string>> = {
  name: 'the name',
  description: 'the description',
  parameter: 'the parameters',
  annotation: 'the annotations',
};

interface Wording {
  /** Text before the quoted match, e.g. `the description says `. */
  lead: string;
  /** The match in curly quotes, or '' when the wording has none. */
  quoted: string;
  /** Text after the quoted match. */
  tail: string;
}

function wording(e: Evidence): Wording {
  const quoted = `“${e.match}”`;
  const w = (lead: string, tail = ''): Wording => ({ lead, quoted, tail });
  const oneWord = /^[\p{L}\p{N}'’-]+$/u.test(e.match);
  switch (e.source) {
    case 'name':
      if (e.signal.endsWith('-query')) return w('the name says ', ', and running a query reads data');
      if (e.signal.startsWith('name-verb-')) return oneWord ? w("the name's verb is ") : w('the name says ');
      if (e.signal.startsWith('name-topic-')) return w('the name ends in ', ', so it documents a topic');
      return w('the name mentions ');
    case 'description':
      if (e.signal.endsWith('-query')) return w('the description leads with ', ', and running a query reads data');
      if (e.signal.startsWith('description-verb-')) return oneWord ? w("the description's lead verb is ") : w('the description leads with ');
      return w('the description says ');
    case 'parameter':
      return w('it takes a parameter ');
    case 'annotation':
      if (e.signal === 'annotation-destructive-default') {
        return { lead: 'it declares “readOnlyHint: false” without destructiveHint, which the MCP spec reads as destructive', quoted: '', tail: '' };
      }
      return w('the server declares ');
  }
}

/** How one piece of evidence reads in a sentence: `the name's verb is “delete”`. */
export function describeEvidence(e: Evidence): string {
  const { lead, quoted, tail } = wording(e);
  return `${lead}${quoted}${tail}`;
}

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  if (items.length === 2) return `${items[0]} and ${items[1]}`;
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * The evidence as one clause list, in evidence order; matches with the same wording are grouped
 * where the first of them appears (`the description says “Permanently” and “removes”`).
 */
function phrases(evidence: readonly Evidence[]): string {
  const groups: Array<{ lead: string; quoted: string[]; tail: string }> = [];
  for (const e of evidence) {
    const w = wording(e);
    const same = w.quoted !== '' && w.tail === '' ? groups.find((g) => g.lead === w.lead && g.tail === '' && g.quoted.length > 0) : undefined;
    if (same !== undefined) same.quoted.push(w.quoted);
    else groups.push({ lead: w.lead, quoted: w.quoted === '' ? [] : [w.quoted], tail: w.tail });
  }
  return groups.map((g) => `${g.lead}${list(g.quoted)}${g.tail}`).join('; ');
}

/** The sentence prefix that must open every rationale. */
export function verdictHeadline(verdict: Pick<Verdict, 'category' | 'risk'>): string {
  return `Classified as ${verdict.category}, risk ${verdict.risk}:`;
}

export function renderRationale(verdict: Verdict): string[] {
  const a = assess(verdict.evidence);
  const { category, risk } = verdict;
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

  if (a.escalatedBy.length > 0) {
    sentences.push(`The risk is ${a.ownRisk} rather than ${a.baseRisk}, the level for ${category} tools, because ${phrases(a.escalatedBy)}.`);
  }
  for (const c of a.heldBy) {
    const about = phrases(verdict.evidence.filter((e) => e.category === c));
    sentences.push(
      `Evidence for ${c} (${about}) is outweighed for the category, but the risk stays ${risk}, as that reading alone would be: a riskier category never lowers the risk.`,
    );
  }

  if (verdict.confidence === 'high') {
    sentences.push(`Confidence high: ${list(a.supportingSources.map((s) => SOURCE_NAMES[s]))} agree.`);
  } else if (verdict.confidence === 'medium') {
    sentences.push(
      a.contested
        ? 'Confidence medium: other evidence says it only reads.'
        : `Confidence medium: only ${SOURCE_NAMES[a.supportingSources[0] ?? 'name']} points to it.`,
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

  const others = [...CATEGORIES].reverse().filter((c) => c !== category && !a.heldBy.includes(c) && verdict.evidence.some((e) => e.category === c));
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
  });
  for (const c of CATEGORIES) {
    if (c !== verdict.category && first?.startsWith(`Classified as ${c},`)) problems.push(`the first sentence names category ${c}`);
  }
  return problems;
}

/**
 * Problems with a verdict: schema, evidence that does not recompute to the same category, risk
 * and confidence, or a rationale that disagrees with it. Empty when consistent.
 */
export function checkVerdict(verdict: Verdict): string[] {
  const parsed = VerdictSchema.safeParse(verdict);
  if (!parsed.success) return parsed.error.issues.map((i) => `${verdict.name}: ${i.path.join('.')}: ${i.message}`);
  const problems: string[] = [];
  const a = assess(verdict.evidence);
  const fields = [
    ['category', a.category, verdict.category],
    ['risk', a.risk, verdict.risk],
    ['confidence', a.confidence, verdict.confidence],
  ] as const;
  for (const [field, expected, actual] of fields) {
    if (expected !== actual) problems.push(`${verdict.name}: ${field} is ${actual} but the evidence gives ${expected}`);
  }
  for (const p of checkRationale(verdict, renderRationale(verdict))) problems.push(`${verdict.name}: ${p}`);
  return problems;
}
