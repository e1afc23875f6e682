/**
 * Signal extraction: reads a tool's name, description, parameter names and annotations and returns
 * every piece of evidence the tables in `rules.ts` recognise, each with the exact text it matched.
 * Pure and deterministic; no scoring happens here (see `decide.ts`).
 */
import type { Category, Evidence, EvidenceSource, Risk, Strength, Tool } from '../schema.ts';
import {
  ANNOTATION_RULES,
  ARTICLES,
  BULK_WORDS,
  CODE_NOUNS,
  DESCRIPTION_PHRASES,
  DESCRIPTION_READ_VERBS,
  EVALUATE_VERBS,
  EXECUTE_NAME_NOUNS,
  EXECUTE_VERBS,
  FINANCIAL_NOUNS,
  IDIOMS,
  LEAD_FILLER,
  LIGHT_OBJECTS,
  MONEY_NOUNS,
  NEGATION_WINDOW,
  NEGATORS,
  NOTICE_LINE,
  NOUN_LIKE_VERBS,
  OBJECT_WINDOW,
  PARAMETER_RULES,
  QUERY_NOUNS,
  SETTLE_VERBS,
  TOPIC_SUFFIXES,
  VERB_LINKS,
  verbCategory,
  verbRaises,
} from './rules.ts';

/** A word of a name or sentence: its text as written, lowercased, and where it is. */
export interface Word {
  text: string;
  lower: string;
  start: number;
  end: number;
}

const EVIDENCE_SOURCE_ORDER: readonly EvidenceSource[] = ['name', 'description', 'parameter', 'annotation'];

function evidence(
  source: EvidenceSource,
  signal: string,
  match: string,
  category: Category,
  strength: Strength,
  raises?: Risk,
): Evidence {
  const e: Evidence = { source, signal, match, category, strength };
  if (raises !== undefined) e.raises = raises;
  return e;
}

// ---------------------------------------------------------------------------------------------
// Names.
// ---------------------------------------------------------------------------------------------

/**
 * Splits an identifier into words: snake_case, kebab-case, dotted, camelCase and PascalCase
 * (`DeleteImageSet` → Delete Image Set, `HTTPRequest` → HTTP Request, `ListS3Buckets` → List S3 Buckets).
 */
export function splitName(name: string): Word[] {
  const words: Word[] = [];
  for (const run of name.matchAll(/[\p{L}\p{N}]+/gu)) {
    const text = run[0];
    const base = run.index;
    // Boundaries inside a run: lower/digit → upper, and the last capital of an acronym before a lowercase.
    let from = 0;
    for (let i = 1; i < text.length; i++) {
      const prev = text.charAt(i - 1);
      const cur = text.charAt(i);
      const next = text.charAt(i + 1);
      const upper = (c: string) => c !== '' && c === c.toUpperCase() && c !== c.toLowerCase();
      const lowerOrDigit = (c: string) => c !== '' && !upper(c);
      const boundary = (lowerOrDigit(prev) && upper(cur)) || (upper(prev) && upper(cur) && next !== '' && /\p{Ll}/u.test(next));
      if (boundary) {
        words.push(word(text.slice(from, i), base + from));
        from = i;
      }
    }
    words.push(word(text.slice(from), base + from));
  }
  return words;
}

function word(text: string, start: number): Word {
  return { text, lower: text.toLowerCase(), start, end: start + text.length };
}

function isNameVerb(w: string): boolean {
  return verbCategory(w) !== undefined;
}

/**
 * The name's action verbs. The first word when it is a verb (`delete_image_set`); otherwise the
 * first verb after it (`pods_exec`, `admin.tools.list`, `memory_delete_record`). A verb that is as
 * often a noun (`NOUN_LIKE_VERBS`: `schedule_list`, `image_set_get`) yields to another verb. Verbs
 * linked to the chosen one by and/or count too (`get_or_create`, `build_and_push`).
 */
export function findNameVerbs(words: readonly Word[]): number[] {
  const verbs = words.flatMap((w, i) => (isNameVerb(w.lower) ? [i] : []));
  if (verbs.length === 0) return [];
  const clear = verbs.filter((i) => !NOUN_LIKE_VERBS.has(words[i]?.lower ?? ''));
  let at: number;
  if (verbs[0] === 0 && (clear[0] === 0 || clear.length === 0)) at = 0;
  else at = clear[0] ?? verbs[0] ?? 0;
  const found = [at];
  const linked = (a: number, b: number) => {
    const x = words[a];
    const link = words[a + 1];
    const y = words[b];
    return (
      x !== undefined && link !== undefined && y !== undefined && b === a + 2 && VERB_LINKS.has(link.lower) &&
      isNameVerb(x.lower) && isNameVerb(y.lower) && !IDIOMS.has(`${x.lower} ${link.lower} ${y.lower}`)
    );
  };
  for (let j = at; linked(j, j + 2); j += 2) found.push(j + 2);
  for (let j = at; linked(j - 2, j); j -= 2) found.unshift(j - 2);
  return found;
}

