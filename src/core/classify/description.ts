/**
 * Reading a tool's description: the lead sentence past headings, notices and filler, its leading
 * verbs and their object, the operations a router lists, and phrases anywhere in the text (a
 * deletion, an irreversible effect, running code, moving money, sending a message, saving a
 * file; flag phrases). The description's own tables first, then the reading. Pure.
 */
import { CATEGORIES, type Category, type Evidence, type Flag, type FlagEvidence, type Operation, type Risk, type Strength } from '../schema.ts';
import { CJK_READ_ONLY, cjkSignals, opensInCjk } from './cjk.ts';
import { COMPOUND_NOUNS, IDIOMS, NOUN_LIKE_VERBS, VERB_LINKS, phraseForms, verbCategory } from './lexicon.ts';
import {
  anyVerbCategory,
  evidence,
  financialNouns,
  flagEvidence,
  flagNouns,
  flagVerb,
  objectPhrase,
  operationOf,
  riskiestOperations,
  ordered,
  readVerb,
  verbHit,
  word,
  type FlagHit,
  type Hit,
  type Word,
} from './reading.ts';

// ---------------------------------------------------------------------------------------------
// Tables.
// ---------------------------------------------------------------------------------------------

/** A leading notice line that says nothing about what the tool does (“DEPRECATION NOTICE: …”). */
export const NOTICE_LINE =
  /^(?=[A-Z -]*(?:NOTICE|NOTE|WARNING|IMPORTANT|CAUTION|DEPRECAT|BETA|EXPERIMENTAL))[A-Z][A-Z -]*:[^\n]*(?:\n|$)/;

/**
 * An emphasis prefix before the lead sentence, up to its colon: a word in capitals
 * (“START HERE for ClickHouse:”, “IMPORTANT:”, “CRITICAL -”) or a one-word label (“Beta:”) of at most
 * six words. It says how to treat the tool, not what it does, so the verb after it leads.
 */
export const EMPHASIS_PREFIX = /^(?:[\p{Lu}][\p{Lu}\p{N}_-]+\b[^\n:.!?]{0,60}?|[\p{Lu}][\p{Ll}]+)\s*(?::|\s[-–—]\s)\s*(?=\p{L})/u;

/** Symbols before the lead sentence (emoji, arrows, bullets) that are not words. */
export const LEAD_SYMBOLS = /^[\p{So}\p{Sk}\u2190-\u21ff\u2022\u25a0-\u25ff\ufe0f\u200d]+/u;

/** Who a framing phrase addresses (“Allows **the agent** to …”). */
const ADDRESSEE = '(?:you|the user|users|the agent|agents|the model|the assistant|the llm|llms?|clients?|callers?|ai assistants?|ai agents?)';

/**
 * Framing before a description's leading verb (“This tool will …”, “Use this tool to …”,
 * “Allows you to …”, “Lets the agent …”, “Enables you to …”): it says that the tool does something,
 * the verb after it says what. Skipped, so that verb leads; a framing verb is never the lead verb.
 */
export const LEAD_FILLER = new RegExp(
  `^(?:(?:this|the) (?:mcp )?(?:tool|function|endpoint) (?:will |can |is used to |is designed to |lets you |allows you to |enables you to |helps you |helps |lets ${ADDRESSEE} |allows ${ADDRESSEE} to |enables ${ADDRESSEE} to |permits ${ADDRESSEE} to )?` +
    `|(?:use|call|invoke) this (?:tool |function |endpoint )?(?:first |always |only |once )?to |(?:a )?tool (?:to|that) |` +
    `(?:allows|enables|permits) (?:${ADDRESSEE} )?to |lets ${ADDRESSEE} |used to |can be used to |is used to |designed to |` +
    `(?:provides|gives) (?:you )?(?:the )?(?:ability|capability|functionality) to |helps (?:you )?(?:to )?|please |it )`,
  'i',
);

/**
 * Framing verbs that introduce the operative verb as a gerund or a noun (“Enables listing tables”,
 * “Allows the creation of users”): the introduced verb leads; the framing verb never does.
 */
