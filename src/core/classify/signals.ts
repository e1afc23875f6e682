/**
 * Signal extraction: reads a tool's name, description, parameter names and annotations and returns
 * every piece of evidence the tables in `rules.ts` recognise, each with the exact text it matched:
 * category evidence, and flag evidence (credential access, permission change, open world, private
 * data). Pure and deterministic; no scoring happens here (see `decide.ts`).
 */
import type { Category, Evidence, EvidenceSource, Flag, FlagEvidence, Risk, Strength, Tool } from '../schema.ts';
import {
  ANNOTATION_FLAG_RULES,
  ANNOTATION_RULES,
  ARTICLES,
  BULK_WORDS,
  CODE_NOUNS,
  COMPOUND_NOUNS,
  DESCRIPTION_PHRASES,
  DESCRIPTION_READ_VERBS,
  EVALUATE_VERBS,
  EXECUTE_NAME_NOUNS,
  EXECUTE_VERBS,
  FINANCIAL_NOUNS,
  FLAG_NOUN_RULES,
  FLAG_PARAMETER_RULES,
  FLAG_PHRASES,
  FLAG_VERBS,
  GENERATE_VERBS,
  IDIOMS,
  INTERFACE_VERBS,
  JOB_NOUNS,
  LEAD_FILLER,
  LIGHT_OBJECTS,
  LOCAL_OBJECTS,
  NAMES_OPERATION,
  ROUTES_OPERATIONS,
  PLACEMENT_WORDS,
  MESSAGE_NOUNS,
  MESSAGE_OBJECT_VERBS,
  OUTBOUND_VERBS,
  MONEY_NOUNS,
  NEGATION_WINDOW,
  NEGATORS,
  NOT_ADVERBS,
  NOTICE_LINE,
  NOUN_LIKE_VERBS,
  OBJECT_STOPS,
  OBJECT_WINDOW,
  PARAMETER_RULES,
  PARAMETER_SAVES_FILE,
  QUERY_NOUNS,
  READ_ONLY_MODIFIERS,
  SETTLE_VERBS,
  STATEFUL_OBJECTS,
  STORED_OBJECTS,
  TEXT_NOUNS,
  TOPIC_SUFFIXES,
  UI_OBJECTS,
  VERB_LINKS,
  verbCategory,
  verbRaises,
  type FlagNounRule,
} from './rules.ts';

/** A word of a name or sentence: its text as written, lowercased, and where it is. */
export interface Word {
  text: string;
  lower: string;
  start: number;
  end: number;
}

/** Everything that fired for a tool: category evidence and flag evidence, each by source, then position. */
export interface Signals {
  evidence: Evidence[];
  flagEvidence: FlagEvidence[];
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

function flagEvidence(source: EvidenceSource, signal: string, match: string, flag: Flag, strength: Strength): FlagEvidence {
  return { source, signal, match, flag, strength };
}

/**
 * Every match of a global pattern, like `matchAll` but without cloning the pattern on each call
 * (measurable on 20,000 tools). `lastIndex` is reset before and after, so the shared pattern is
 * left as it was found.
 */
function allMatches(pattern: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    out.push(m);
    if (m[0] === '') pattern.lastIndex++;
  }
  pattern.lastIndex = 0;
  return out;
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
  for (const run of allMatches(WORD_RUN, name)) {
    const text = run[0];
    const base = run.index;
    // Boundaries inside a run: lower/digit → upper, and the last capital of an acronym before a lowercase.
    let from = 0;
    let prevUpper = isUpper(text.charAt(0));
    for (let i = 1; i < text.length; i++) {
      const curUpper = isUpper(text.charAt(i));
      if (curUpper && (!prevUpper || isLower(text.charAt(i + 1)))) {
        words.push(word(text.slice(from, i), base + from));
        from = i;
      }
      prevUpper = curUpper;
    }
    words.push(word(text.slice(from), base + from));
  }
  return words;
}

const WORD_RUN = /[\p{L}\p{N}]+/gu;

