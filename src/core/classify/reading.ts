/**
 * What names and descriptions share: words, the evidence they make, and how a verb reads with its
 * object (`readVerb`), which nouns set flags (`flagNouns`) or make a tool financial
 * (`financialNouns`). Pure; the per-source modules (`name.ts`, `description.ts`) call these.
 */
import type { Category, Evidence, EvidenceKind, EvidenceSource, Flag, FlagEvidence, Operation, Risk, Strength, VerbReadingKind } from '../schema.ts';
import {
  ARTICLES,
  CODE_NOUNS,
  FINANCIAL_NOUNS,
  FLAG_NOUN_RULES,
  FLAG_VERBS,
  JOB_NOUNS,
  LIGHT_OBJECTS,
  LOCAL_OBJECTS,
  MESSAGE_NOUNS,
  MONEY_NOUNS,
  OBJECT_STOPS,
  PLACEMENT_WORDS,
  QUERY_NOUNS,
  REPORT_NOUNS,
  READ_ONLY_MODIFIERS,
  STORED_OBJECTS,
  TEXT_NOUNS,
  UI_OBJECTS,
  verbEntry,
  type FlagNounRule,
} from './lexicon.ts';

/** A word of a name or sentence: its text as written, lowercased, and where it is. */
export interface Word {
  text: string;
  lower: string;
  start: number;
  end: number;
}

export function word(text: string, start: number): Word {
  return { text, lower: text.toLowerCase(), start, end: start + text.length };
}

/** The fields of a piece of evidence; optional ones left out when undefined. */
export interface EvidenceFields {
  source: EvidenceSource;
  kind: EvidenceKind;
  signal: string;
  match: string;
  category: Category;
  strength: Strength;
  raises?: Risk | undefined;
  verb?: string | undefined;
  reading?: VerbReadingKind | undefined;
}

export function evidence(f: EvidenceFields): Evidence {
  const e: Evidence = { source: f.source, kind: f.kind, signal: f.signal, match: f.match, category: f.category, strength: f.strength };
  if (f.raises !== undefined) e.raises = f.raises;
  if (f.verb !== undefined) e.verb = f.verb;
  if (f.reading !== undefined) e.reading = f.reading;
  return e;
}

export function flagEvidence(source: EvidenceSource, signal: string, match: string, flag: Flag, strength: Strength): FlagEvidence {
  return { source, signal, match, flag, strength };
}

/** A piece of evidence and where in the text it matched. */
export interface Hit<E = Evidence> {
  start: number;
  end: number;
  evidence: E;
}

export type FlagHit = Hit<FlagEvidence>;

/**
 * Every match of a global pattern, like `matchAll` but without cloning the pattern on each call
 * (measurable on 20,000 tools). `lastIndex` is reset before and after, so the shared pattern is
 * left as it was found.
 */
export function allMatches(pattern: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    out.push(m);
    if (m[0] === '') pattern.lastIndex++;
  }
  pattern.lastIndex = 0;
  return out;
}

/**
 * By position, then as found; a signal that fires again on the same text is kept once. Used for
 * category evidence and flag evidence alike.
 */
