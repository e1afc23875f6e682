/**
 * The classifier's tables: every word, phrase and parameter name it reacts to, what each points
 * to, and how evidence becomes a category, a risk and a confidence. Data only (plus tiny lookups);
 * `signals.ts` applies the word tables, `decide.ts` applies the scoring tables.
 *
 * Keep the verb sets disjoint (a test checks it): a word means one thing.
 */
import type { Category, Confidence, Risk, Strength } from '../schema.ts';

// ---------------------------------------------------------------------------------------------
// From evidence to a verdict.
// ---------------------------------------------------------------------------------------------

/** Points a piece of evidence adds to its category. Per source only the strongest piece counts. */
export const STRENGTH_POINTS: Readonly<Record<Strength, number>> = { weak: 1, strong: 2 };

/**
 * A category is established when its score reaches this: one strong signal, or weak signals from
 * two different sources (name, description, parameters, annotations) that agree.
 */
export const SUFFICIENT_SCORE = 2;

/** The category when nothing is established. Never `read`: calling a tool read-only needs evidence. */
export const DEFAULT_CATEGORY: Category = 'write';

/** Risk of each category before escalations. Rendered by the README and the policy page. */
export const RISK_TABLE: readonly { category: Category; risk: Risk; meaning: string }[] = [
  { category: 'read', risk: 'low', meaning: 'reads data without changing anything' },
  { category: 'write', risk: 'medium', meaning: 'creates or changes data' },
  { category: 'destructive', risk: 'high', meaning: 'deletes or overwrites data' },
  { category: 'execute', risk: 'critical', meaning: 'runs code or commands the agent chooses' },
  { category: 'financial', risk: 'high', meaning: 'creates financial objects or obligations' },
];

export const BASE_RISK: Readonly<Record<Category, Risk>> = {
  read: 'low',
  write: 'medium',
  destructive: 'high',
  execute: 'critical',
  financial: 'high',
};

/**
 * The verdict's risk is its category's risk after escalations, but never below the (escalated)
 * risk of a less risky category that is also established: `bulk_delete_invoices` is financial, and
 * critical because its destructive reading is mass deletion.
 */
export const RISK_FLOOR_RULE = 'never below the risk of another established category';

/** How confidence is decided (`decide.ts`), as data for the README. */
export const CONFIDENCE_RULES: readonly { confidence: Confidence; when: string }[] = [
  {
    confidence: 'high',
    when: 'two or more sources support the category, one of them strongly, and no established read reading contradicts it',
  },
  { confidence: 'medium', when: 'one source supports the category strongly, or a read reading is also established (contested)' },
  { confidence: 'low', when: 'only weak signals support the category, or nothing does (the default write)' },
];

// ---------------------------------------------------------------------------------------------
// Verbs: in a tool's name and at the start of its description.
// ---------------------------------------------------------------------------------------------

/** Verbs that only look at things. */
export const READ_VERBS: ReadonlySet<string> = new Set([
  'get', 'list', 'read', 'search', 'find', 'fetch', 'query', 'describe', 'show', 'view', 'lookup',
  'retrieve', 'download', 'check', 'count', 'inspect', 'browse', 'explore', 'scan', 'analyze',
  'analyse', 'validate', 'verify', 'preview', 'tail', 'diff', 'compare', 'summarize', 'summarise',
  'explain', 'suggest', 'recommend', 'calculate', 'estimate', 'ping', 'echo', 'navigate', 'snapshot',
  'screenshot', 'capture', 'hover', 'scroll', 'wait', 'poll', 'watch', 'monitor', 'lint', 'troubleshoot',
  'diagnose', 'extract', 'parse', 'convert', 'translate', 'open', 'load', 'print', 'discover', 'detect',
  'identify', 'grep', 'resolve', 'measure', 'export', 'look', 'sample', 'test',
]);

/** Read verbs that only count at the start of a description (“Returns …”), not in names. */
export const DESCRIPTION_READ_VERBS: ReadonlySet<string> = new Set(['return', 'provide', 'display', 'give']);

