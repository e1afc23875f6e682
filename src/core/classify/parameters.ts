/**
 * Reading a tool's parameters (top-level `inputSchema.properties` keys, and for a few rules their
 * own schema and description): what a parameter's name says the tool does, and which flags it
 * sets. The parameters' own tables first, then the reading. Pure.
 */
import type { Category, Evidence, Flag, FlagEvidence, Operation, Risk, Strength, Tool } from '../schema.ts';
import { GENERIC_VERBS, NOT_ACCESS_POLICIES, NOUN_LIKE_VERBS, verbCategory } from './lexicon.ts';
import { findNameVerbs, nameKey, splitName } from './name.ts';
import { evidence, flagEvidence, operationOf, readVerb, riskiestOperations } from './reading.ts';

// ---------------------------------------------------------------------------------------------
// Tables.
// ---------------------------------------------------------------------------------------------

/** The signal of a parameter whose own description says the tool saves a file there (`PARAMETER_SAVES_FILE`). */
export const SAVES_FILE_SIGNAL = 'param-saves-file';

/** The rule of a `command` parameter that names one of the tool's own operations (a router). */
export const SUBCOMMAND_SIGNAL = 'param-subcommand';

/**
 * What a parameter's own description may say that its name does not: that the tool writes a file
 * where the caller says (“path to save the screenshot to”). Read only for a parameter whose name
 * ends in a place on disk (path, file, dir, folder, destination …). Evidence `param-saves-file`, a
 * strong write, matched on the parameter's name.
 */
export const PARAMETER_SAVES_FILE =
  /\b(?:save|saves|saved|write|writes|written|export|exports|download|downloads)\b[^.\n]{0,60}?\b(?:to|into)\b[^.\n]{0,30}?\b(?:file|path|disk|directory|folder)\b|\b(?:path|file|directory|folder)\b[^.\n]{0,80}?\bto (?:save|write)\b|\b(?:output|destination) (?:file|path|directory|folder)\b|\bwhere to (?:save|write)\b/i;

export interface ParameterRule {
  /** Evidence signal id. */
  id: string;
  category: Category;
  strength: Strength;
  raises?: Risk;
  /** Matches when the whole name, as lowercase words joined by `_`, is one of these. */
  names: ReadonlySet<string>;
  /** Also matches when the name's last word is one of these (`cli_command` → `command`). */
  lastWords: ReadonlySet<string>;
  /** Only when one of these other parameters is also declared (`to` next to `subject`). */
  requiresAlso?: ReadonlySet<string>;
  /** Also matches when the whole name (lowercase words joined by `_`) matches this. */
  pattern?: RegExp;
  /** Not by its last word when the word before it is one of these (`filter_command` is a filter). */
  notAfter?: ReadonlySet<string>;
  /**
   * Only when the parameter names one of the tool's own operations rather than code or a shell
   * command: its schema lists the allowed values (`enum`, `const`), its own description says so
   * (`NAMES_OPERATION`), or the tool's description calls the tool a router (`ROUTES_OPERATIONS`).
   */
  namesOperation?: true;
}

/** A `command` parameter's description that makes it the name of one of the tool's operations. */
export const NAMES_OPERATION = /\bsub[- ]?commands?\b|\bcommand to execute against the (?:specified )?tool\b/i;

/** A tool description that makes the tool a router of named operations (Azure MCP's namespace tools). */
export const ROUTES_OPERATIONS = /\bcommand router\b|\bsub[- ]?commands are routed\b/i;

const COMMAND_PARAMETERS = {
  names: new Set(['command', 'commands', 'cmd', 'command_line', 'commandline', 'shell_command']),
  lastWords: new Set(['command', 'commands', 'cmd']),
  // A query language's expression named a command (`filter_command`, `search_command`) runs no program.
  notAfter: new Set(['filter', 'search', 'query', 'sort', 'voice', 'slash']),
};