export const FRAMING_VERBS: ReadonlySet<string> = new Set(['allows', 'allow', 'enables', 'enable', 'permits', 'permit', 'lets', 'supports', 'facilitates', 'helps']);

/** Nouns of action a framing verb may introduce (“Allows the deletion of …”), and their verb. */
export const ACTION_NOUNS: Readonly<Record<string, string>> = {
  creation: 'create', deletion: 'delete', removal: 'remove', retrieval: 'retrieve', modification: 'modify',
  execution: 'execute', insertion: 'insert', addition: 'add', listing: 'list', lookup: 'lookup', search: 'search',
  management: 'manage', update: 'update', updating: 'update', editing: 'edit', upload: 'upload', download: 'download',
  submission: 'submit', cancellation: 'cancel', installation: 'install', configuration: 'configure', inspection: 'inspect',
};

/** Words before a match that negate it (“does not delete”), within `NEGATION_WINDOW` words. */
export const NEGATORS: ReadonlySet<string> = new Set([
  'not', 'never', 'no', 'without', 'cannot', "can't", 'can’t', "doesn't", 'doesn’t', "don't", 'don’t',
  "won't", 'won’t', "isn't", 'isn’t', 'nor', 'non',
]);

export const NEGATION_WINDOW = 3;

/** Words ending in -ly that are not manner adverbs, so never skipped before a lead verb (“Only requests that …”). */
export const NOT_ADVERBS: ReadonlySet<string> = new Set(['only', 'early', 'daily', 'weekly', 'monthly', 'yearly', 'hourly', 'reply', 'apply', 'supply', 'rely', 'fly', 'family']);

/** How many words after a leading verb are read as its object (“Execute a shell command …”). */
export const OBJECT_WINDOW = 8;

export interface PhraseRule {
  /** Evidence signal id. */
  id: string;
  category: Category;
  strength: Strength;
  raises?: Risk;
  /**
   * Must carry the `g` and `i` flags, match from a word boundary at a letter, and have no
   * capturing group: the rules are scanned as one pattern.
   */
  pattern: RegExp;
  /** Skip a match preceded by a negator. */
  negatable: boolean;
  /**
   * Counts even over the lead verb, beside its reading: “Make an authenticated HTTP request to the
   * Grafana API” leads with make (a write) and is also a passthrough (execute).
   */
  besideLead?: true;
  /** Does not count when the description keeps the tool to reads (`READS_ONLY`). */
  unlessReadsOnly?: true;
}

/** A description that keeps a passthrough to reads: “read-only”, “only GET requests”, “mutations are not allowed”. */
export const READS_ONLY =
  /\b(?:is|are|runs|executes|executed|kept|strictly|only|in) (?:in )?read[- ]?only\b|\bread[- ]?only (?:mode|quer(?:y|ies)|requests?|access|transactions?|operations?|sql|graphql|calls?)\b|^[^.\n]{0,80}\bread[- ]?only\b|\bonly (?:supports |allows |accepts |performs |for )?(?:get|read|select|query)\b|\b(?:get|select) (?:requests|queries|statements) only\b|\bmutations? (?:are|is) not (?:allowed|supported|permitted)\b|\bno mutations\b/i;

/**
 * A description that says the tool itself only reads — not one field or mode of it: “This tool is
 * read-only”, a read-only phrase in the first sentence, “does not modify anything”,
 * “no side effects”, 只读 / 不产生任何变更. A plain write verb then names what the tool is about
 * (`create_component_guide` “provides guidance … (read-only)”), not what it does.
 */
const ENGLISH_READ_ONLY_CLAIM =
  /\b(?:tool|this|operation) (?:is|runs) (?:strictly |entirely |fully )?read[- ]?only\b|^[^.\n]{0,80}\bread[- ]?only\b|\b(?:does not|doesn['’]t|will not|won['’]t|never) (?:modify|modifies|change|alter|write) anything\b|\bno side[- ]effects?\b/iu;