/** Verbs that create or change things. */
export const WRITE_VERBS: ReadonlySet<string> = new Set([
  'create', 'add', 'insert', 'write', 'update', 'edit', 'modify', 'set', 'put', 'patch', 'upload',
  'save', 'append', 'rename', 'move', 'copy', 'tag', 'untag', 'label', 'assign', 'unassign', 'attach',
  'detach', 'link', 'unlink', 'register', 'enable', 'disable', 'configure', 'apply', 'deploy', 'build',
  'init', 'initialize', 'install', 'import', 'commit', 'push', 'merge', 'approve', 'reject', 'start',
  'stop', 'restart', 'reboot', 'schedule', 'submit', 'generate', 'make', 'close', 'lock', 'unlock',
  'fork', 'clone', 'sync', 'synchronize', 'upsert', 'replace', 'fill', 'type', 'click', 'press',
  'select', 'drag', 'resize', 'toggle', 'trigger', 'mark', 'star', 'unstar', 'follow', 'unfollow',
  'subscribe', 'unsubscribe', 'scale', 'restore', 'rollback', 'revert', 'refresh', 'reload', 'rotate',
  'grant', 'share', 'transfer', 'archive', 'unarchive', 'pin', 'unpin', 'react', 'vote', 'request',
  'reserve', 'book', 'provision', 'launch', 'allocate', 'associate', 'disassociate', 'accept',
  'decline', 'dismiss', 'comment', 'containerize', 'compress', 'gzip', 'zip', 'unzip', 'handle',
  'record', 'track', 'remember', 'store', 'cache', 'train', 'complete', 'finish', 'cancel', 'pause',
  'resume', 'suspend', 'retry', 'dispatch', 'process', 'confirm', 'issue', 'order', 'buy',
  'purchase', 'sell', 'invite', 'change', 'manage', 'reply', 'forward', 'send', 'post', 'publish',
  'broadcast', 'notify', 'email', 'mail', 'tweet', 'finalize',
]);

/** Write verbs that reach people outside: they raise a write to `high` (see `ESCALATIONS`). */
export const OUTBOUND_VERBS: ReadonlySet<string> = new Set([
  'send', 'email', 'mail', 'post', 'reply', 'forward', 'publish', 'broadcast', 'notify', 'tweet', 'invite',
]);

/** Verbs that delete or irreversibly discard. */
export const DESTRUCTIVE_VERBS: ReadonlySet<string> = new Set([
  'delete', 'remove', 'rm', 'del', 'erase', 'destroy', 'drop', 'truncate', 'purge', 'wipe', 'nuke',
  'clear', 'reset', 'terminate', 'kill', 'revoke', 'uninstall', 'deregister', 'unregister', 'discard',
  'prune', 'flush', 'evict', 'deprovision', 'teardown', 'overwrite', 'shred', 'expunge', 'obliterate', 'void',
]);

/** Destructive verbs that act on a whole collection by definition: they raise to `critical`. */
export const MASS_DESTRUCTIVE_VERBS: ReadonlySet<string> = new Set(['drop', 'truncate', 'purge', 'wipe', 'nuke']);

/**
 * Verbs that run something. `run`/`execute` on a query (and no code word) reads instead:
 * “Execute a PromQL query” is a read, “Run a SQL query” is code. See `QUERY_NOUNS`, `CODE_NOUNS`.
 */
export const EXECUTE_VERBS: ReadonlySet<string> = new Set(['execute', 'exec', 'run', 'eval', 'invoke', 'spawn', 'interpret']);

/** Runs code only when its object is code (`evaluate_script`); otherwise it is no signal. */
export const EVALUATE_VERBS: ReadonlySet<string> = new Set(['evaluate']);

/** Verbs that move money: financial, raised to `critical`. */
export const MONEY_VERBS: ReadonlySet<string> = new Set(['refund', 'charge', 'pay', 'payout', 'withdraw', 'disburse', 'remit', 'deposit']);

/** What a verb points to, or undefined for words that are not verbs here. */
export function verbCategory(verb: string): Category | undefined {
  if (READ_VERBS.has(verb)) return 'read';
  if (WRITE_VERBS.has(verb)) return 'write';
  if (DESTRUCTIVE_VERBS.has(verb)) return 'destructive';
  if (EXECUTE_VERBS.has(verb) || EVALUATE_VERBS.has(verb)) return 'execute';
  if (MONEY_VERBS.has(verb)) return 'financial';
  return undefined;
}