export function ordered<E extends { signal: string; match: string }>(hits: ReadonlyArray<Hit<E>>): E[] {
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

// ---------------------------------------------------------------------------------------------
// A verb and its object.
// ---------------------------------------------------------------------------------------------

/** How a verb reads with its object. */
export interface VerbReading {
  /** The signal id, for display: `<source>-verb-<verb>[-<reading or object>]`. */
  signal: string;
  verb: string;
  category: Category;
  strength: Strength;
  raises?: Risk;
  /** Set when the object changed the verb's plain meaning. */
  reading?: VerbReadingKind;
  /** Index of the object word that decided the reading, if one did. */
  objectAt?: number;
}

/** True when the words say the code is kept to reads (“read-only SQL”, `readonly`, `read_only`). */
function readOnlyModified(objects: readonly Word[]): boolean {
  return objects.some((w, i) => READ_ONLY_MODIFIERS.has(w.lower) || (w.lower === 'read' && objects[i + 1]?.lower === 'only'));
}

/** The object up to a word that ends it (`OBJECT_STOPS`: “the secret **from** the vault”). */
export function objectPhrase(objects: readonly Word[]): readonly Word[] {
  const stop = objects.findIndex((w) => OBJECT_STOPS.has(w.lower));
  return stop < 0 ? objects : objects.slice(0, stop);
}

const GENERATED_NOUNS: ReadonlySet<string> = new Set([...TEXT_NOUNS, ...CODE_NOUNS]);

/** Index of the generated text noun of an object (`TEXT_NOUNS`, code), unless a stored thing follows it. */
function generatedText(objects: readonly Word[]): number | undefined {
  const phrase = objectPhrase(objects);
  const at = nounRun(phrase, GENERATED_NOUNS);
  if (at === undefined || STORED_OBJECTS.has(phrase[at + 1]?.lower ?? '')) return undefined;
  // An upload or signed URL is a grant of access the far side issues, not text (“Generate an upload URL”).
  if (ACCESS_URLS.has(phrase[at]?.lower ?? '') && phrase.slice(0, at).some((w) => ACCESS_GRANTS.has(w.lower))) return undefined;
  return at;
}

/** Nouns of an address that can carry a grant of access. */
const ACCESS_URLS: ReadonlySet<string> = new Set(['url', 'urls', 'uri', 'link', 'links']);

/** Words that make such an address a grant (“upload URL”, “presigned URL”, “invite link”). */
const ACCESS_GRANTS: ReadonlySet<string> = new Set(['upload', 'signed', 'presigned', 'pre-signed', 'invite', 'invitation', 'share', 'sharing', 'access']);

/** Index of the last word of the first run of `nouns` in `objects` (“a shell command” → command). */
export function nounRun(objects: readonly Word[], nouns: ReadonlySet<string>): number | undefined {
  const first = objects.findIndex((w) => nouns.has(w.lower));
  if (first < 0) return undefined;
  let last = first;
  while (objects[last + 1] !== undefined && nouns.has(objects[last + 1]?.lower ?? '')) last++;
  return last;
}

/**
 * What a verb means given its object words (in reading order), by what its row says it needs
 * (`ObjectNeed` in `lexicon.ts`): run/execute/evaluate depend on whether the object is code
 * (read-only code reads), a query or a defined job; generate reads when it produces text; a
 * destructive verb on a light object (tags) writes; `post` reaches people only with a message.
 */
export function readVerb(
  verb: string,
  objects: readonly Word[],
  prefix: 'name' | 'description',
  context: readonly Word[] = objects,
): VerbReading | undefined {
  const row = verbEntry(verb, prefix === 'description');
  if (row === undefined) return undefined;
  const base = `${prefix}-verb-${verb}`;
  const read = (reading: VerbReadingKind, category: Category, strength: Strength, objectAt?: number): VerbReading => {
    const r: VerbReading = { signal: `${base}-${reading}`, verb, category, strength, reading };
    if (objectAt !== undefined) r.objectAt = objectAt;
    return r;
  };
  const need = row.needsObject;
  if (need === 'runnable' || need === 'code') {
    // What is run is the object up to its first preposition: “Runs a collection **with** test results” runs a collection.
    const run = objectPhrase(objects);
    const code = nounRun(run, CODE_NOUNS);
    if (code !== undefined) {
      if (readOnlyModified(context)) return read('read-only', 'read', 'strong', code);
      return { signal: base, verb, category: 'execute', strength: 'strong', objectAt: code };
    }
    const finding = nounRun(run, REPORT_NOUNS);
    const query = nounRun(run, QUERY_NOUNS);
    if (query !== undefined && (finding === undefined || query < finding)) return read('query', 'read', 'weak', query);
    if (finding !== undefined) return read('query', 'read', 'strong', finding);
    if (need === 'code') return undefined;
    const job = nounRun(run, JOB_NOUNS);
    if (job !== undefined) return read('job', 'write', 'strong', job);
    return { signal: base, verb, category: 'execute', strength: 'weak' };
  }
  if (need === 'text') {
    const text = generatedText(objects);
    if (text !== undefined) return read('text', 'read', 'strong', text);
  }
  if (row.changesStateOf !== undefined) {
    const at = nounRun(objectPhrase(objects), row.changesStateOf);
    if (at !== undefined) return read('state', 'write', 'strong', at);
  }
  if (need === 'ui') {
    const ui = nounRun(objects, UI_OBJECTS);
    if (ui !== undefined) return read('ui', 'write', 'strong', ui);
    // “Drop files … onto an element”: what is put onto something is placed, whatever the object.
    if (context.some((w) => PLACEMENT_WORDS.has(w.lower))) return read('ui', 'write', 'strong');
  }
  const category = row.category;
  // The object's first word past articles (“Remove **tags** from …”, `send_**keys**`).
  const first = objects.findIndex((w) => !ARTICLES.has(w.lower));
  const object = objects[first];
  let raises = row.raises;
  if (raises !== undefined && need === 'message' && !objects.some((w) => MESSAGE_NOUNS.has(w.lower))) raises = undefined;
  if (raises === 'high' && category === 'write' && object !== undefined && LOCAL_OBJECTS.has(object.lower)) raises = undefined;
  if (row.detaches === true && raises === undefined && object !== undefined && LIGHT_OBJECTS.has(object.lower)) {
    return { signal: `${base}-${object.lower}`, verb, category: 'write', strength: 'strong', reading: 'light', objectAt: first };
  }
  const reading: VerbReading = { signal: base, verb, category, strength: 'strong' };
  if (raises !== undefined) reading.raises = raises;
  return reading;
}

/** The evidence of a verb reading, matched from the verb to its deciding object. */
export function verbHit(
  source: 'name' | 'description',
  kind: 'verb' | 'operation',
  reading: VerbReading,
  text: string,
  start: number,
  end: number,
): Hit {
  const signal = kind === 'operation' ? reading.signal.replace(/^description-verb-/, 'description-operation-') : reading.signal;
  return {
    start,
    end,
    evidence: evidence({
      source,
      kind,
      signal,
      match: text.slice(start, end),
      category: reading.category,
      strength: reading.strength,
      raises: reading.raises,
      verb: reading.verb,
      reading: reading.reading,
    }),
  };
}

/**
 * The evidence of a tool's operations: it does all of them, so its reads do not contest the others
 * (a router that lists and deletes is not “only reading”); they count only when every operation reads.
 */
export function riskiestOperations<E extends { category: Category }>(operations: readonly E[]): E[] {
  const acts = operations.some((o) => o.category !== 'read');
  return acts ? operations.filter((o) => o.category !== 'read') : [...operations];
}

/** An operation of a piece of verb evidence. */
export function operationOf(e: Evidence): Operation {
  return { verb: e.verb ?? e.match.toLowerCase(), category: e.category, source: e.source, match: e.match };
}

/** A verb's category, counting the description-only read verbs (`Returns …`). */
export function anyVerbCategory(verb: string): Category | undefined {
  return verbEntry(verb, true)?.category;
}

// ---------------------------------------------------------------------------------------------
// Nouns that decide by themselves: money, and flag nouns.
// ---------------------------------------------------------------------------------------------

/**
 * Money nouns among `words` acted on by `verbs`: financial unless every verb only reads
 * (`list_refunds`); money moves with a money noun (`create_refund`) or a settling verb (`capture_payment`).
 */
export function financialNouns(
  source: 'name' | 'description',
  words: readonly Word[],
  verbs: readonly string[],
  skip: ReadonlySet<number>,
  text: string,
): Hit[] {
  const onlyReads = verbs.length > 0 && verbs.every((v) => anyVerbCategory(v) === 'read');
  const settles = verbs.some((v) => verbEntry(v, true)?.settles === true);
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
      evidence: evidence({
        source,
        kind: 'noun',
        signal,
        match: text.slice(w.start, w.end),
        category: 'financial',
        strength,
        raises: moves ? 'critical' : undefined,
      }),
    });
  });
  return hits;
}

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
export function flagNouns(
  source: 'name' | 'description',
  words: readonly Word[],
  verbs: readonly string[],
  skip: ReadonlySet<number>,
  text: string,
): FlagHit[] {
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
export function flagVerb(source: 'name' | 'description', verb: string, w: Word): FlagHit[] {
  const rule = FLAG_VERBS.get(verb);
  if (rule === undefined) return [];
  return [{ start: w.start, end: w.end, evidence: flagEvidence(source, `${source}-${rule.flag}-${verb}`, w.text, rule.flag, rule.strength) }];
}