/** `splitName(name)` as lowercase words joined by `_` (`filePath` → file_path), without building words. */
export function nameKey(name: string): string {
  let out = '';
  WORD_RUN.lastIndex = 0;
  for (let run = WORD_RUN.exec(name); run !== null; run = WORD_RUN.exec(name)) {
    const text = run[0];
    let from = 0;
    let prevUpper = isUpper(text.charAt(0));
    for (let i = 1; i < text.length; i++) {
      const curUpper = isUpper(text.charAt(i));
      if (curUpper && (!prevUpper || isLower(text.charAt(i + 1)))) {
        out += `${out === '' ? '' : '_'}${text.slice(from, i).toLowerCase()}`;
        from = i;
      }
      prevUpper = curUpper;
    }
    out += `${out === '' ? '' : '_'}${text.slice(from).toLowerCase()}`;
  }
  WORD_RUN.lastIndex = 0;
  return out;
}

/** An uppercase letter (a code unit; ASCII decided without a string comparison). */
function isUpper(c: string): boolean {
  const code = c.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90;
  return c === c.toUpperCase() && c !== c.toLowerCase();
}

/** A lowercase letter. */
function isLower(c: string): boolean {
  const code = c.charCodeAt(0);
  if (Number.isNaN(code)) return false;
  if (code < 128) return code >= 97 && code <= 122;
  return /\p{Ll}/u.test(c);
}

function word(text: string, start: number): Word {
  return { text, lower: text.toLowerCase(), start, end: start + text.length };
}

/** Indices of words that are part of a two-word noun (`COMPOUND_NOUNS`: `network request`). */
function compoundIndices(words: readonly Word[]): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i + 1 < words.length; i++) {
    if (COMPOUND_NOUNS.has(`${words[i]?.lower ?? ''} ${words[i + 1]?.lower ?? ''}`)) {
      out.add(i);
      out.add(i + 1);
    }
  }
  return out;
}

/**
 * The name's action verbs. The first word when it is a verb (`delete_image_set`); otherwise the
 * first verb after it (`pods_exec`, `admin.tools.list`, `memory_delete_record`). A verb that is as
 * often a noun (`NOUN_LIKE_VERBS`: `schedule_list`, `image_set_get`) yields to another verb, and a
 * word inside a two-word noun (`COMPOUND_NOUNS`: `get_network_request`) is no verb. Verbs linked to
 * the chosen one by and/or count too (`get_or_create`, `build_and_push`).
 */
