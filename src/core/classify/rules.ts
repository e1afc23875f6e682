/**
 * The classifier's tables: every word, phrase and parameter name it reacts to, what each points
 * to, and how evidence becomes a category, a risk, a confidence and flags (`FLAG_TABLE`); how
 * declared annotations become findings (`FINDING_RULES`) and which annotations the catalog
 * suggests (`SUGGESTION_RULES`). Data only (plus tiny lookups); `signals.ts` applies the word
 * tables, `decide.ts` the scoring tables, `reconcile.ts` the last two.
 *
 * Keep the verb sets disjoint (a test checks it): a word means one thing.
 */
import type { AnnotationHint, Category, Confidence, Flag, FindingKind, Risk, Strength } from '../schema.ts';

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

/** When escalating evidence applies (`assess` in `decide.ts`). Rendered by the method page. */
export const ESCALATION_STRENGTH_RULE =
  'a weak escalating signal (a force or recursive parameter, recipient parameters, wording in the description) raises only a reading that a strong signal of the same category makes';

/**
 * The flags' part of the risk: a flag with a least risk in `FLAG_TABLE` (credential access,
 * permission change) holds the verdict at or above it when a strong signal supports the flag.
 */
export const FLAG_FLOOR_RULE = 'never below the least risk of an established flag that a strong signal supports (see FLAG_TABLE)';

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
  'explain', 'suggest', 'recommend', 'calculate', 'estimate', 'ping', 'echo', 'snapshot',
  'screenshot', 'capture', 'wait', 'poll', 'watch', 'monitor', 'lint', 'troubleshoot',
  'diagnose', 'extract', 'parse', 'convert', 'translate', 'open', 'load', 'print', 'discover', 'detect',
  'identify', 'grep', 'resolve', 'measure', 'export', 'look', 'sample', 'test', 'enumerate', 'aggregate',
  'scrape', 'crawl', 'compute', 'render', 'rank', 'rerank', 'score', 'ask', 'research', 'plan',
  'guide',
]);

/** Read verbs that only count at the start of a description (“Returns …”), not in names. */
export const DESCRIPTION_READ_VERBS: ReadonlySet<string> = new Set(['return', 'provide', 'display', 'give', 'answer']);

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
  'broadcast', 'notify', 'email', 'mail', 'tweet', 'finalize', 'navigate', 'hover', 'scroll', 'new',
  'queue', 'enqueue', 'unshare', 'authorize', 'deauthorize', 'draft', 'compose', 'duplicate', 'regenerate',
  'resend', 'enhance', 'improve', 'refine', 'rewrite',
]);