/** The risk a verb escalates its category to, if any. */
export function verbRaises(verb: string): Risk | undefined {
  if (OUTBOUND_VERBS.has(verb)) return 'high';
  if (MASS_DESTRUCTIVE_VERBS.has(verb) || MONEY_VERBS.has(verb)) return 'critical';
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Nouns: objects that change what a verb means.
// ---------------------------------------------------------------------------------------------

/** Code: makes `run`/`execute`/`evaluate` execute; a bare name made of one (`bash`) executes. */
export const CODE_NOUNS: ReadonlySet<string> = new Set([
  'command', 'commands', 'cmd', 'code', 'script', 'scripts', 'shell', 'bash', 'sh', 'zsh', 'powershell',
  'terminal', 'sql', 'javascript', 'js', 'python', 'expression', 'program', 'snippet', 'statement',
  'statements', 'cli', 'binary', 'executable', 'cell', 'notebook', 'repl', 'process', 'lambda',
]);

/** A query: `run`/`execute` on one reads (unless a code noun is also there). */
export const QUERY_NOUNS: ReadonlySet<string> = new Set(['query', 'queries', 'search', 'report', 'reports', 'promql']);

/** Nouns in a bare name (no verb) that mean the tool runs code. */
export const EXECUTE_NAME_NOUNS: ReadonlySet<string> = new Set(['shell', 'bash', 'terminal', 'powershell', 'cmd', 'repl', 'sql', 'python', 'javascript', 'exec']);

/**
 * Money objects: acting on one (any verb but a read) is financial. Ambiguous words are left out on
 * purpose: subscription (MCP resource subscriptions), transaction (database), checkout (git),
 * transfer (files, domains, repositories).
 */
export const FINANCIAL_NOUNS: ReadonlySet<string> = new Set(['payment', 'payments', 'invoice', 'invoices', 'billing']);

/** Money objects whose creation moves money: financial, raised to `critical`. */
export const MONEY_NOUNS: ReadonlySet<string> = new Set([
  'refund', 'refunds', 'charge', 'charges', 'payout', 'payouts', 'funds', 'money', 'disbursement',
  'disbursements', 'withdrawal', 'withdrawals',
]);

/** Verbs that settle a financial object (`capture_payment`): with a financial noun, money moves. */
export const SETTLE_VERBS: ReadonlySet<string> = new Set(['capture', 'confirm', 'process', 'submit', 'send', 'make', 'execute', 'complete', 'pay']);

/** In a name with a destructive verb, these widen the reach to many items: raised to `critical`. */
export const BULK_WORDS: ReadonlySet<string> = new Set(['bulk', 'batch', 'all', 'every', 'mass']);

/**
 * Verbs that are just as often nouns (`image_set_get`, `memory_get_record`, `schedule_list`): in a
 * name, another verb wins over them; they are the action only when no other verb is there.
 */
export const NOUN_LIKE_VERBS: ReadonlySet<string> = new Set([
  'set', 'record', 'tag', 'test', 'order', 'process', 'type', 'link', 'label', 'comment', 'store', 'lock',
  'schedule', 'request', 'cache', 'book', 'mark', 'star', 'scale', 'sample', 'count', 'view', 'snapshot',
  'screenshot', 'email', 'mail', 'post', 'export', 'import', 'check', 'capture', 'trigger', 'archive',
  'transfer', 'charge', 'deposit', 'pin', 'vote', 'track', 'change', 'share', 'issue', 'forward', 'reply',
  'print', 'query', 'search', 'build', 'commit', 'patch', 'copy', 'load', 'lookup', 'scan', 'watch',
]);

/**
 * Light objects: a destructive verb on one of these (`remove_label`, “Remove tags from …”) only
 * edits metadata, so it reads as a write.
 */
export const LIGHT_OBJECTS: ReadonlySet<string> = new Set([
  'tag', 'tags', 'label', 'labels', 'reaction', 'reactions', 'assignee', 'assignees', 'bookmark',
  'bookmarks', 'breakpoint', 'breakpoints', 'highlight', 'highlights',
]);

/** Words skipped when looking for a verb's object in a description (“Remove the tags …”). */
export const ARTICLES: ReadonlySet<string> = new Set(['a', 'an', 'the', 'all', 'any', 'one', 'some', 'specified', 'given', 'existing', 'specific']);

/** A name ending in one of these documents a topic (`deploy_app_help`): its verb is the topic, not an action. */
export const TOPIC_SUFFIXES: ReadonlySet<string> = new Set(['help', 'guidance', 'instructions', 'docs', 'documentation', 'tutorial', 'howto']);

/** Words that link two verbs in a name: `get_or_create`, `build_and_push`. */
export const VERB_LINKS: ReadonlySet<string> = new Set(['and', 'or']);

/** Linked verb pairs that are one gesture, not two actions (`drag_and_drop` drops nothing). */
export const IDIOMS: ReadonlySet<string> = new Set(['drag and drop']);

// ---------------------------------------------------------------------------------------------
// Descriptions.
// ---------------------------------------------------------------------------------------------

/** A leading notice line that says nothing about what the tool does (“DEPRECATION NOTICE: …”). */
export const NOTICE_LINE =
  /^(?=[A-Z -]*(?:NOTICE|NOTE|WARNING|IMPORTANT|CAUTION|DEPRECAT|BETA|EXPERIMENTAL))[A-Z][A-Z -]*:[^\n]*(?:\n|$)/;

/** Filler before a description's leading verb (“This tool will …”, “Use this tool to …”). */
export const LEAD_FILLER =
  /^(?:(?:this|the) tool (?:will |can |is used to |lets you |allows you to |helps you |helps )?|use this tool to |(?:a )?tool (?:to|that) |allows (?:you|the user|users|the agent|agents) to |lets (?:you|the user) |used to |can be used to |helps (?:you )?(?:to )?|please |it )/i;

/** Words before a match that negate it (“does not delete”), within `NEGATION_WINDOW` words. */
export const NEGATORS: ReadonlySet<string> = new Set([
  'not', 'never', 'no', 'without', 'cannot', "can't", 'can’t', "doesn't", 'doesn’t', "don't", 'don’t',
  "won't", 'won’t', "isn't", 'isn’t', 'nor', 'non',
]);
export const NEGATION_WINDOW = 3;

/** How many words after a leading verb are read as its object (“Execute a shell command …”). */
export const OBJECT_WINDOW = 6;

export interface PhraseRule {
  /** Evidence signal id. */
  id: string;
  category: Category;
  strength: Strength;
  raises?: Risk;
  /** Must carry the `g` and `i` flags. */
  pattern: RegExp;
  /** Skip a match preceded by a negator. */
  negatable: boolean;
}

/**
 * Phrases looked for anywhere in a description. Ordered; a span already claimed by the leading
 * verb or an earlier rule is not matched again.
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
    id: 'description-deletes',
    category: 'destructive',
    strength: 'weak',
    pattern: /\b(?:delet(?:e|es|ed|ing)|remov(?:e|es|ed|ing)|eras(?:e|es|ed|ing)|destroy(?:s|ed|ing)?|overwrit(?:e|es|ing|ten)|wip(?:e|es|ed|ing)|purg(?:e|es|ed|ing)|truncat(?:e|es|ed|ing))\b/gi,
    negatable: true,
  },
  {
    id: 'description-executes',
    category: 'execute',
    strength: 'weak',
    pattern: /\bexecut(?:e|es|ed|ing)\b|\barbitrary (?:code|commands?)\b|\bshell commands?\b/gi,
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
];

// ---------------------------------------------------------------------------------------------
// Parameters (top-level `inputSchema.properties` keys).
// ---------------------------------------------------------------------------------------------

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
}

/** Ordered: the first rule a parameter matches is the one that fires. */
export const PARAMETER_RULES: readonly ParameterRule[] = [
  {
    id: 'param-command',
    category: 'execute',
    strength: 'strong',
    names: new Set(['command', 'commands', 'cmd', 'command_line', 'commandline', 'shell_command']),
    lastWords: new Set(['command', 'commands', 'cmd']),
  },
  {
    id: 'param-code',
    category: 'execute',
    strength: 'weak',
    names: new Set(['code', 'script', 'source_code', 'snippet', 'expression', 'javascript', 'js', 'python', 'program', 'function', 'sql', 'sql_query', 'statement']),
    lastWords: new Set(['code', 'script', 'expression', 'sql']),
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

// ---------------------------------------------------------------------------------------------
// Annotations (untrusted hints: they can raise risk, never lower it on their own).
// ---------------------------------------------------------------------------------------------

/**
 * What each declared hint means here. `readOnlyHint: true` is weak (a server's claim that its
 * tool is harmless needs another source); claims that raise risk are strong. `destructiveHint:
 * false`, `idempotentHint` and `openWorldHint` fire nothing: they could only lower risk, or they
 * say nothing about the category.
 */
export const ANNOTATION_RULES = {
  readOnly: { id: 'annotation-read-only', category: 'read', strength: 'weak' },
  notReadOnly: { id: 'annotation-not-read-only', category: 'write', strength: 'strong' },
  destructive: { id: 'annotation-destructive', category: 'destructive', strength: 'strong' },
  /** MCP spec: `destructiveHint` defaults to true when `readOnlyHint` is false. A default, so weak. */
  destructiveDefault: { id: 'annotation-destructive-default', category: 'destructive', strength: 'weak' },
} as const satisfies Record<string, { id: string; category: Category; strength: Strength }>;

// ---------------------------------------------------------------------------------------------
// Escalations (after the tables they quote).
// ---------------------------------------------------------------------------------------------

const words = (set: Iterable<string>): string => [...new Set(set)].join(', ');
const paramNames = (id: string): string => words(PARAMETER_RULES.filter((r) => r.id === id).flatMap((r) => [...r.names]));

export interface Escalation {
  category: Category;
  from: Risk;
  to: Risk;
  /** When it applies, in words. */
  when: string;
  /** Why the catalog escalates. */
  why: string;
  /** What triggers it, one clause per kind of evidence (these fire evidence with `raises`). */
  triggers: readonly string[];
}

/**
 * When a verdict's risk is above its category's base risk. An escalation applies only when the
 * escalating evidence (evidence with `raises`) points to the verdict's own category: a `force`
 * flag on a tool classified as write does not make it critical. Rendered by the README.
 */
export const ESCALATIONS: readonly Escalation[] = [
  {
    category: 'write',
    from: 'medium',
    to: 'high',
    when: 'it sends or publishes to people',
    why: 'a message that has left cannot be taken back, and it speaks for the user',
    triggers: [
      `a name or lead verb among ${words(OUTBOUND_VERBS)}`,
      `a parameter named ${paramNames('param-recipients')} (to only next to one of ${words(PARAMETER_RULES.flatMap((r) => [...(r.requiresAlso ?? [])]))})`,
      'description wording such as “send an email”, “post a message”',
    ],
  },
  {
    category: 'destructive',
    from: 'high',
    to: 'critical',
    when: 'the deletion is mass or forced',
    why: 'a human can judge one deletion from its arguments, not the reach of a bulk, recursive or forced one',
    triggers: [
      `a name or lead verb among ${words(MASS_DESTRUCTIVE_VERBS)}`,
      `a destructive name that also says ${words(BULK_WORDS)}`,
      `a parameter named ${paramNames('param-force')}`,
    ],
  },
  {
    category: 'financial',
    from: 'high',
    to: 'critical',
    when: 'it moves money',
    why: 'money that has moved is the hardest effect to undo',
    triggers: [
      `a name or lead verb among ${words(MONEY_VERBS)}`,
      `any verb but a read acting on ${words(MONEY_NOUNS)}`,
      `${words(SETTLE_VERBS)} acting on ${words(FINANCIAL_NOUNS)}`,
      'description wording such as “issue a refund”, “transfer funds”, “charge the customer”',
    ],
  },
];