export const CLAIMS_READ_ONLY = new RegExp(`${ENGLISH_READ_ONLY_CLAIM.source}|${CJK_READ_ONLY.source}`, 'iu');

/**
 * Phrases looked for anywhere in a description, in one pass: leftmost match first, and at one
 * position the earlier rule. A match over the leading verb, or over a span already matched, does
 * not count again.
 */
export const DESCRIPTION_PHRASES: readonly PhraseRule[] = [
  {
    id: 'description-read-only',
    category: 'read',
    strength: 'strong',
    pattern: /\bread[- ]?only\b/gi,
    negatable: true,
  },
  {
    id: 'description-no-side-effects',
    category: 'read',
    strength: 'strong',
    pattern: /\b(?:does not|doesn['’]t|will not|won['’]t|never) (?:modify|modifies|change|alter|write)\b|\bwithout (?:modifying|changing)\b|\bno side[- ]effects?\b/gi,
    negatable: false,
  },
  {
    id: 'description-irreversible',
    category: 'destructive',
    strength: 'weak',
    pattern: /\b(?:cannot|can ?not|can['’]t) be (?:undone|reversed|recovered|restored)\b|\bpermanent(?:ly)?\b|\birreversibl[ey]\b|\bunrecoverable\b|\bnot be recoverable\b/gi,
    negatable: true,
  },
  {
    // “Completely overwrite an existing file”, “Replaces the entire document”, “Updates all documents
    // that match the filter”: a write that replaces a whole object, or every matching one, destroys
    // what was there (the site's definition of destructive).
    id: 'description-overwrites',
    category: 'destructive',
    strength: 'strong',
    pattern:
      /\b(?:(?:completely|fully|entirely) )?overwrit(?:e|es|ing) (?:the |an? |any |all )?(?:existing |entire |whole |full |current |previous |old )*(?:[\w-]+ ){0,2}?(?:files?|documents?|contents?|objects?|records?|data|pages?|items?|resources?|config(?:uration)?s?|values?|entr(?:y|ies)|keys?|it|them)\b|\b(?:(?:completely|fully|entirely) )?replac(?:e|es|ing) (?:(?:the |an? )?(?:entire|whole|full|existing|complete)|all(?: (?:the|of the))?|the (?:contents?|data|body) of) (?:[\w-]+ ){0,2}?(?:files?|documents?|contents?|objects?|records?|rows?|data|pages?|items?|resources?|tables?|config(?:uration)?s?|values?|bod(?:y|ies)|(?:an?|one|the) (?:[\w-]+ )?(?:page|file|document|table|sheet))\b|\bupdat(?:e|es|ing) (?:all|every|each|multiple|many) (?:[\w-]+ ){0,2}?(?:documents|records|rows|items|entries) (?:that )?match(?:ing|es)?\b/gi,
    negatable: true,
  },
  {
    // “Make an authenticated HTTP request to the Grafana API”, “Execute a GraphQL query”: the
    // request is whatever the agent writes, so the tool can do anything the API allows.
    id: 'description-passthrough',
    category: 'execute',
    strength: 'strong',
    pattern: new RegExp(
      [
        // “Make an authenticated HTTP request”, “Execute GraphQL mutations”, “Send a REST call”.
        String.raw`\b(?:make|makes|making|send|sends|sending|perform|performs|performing|issue|issues|issuing|execute|executes|executing|run|runs|running|call|calls|calling)\s+(?:(?:an?|any|the|arbitrary|raw|custom|generic|authenticated|direct|single|one|your)\s+){0,3}(?:[A-Z][\w-]*\s+)?(?:http|https|rest|graphql)\s+(?:requests?|calls?|quer(?:y|ies)|mutations?|operations?)\b`,
        // An API request only when the agent chooses it (“Make an arbitrary API request”), not “makes an API call to ElevenLabs”.
        String.raw`\b(?:make|makes|making|send|sends|sending|perform|performs|performing|issue|issues|issuing|execute|executes|executing|call|calls|calling)\s+(?:(?:an?|the|your)\s+)?(?:arbitrary|any|raw|custom|generic|authenticated|direct)\s+(?:(?:authenticated|raw|custom|direct)\s+)?(?:[A-Z][\w-]*\s+)?api\s+(?:requests?|calls?|quer(?:y|ies)|operations?)\b`,
        // Or operations the agent names (“Execute ECS API operations directly”): a tool that only “makes API calls” does not.
        String.raw`\b(?:send|sends|sending|perform|performs|performing|issue|issues|issuing|execute|executes|executing|run|runs|running)\s+(?:[A-Z][\w-]*\s+)?api\s+(?:requests|calls|queries|operations)\b`,
        String.raw`\b(?:call|calls|calling|access|accesses|hit|hits) any (?:[\w-]+ ){0,2}?(?:api )?endpoints?\b`,
        String.raw`\b(?:query|queries|querying|call|calls|calling)\s+(?:an?|any|the|your)\s+(?:[\w-]+\s+)?graphql\s+(?:endpoints?|apis?|servers?|services?)\b`,
      ].join('|'),
      'gi',
    ),
    negatable: true,
    besideLead: true,
    unlessReadsOnly: true,
  },
  {
    id: 'description-deletes',
    category: 'destructive',
    strength: 'weak',
    // The inflected forms of the lexicon's phrase verbs (`Verb.phrase`): “deletes”, “removed”, “overwriting”.
    pattern: new RegExp(`\\b(?:${phraseForms('destructive')})\\b`, 'gi'),
    negatable: true,
  },
  {
    id: 'description-executes',
    category: 'execute',
    strength: 'weak',
    pattern:
      /\bexecut(?:e|es|ed|ing)\b|\barbitrary (?:code|commands?)\b|\bshell commands?\b|\bexecutable code\b|\b(?:run|runs|running) (?:(?:arbitrary|browser|custom|your|own|any|shell|bash|python|javascript|js|node|sql|terminal) ){0,2}(?:code|scripts?|commands?)\b/gi,
    negatable: true,
  },
  {
    id: 'description-moves-money',
    category: 'financial',
    strength: 'weak',
    raises: 'critical',
    pattern: /\b(?:issue|create|process|make|initiate|send)s? (?:a |an |the )?(?:full |partial )?(?:refund|payout|transfer)s?\b|\brefund(?:s|ed)? (?:a |an |the )?(?:payment|charge|customer|order|transaction)s?\b|\bcharg(?:e|es|ed) (?:a |the )?(?:customer|card|user|payment method)s?\b|\btransfer(?:s|red)? (?:funds|money)\b|\bsend(?:s)? money\b|\bpay(?:s)? (?:a |an |the )?(?:invoice|bill)s?\b/gi,
    negatable: true,
  },
  {
    id: 'description-sends-message',
    category: 'write',
    strength: 'weak',
    raises: 'high',
    pattern: /\bsend(?:s|ing)? (?:an? |the )?(?:e-?mails?|messages?|sms|texts?|notifications?)\b|\bpost(?:s|ing)? (?:an? |the )?messages?\b/gi,
    negatable: true,
  },
  {
    // “Download a remote file to local disk”, “Save the audio to disk”: whatever the verb, it writes a file.
    id: 'description-saves-file',
    category: 'write',
    strength: 'strong',
    pattern:
      /\b(?:sav|writ|download|stor|export|retriev)(?:e|es|ed|ing|s)? (?:[\w.`'-]+ ){0,5}?(?:to|into|on) (?:the |a |an |your )?(?:local )?(?:disk|file ?system|local file|file|folder|directory|project|workspace)\b/gi,
    negatable: true,
  },
];

export interface FlagPhraseRule {
  id: string;
  flag: Flag;
  strength: Strength;
  /** Must carry the `g` and `i` flags, and no capturing group (the rules are scanned as one pattern). */
  pattern: RegExp;
}

/**
 * Phrases looked for anywhere in a description, in one pass as `DESCRIPTION_PHRASES` are; a
 * negated match does not count, nor one over a flag noun of the lead sentence.
 */
export const FLAG_PHRASES: readonly FlagPhraseRule[] = [
  {
    id: 'description-credential',
    flag: 'credential-access',
    strength: 'weak',
    pattern:
      /(?<!\b(?:public|publishable|anon|anonymous) )\b(?:secrets?|credentials?|passwords?|passphrases?|api[ -]?keys?|access keys?|secret keys?|private keys?|ssh keys?|access tokens?|auth(?:entication)? tokens?|api tokens?|bearer tokens?|refresh tokens?|oauth tokens?|connection strings?|kubeconfig)\b/gi,
  },
  {
    id: 'description-permission',
    flag: 'permission-change',
    strength: 'weak',
    pattern:
      /\b(?:permissions?|privileges?|access control|access polic(?:y|ies)|iam (?:polic(?:y|ies)|roles?)|rbac|role bindings?|resource[- ]based polic(?:y|ies)|inline polic(?:y|ies)|cedar polic(?:y|ies)|grants? (?:[\w-]+ ){0,3}access)\b/gi,
  },
  {
    id: 'description-open-web',
    flag: 'open-world',
    strength: 'strong',
    pattern:
      /\b(?:search(?:es|ing)? the (?:web|internet)|web search(?:es)?|(?:on|from) the (?:web|internet)|the open web|any (?:public )?(?:url|website|web ?page)s?|arbitrary (?:urls?|websites?|web ?pages?))\b/gi,
  },
  {
    id: 'description-fetches-url',
    flag: 'open-world',
    strength: 'weak',
    pattern:
      /\b(?:fetch|retriev|download|load|open|scrap|crawl|visit|navigat|go|request)(?:e|es|s|ed|ing)? (?:to )?(?:the |a |an |any |one |given |specified )?(?:urls?|web ?pages?|websites?|links?)\b|\bhttps? requests?\b/gi,
  },
  {
    id: 'description-private',
    flag: 'private-data',
    strength: 'weak',
    pattern:
      /\b(?:patients?|phi|pii|dicom|medical|health records?|personal (?:data|information)|direct messages?|private messages?|inbox(?:es)?|mailbox(?:es)?|e-?mails?|contacts)\b/gi,
  },
];

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
    const tag = /^(?:\[[^\]\n]{0,80}\]|\((?:beta|alpha|preview|experimental|deprecated|new|legacy)\))/i.exec(rest);
    if (tag) {
      at += tag[0].length;
      continue;
    }
    const symbols = LEAD_SYMBOLS.exec(rest);
    if (symbols) {
      at += symbols[0].length;
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
    // A word of emphasis in capitals before the sentence (“ALWAYS use this tool first to …”).
    const shout = /^(?:ALWAYS|FIRST|PLEASE|MUST)\s+(?=\p{L})/u.exec(rest);
    if (shout) {
      at += shout[0].length;
      continue;
    }
    const emphasis = EMPHASIS_PREFIX.exec(rest);
    if (emphasis && !isVerbHeaded(emphasis[0])) {
      at += emphasis[0].length;
      continue;
    }
    break;
  }
  if (at >= description.length) return undefined;
  const stop = /[.!?](?=\s|$)|\n/.exec(description.slice(at));
  return { start: at, end: stop ? at + stop.index : description.length };
}

/**
 * True when a one-word label before a colon is a verb (“Delete: removes the file”): it names the
 * action, so it is kept as the lead. A prefix in capitals (“START HERE:”) is emphasis whatever it says.
 */
function isVerbHeaded(prefix: string): boolean {
  const first = /^\p{Lu}\p{Ll}+/u.exec(prefix)?.[0].toLowerCase();
  return first !== undefined && descriptionVerb(first) !== undefined;
}

/**
 * The lead sentence, or the next one when the first is a title of a few capitalised words with no verb
 * (“MCP-CORE Prompt Understanding.” then “Use this tool first to understand …”).
 */
function leadOf(description: string): { start: number; end: number } | undefined {
  const first = leadSentence(description);
  if (first === undefined) return undefined;
  const words = wordsIn(description, first.start, first.end);
  // A title: a few capitalised words, none of them a verb (“Onboard a project with Auth0.” is a sentence).
  const titled = words.length > 0 && words.length <= 5 && words.every((w) => /^[\p{Lu}\p{N}]/u.test(w.text) && descriptionVerb(w.lower) === undefined && !FRAMING_VERBS.has(w.lower));
  if (!titled || first.end >= description.length) return first;
  const rest = description.slice(first.end + 1);
  const next = leadSentence(rest);
  if (next === undefined) return first;
  return { start: first.end + 1 + next.start, end: first.end + 1 + next.end };
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
/** How many sentences after a verbless one may still hold the lead verb. */
export const LEAD_SENTENCES = 3;

/**
 * True when a verbless lead plainly names a thing rather than starting with a verb the lexicon
 * lacks (“Walk ancestors of a span”, “Ingest in-memory content”): it is a title followed by a dash
 * (“Profit & Loss overview — bar chart …”), or its first word cannot be an imperative — a plural, a
 * participle or a gerund (“Sales revenue trend over time”, “Composed chart”).
 */
function namesAThing(description: string, span: { start: number; end: number }, words: readonly Word[]): boolean {
  const first = words[0];
  if (first === undefined) return false;
  const titled = words.slice(1, 6).some((w, i) => /\s[—–-]\s/.test(description.slice((words[i] ?? first).end, w.start)));
  if (titled && span.start < first.start + 1) return true;
  return /(?<![su])s$|ed$|ing$/.test(first.lower) && first.lower.length > 3;
}

/**
 * The words of the lead clause and its leading verbs. A lead sentence with no verb (“Sales revenue
 * trend over time.”, “Accounts Receivable Aging — stacked bar …”) names a thing, not an action:
 * then the first of the next few sentences that says what the tool does leads — one that starts,
 * capitalised, with a verb in the third person (“Returns a line chart”, “Shows who owes you money”).
 * A lead whose first word is followed by a determiner or a number starts with a verb the lexicon
 * does not know (“Map a task …”): it keeps the lead.
 */
function leadClause(description: string, lead: { start: number; end: number }): { words: Word[]; verbs: Array<{ at: number; verb: string }> } {
  let span = lead;
  let first: { words: Word[]; verbs: Array<{ at: number; verb: string }> } | undefined;
  for (let n = 0; n < LEAD_SENTENCES; n++) {
    let words = wordsIn(description, span.start, span.end);
    // An adverb before the verb (“Permanently delete …”) is skipped; the phrase rules still see it.
    const adverb = words[0]?.lower ?? '';
    if (words.length > 1 && adverb.endsWith('ly') && !NOT_ADVERBS.has(adverb) && descriptionVerb(words[1]?.lower ?? '') !== undefined) words = words.slice(1);
    // A framing verb (“Enables listing tables”, “Allows the deletion of …”) never leads: the verb it introduces does.
    const framed = framedVerb(words);
    if (framed !== undefined) words = words.slice(framed.at);
    const verbs = leadVerbs(description, words, framed?.verb);
    const clause = { words, verbs };
    if (first === undefined) {
      first = clause;
      if (verbs.length > 0) return clause;
      if (!namesAThing(description, span, words)) return clause;
    } else if (verbs.length > 0) {
      const lead = words[0];
      const described = lead !== undefined && /^\p{Lu}/u.test(lead.text) && (framed !== undefined || verbs[0]?.verb !== lead.lower);
      if (described) return clause;
    }
    if (span.end >= description.length) break;
    const next = leadSentence(description.slice(span.end + 1));
    if (next === undefined) break;
    span = { start: span.end + 1 + next.start, end: span.end + 1 + next.end };
  }
  return first ?? { words: [], verbs: [] };
}

function leadVerbs(description: string, words: readonly Word[], introduced?: string): Array<{ at: number; verb: string }> {
  const first = words[0];
  const verb = first === undefined ? undefined : (introduced ?? descriptionVerb(first.lower));
  if (first === undefined || verb === undefined) return [];
  if (COMPOUND_NOUNS.has(`${first.lower} ${words[1]?.lower ?? ''}`)) return [];
  const form: 'bare' | 'third' | 'gerund' = introduced !== undefined ? 'gerund' : verb === first.lower ? 'bare' : 'third';
  const out = [{ at: 0, verb }];
  const loose = (w: Word | undefined): string | undefined => {
    if (w === undefined) return undefined;
    if (form === 'gerund') return gerundVerb(w.lower);
    if (form === 'bare') return anyVerbCategory(w.lower) !== undefined ? w.lower : undefined;
    if (!w.lower.endsWith('s')) return undefined;
    const v = descriptionVerb(w.lower);
    return v !== undefined && v !== w.lower ? v : undefined;
  };
  // A noun-like verb inside a list that goes on to another verb is a verb (“Create, patch, or delete …”).
  const listGoesOn = (k: number): boolean => {
    const here = words[k];
    const next = words[k + 1];
    if (here === undefined || next === undefined) return false;
    const gap = description.slice(here.end, next.start);
    if (VERB_LINKS.has(next.lower) && /^[\s,]*$/.test(gap)) {
      const after = words[k + 2];
      return after !== undefined && !NOUN_LIKE_VERBS.has(after.lower) && loose(after) !== undefined;
    }
    return /^\s*,\s*$/.test(gap) && !NOUN_LIKE_VERBS.has(next.lower) && loose(next) !== undefined;
  };
  const coordinated = (w: Word | undefined, at = -1): string | undefined => {
    if (w !== undefined && NOUN_LIKE_VERBS.has(w.lower) && !(at >= 0 && listGoesOn(at))) return undefined;
    return loose(w);
  };
  let j = 0;
  for (;;) {
    const here = words[j];
    const next = words[j + 1];
    if (here === undefined || next === undefined) break;
    const gap = description.slice(here.end, next.start);
    if (/^\s*[,/]\s*$/.test(gap)) {
      const v = coordinated(next, j + 1);
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
const CLAUSE_STOPS = /[,;:()[\]{}`]/;
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

/** Words a framing verb may put before the verb it introduces (“Allows **you to** list”, “Helps **with the** creation of”). */
const FRAMING_GAP: ReadonlySet<string> = new Set(['you', 'users', 'user', 'the', 'agent', 'agents', 'model', 'assistant', 'for', 'with', 'to', 'a', 'an']);

/**
 * The verb a framing verb at the start of `words` introduces (“Enables **listing** …”, “Allows the
 * **deletion** of …”), and where it is; undefined when the first word is no framing verb or it
 * introduces nothing (then “Enables the feature” is read as it stands).
 */
function framedVerb(words: readonly Word[]): { at: number; verb: string } | undefined {
  if (!FRAMING_VERBS.has(words[0]?.lower ?? '')) return undefined;
  for (let i = 1; i < Math.min(words.length, 5); i++) {
    const w = words[i]?.lower ?? '';
    const gerund = gerundVerb(w);
    if (gerund !== undefined) return { at: i, verb: gerund };
    const noun = Object.hasOwn(ACTION_NOUNS, w) ? ACTION_NOUNS[w] : undefined;
    if (noun !== undefined && words[i + 1]?.lower === 'of') return { at: i, verb: noun };
    if (!FRAMING_GAP.has(w)) return undefined;
  }
  return undefined;
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
    out.push(verbHit('description', 'operation', reading, description, w.start, end));
  });
  return out;
}


/** What the description reading needs to know of the other sources. */
export interface DescriptionContext {
  /** The tool routes to named operations (a `command` parameter that names them): read the operations its description lists. */
  routes?: boolean;
  /** The name's verb strongly reads (`list_tables`), and nothing in the name says otherwise. */
  nameReads?: boolean;
}

/**
 * The description's evidence. When the name's verb reads, a plain write verb leading the
 * description (“Start here …”, “Set up …”, “Track changes …”) is only weak: it does not override the
 * name. An explicit effect (a deletion, running code, moving money, reaching people, a phrase such
 * as “cannot be undone”) stays as strong as ever.
 */
export function descriptionSignals(
  description: string,
  context: DescriptionContext = {},
): { evidence: Evidence[]; flags: FlagEvidence[]; operations: Operation[] } {
  const routes = context.routes === true;
  const operations: Operation[] = [];
  const hits: Hit[] = [];
  const flagHits: FlagHit[] = [];
  // Chinese or Japanese: the lead verbs by their written forms (`cjk.ts`); the rest reads the same.
  const cjk = opensInCjk(description);
  if (cjk) for (const e of cjkSignals(description)) hits.push({ start: 0, end: 0, evidence: e });
  const lead = cjk ? undefined : leadOf(description);
  const claimed: Array<readonly [number, number]> = [];
  // Flag verbs of the lead (“Navigate”) yield to a phrase that contains them (“Navigate to a URL”).
  const leadFlagVerbs: FlagHit[] = [];
  if (lead !== undefined) {
    const { words, verbs } = leadClause(description, lead);
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
        if (reading !== undefined && context.nameReads === true && reading.category === 'write' && reading.raises === undefined && reading.reading === undefined) {
          reading.strength = 'weak';
        }
        if (reading !== undefined) {
          const object = reading.objectAt === undefined ? undefined : objects[reading.objectAt];
          const end = object?.end ?? w.end;
          hits.push(verbHit('description', 'verb', reading, description, w.start, end));
        }
        leadFlagVerbs.push(...flagVerb('description', verb, w));
      }
      const verbNames = verbs.map((v) => v.verb);
      // Coordinated lead verbs are the operations the description lists (“Create, patch, or delete …”).
      // The tool does all of them, so their reads do not contest the others (as with a router's operations).
      if (verbs.length >= 2) {
        const lead = hits.filter((h) => h.evidence.kind === 'verb');
        operations.push(...lead.map((h) => operationOf(h.evidence)));
        const kept = riskiestOperations(lead.map((h) => ({ hit: h, category: h.evidence.category }))).map((k) => k.hit);
        for (const h of lead) if (!kept.includes(h)) hits.splice(hits.indexOf(h), 1);
      }
      flagHits.push(...flagNouns('description', objectPhrase(objects), verbNames, new Set(), description));
      hits.push(...financialNouns('description', words, verbNames, new Set(verbs.map((v) => v.at)), description));
    }
  }
  if (routes) {
    const listed = operationHits(description);
    operations.push(...listed.map((h) => operationOf(h.evidence)));
    for (const h of riskiestOperations(listed.map((l) => ({ ...l, category: l.evidence.category })))) {
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
    if (rule.unlessReadsOnly === true && READS_ONLY.test(description)) return;
    if (rule.besideLead !== true && claimed.some(([s, e]) => overlaps(s, e))) {
      // A phrase that says more than the verb it contains replaces that verb's reading: “Download a
      // remote file to local disk” writes, whatever “Download” alone would mean; “Updates all
      // documents that match” destroys what was there. A read verb yields to any such phrase, any
      // other verb only to a strong phrase of a riskier category.
      const verbHits = hits.filter((h) => overlaps(h.start, h.end));
      const riskier = (h: Hit) =>
        h.evidence.category === 'read' || (rule.strength === 'strong' && CATEGORIES.indexOf(rule.category) > CATEGORIES.indexOf(h.evidence.category));
      const saysMore = (h: Hit) => riskier(h) && start <= h.start && end > h.end;
      if (rule.category === 'read' || verbHits.length === 0 || !verbHits.every(saysMore)) return;
      for (const h of verbHits) hits.splice(hits.indexOf(h), 1);
    }
    claimed.push([start, end]);
    const e = evidence({ source: 'description', kind: 'phrase', signal: rule.id, match: m[0], category: rule.category, strength: rule.strength, raises: rule.raises });
    hits.push({ start, end, evidence: e });
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
  return { evidence: ordered(hits), flags: ordered(flagHits), operations };
}