interface VerbReading {
  signal: string;
  category: Category;
  strength: Strength;
  raises?: Risk;
  /** Index of the object word that decided the reading, if one did. */
  objectAt?: number;
}

/**
 * What a verb means given its object words (in reading order): run/execute/evaluate depend on
 * whether the object is code or a query; a destructive verb on a light object (tags) writes.
 */
function readVerb(verb: string, objects: readonly Word[], prefix: 'name' | 'description'): VerbReading | undefined {
  if (EXECUTE_VERBS.has(verb) || EVALUATE_VERBS.has(verb)) {
    const code = nounRun(objects, CODE_NOUNS);
    if (code !== undefined) return { signal: `${prefix}-verb-${verb}`, category: 'execute', strength: 'strong', objectAt: code };
    const query = nounRun(objects, QUERY_NOUNS);
    if (query !== undefined) return { signal: `${prefix}-verb-${verb}-query`, category: 'read', strength: 'weak', objectAt: query };
    if (EVALUATE_VERBS.has(verb)) return undefined;
    return { signal: `${prefix}-verb-${verb}`, category: 'execute', strength: 'strong' };
  }
  const category = verbCategory(verb) ?? (prefix === 'description' && DESCRIPTION_READ_VERBS.has(verb) ? 'read' : undefined);
  if (category === undefined) return undefined;
  const raises = verbRaises(verb);
  if (category === 'destructive' && raises === undefined) {
    const first = objects.findIndex((w) => !ARTICLES.has(w.lower));
    const object = objects[first];
    if (object !== undefined && LIGHT_OBJECTS.has(object.lower)) {
      return { signal: `${prefix}-verb-${verb}-${object.lower}`, category: 'write', strength: 'strong', objectAt: first };
    }
  }
  const reading: VerbReading = { signal: `${prefix}-verb-${verb}`, category, strength: 'strong' };
  if (raises !== undefined) reading.raises = raises;
  return reading;
}

/** Index of the last word of the first run of `nouns` in `objects` (“a shell command” → command). */
function nounRun(objects: readonly Word[], nouns: ReadonlySet<string>): number | undefined {
  const first = objects.findIndex((w) => nouns.has(w.lower));
  if (first < 0) return undefined;
  let last = first;
  while (objects[last + 1] !== undefined && nouns.has(objects[last + 1]?.lower ?? '')) last++;
  return last;
}

/**
 * Money nouns among `words` acted on by `verbs`: financial unless every verb only reads
 * (`list_refunds`); money moves with a money noun (`create_refund`) or a settling verb (`capture_payment`).
 */
function financialNouns(
  source: 'name' | 'description',
  words: readonly Word[],
  verbs: readonly string[],
  skip: ReadonlySet<number>,
  text: string,
): Hit[] {
  const onlyReads = verbs.length > 0 && verbs.every((v) => (verbCategory(v) ?? (DESCRIPTION_READ_VERBS.has(v) ? 'read' : undefined)) === 'read');
  const settles = verbs.some((v) => SETTLE_VERBS.has(v));
  if (onlyReads && !settles) return [];
  const hits: Hit[] = [];
  const seen = new Set<string>();
  words.forEach((w, i) => {
    if (skip.has(i) || seen.has(w.lower)) return;
    const money = MONEY_NOUNS.has(w.lower);
    if (!money && !FINANCIAL_NOUNS.has(w.lower)) return;
    seen.add(w.lower);
    const moves = money || settles;
    const strength: Strength = verbs.length > 0 ? 'strong' : 'weak';
    const signal = `${source}-${moves ? 'money' : 'financial'}-${w.lower}`;
    hits.push({
      start: w.start,
      end: w.end,
      evidence: evidence(source, signal, text.slice(w.start, w.end), 'financial', strength, moves ? 'critical' : undefined),
    });
  });
  return hits;
}

interface Hit {
  start: number;
  end: number;
  evidence: Evidence;
}

