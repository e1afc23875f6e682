/**
 * Reading a tool's name: its words (snake, kebab, dotted, camel and Pascal case), its action verbs
 * and what they act on. The name's own tables first, then the reading. Pure.
 */
import type { Evidence, FlagEvidence } from '../schema.ts';
import { COMPOUND_NOUNS, IDIOMS, NOUN_LIKE_VERBS, VERB_LAST_VERBS, VERB_LINKS, verbCategory } from './lexicon.ts';
import { allMatches, evidence, financialNouns, flagNouns, flagVerb, ordered, readVerb, verbHit, word, type FlagHit, type Hit, type Word } from './reading.ts';

// ---------------------------------------------------------------------------------------------
// Tables.
// ---------------------------------------------------------------------------------------------

/** Nouns in a bare name (no verb) that mean the tool runs code. */
export const EXECUTE_NAME_NOUNS: ReadonlySet<string> = new Set(['shell', 'bash', 'terminal', 'powershell', 'cmd', 'repl', 'sql', 'python', 'javascript', 'exec']);

/** In a name with a destructive verb, these widen the reach to many items: raised to `critical`. */
export const BULK_WORDS: ReadonlySet<string> = new Set(['bulk', 'batch', 'all', 'every', 'mass']);

/** A name ending in one of these documents a topic (`deploy_app_help`): its verb is the topic, not an action. */
export const TOPIC_SUFFIXES: ReadonlySet<string> = new Set(['help', 'guidance', 'instructions', 'docs', 'documentation', 'tutorial', 'howto']);

// ---------------------------------------------------------------------------------------------
// Words and verbs.
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
 * the chosen one by and/or count too (`get_or_create`, `build_and_push`). In a name of three or
 * more words that starts with a verb and ends with one that is never a noun there (`Verb.verbLast`:
 * get, create, delete …), the last one is the action and the first names the resource
 * (`deploy_plan_get`: Azure's `<resource>_<verb>` style).
 */
export function findNameVerbs(words: readonly Word[]): number[] {
  const compound = compoundIndices(words);
  // A word after “as” is a complement, not an action (`mark_as_read`, `save_as_draft`).
  const isVerb = (i: number) => !compound.has(i) && words[i - 1]?.lower !== 'as' && verbCategory(words[i]?.lower ?? '') !== undefined;
  const verbs = words.flatMap((_w, i) => (isVerb(i) ? [i] : []));
  if (verbs.length === 0) return [];
  const clear = verbs.filter((i) => !NOUN_LIKE_VERBS.has(words[i]?.lower ?? ''));
  let at: number;
  if (verbs[0] === 0 && (clear[0] === 0 || clear.length === 0)) at = 0;
  else at = clear[0] ?? verbs[0] ?? 0;
  const last = words.length - 1;
  if (at < last - 1 && last >= 2 && clear.includes(last) && VERB_LAST_VERBS.has(words[last]?.lower ?? '') && !VERB_LINKS.has(words[last - 1]?.lower ?? '')) {
    at = last;
  }
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
  // A verb with its object linked to another (`trigger_dag_and_wait`, `create_issue_and_assign`): both act.
  for (let k = 1; k + 1 < words.length; k++) {
    if (!VERB_LINKS.has(words[k]?.lower ?? '') || !isVerb(k + 1) || isVerb(k - 1)) continue;
    const before = verbs.filter((i) => i < k - 1).pop();
    if (before === undefined) continue;
    if (found.includes(k + 1) && !found.includes(before)) found.unshift(before);
    else if (found.includes(before) && !found.includes(k + 1)) found.push(k + 1);
  }
  return found.sort((a, b) => a - b);
}

/** Last words that make a name about information on its verb (`share_status`, `hover_info`, `build_log`). */
export const INFO_SUFFIXES: ReadonlySet<string> = new Set(['info', 'status', 'details', 'log', 'logs', 'history', 'stats', 'statistics', 'metrics']);

/**
 * True when the name's verb stands where a verb stands: first (`delete_image_set`), right after a
 * service prefix with an object after it (`github_create_issue`), or last in a verb-last name
 * (`deploy_plan_get`). A verb deeper in the name, alone after the prefix (`weather_archive`,
 * `pipelines_run`) or before a word of information (`notebook_share_status`) may as well be a noun.
 */
function verbLeads(words: readonly Word[], verbAt: readonly number[]): boolean {
  const at = verbAt[0];
  if (at === undefined) return false;
  const last = words.length - 1;
  if (at === 0) return true;
  if (at === last) return VERB_LAST_VERBS.has(words[at]?.lower ?? '');
  return at === 1 && !INFO_SUFFIXES.has(words[last]?.lower ?? '');
}

/** The name's evidence and flags; `verbLeads` tells whether its verb stands where a verb stands (see `verbLeads`). */
export function nameSignals(name: string): { evidence: Evidence[]; flags: FlagEvidence[]; verbLeads: boolean } {
  const words = splitName(name);
  const verbAt = findNameVerbs(words);
  const leads = verbLeads(words, verbAt);
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
    const topic = evidence({ source: 'name', kind: 'topic', signal: `name-topic-${last.lower}`, match: last.text, category: 'read', strength: 'strong' });
    return { evidence: [topic], flags: [], verbLeads: leads };
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
    hits.push(verbHit('name', 'verb', reading, name, start, end));
  }
  // A shell or language named before a word of information (`sql_status`, `shell_history`) is what the information is about.
  if (verbAt.length === 0 && !(words.length > 1 && INFO_SUFFIXES.has(last?.lower ?? ''))) {
    for (const w of words) {
      if (EXECUTE_NAME_NOUNS.has(w.lower)) {
        const signal = `name-noun-${w.lower}`;
        hits.push({ start: w.start, end: w.end, evidence: evidence({ source: 'name', kind: 'noun', signal, match: w.text, category: 'execute', strength: 'strong' }) });
        break;
      }
    }
  }
  if (verbs.some((v) => verbCategory(v) === 'destructive')) {
    words.forEach((w, i) => {
      if (!isVerb.has(i) && BULK_WORDS.has(w.lower)) {
        const signal = `name-scope-${w.lower}`;
        hits.push({
          start: w.start,
          end: w.end,
          evidence: evidence({ source: 'name', kind: 'scope', signal, match: w.text, category: 'destructive', strength: 'weak', raises: 'critical' }),
        });
      }
    });
  }
  hits.push(...financialNouns('name', words, verbs, isVerb, name));
  return { evidence: ordered(hits), flags, verbLeads: leads };
}