/** Ordered: the first rule a parameter matches is the one that fires. */
export const PARAMETER_RULES: readonly ParameterRule[] = [
  {
    // “The command to execute against the specified tool” of a “command router”: an operation's
    // name, whose effect the tool's other evidence must tell; not a command line.
    id: SUBCOMMAND_SIGNAL,
    category: 'write',
    strength: 'weak',
    ...COMMAND_PARAMETERS,
    namesOperation: true,
  },
  {
    id: 'param-command',
    category: 'execute',
    strength: 'strong',
    ...COMMAND_PARAMETERS,
  },
  {
    id: 'param-code',
    category: 'execute',
    strength: 'weak',
    names: new Set(['code', 'script', 'source_code', 'snippet', 'expression', 'javascript', 'js', 'python', 'program', 'function', 'sql', 'sql_query', 'statement']),
    // `*_code` only for code itself: `service_code`, `currency_code`, `country_code` are identifiers.
    lastWords: new Set(['script', 'expression', 'sql']),
    pattern: /^(?:[a-z0-9]+_)*(?:source|python|js|javascript|typescript|ts|test|function|script|shell|lua|ruby|program|sample|custom|user|raw)_code$/,
  },
  {
    id: 'param-output-path',
    category: 'write',
    strength: 'strong',
    names: new Set(['save_to', 'save_as', 'outfile', 'output_dir', 'output_path', 'output_file']),
    lastWords: new Set([]),
    pattern: /^(?:(?:output|out|save|dest|destination|download|downloads|export)_(?:[a-z0-9]+_)?(?:path|dir|directory|file|folder|filename)|(?:request|response)_(?:body_)?file(?:_path)?)$/,
  },
  {
    id: 'param-force',
    category: 'destructive',
    strength: 'weak',
    raises: 'critical',
    names: new Set(['force', 'forced', 'force_delete', 'force_destroy', 'recursive', 'recursively', 'recurse', 'cascade']),
    lastWords: new Set([]),
  },
  {
    id: 'param-overwrite',
    category: 'destructive',
    strength: 'weak',
    names: new Set(['overwrite', 'overwrite_existing', 'replace_existing']),
    lastWords: new Set([]),
  },
  {
    id: 'param-money',
    category: 'financial',
    strength: 'weak',
    names: new Set(['amount', 'price', 'prices', 'currency']),
    lastWords: new Set(['amount', 'price', 'currency']),
  },
  {
    id: 'param-recipients',
    category: 'write',
    strength: 'weak',
    raises: 'high',
    names: new Set(['recipient', 'recipients', 'cc', 'bcc']),
    lastWords: new Set(['recipient', 'recipients']),
  },
  {
    id: 'param-recipients',
    category: 'write',
    strength: 'weak',
    raises: 'high',
    names: new Set(['to']),
    lastWords: new Set([]),
    requiresAlso: new Set(['subject', 'body', 'message', 'text', 'html', 'cc', 'bcc']),
  },
  {
    id: 'param-query',
    category: 'read',
    strength: 'weak',
    names: new Set(['query', 'q', 'search', 'search_query', 'keywords', 'filter']),
    lastWords: new Set(['query']),
  },
  {
    id: 'param-path',
    category: 'read',
    strength: 'weak',
    names: new Set(['path', 'paths', 'file', 'filename', 'file_path', 'url', 'urls', 'uri']),
    lastWords: new Set(['path', 'paths', 'url', 'urls', 'uri']),
  },
];

export interface FlagParameterRule {
  id: string;
  flag: Flag;
  strength: Strength;
  /** Whole name, lowercase words joined by `_`. */
  names: ReadonlySet<string>;
  /** The name's last word. */
  lastWords: ReadonlySet<string>;
  pattern?: RegExp;
  /** A word right before the last one that makes it something else (`propagation_policy`). */
  notAfter?: ReadonlySet<string>;
}