function nameEvidence(name: string): Evidence[] {
  const words = splitName(name);
  const verbAt = findNameVerbs(words);
  const verbs = verbAt.flatMap((i) => (words[i] === undefined ? [] : [words[i].lower]));
  const last = words[words.length - 1];
  if (words.length > 1 && last !== undefined && TOPIC_SUFFIXES.has(last.lower) && !verbs.some((v) => verbCategory(v) === 'read')) {
    return [evidence('name', `name-topic-${last.lower}`, last.text, 'read', 'strong')];
  }
  const hits: Hit[] = [];
  const isVerb = new Set(verbAt);
  for (const i of verbAt) {
    const w = words[i];
    if (w === undefined) continue;
    // The object in reading order: the words after the verb, then those before it (`pods_exec`).
    const objects = [...words.slice(i + 1), ...words.slice(0, i)].filter((o) => !isVerb.has(words.indexOf(o)));
    const reading = readVerb(w.lower, objects, 'name');
    if (reading === undefined) continue;
    const object = reading.objectAt === undefined ? undefined : objects[reading.objectAt];
    const start = Math.min(w.start, object?.start ?? w.start);
    const end = Math.max(w.end, object?.end ?? w.end);
    hits.push({ start, end, evidence: evidence('name', reading.signal, name.slice(start, end), reading.category, reading.strength, reading.raises) });
  }
  if (verbAt.length === 0) {
    for (const w of words) {
      if (EXECUTE_NAME_NOUNS.has(w.lower)) {
        hits.push({ start: w.start, end: w.end, evidence: evidence('name', `name-noun-${w.lower}`, w.text, 'execute', 'strong') });
        break;
      }
    }
  }
  if (verbs.some((v) => verbCategory(v) === 'destructive')) {
    words.forEach((w, i) => {
      if (!isVerb.has(i) && BULK_WORDS.has(w.lower)) {
        hits.push({ start: w.start, end: w.end, evidence: evidence('name', `name-scope-${w.lower}`, w.text, 'destructive', 'weak', 'critical') });
      }
    });
  }
  hits.push(...financialNouns('name', words, verbs, isVerb, name));
  return ordered(hits);
}

// ---------------------------------------------------------------------------------------------
// Descriptions.
// ---------------------------------------------------------------------------------------------

/** Where the description's first sentence starts and ends, skipping headings, notices, tags and filler. */
export function leadSentence(description: string): { start: number; end: number } | undefined {
  let at = 0;
  for (;;) {
    const rest = description.slice(at);
    const heading = /^#{1,6}[ \t][^\n]*(?:\n|$)/.exec(rest);
    if (heading) {
      at += heading[0].length;
      continue;
    }
    const space = /^[\s#>*_`|-]+/.exec(rest);
    if (space) {
      at += space[0].length;
      continue;
    }
    const tag = /^\[[^\]\n]{0,80}\]/.exec(rest);
    if (tag) {
      at += tag[0].length;
      continue;
    }
    const notice = NOTICE_LINE.exec(rest);
    if (notice) {
      at += notice[0].length;
      continue;
    }
    const filler = LEAD_FILLER.exec(rest);
    if (filler) {
      at += filler[0].length;
      continue;
    }
    break;
  }
  if (at >= description.length) return undefined;
  const stop = /[.!?](?=\s|$)|\n/.exec(description.slice(at));
  return { start: at, end: stop ? at + stop.index : description.length };
}

/** Base forms to try for a description word (`Deletes` → delete, `Modifies` → modify, `Pushes` → push). */
function stems(w: string): string[] {
  const out = [w];
  if (w.endsWith('ies')) out.push(`${w.slice(0, -3)}y`);
  if (w.endsWith('es')) out.push(w.slice(0, -2));
  if (w.endsWith('s') && !w.endsWith('ss')) out.push(w.slice(0, -1));
  return out;
}

function descriptionVerb(w: string): string | undefined {
  return stems(w).find((s) => verbCategory(s) !== undefined || DESCRIPTION_READ_VERBS.has(s));
}

function wordsIn(text: string, start: number, end: number): Word[] {
  const out: Word[] = [];
  const re = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
  re.lastIndex = start;
  for (let m = re.exec(text); m !== null && m.index < end; m = re.exec(text)) {
    if (m.index + m[0].length > end) break;
    out.push(word(m[0], m.index));
  }
  return out;
}