export function findNameVerbs(words: readonly Word[]): number[] {
  const compound = compoundIndices(words);
  const isVerb = (i: number) => !compound.has(i) && verbCategory(words[i]?.lower ?? '') !== undefined;
  const verbs = words.flatMap((_w, i) => (isVerb(i) ? [i] : []));
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
      isVerb(a) && isVerb(b) && !IDIOMS.has(`${x.lower} ${link.lower} ${y.lower}`)
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

/** True when the words say the code is kept to reads (“read-only SQL”, `readonly`, `read_only`). */
function readOnlyModified(objects: readonly Word[]): boolean {
  return objects.some((w, i) => READ_ONLY_MODIFIERS.has(w.lower) || (w.lower === 'read' && objects[i + 1]?.lower === 'only'));
}

/** The object up to a word that ends it (`OBJECT_STOPS`: “the secret **from** the vault”). */
function objectPhrase(objects: readonly Word[]): readonly Word[] {
  const stop = objects.findIndex((w) => OBJECT_STOPS.has(w.lower));
  return stop < 0 ? objects : objects.slice(0, stop);
}

const GENERATED_NOUNS: ReadonlySet<string> = new Set([...TEXT_NOUNS, ...CODE_NOUNS]);

/** Index of the generated text noun of an object (`TEXT_NOUNS`, code), unless a stored thing follows it. */
function generatedText(objects: readonly Word[]): number | undefined {
  const phrase = objectPhrase(objects);
  const at = nounRun(phrase, GENERATED_NOUNS);
  if (at === undefined || STORED_OBJECTS.has(phrase[at + 1]?.lower ?? '')) return undefined;
  return at;
}

/**
 * What a verb means given its object words (in reading order): run/execute/evaluate depend on
 * whether the object is code (read-only code reads), a query or a defined job; generate reads when
 * it produces text; a destructive verb on a light object (tags) writes; `post` reaches people only
 * with a message.
 */
function readVerb(verb: string, objects: readonly Word[], prefix: 'name' | 'description', context: readonly Word[] = objects): VerbReading | undefined {
  if (EXECUTE_VERBS.has(verb) || EVALUATE_VERBS.has(verb)) {
    const code = nounRun(objects, CODE_NOUNS);
    if (code !== undefined) {
      if (readOnlyModified(context)) return { signal: `${prefix}-verb-${verb}-read-only`, category: 'read', strength: 'strong', objectAt: code };
      return { signal: `${prefix}-verb-${verb}`, category: 'execute', strength: 'strong', objectAt: code };
    }
    const query = nounRun(objects, QUERY_NOUNS);
    if (query !== undefined) return { signal: `${prefix}-verb-${verb}-query`, category: 'read', strength: 'weak', objectAt: query };
    if (EVALUATE_VERBS.has(verb)) return undefined;
    const job = nounRun(objects, JOB_NOUNS);
    if (job !== undefined) return { signal: `${prefix}-verb-${verb}-job`, category: 'write', strength: 'strong', objectAt: job };
    return { signal: `${prefix}-verb-${verb}`, category: 'execute', strength: 'weak' };
  }
  if (GENERATE_VERBS.has(verb)) {
    const text = generatedText(objects);
    if (text !== undefined) return { signal: `${prefix}-verb-${verb}-text`, category: 'read', strength: 'strong', objectAt: text };
  }
  const stateful = Object.hasOwn(STATEFUL_OBJECTS, verb) ? STATEFUL_OBJECTS[verb] : undefined;
  if (stateful !== undefined) {
    const at = nounRun(objectPhrase(objects), stateful);
    if (at !== undefined) return { signal: `${prefix}-verb-${verb}-state`, category: 'write', strength: 'strong', objectAt: at };
  }
  if (INTERFACE_VERBS.has(verb)) {
    const ui = nounRun(objects, UI_OBJECTS);
    if (ui !== undefined) return { signal: `${prefix}-verb-${verb}-ui`, category: 'write', strength: 'strong', objectAt: ui };
    // “Drop files … onto an element”: what is put onto something is placed, whatever the object.
    if (context.some((w) => PLACEMENT_WORDS.has(w.lower))) return { signal: `${prefix}-verb-${verb}-ui`, category: 'write', strength: 'strong' };
  }
  const category = verbCategory(verb) ?? (prefix === 'description' && DESCRIPTION_READ_VERBS.has(verb) ? 'read' : undefined);
  if (category === undefined) return undefined;
  // The object's first word past articles (“Remove **tags** from …”, `send_**keys**`).
  const first = objects.findIndex((w) => !ARTICLES.has(w.lower));
  const object = objects[first];
  let raises = verbRaises(verb);
  if (raises !== undefined && MESSAGE_OBJECT_VERBS.has(verb) && !objects.some((w) => MESSAGE_NOUNS.has(w.lower))) raises = undefined;
  if (raises !== undefined && OUTBOUND_VERBS.has(verb) && object !== undefined && LOCAL_OBJECTS.has(object.lower)) raises = undefined;
  if (category === 'destructive' && raises === undefined) {
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

/** A verb's category, counting the description-only read verbs (`Returns …`). */
function anyVerbCategory(verb: string): Category | undefined {
  return verbCategory(verb) ?? (DESCRIPTION_READ_VERBS.has(verb) ? 'read' : undefined);
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
  const onlyReads = verbs.length > 0 && verbs.every((v) => anyVerbCategory(v) === 'read');
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

/** A piece of evidence and where in the text it matched. */
interface Hit<E = Evidence> {
  start: number;
  end: number;
  evidence: E;
}

type FlagHit = Hit<FlagEvidence>;

/** Which flag noun rules each pair and each word belongs to, in table order. */
function nounIndex(of: (rule: FlagNounRule) => ReadonlySet<string>): ReadonlyMap<string, readonly FlagNounRule[]> {
  const map = new Map<string, FlagNounRule[]>();
  for (const rule of FLAG_NOUN_RULES) for (const key of of(rule)) map.set(key, [...(map.get(key) ?? []), rule]);
  return map;
}
const FLAG_NOUN_PAIRS = nounIndex((r) => r.pairs);
const FLAG_NOUN_WORDS = nounIndex((r) => r.words);

/**
 * Flag nouns among `words` (a name's words, or a description's lead object), acted on by `verbs`:
 * pairs first (`api key`), then single words; each word fires at most one rule.
 */
function flagNouns(source: 'name' | 'description', words: readonly Word[], verbs: readonly string[], skip: ReadonlySet<number>, text: string): FlagHit[] {
  const categories = verbs.map(anyVerbCategory);
  const reads = categories.some((c) => c === 'read');
  const changes = categories.some((c) => c !== undefined && c !== 'read');
  const strengthFor = (rule: FlagNounRule): Strength | undefined => {
    if (rule.verbs === 'any') return rule.strength;
    if (rule.verbs === 'read') return reads ? rule.strength : undefined;
    if (changes) return rule.strength;
    return verbs.length === 0 ? 'weak' : undefined;
  };
  const used = new Set<number>(skip);
  const hits: FlagHit[] = [];
  const fire = (rule: FlagNounRule, from: number, to: number) => {
    const first = words[from];
    const last = words[to];
    if (first === undefined || last === undefined) return false;
    if (rule.notAfter?.has(words[from - 1]?.lower ?? '') === true || rule.notBefore?.has(words[to + 1]?.lower ?? '') === true) return false;
    const strength = strengthFor(rule);
    if (strength === undefined) return false;
    const key = words.slice(from, to + 1).map((w) => w.lower).join('-');
    hits.push({ start: first.start, end: last.end, evidence: flagEvidence(source, `${source}-${rule.id}-${key}`, text.slice(first.start, last.end), rule.flag, strength) });
    for (let k = from; k <= to; k++) used.add(k);
    return true;
  };
  // Pairs before single words, and within each, rules in table order (`FLAG_NOUN_PAIRS`, `FLAG_NOUN_WORDS`).
  const pairAt: Array<readonly [number, readonly FlagNounRule[]]> = [];
  for (let i = 0; i + 1 < words.length; i++) {
    const rules = FLAG_NOUN_PAIRS.get(`${words[i]?.lower ?? ''} ${words[i + 1]?.lower ?? ''}`);
    if (rules !== undefined) pairAt.push([i, rules]);
  }
  for (const rule of FLAG_NOUN_RULES) {
    for (const [i, rules] of pairAt) if (rules.includes(rule) && !used.has(i) && !used.has(i + 1)) fire(rule, i, i + 1);
  }
  const wordAt: Array<readonly [number, readonly FlagNounRule[]]> = [];
  words.forEach((w, i) => {
    const rules = FLAG_NOUN_WORDS.get(w.lower);
    if (rules !== undefined) wordAt.push([i, rules]);
  });
  for (const rule of FLAG_NOUN_RULES) {
    for (const [i, rules] of wordAt) if (rules.includes(rule) && !used.has(i)) fire(rule, i, i);
  }
  return hits;
}

/** Flags a verb establishes by itself (`grant`, `scrape`). */
function flagVerb(source: 'name' | 'description', verb: string, w: Word): FlagHit[] {
  const rule = FLAG_VERBS[verb];
  if (rule === undefined || !Object.hasOwn(FLAG_VERBS, verb)) return [];
  return [{ start: w.start, end: w.end, evidence: flagEvidence(source, `${source}-${rule.flag}-${verb}`, w.text, rule.flag, rule.strength) }];
}

function nameSignals(name: string): { evidence: Evidence[]; flags: FlagEvidence[] } {
  const words = splitName(name);
  const verbAt = findNameVerbs(words);
  const verbs = verbAt.flatMap((i) => (words[i] === undefined ? [] : [words[i].lower]));
  const isVerb = new Set(verbAt);
  const flagHits: FlagHit[] = flagNouns('name', words, verbs, isVerb, name);
  for (const i of verbAt) {
    const w = words[i];
    if (w !== undefined) flagHits.push(...flagVerb('name', w.lower, w));
  }
  const flags = ordered(flagHits);

  const last = words[words.length - 1];
  if (words.length > 1 && last !== undefined && TOPIC_SUFFIXES.has(last.lower) && !verbs.some((v) => verbCategory(v) === 'read')) {
    return { evidence: [evidence('name', `name-topic-${last.lower}`, last.text, 'read', 'strong')], flags: [] };
  }
  const hits: Hit[] = [];
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
  return { evidence: ordered(hits), flags };
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
  return stems(w).find((s) => anyVerbCategory(s) !== undefined);
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

/**
 * The leading verbs of a lead sentence: the first word, and verbs coordinated with it by commas or
 * and/or (“List, create, close, or select a browser tab”). A coordinated word must have the first
 * verb's form (bare, or ending in -s like “Lists”) and must not be a noun-like verb, so “Lists
 * tags, labels” stays one verb.
 */
function leadVerbs(description: string, words: readonly Word[]): Array<{ at: number; verb: string }> {
  const first = words[0];
  const verb = first === undefined ? undefined : descriptionVerb(first.lower);
  if (first === undefined || verb === undefined) return [];
  if (COMPOUND_NOUNS.has(`${first.lower} ${words[1]?.lower ?? ''}`)) return [];
  const bare = verb === first.lower;
  const out = [{ at: 0, verb }];
  const coordinated = (w: Word | undefined): string | undefined => {
    if (w === undefined || NOUN_LIKE_VERBS.has(w.lower)) return undefined;
    if (bare) return anyVerbCategory(w.lower) !== undefined ? w.lower : undefined;
    if (!w.lower.endsWith('s')) return undefined;
    const v = descriptionVerb(w.lower);
    return v !== undefined && v !== w.lower ? v : undefined;
  };
  let j = 0;
  for (;;) {
    const here = words[j];
    const next = words[j + 1];
    if (here === undefined || next === undefined) break;
    const gap = description.slice(here.end, next.start);
    if (/^\s*[,/]\s*$/.test(gap)) {
      const v = coordinated(next);
      if (v !== undefined) {
        out.push({ at: j + 1, verb: v });
        j += 1;
        continue;
      }
    }
    const after = words[j + 2];
    if (VERB_LINKS.has(next.lower) && /^[\s,]*$/.test(gap) && after !== undefined && /^\s+$/.test(description.slice(next.end, after.start))) {
      const v = coordinated(after);
      if (v !== undefined && !IDIOMS.has(`${here.lower} ${next.lower} ${after.lower}`)) {
        out.push({ at: j + 2, verb: v });
        j += 2;
        continue;
      }
    }
    break;
  }
  return out;
}

/** A table of phrase rules as one pattern, each rule one capture group: one pass over a description finds them all. */
interface PhraseScan<R> {
  rules: readonly R[];
  pattern: RegExp;
}

function phraseScan<R extends { pattern: RegExp }>(rules: readonly R[]): PhraseScan<R> {
  // Every phrase starts a word with a letter: saying so up front lets the engine skip the rest (a third faster).
  const pattern = new RegExp(`\\b(?=[a-z])(?:${rules.map((r) => `(${r.pattern.source})`).join('|')})`, 'gi');
  // Each rule must add exactly one group, or the group index would not name the rule.
  const groups = new RegExp(`${pattern.source}|`).exec('')?.length ?? 0;
  if (groups !== rules.length + 1) throw new Error('a phrase pattern has a capturing group; use (?:…)');
  return { rules, pattern };
}

/**
 * Calls `found` for each match of a phrase table, leftmost first (at one position, the earlier
 * rule). A match's span is not searched again, so overlapping phrases count once, as the table
 * orders them. `lastIndex` is reset before and after, so the shared pattern is left as found.
 */
function eachPhrase<R>(scan: PhraseScan<R>, text: string, found: (rule: R, m: RegExpExecArray) => void): void {
  const { pattern, rules } = scan;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (m[0] === '') {
      pattern.lastIndex++;
      continue;
    }
    const at = m.findIndex((g, i) => i > 0 && g !== undefined);
    const rule = rules[at - 1];
    if (rule !== undefined) found(rule, m);
  }
  pattern.lastIndex = 0;
}

const CATEGORY_PHRASES = phraseScan(DESCRIPTION_PHRASES);
const FLAG_PHRASE_SCAN = phraseScan(FLAG_PHRASES);

/** Punctuation that ends a verb's object within a lead sentence, and anywhere in a description. */
const CLAUSE_STOPS = /[,;:()[\]{}]/;
const SENTENCE_STOPS = /[,;:.!?()[\]{}]/;

/** The object of the verb at `at`: up to `OBJECT_WINDOW` words after it, ended by `stops` between words. */
function objectAfter(description: string, words: readonly Word[], at: number, stops: RegExp): Word[] {
  const objects: Word[] = [];
  for (const w of words.slice(at + 1, at + 1 + OBJECT_WINDOW)) {
    if (stops.test(description.slice((objects[objects.length - 1] ?? words[at] ?? w).end, w.start))) break;
    objects.push(w);
  }
  return objects;
}

/** The verb of a gerund (`listing` → list, `creating` → create, `running` → run), unless it is as often a noun. */
function gerundVerb(w: string): string | undefined {
  if (w.length < 6 || !w.endsWith('ing')) return undefined;
  const base = w.slice(0, -3);
  const candidates = [base, `${base}e`];
  if (base.length > 2 && base[base.length - 1] === base[base.length - 2]) candidates.push(base.slice(0, -1));
  return candidates.find((v) => verbCategory(v) !== undefined && !NOUN_LIKE_VERBS.has(v));
}

/**
 * The operations a command router's description lists (“Includes operations for listing,
 * creating, updating, and deleting workbooks”): each gerund once, read with its object like a lead
 * verb (“executing SQL queries” runs code). Only for a tool whose `command` parameter names its
 * operations (`param-subcommand`): such a tool does whatever its operations do.
 */
function operationHits(description: string): Hit[] {
  const words = wordsIn(description, 0, description.length);
  const seen = new Set<string>();
  const out: Hit[] = [];
  words.forEach((w, i) => {
    const verb = gerundVerb(w.lower);
    if (verb === undefined || seen.has(verb) || negated(description, w.start)) return;
    const objects = objectAfter(description, words, i, SENTENCE_STOPS);
    const reading = readVerb(verb, objects, 'description');
    if (reading === undefined) return;
    seen.add(verb);
    const object = reading.objectAt === undefined ? undefined : objects[reading.objectAt];
    const end = object?.end ?? w.end;
    const signal = reading.signal.replace(/^description-verb-/, 'description-operation-');
    out.push({ start: w.start, end, evidence: evidence('description', signal, description.slice(w.start, end), reading.category, reading.strength, reading.raises) });
  });
  // The tool does all of its operations: its reads do not contest the others (a router that lists
  // and deletes is not “only reading”), so they count only when every operation reads.
  const acts = out.some((h) => h.evidence.category !== 'read');
  return acts ? out.filter((h) => h.evidence.category !== 'read') : out;
}

function descriptionSignals(description: string, routes = false): { evidence: Evidence[]; flags: FlagEvidence[] } {
  const hits: Hit[] = [];
  const flagHits: FlagHit[] = [];
  const lead = leadSentence(description);
  const claimed: Array<readonly [number, number]> = [];
  // Flag verbs of the lead (“Navigate”) yield to a phrase that contains them (“Navigate to a URL”).
  const leadFlagVerbs: FlagHit[] = [];
  if (lead !== undefined) {
    let words = wordsIn(description, lead.start, lead.end);
    // An adverb before the verb (“Permanently delete …”) is skipped; the phrase rules still see it.
    const adverb = words[0]?.lower ?? '';
    if (words.length > 1 && adverb.endsWith('ly') && !NOT_ADVERBS.has(adverb) && descriptionVerb(words[1]?.lower ?? '') !== undefined) words = words.slice(1);
    const verbs = leadVerbs(description, words);
    const lastVerb = verbs[verbs.length - 1];
    if (lastVerb !== undefined) {
      // The object: the words after the last leading verb, up to punctuation.
      const objects = objectAfter(description, words, lastVerb.at, CLAUSE_STOPS);
      for (const { at, verb } of verbs) {
        const w = words[at];
        if (w === undefined) continue;
        // Only the leading verbs themselves are claimed: phrases inside the object (“Run a read-only SQL query”) still count.
        claimed.push([w.start, w.end]);
        // The whole lead sentence may keep the code to reads: “Run SQL queries against MySQL (READ-ONLY)”.
        const reading = readVerb(verb, objects, 'description', words);
        if (reading !== undefined) {
          const object = reading.objectAt === undefined ? undefined : objects[reading.objectAt];
          const end = object?.end ?? w.end;
          hits.push({
            start: w.start,
            end,
            evidence: evidence('description', reading.signal, description.slice(w.start, end), reading.category, reading.strength, reading.raises),
          });
        }
        leadFlagVerbs.push(...flagVerb('description', verb, w));
      }
      const verbNames = verbs.map((v) => v.verb);
      flagHits.push(...flagNouns('description', objectPhrase(objects), verbNames, new Set(), description));
      hits.push(...financialNouns('description', words, verbNames, new Set(verbs.map((v) => v.at)), description));
    }
  }
  if (routes) {
    for (const h of operationHits(description)) {
      if (claimed.some(([s, e]) => h.start < e && s < h.end)) continue;
      claimed.push([h.start, h.end]);
      hits.push(h);
    }
  }
  eachPhrase(CATEGORY_PHRASES, description, (rule, m) => {
    const start = m.index;
    const end = start + m[0].length;
    const overlaps = (s: number, e: number) => start < e && s < end;
    if (rule.negatable && negated(description, start)) return;
    if (claimed.some(([s, e]) => overlaps(s, e))) {
      // A phrase that says more than the read verb it contains replaces that verb's reading:
      // “Download a remote file to local disk” writes, whatever “Download” alone would mean.
      const verbHits = hits.filter((h) => overlaps(h.start, h.end));
      const saysMore = (h: Hit) => h.evidence.category === 'read' && start <= h.start && end > h.end;
      if (rule.category === 'read' || verbHits.length === 0 || !verbHits.every(saysMore)) return;
      for (const h of verbHits) hits.splice(hits.indexOf(h), 1);
    }
    claimed.push([start, end]);
    hits.push({ start, end, evidence: evidence('description', rule.id, m[0], rule.category, rule.strength, rule.raises) });
  });
  const flagClaimed = flagHits.map((h) => [h.start, h.end] as const);
  eachPhrase(FLAG_PHRASE_SCAN, description, (rule, m) => {
    const start = m.index;
    const end = start + m[0].length;
    if (flagClaimed.some(([s, e]) => start < e && s < end)) return;
    if (negated(description, start)) return;
    flagClaimed.push([start, end]);
    flagHits.push({ start, end, evidence: flagEvidence('description', rule.id, m[0], rule.flag, rule.strength) });
  });
  for (const h of leadFlagVerbs) if (!flagClaimed.some(([s, e]) => h.start < e && s < h.end)) flagHits.push(h);
  return { evidence: ordered(hits), flags: ordered(flagHits) };
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

/** True when a parameter's description says the tool writes a file there; a cheap word check first. */
function savesFile(description: string | undefined): boolean {
  return description !== undefined && SAVE_WORDS.test(description) && PARAMETER_SAVES_FILE.test(description);
}
const SAVE_WORDS = /sav|writ|export|download|output|destination/i;

/** Last words of a parameter that names a place on disk: only those are read for `PARAMETER_SAVES_FILE`. */
const PATH_WORDS: ReadonlySet<string> = new Set(['path', 'paths', 'file', 'filename', 'dir', 'directory', 'folder', 'location', 'destination', 'dest', 'to', 'output']);

/** True when a parameter names one of the tool's operations (`ParameterRule.namesOperation`). */
function namesOperation(tool: Tool, name: string): boolean {
  const schema = parameterSchema(tool, name);
  if (isRecord(schema) && (Array.isArray(schema['enum']) || Object.hasOwn(schema, 'const'))) return true;
  return NAMES_OPERATION.test(parameterDescription(tool, name) ?? '') || ROUTES_OPERATIONS.test(tool.description ?? '');
}

/** A top-level parameter's schema, if it has one. */
function parameterSchema(tool: Tool, name: string): unknown {
  const properties = tool.inputSchema?.['properties'];
  return isRecord(properties) && Object.hasOwn(properties, name) ? properties[name] : undefined;
}

/** A top-level parameter's own `description`, if it has a string one. */
function parameterDescription(tool: Tool, name: string): string | undefined {
  const schema = parameterSchema(tool, name);
  const description = isRecord(schema) ? schema['description'] : undefined;
  return typeof description === 'string' ? description : undefined;
}

interface RuleKeys {
  names: ReadonlySet<string>;
  lastWords: ReadonlySet<string>;
  pattern?: RegExp;
}

/**
 * The rules a parameter key matches, in table order: by whole name, by last word, or by pattern.
 * Built once per table, so a parameter costs two map lookups and the few pattern tests.
 */
function ruleIndex<R extends RuleKeys>(rules: readonly R[]): (key: string, lastWord: string) => R[] {
  const byName = new Map<string, number[]>();
  const byLast = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, k: string, i: number) => map.set(k, [...(map.get(k) ?? []), i]);
  rules.forEach((r, i) => {
    for (const n of r.names) add(byName, n, i);
    for (const w of r.lastWords) add(byLast, w, i);
  });
  const patterned = rules.flatMap((r, i) => (r.pattern === undefined ? [] : [i]));
  const none: R[] = [];
  return (key, lastWord) => {
    const named = byName.get(key);
    const last = byLast.get(lastWord);
    let matched: number[] | undefined;
    for (const i of patterned) if (rules[i]?.pattern?.test(key) === true) (matched ??= []).push(i);
    if (named === undefined && last === undefined && matched === undefined) return none;
    const hits = new Set<number>([...(named ?? []), ...(last ?? []), ...(matched ?? [])]);
    return [...hits].sort((a, b) => a - b).flatMap((i) => (rules[i] === undefined ? [] : [rules[i]]));
  };
}

const parameterRulesFor = ruleIndex(PARAMETER_RULES);
const flagParameterRulesFor = ruleIndex(FLAG_PARAMETER_RULES);

function parameterSignals(tool: Tool): { evidence: Evidence[]; flags: FlagEvidence[] } {
  const names = parameterNames(tool);
  const keys = names.map(nameKey);
  const declared = new Set(keys);
  const out: Evidence[] = [];
  const flags: FlagEvidence[] = [];
  names.forEach((name, i) => {
    const key = keys[i] ?? '';
    const cut = key.lastIndexOf('_');
    const lastWord = key.slice(cut + 1);
    const rule = parameterRulesFor(key, lastWord).find(
      (r) =>
        (r.requiresAlso === undefined || [...r.requiresAlso].some((other) => declared.has(other))) &&
        (r.namesOperation !== true || namesOperation(tool, name)),
    );
    if (rule !== undefined) out.push(evidence('parameter', rule.id, name, rule.category, rule.strength, rule.raises));
    else if (PATH_WORDS.has(lastWord) && savesFile(parameterDescription(tool, name))) out.push(evidence('parameter', 'param-saves-file', name, 'write', 'strong'));
    const flagRules = flagParameterRulesFor(key, lastWord);
    if (flagRules.length === 0) return;
    const fired = new Set<Flag>();
    const beforeLast = cut < 0 ? '' : key.slice(key.lastIndexOf('_', cut - 1) + 1, cut);
    for (const r of flagRules) {
      if (fired.has(r.flag) || (r.notAfter?.has(beforeLast) === true && !r.names.has(key))) continue;
      fired.add(r.flag);
      flags.push(flagEvidence('parameter', r.id, name, r.flag, r.strength));
    }
  });
  return { evidence: out, flags };
}

function annotationSignals(tool: Tool): { evidence: Evidence[]; flags: FlagEvidence[] } {
  const a = tool.annotations;
  if (a === undefined) return { evidence: [], flags: [] };
  const out: Evidence[] = [];
  const add = (rule: { id: string; category: Category; strength: Strength }, match: string) =>
    out.push(evidence('annotation', rule.id, match, rule.category, rule.strength));
  if (a.readOnlyHint === true) add(ANNOTATION_RULES.readOnly, 'readOnlyHint: true');
  if (a.readOnlyHint === false) add(ANNOTATION_RULES.notReadOnly, 'readOnlyHint: false');
  if (a.destructiveHint === true) add(ANNOTATION_RULES.destructive, 'destructiveHint: true');
  else if (a.readOnlyHint === false && a.destructiveHint === undefined) {
    add(ANNOTATION_RULES.destructiveDefault, 'readOnlyHint: false, destructiveHint not set');
  }
  const flags: FlagEvidence[] = [];
  const open = ANNOTATION_FLAG_RULES.openWorld;
  if (a.openWorldHint === true) flags.push(flagEvidence('annotation', open.id, 'openWorldHint: true', open.flag, open.strength));
  return { evidence: out, flags };
}

// ---------------------------------------------------------------------------------------------

/**
 * By position, then as found; a signal that fires again on the same text is kept once. Used for
 * category evidence and flag evidence alike.
 */
function ordered<E extends { signal: string; match: string }>(hits: ReadonlyArray<Hit<E>>): E[] {
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

/** Every signal that fires for a tool, category and flag evidence: name, then description, parameters, annotations. */
export function extractSignals(tool: Tool): Signals {
  const parameter = parameterSignals(tool);
  const routes = parameter.evidence.some((e) => e.signal === 'param-subcommand');
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