/** Ordered: the first rule a parameter matches fires (one per parameter and flag). */
export const FLAG_PARAMETER_RULES: readonly FlagParameterRule[] = [
  {
    id: 'param-credential',
    flag: 'credential-access',
    strength: 'weak',
    names: new Set(['credentials', 'credential', 'connection_string', 'kubeconfig', 'client_secret', 'access_key_id']),
    lastWords: new Set(['password', 'passphrase', 'secret', 'apikey', 'credential', 'credentials', 'passwd']),
    pattern: /(?:^|_)(?:api|access|secret|private|ssh|signing)_key$|(?:^|_)(?:access|auth|api|bearer|refresh|session|oauth)_token$/,
  },
  {
    id: 'param-permission',
    flag: 'permission-change',
    strength: 'weak',
    names: new Set(['policy_document', 'policy_json', 'policy_statement', 'acl', 'access_level', 'role', 'roles', 'grants', 'principal', 'principals']),
    lastWords: new Set(['policy', 'permissions', 'permission']),
    notAfter: NOT_ACCESS_POLICIES,
  },
  {
    id: 'param-url',
    flag: 'open-world',
    strength: 'weak',
    names: new Set(['uri', 'uris', 'endpoint', 'host', 'hostname']),
    lastWords: new Set(['url', 'urls']),
  },
  {
    id: 'param-personal',
    flag: 'private-data',
    strength: 'weak',
    names: new Set(['email', 'emails', 'email_address', 'phone', 'phone_number', 'date_of_birth', 'dob', 'ssn', 'patient_id', 'patient_name']),
    lastWords: new Set(['email', 'emails']),
  },
];

/**
 * Parameters that select the tool's operation (`method: delete`, `action: create`): their allowed
 * values (`enum`, `const`, or the values their own description quotes) are read as verbs, and the
 * tool is as risky as its riskiest operation. Whole name, or last word.
 */
export const OPERATION_PARAMETERS = {
  names: new Set(['method', 'methods', 'action', 'actions', 'operation', 'operations', 'op', 'ops', 'command', 'cmd', 'mode', 'subcommand', 'sub_command', 'verb', 'http_method', 'request_method', 'operation_type', 'action_type']),
  lastWords: new Set(['method', 'action', 'operation', 'op', 'subcommand']),
} as const;

/** The signal prefix of an operation a parameter selects (`param-operation-delete`). */
export const OPERATION_SIGNAL = 'param-operation';

// ---------------------------------------------------------------------------------------------
// Reading.
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