/** True when one of the `NEGATION_WINDOW` words before `at`, in the same clause, negates. */
function negated(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 60), at);
  const clause = before.split(/[.!?;:\n]/).pop() ?? '';
  if (/\bnon-$/i.test(clause)) return true;
  const words = clause.toLowerCase().match(/[\p{L}'’]+/gu) ?? [];
  return words.slice(-NEGATION_WINDOW).some((w) => NEGATORS.has(w));
}

function descriptionEvidence(description: string): Evidence[] {
  const hits: Hit[] = [];
  const lead = leadSentence(description);
  let leadVerb: readonly [number, number] | undefined;
  if (lead !== undefined) {
    let words = wordsIn(description, lead.start, lead.end);
    // An adverb before the verb (“Permanently delete …”) is skipped; the phrase rules still see it.
    if (words.length > 1 && words[0]?.lower.endsWith('ly') && descriptionVerb(words[1]?.lower ?? '') !== undefined) words = words.slice(1);
    const first = words[0];
    const verb = first === undefined ? undefined : descriptionVerb(first.lower);
    if (first !== undefined && verb !== undefined) {
      leadVerb = [first.start, first.end];
      // The object: the words after the verb, up to punctuation.
      const objects: Word[] = [];
      for (const w of words.slice(1, 1 + OBJECT_WINDOW)) {
        const gap = description.slice((objects[objects.length - 1] ?? first).end, w.start);
        if (/[,;:()[\]{}]/.test(gap)) break;
        objects.push(w);
      }
      const reading = readVerb(verb, objects, 'description');
      if (reading !== undefined) {
        const object = reading.objectAt === undefined ? undefined : objects[reading.objectAt];
        const end = object?.end ?? first.end;
        hits.push({
          start: first.start,
          end,
          evidence: evidence('description', reading.signal, description.slice(first.start, end), reading.category, reading.strength, reading.raises),
        });
      }
      hits.push(...financialNouns('description', words, [verb], new Set([0]), description));
    }
  }
  // Only the leading verb itself is claimed: phrases inside its object (“Run a read-only SQL query”) still count.
  const claimed: Array<readonly [number, number]> = leadVerb === undefined ? [] : [leadVerb];
  for (const rule of DESCRIPTION_PHRASES) {
    for (const m of description.matchAll(rule.pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      if (claimed.some(([s, e]) => start < e && s < end)) continue;
      if (rule.negatable && negated(description, start)) continue;
      claimed.push([start, end]);
      hits.push({ start, end, evidence: evidence('description', rule.id, m[0], rule.category, rule.strength, rule.raises) });
    }
  }
  return ordered(hits);
}

// ---------------------------------------------------------------------------------------------
// Parameters and annotations.
// ---------------------------------------------------------------------------------------------

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Top-level parameter names, in schema order. */
export function parameterNames(tool: Tool): string[] {
  const properties = tool.inputSchema?.['properties'];
  return isRecord(properties) ? Object.keys(properties) : [];
}

function parameterEvidence(tool: Tool): Evidence[] {
  const names = parameterNames(tool);
  const keys = names.map((n) =>
    splitName(n)
      .map((w) => w.lower)
      .join('_'),
  );
  const declared = new Set(keys);
  const out: Evidence[] = [];
  names.forEach((name, i) => {
    const key = keys[i] ?? '';
    const lastWord = key.split('_').pop() ?? '';
    const rule = PARAMETER_RULES.find(
      (r) =>
        (r.names.has(key) || r.lastWords.has(lastWord)) &&
        (r.requiresAlso === undefined || [...r.requiresAlso].some((other) => declared.has(other))),
    );
    if (rule !== undefined) out.push(evidence('parameter', rule.id, name, rule.category, rule.strength, rule.raises));
  });
  return out;
}

function annotationEvidence(tool: Tool): Evidence[] {
  const a = tool.annotations;
  if (a === undefined) return [];
  const out: Evidence[] = [];
  const add = (rule: { id: string; category: Category; strength: Strength }, match: string) =>
    out.push(evidence('annotation', rule.id, match, rule.category, rule.strength));
  if (a.readOnlyHint === true) add(ANNOTATION_RULES.readOnly, 'readOnlyHint: true');
  if (a.readOnlyHint === false) add(ANNOTATION_RULES.notReadOnly, 'readOnlyHint: false');
  if (a.destructiveHint === true) add(ANNOTATION_RULES.destructive, 'destructiveHint: true');
  else if (a.readOnlyHint === false && a.destructiveHint === undefined) {
    add(ANNOTATION_RULES.destructiveDefault, 'readOnlyHint: false, destructiveHint not set');
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

/** By position, then as found; a signal that fires again on the same text is kept once. */
function ordered(hits: Hit[]): Evidence[] {
  const sorted = hits
    .map((h, i) => ({ h, i }))
    .sort((a, b) => a.h.start - b.h.start || a.i - b.i)
    .map(({ h }) => h.evidence);
  const seen = new Set<string>();
  return sorted.filter((e) => {
    const key = `${e.signal}\u0000${e.match.toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Every signal that fires for a tool: name, then description, parameters, annotations. */
export function extractEvidence(tool: Tool): Evidence[] {
  const bySource: Record<EvidenceSource, Evidence[]> = {
    name: nameEvidence(tool.name),
    description: tool.description === undefined ? [] : descriptionEvidence(tool.description),
    parameter: parameterEvidence(tool),
    annotation: annotationEvidence(tool),
  };
  return EVIDENCE_SOURCE_ORDER.flatMap((s) => bySource[s]);
}