/** Write verbs that reach people outside: they raise a write to `high` (see `ESCALATIONS`). */
export const OUTBOUND_VERBS: ReadonlySet<string> = new Set([
  'send', 'email', 'mail', 'post', 'reply', 'forward', 'publish', 'broadcast', 'notify', 'tweet', 'invite',
  'resend',
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

/**
 * Outbound verbs that are as often an HTTP method, a noun or a direction (`API-post-page`,
 * `post_search`, `browser_go_forward`, `port_forward`): they reach people only when their object
 * is a message (`MESSAGE_NOUNS`), so only then do they raise.
 */
export const MESSAGE_OBJECT_VERBS: ReadonlySet<string> = new Set(['post', 'forward']);

/** Objects that keep any outbound verb on the machine: `send_keys` types into a page, `send_signal` stops a process. */
export const LOCAL_OBJECTS: ReadonlySet<string> = new Set(['key', 'keys', 'keystroke', 'keystrokes', 'input', 'signal', 'signals']);

/** What a message-object verb must act on to count as outbound (`slack_post_message`, “Post a comment”). */
export const MESSAGE_NOUNS: ReadonlySet<string> = new Set([
  'message', 'messages', 'comment', 'comments', 'reply', 'replies', 'tweet', 'tweets', 'status', 'note',
  'notes', 'announcement', 'announcements', 'thread', 'threads', 'chat', 'reaction', 'review', 'email',
  'emails', 'mail', 'invitation', 'invitations', 'notification', 'notifications',
]);

/** The risk a verb escalates its category to, if any (message-object verbs: see `MESSAGE_OBJECT_VERBS`). */
export function verbRaises(verb: string): Risk | undefined {
  if (OUTBOUND_VERBS.has(verb)) return 'high';
  if (MASS_DESTRUCTIVE_VERBS.has(verb) || MONEY_VERBS.has(verb)) return 'critical';
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// What a verb says about the annotations a tool should declare (see `SUGGESTION_RULES`).
// ---------------------------------------------------------------------------------------------

/**
 * Write verbs whose effect is purely additive: they create something new and leave what exists
 * as it was. The MCP spec's `destructiveHint: false` means exactly “only additive updates”, so a
 * write is suggested `destructiveHint: false` only when every one of its verbs is here; any other
 * write (update, set, move, click, deploy …) may change what exists and is suggested `true`, the
 * spec's default. An additive verb does not make an irreversible effect safe: a write escalated for
 * reaching people (send, reply …) or a payment is suggested `true` whatever its verbs, because a
 * message that has left and money that has moved cannot be taken back (`ESCALATIONS`).
 * Left out on purpose: verbs that write to a place that may already hold something
 * (upload, copy, import, clone, init, save, record) and verbs that set work in motion whose
 * effects the name does not say (start, launch, trigger, dispatch, queue).
 */
export const ADDITIVE_VERBS: ReadonlySet<string> = new Set([
  'create', 'add', 'insert', 'append', 'new', 'register', 'comment', 'post', 'send', 'reply', 'forward',
  'publish', 'broadcast', 'notify', 'email', 'mail', 'tweet', 'invite', 'subscribe', 'follow', 'star',
  'react', 'vote', 'request', 'submit', 'schedule', 'book', 'reserve', 'generate', 'make', 'fork',
  'track', 'remember', 'store', 'provision', 'allocate', 'issue', 'order', 'buy', 'purchase', 'tag',
  'label', 'pin', 'link', 'associate', 'attach', 'grant', 'share', 'commit', 'draft', 'compose', 'duplicate',
]);

/**
 * Verbs whose repetition with the same arguments changes nothing more (`idempotentHint: true`):
 * setting a value, deleting a thing, switching something on.
 */
export const IDEMPOTENT_VERBS: ReadonlySet<string> = new Set([
  'set', 'put', 'update', 'replace', 'upsert', 'overwrite', 'write', 'save', 'delete', 'remove', 'rm',
  'del', 'erase', 'destroy', 'drop', 'truncate', 'purge', 'wipe', 'clear', 'reset', 'uninstall',
  'deregister', 'unregister', 'discard', 'enable', 'disable', 'configure', 'apply', 'lock', 'unlock',
  'archive', 'unarchive', 'mark', 'star', 'unstar', 'follow', 'unfollow', 'pin', 'unpin', 'tag', 'untag',
  'label', 'assign', 'unassign', 'close', 'cancel', 'stop', 'pause', 'resume', 'suspend', 'approve',
  'sync', 'synchronize', 'revoke', 'grant', 'terminate', 'kill', 'resize', 'scale', 'select', 'attach', 'detach', 'associate', 'link',
  'unlink', 'disassociate', 'unsubscribe', 'unshare', 'deprovision', 'teardown',
]);

/**
 * Verbs whose every call acts again (`idempotentHint: false`): each creates, sends, runs or moves
 * money once more. A verb in neither list leaves `idempotentHint` unsuggested.
 */
export const NON_IDEMPOTENT_VERBS: ReadonlySet<string> = new Set([
  'create', 'add', 'insert', 'append', 'new', 'comment', 'post', 'send', 'reply', 'forward', 'publish',
  'broadcast', 'notify', 'email', 'mail', 'tweet', 'invite', 'submit', 'generate', 'clone', 'fork', 'copy',
  'launch', 'provision', 'allocate', 'order', 'buy', 'purchase', 'start', 'trigger', 'dispatch', 'queue',
  'enqueue', 'retry', 'restart', 'reboot', 'rotate', 'click', 'press', 'type', 'fill', 'drag', 'scroll',
  'push', 'commit', 'merge', 'deploy', 'build', 'upload', 'import', 'move', 'rename', 'transfer', 'issue',
  'book', 'reserve', 'schedule', 'request', 'register', 'record', 'track', 'execute', 'exec', 'run',
  'eval', 'invoke', 'spawn', 'interpret', 'evaluate', 'refund', 'charge', 'pay', 'payout', 'withdraw',
  'disburse', 'remit', 'deposit', 'draft', 'compose', 'duplicate', 'resend', 'regenerate',
]);

// ---------------------------------------------------------------------------------------------
// Nouns: objects that change what a verb means.
// ---------------------------------------------------------------------------------------------

/** Code: makes `run`/`execute`/`evaluate` execute; a bare name made of one (`bash`) executes. */
export const CODE_NOUNS: ReadonlySet<string> = new Set([
  'command', 'commands', 'cmd', 'code', 'script', 'scripts', 'shell', 'bash', 'sh', 'zsh', 'powershell',
  'terminal', 'sql', 'javascript', 'js', 'python', 'expression', 'program', 'snippet', 'statement',
  'statements', 'cli', 'binary', 'executable', 'cell', 'notebook', 'repl', 'process', 'lambda',
  'typescript', 'ruby', 'perl', 'php', 'lua',
]);

/** A query: `run`/`execute` on one reads (unless a code noun is also there). */
export const QUERY_NOUNS: ReadonlySet<string> = new Set([
  'query', 'queries', 'search', 'report', 'reports', 'promql', 'aggregation', 'aggregations', 'research',
  'analysis', 'analyses', 'audit', 'audits', 'scan', 'scans',
]);

/**
 * Verbs that, on something shown to a user or device (`UI_OBJECTS`), drive that interface
 * rather than read or delete: “Open a URL in the simulator” writes, “Open specific nodes” reads;
 * `browser_drop` (“Drop files onto an element”) writes, `drop_table` deletes.
 */
export const INTERFACE_VERBS: ReadonlySet<string> = new Set(['open', 'drop']);

/** Words that make an interface verb place rather than act on its object (“Drop files onto an element”). */
export const PLACEMENT_WORDS: ReadonlySet<string> = new Set(['onto']);

/**
 * Read verbs that change state when their object is a stored thing with a state: resolving an
 * issue closes it (`resolveIssue`), while resolving a library id looks it up; snapshotting a
 * droplet makes a backup, while snapshotting a page reads it.
 */
export const STATEFUL_OBJECTS: Readonly<Record<string, ReadonlySet<string>>> = {
  resolve: new Set([
    'issue', 'issues', 'ticket', 'tickets', 'alert', 'alerts', 'incident', 'incidents', 'thread', 'threads',
    'conversation', 'conversations', 'comment', 'comments', 'hotspot', 'hotspots', 'finding', 'findings',
    'vulnerability', 'vulnerabilities', 'discussion', 'discussions',
  ]),
  snapshot: new Set(['droplet', 'droplets', 'volume', 'volumes', 'disk', 'disks', 'instance', 'instances', 'vm', 'vms', 'database', 'databases', 'cluster', 'clusters']),
};

/** What an interface verb must act on to write (`open_url`, “Open a new tab”). */
export const UI_OBJECTS: ReadonlySet<string> = new Set([
  'url', 'urls', 'link', 'links', 'app', 'apps', 'application', 'applications', 'browser', 'tab', 'tabs',
  'window', 'windows', 'simulator', 'emulator', 'dialog', 'modal', 'element', 'elements',
]);

/**
 * A predefined job: `run`/`execute` on one starts work someone already defined (`run_pipeline`),
 * so it is a strong write, not code the agent chooses. `run` on anything else is a weak execute.
 */
export const JOB_NOUNS: ReadonlySet<string> = new Set([
  'pipeline', 'pipelines', 'workflow', 'workflows', 'job', 'jobs', 'task', 'tasks', 'build', 'builds',
  'action', 'actions', 'monitor', 'monitors', 'check', 'checks', 'test', 'tests', 'suite', 'crawl',
  'migration', 'migrations', 'deployment', 'playbook', 'runbook', 'automation',
]);

/** Modifiers that keep code to reads: “Run a read-only SQL query”, `execute_readonly_sql`. */
export const READ_ONLY_MODIFIERS: ReadonlySet<string> = new Set(['read-only', 'readonly']);

/** Verbs that produce text: on code or a text object (`TEXT_NOUNS`) they return it and change nothing. */
export const GENERATE_VERBS: ReadonlySet<string> = new Set(['generate']);

/**
 * What a generated thing must be for the generation to read (“Generate a JSON schema”): the first
 * such noun of the object, unless a stored thing follows it (“Generate documentation files”).
 */
export const TEXT_NOUNS: ReadonlySet<string> = new Set([
  'types', 'typings', 'summary', 'summaries', 'report', 'reports', 'documentation', 'docs', 'diagram',
  'diagrams', 'chart', 'charts', 'text', 'description', 'descriptions', 'explanation', 'plan', 'plans',
  'suggestion', 'suggestions', 'recommendation', 'recommendations', 'markdown', 'yaml', 'json', 'example',
  'examples', 'template', 'templates', 'answer', 'answers', 'prompt', 'prompts', 'query', 'queries',
  'preview', 'outline', 'changelog', 'instructions', 'guidance', 'image', 'images', 'map', 'maps', 'graph',
  'graphs', 'spreadsheet', 'schema', 'schemas',
]);

/** Things that are stored, not returned: a text noun followed by one of these (“documentation files”) is written. */
export const STORED_OBJECTS: ReadonlySet<string> = new Set([
  'file', 'files', 'folder', 'folders', 'directory', 'directories', 'page', 'pages', 'document', 'documents',
  'record', 'records', 'resource', 'resources', 'entry', 'entries', 'item', 'items', 'object', 'objects',
]);

/** Words that end a verb's object (“Deletes the secret **from** the vault”): the head noun comes before. */
export const OBJECT_STOPS: ReadonlySet<string> = new Set([
  'from', 'in', 'into', 'on', 'onto', 'at', 'to', 'for', 'with', 'using', 'via', 'by', 'against',
  'within', 'across', 'that', 'which', 'based', 'when', 'if', 'so', 'as', 'through', 'inside', 'under',
]);

/**
 * Word pairs that are one noun: neither word is a verb there (`network_request`, `merge_request`,
 * `pull_request_review`). Only the pair counts: `merge_merge_request` still merges.
 */
export const COMPOUND_NOUNS: ReadonlySet<string> = new Set([
  'network request', 'network requests', 'pull request', 'pull requests', 'merge request', 'merge requests',
  'http request', 'http requests', 'feature request', 'feature requests', 'change request', 'change requests',
  'access request', 'access requests', 'service request', 'dry run', 'test run', 'test runs', 'workflow run',
  'workflow runs', 'pipeline run', 'pipeline runs', 'cron job', 'status check', 'status checks', 'health check',
  'console message', 'console messages', 'log message', 'log messages', 'commit message', 'error message',
  'cloud run',
]);

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
  'monitor', 'new', 'queue', 'crawl', 'grant', 'press', 'plan', 'guide', 'research', 'score', 'rank', 'click',
  'draft', 'duplicate',
]);

/**
 * Light objects: a destructive verb on one of these (`remove_label`, “Remove tags from …”,
 * `flush_cache`) only edits metadata or drops what is rebuilt on demand, so it reads as a write.
 */
export const LIGHT_OBJECTS: ReadonlySet<string> = new Set([
  'tag', 'tags', 'label', 'labels', 'reaction', 'reactions', 'assignee', 'assignees', 'bookmark',
  'bookmarks', 'breakpoint', 'breakpoints', 'highlight', 'highlights', 'cache', 'caches',
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
  /^(?:(?:this|the) (?:mcp )?tool (?:will |can |is used to |lets you |allows you to |helps you |helps )?|use this tool to |(?:a )?tool (?:to|that) |allows (?:you|the user|users|the agent|agents) to |lets (?:you|the user) |used to |can be used to |helps (?:you )?(?:to )?|please |it )/i;

/** Words before a match that negate it (“does not delete”), within `NEGATION_WINDOW` words. */
export const NEGATORS: ReadonlySet<string> = new Set([
  'not', 'never', 'no', 'without', 'cannot', "can't", 'can’t', "doesn't", 'doesn’t', "don't", 'don’t',
  "won't", 'won’t', "isn't", 'isn’t', 'nor', 'non',
]);
export const NEGATION_WINDOW = 3;

/** Words ending in -ly that are not manner adverbs, so never skipped before a lead verb (“Only requests that …”). */
export const NOT_ADVERBS: ReadonlySet<string> = new Set(['only', 'early', 'daily', 'weekly', 'monthly', 'yearly', 'hourly', 'reply', 'apply', 'supply', 'rely', 'fly', 'family']);

/** How many words after a leading verb are read as its object (“Execute a shell command …”). */
export const OBJECT_WINDOW = 6;

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
}

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

/**
 * What a parameter's own description may say that its name does not: that the tool writes a file
 * where the caller says (“path to save the screenshot to”). Read only for a parameter whose name
 * ends in a place on disk (path, file, dir, folder, destination …). Evidence `param-saves-file`, a
 * strong write, matched on the parameter's name.
 */
export const PARAMETER_SAVES_FILE =
  /\b(?:save|saves|saved|write|writes|written|export|exports|download|downloads)\b[^.\n]{0,60}?\b(?:to|into)\b[^.\n]{0,30}?\b(?:file|path|disk|directory|folder)\b|\b(?:path|file|directory|folder)\b[^.\n]{0,80}?\bto (?:save|write)\b|\b(?:output|destination) (?:file|path|directory|folder)\b|\bwhere to (?:save|write)\b/i;

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
  /** Also matches when the whole name (lowercase words joined by `_`) matches this. */
  pattern?: RegExp;
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
};

/** Ordered: the first rule a parameter matches is the one that fires. */
export const PARAMETER_RULES: readonly ParameterRule[] = [
  {
    // “The command to execute against the specified tool” of a “command router”: an operation's
    // name, whose effect the tool's other evidence must tell; not a command line.
    id: 'param-subcommand',
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
    lastWords: new Set(['code', 'script', 'expression', 'sql']),
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

// ---------------------------------------------------------------------------------------------
// Annotations (untrusted hints: they can raise risk, never lower it on their own).
// ---------------------------------------------------------------------------------------------

/**
 * What each declared hint means here. `readOnlyHint: true` is weak (a server's claim that its
 * tool is harmless needs another source); claims that raise risk are strong. `destructiveHint:
 * false`, `idempotentHint` and `openWorldHint: false` fire nothing: they could only lower risk, or
 * they say nothing about the category (`openWorldHint: true` sets a flag: `ANNOTATION_FLAG_RULES`).
 * A hint that the other evidence contradicts becomes a finding (`FINDING_RULES`).
 */
export const ANNOTATION_RULES = {
  readOnly: { id: 'annotation-read-only', category: 'read', strength: 'weak' },
  notReadOnly: { id: 'annotation-not-read-only', category: 'write', strength: 'strong' },
  destructive: { id: 'annotation-destructive', category: 'destructive', strength: 'strong' },
  /** MCP spec: `destructiveHint` defaults to true when `readOnlyHint` is false. A default, so weak. */
  destructiveDefault: { id: 'annotation-destructive-default', category: 'destructive', strength: 'weak' },
} as const satisfies Record<string, { id: string; category: Category; strength: Strength }>;

/** Declared hints that establish a flag: claims that only raise concern, so strong. */
export const ANNOTATION_FLAG_RULES = {
  openWorld: { id: 'annotation-open-world', flag: 'open-world', strength: 'strong' },
} as const satisfies Record<string, { id: string; flag: Flag; strength: Strength }>;

// ---------------------------------------------------------------------------------------------
// Flags: credential access, permission change, open-world network access, private data.
// Scored like categories (per source the strongest signal; established at `SUFFICIENT_SCORE`).
// ---------------------------------------------------------------------------------------------

/** What a flag means, what it does to risk, and why. Rendered on the method page. */
export interface FlagRow {
  flag: Flag;
  /** Short label for a badge. */
  label: string;
  /** What the tool does when the flag is set. */
  meaning: string;
  /**
   * The least risk a tool with this flag gets, when at least one strong signal establishes the flag
   * (weak hints from two sources show the flag without changing risk); absent when it never does.
   */
  risk?: Risk;
  /** Categories on which the flag is not established even with sufficient evidence. */
  notOn: readonly Category[];
  /** Why the catalog treats it so. */
  why: string;
}

export const FLAG_TABLE: readonly FlagRow[] = [
  {
    flag: 'credential-access',
    label: 'credential or secret access',
    meaning: 'reads, creates or changes credentials or secrets: API keys, passwords, access tokens, private keys',
    risk: 'high',
    notOn: [],
    why: 'a secret in the agent’s context can leave with its next call, and it grants whatever it grants to whoever holds it',
  },
  {
    flag: 'permission-change',
    label: 'permission or policy change',
    meaning: 'changes who may do what: access policies, roles, permissions, members, grants',
    risk: 'high',
    notOn: ['read'],
    why: 'one call can widen what every later call may do, the agent’s own included; reading a policy changes nothing, so a read tool is never flagged',
  },
  {
    flag: 'open-world',
    label: 'open-world network access',
    meaning: 'reaches network destinations the caller chooses: URLs, web search, a browser',
    notOn: [],
    why: 'content from the open web can carry instructions for the agent and a URL can carry data out; shown, and suggested as openWorldHint, but one call does the damage of its category',
  },
  {
    flag: 'private-data',
    label: 'private data',
    meaning: 'reads or handles personal data: mail, direct messages, contacts, patient records',
    notOn: [],
    why: 'what it returns should not travel further; shown so a policy can keep it away from open-world tools, but one call does the damage of its category',
  },
];

/** A rule that reads flag nouns among a name's words or a description's lead object. */
export interface FlagNounRule {
  /** Evidence signal prefix: `name-<id>-<word>`, `description-<id>-<word>`. */
  id: string;
  flag: Flag;
  strength: Strength;
  /** Single words, lowercase. */
  words: ReadonlySet<string>;
  /** Two-word nouns, lowercase, space-separated (`api key`). */
  pairs: ReadonlySet<string>;
  /**
   * Which verbs the noun must go with: `any`; `change` (not a read verb — with no verb at all the
   * signal is weak); `read` (only read verbs; no verb is no signal).
   */
  verbs: 'any' | 'change' | 'read';
  /** A word right before the noun that makes it something else (`retention policy`). */
  notAfter?: ReadonlySet<string>;
  /** A word right after the noun that makes it something else (`web app`). */
  notBefore?: ReadonlySet<string>;
}

/** Words that make a policy something other than an access policy (`retention policy`, `propagation_policy`). */
export const NOT_ACCESS_POLICIES: ReadonlySet<string> = new Set([
  'retention', 'lifecycle', 'scaling', 'autoscaling', 'backup', 'cache', 'caching', 'restart', 'eviction',
  'routing', 'retry', 'rollout', 'deployment', 'update', 'pricing', 'refund', 'return', 'cancellation',
  'privacy', 'placement', 'scheduling', 'snapshot', 'replication', 'storage', 'log', 'logging', 'alert',
  'alerting', 'escalation', 'notification', 'compression', 'encryption', 'versioning', 'propagation',
  'deletion', 'termination', 'reclaim', 'pull', 'image', 'sync', 'merge', 'conflict', 'timeout',
]);

/** Ordered; each word fires at most one rule (the first). */
export const FLAG_NOUN_RULES: readonly FlagNounRule[] = [
  {
    id: 'credential',
    flag: 'credential-access',
    strength: 'strong',
    verbs: 'any',
    words: new Set([
      'secret', 'secrets', 'credential', 'credentials', 'password', 'passwords', 'passphrase', 'passphrases',
      'passwd', 'apikey', 'apikeys', 'keypair', 'keypairs', 'kubeconfig', 'keyvault', 'keystore',
    ]),
    pairs: new Set([
      'api key', 'api keys', 'access key', 'access keys', 'secret key', 'secret keys', 'private key',
      'private keys', 'ssh key', 'ssh keys', 'signing key', 'signing keys', 'encryption key', 'encryption keys',
      'deploy key', 'deploy keys', 'account key', 'account keys', 'access token', 'access tokens', 'auth token',
      'auth tokens', 'api token', 'api tokens', 'bearer token', 'bearer tokens', 'refresh token', 'refresh tokens',
      'session token', 'session tokens', 'oauth token', 'oauth tokens', 'bot token', 'token vault',
      'connection string', 'connection strings',
    ]),
    // Keys made to be handed out are no secret: “publishable API keys”, “anon key”.
    notAfter: new Set(['public', 'publishable', 'anon', 'anonymous']),
  },
  {
    id: 'permission',
    flag: 'permission-change',
    strength: 'strong',
    verbs: 'change',
    words: new Set([
      'policy', 'policies', 'permission', 'permissions', 'role', 'roles', 'rolebinding', 'rolebindings',
      'clusterrole', 'clusterroles', 'acl', 'acls', 'iam', 'privilege', 'privileges', 'membership',
      'memberships', 'member', 'members', 'collaborator', 'collaborators', 'rbac',
    ]),
    pairs: new Set(['access level', 'access levels', 'access control', 'access controls', 'access rule', 'access rules']),
    notAfter: NOT_ACCESS_POLICIES,
  },
  {
    id: 'open-world',
    flag: 'open-world',
    strength: 'strong',
    verbs: 'any',
    words: new Set(['web', 'internet', 'www']),
    pairs: new Set(['web page', 'web pages']),
    notBefore: new Set([
      'app', 'apps', 'application', 'applications', 'hook', 'hooks', 'ui', 'interface', 'console',
      'component', 'components', 'server', 'servers', 'socket', 'sockets', 'vitals', 'worker', 'workers', 'api',
    ]),
  },
  {
    id: 'network',
    flag: 'open-world',
    strength: 'weak',
    verbs: 'any',
    // Not url or link: a tool that returns a URL (`get_project_url`) reaches nothing; fetching one is
    // the description's phrase (`FLAG_PHRASES`) or a url parameter (`FLAG_PARAMETER_RULES`). Not
    // browser: closing or resizing one reaches nothing; navigating it is `FLAG_VERBS`.
    words: new Set(['webpage', 'webpages', 'website', 'websites', 'http', 'https']),
    pairs: new Set([]),
  },
  {
    id: 'private',
    flag: 'private-data',
    strength: 'strong',
    verbs: 'any',
    words: new Set([
      'patient', 'patients', 'dicom', 'phi', 'pii', 'ehr', 'fhir', 'inbox', 'inboxes', 'mailbox', 'mailboxes',
      'contacts', 'ssn', 'dm', 'dms', 'birthdate',
    ]),
    pairs: new Set([
      'direct message', 'direct messages', 'private message', 'private messages', 'user profile', 'user profiles',
      'personal data', 'personal information', 'health record', 'health records', 'medical record',
      'medical records', 'social security', 'credit card', 'credit cards',
    ]),
  },
  {
    id: 'private-mail',
    flag: 'private-data',
    strength: 'strong',
    verbs: 'read',
    words: new Set(['email', 'emails', 'mail', 'mails']),
    pairs: new Set([]),
  },
  {
    id: 'private-messages',
    flag: 'private-data',
    strength: 'weak',
    verbs: 'read',
    words: new Set(['message', 'messages', 'conversation', 'conversations', 'chat', 'chats']),
    pairs: new Set([]),
    notAfter: new Set(['console', 'log', 'error', 'commit', 'status', 'system', 'warning', 'debug', 'network', 'validation']),
  },
];

/** Verbs that establish a flag by themselves (in a name, or leading a description). */
export const FLAG_VERBS: Readonly<Record<string, { flag: Flag; strength: Strength }>> = {
  grant: { flag: 'permission-change', strength: 'strong' },
  revoke: { flag: 'permission-change', strength: 'strong' },
  share: { flag: 'permission-change', strength: 'strong' },
  unshare: { flag: 'permission-change', strength: 'strong' },
  authorize: { flag: 'permission-change', strength: 'strong' },
  deauthorize: { flag: 'permission-change', strength: 'strong' },
  scrape: { flag: 'open-world', strength: 'strong' },
  crawl: { flag: 'open-world', strength: 'strong' },
  navigate: { flag: 'open-world', strength: 'weak' },
  browse: { flag: 'open-world', strength: 'weak' },
};

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
      `a name or lead verb among ${words(OUTBOUND_VERBS)} (${words(MESSAGE_OBJECT_VERBS)} only when its object is a message: ${words(MESSAGE_NOUNS)})`,
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

// ---------------------------------------------------------------------------------------------
// Reconciling declared annotations with the evidence, and what the server should declare.
// ---------------------------------------------------------------------------------------------

/**
 * When a declared annotation becomes a finding. In every case the verdict already took the
 * riskier reading (a hint can raise, never lower); the finding says where the server's own
 * hint disagrees, with the evidence. The evidence must establish the reading without the hint.
 */
export const FINDING_RULES: readonly { kind: FindingKind; annotation: AnnotationHint; when: string }[] = [
  {
    kind: 'read-only-contradicted',
    annotation: 'readOnlyHint',
    when: 'declared true, but other evidence establishes a category other than read',
  },
  {
    kind: 'destructive-contradicted',
    annotation: 'destructiveHint',
    when: 'declared false, but the evidence establishes destructive or execute (running code can destroy)',
  },
  {
    kind: 'open-world-contradicted',
    annotation: 'openWorldHint',
    when: 'declared false, but the evidence establishes open-world network access',
  },
  {
    kind: 'open-world-undeclared',
    annotation: 'openWorldHint',
    when: 'not declared, and the evidence establishes open-world network access (the spec default, true, agrees; the server should say so)',
  },
];

/** How the suggested annotations follow from the verdict (`suggestAnnotations` in `reconcile.ts`). */
export const SUGGESTION_RULES: readonly { annotation: AnnotationHint; rule: string }[] = [
  { annotation: 'readOnlyHint', rule: 'true when the category is read, false otherwise' },
  {
    annotation: 'destructiveHint',
    rule: 'absent when read; true for destructive and execute; for write and financial, true when an escalation applies (a message sent, money moved: neither can be taken back) or the tool routes to operations its description need not all name, otherwise false only when every verb of the name and lead sentence is additive (create, add, comment …), true otherwise, as the spec defaults',
  },
  {
    annotation: 'idempotentHint',
    rule: 'absent when read; false for execute, or when any verb acts anew on each call (create, send, run, refund …); true when every verb is idempotent (set, update, delete …); absent when the verbs say nothing',
  },
  { annotation: 'openWorldHint', rule: 'true when the open-world flag is established, false otherwise' },
];