export function parameterSignals(tool: Tool): { evidence: Evidence[]; flags: FlagEvidence[]; operations: Operation[] } {
  const names = parameterNames(tool);
  const keys = names.map(nameKey);
  const declared = new Set(keys);
  const out: Evidence[] = [];
  const flags: FlagEvidence[] = [];
  names.forEach((name, i) => {
    const key = keys[i] ?? '';
    const cut = key.lastIndexOf('_');
    const lastWord = key.slice(cut + 1);
    const beforeLastWord = cut < 0 ? '' : key.slice(key.lastIndexOf('_', cut - 1) + 1, cut);
    const rule = parameterRulesFor(key, lastWord).find(
      (r) =>
        (r.notAfter === undefined || r.names.has(key) || !r.notAfter.has(beforeLastWord)) &&
        (r.requiresAlso === undefined || [...r.requiresAlso].some((other) => declared.has(other))) &&
        (r.namesOperation !== true || namesOperation(tool, name)),
    );
    // A path parameter whose own description says the tool saves a file there writes, whatever its name suggests.
    if ((rule === undefined || rule.category === 'read') && PATH_WORDS.has(lastWord) && savesFile(parameterDescription(tool, name))) {
      out.push(evidence({ source: 'parameter', kind: 'parameter', signal: SAVES_FILE_SIGNAL, match: name, category: 'write', strength: 'strong' }));
    } else if (rule !== undefined) {
      out.push(evidence({ source: 'parameter', kind: 'parameter', signal: rule.id, match: name, category: rule.category, strength: rule.strength, raises: rule.raises }));
    }
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
  const selected = operationSignals(tool, names, keys);
  out.push(...riskiestOperations(selected));
  return { evidence: out, flags, operations: selected.map(operationOf) };
}

/** The string values a parameter schema allows: `enum`, `const`, `anyOf`/`oneOf` of consts, or an array's `items` of those. */
function allowedValues(schema: unknown): string[] {
  if (!isRecord(schema)) return [];
  const out: string[] = [];
  if (Array.isArray(schema['enum'])) for (const v of schema['enum']) if (typeof v === 'string') out.push(v);
  if (typeof schema['const'] === 'string') out.push(schema['const']);
  for (const key of ['anyOf', 'oneOf']) {
    const alternatives = schema[key];
    if (Array.isArray(alternatives)) for (const a of alternatives) out.push(...allowedValues(a));
  }
  if (out.length === 0 && isRecord(schema['items'])) out.push(...allowedValues(schema['items']));
  return out;
}

/**
 * Values a parameter's description names (“One of 'create', 'update' or 'delete'”, “Operation to
 * perform: create-table, delete-table, get-table”, “Operation to perform: generate, deploy,
 * describe, or delete”): every quoted word, every hyphenated or snake-case word and every word of
 * a plain list after a colon, when there are two or more.
 */
/** A list of single words after a colon or “one of”, at least three, the last after “or”/“and” or a comma. */
const LISTED_VALUES = /(?::|\bone of)\s*((?:[A-Za-z][\w-]*\s*,\s*){2,}(?:(?:or|and)\s+)?[A-Za-z][\w-]*)/g;

function describedValues(description: string | undefined): string[] {
  if (description === undefined) return [];
  const quoted = [...description.matchAll(/[`'"“‘]([A-Za-z][\w-]{1,40})[`'"”’]/g)].map((m) => m[1] ?? '');
  const compound = [...description.matchAll(/\b[A-Za-z]+(?:[-_][A-Za-z]+)+\b/g)].map((m) => m[0]);
  // A plain list after a colon or “one of”: “Operation to perform: generate, deploy, describe, or delete”.
  const listed = [...description.matchAll(LISTED_VALUES)].flatMap((m) => (m[1] ?? '').split(/\s*,\s*(?:(?:or|and)\s+)?|\s+(?:or|and)\s+/));
  const values = [...new Set([...quoted, ...compound, ...listed.filter((v) => /^[A-Za-z][\w-]*$/.test(v))])];
  return values.length >= 2 ? values : [];
}

/**
 * The operations that operation-selecting parameters (`OPERATION_PARAMETERS`) allow, each read as
 * a name (`delete_project_item` → delete; `DELETE` → delete), one piece of evidence per verb. As
 * with a router's listed operations, the reads count only when every operation reads. Only for a
 * tool whose name says no specific action: no verb, or only generic ones or nouns that are also
 * verbs (`jira_issues`, `manage_users`, `git_tag`; not `create_call`, whose `method` is the call's,
 * nor `jira_search`, whose search is an action).
 */
function operationSignals(tool: Tool, names: readonly string[], keys: readonly string[]): Evidence[] {
  const out: Evidence[] = [];
  const nameWords = splitName(tool.name);
  const specific = findNameVerbs(nameWords).some((i) => {
    const v = nameWords[i]?.lower ?? '';
    return !GENERIC_VERBS.has(v) && !(NOUN_LIKE_VERBS.has(v) && verbCategory(v) !== 'read');
  });
  if (specific) return out;
  const seen = new Set<string>();
  names.forEach((name, i) => {
    const key = keys[i] ?? '';
    const lastWord = key.slice(key.lastIndexOf('_') + 1);
    if (!OPERATION_PARAMETERS.names.has(key) && !OPERATION_PARAMETERS.lastWords.has(lastWord)) return;
    const declared = allowedValues(parameterSchema(tool, name));
    const values = declared.length > 0 ? declared : describedValues(parameterDescription(tool, name));
    for (const value of values) {
      const words = splitName(value);
      for (const at of findNameVerbs(words)) {
        const verb = words[at]?.lower ?? '';
        const objects = [...words.slice(at + 1), ...words.slice(0, at)];
        const reading = readVerb(verb, objects, 'name');
        if (reading === undefined || seen.has(verb)) continue;
        seen.add(verb);
        const signal = `${OPERATION_SIGNAL}-${verb}${reading.reading === undefined ? '' : `-${reading.reading}`}`;
        out.push(
          evidence({
            source: 'parameter',
            kind: 'operation',
            signal,
            match: `${name}: ${value}`,
            category: reading.category,
            strength: 'strong',
            raises: reading.raises,
            verb,
            reading: reading.reading,
          }),
        );
      }
    }
  });
  return out;
}
