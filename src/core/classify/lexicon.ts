/**
 * The lexicon: every word the classifier reads in a name or a description, and what it means.
 * A verb is one record of `VERBS`: its category, the risk it raises to, whether its effect is
 * additive or idempotent, whether it is as often a noun, what object it needs to mean what it
 * says, the flag it sets, and whether its inflected forms count anywhere in a description. Every
 * verb set the rules use (`READ_VERBS`, `OUTBOUND_VERBS`, `ADDITIVE_VERBS` …) and the description's
 * deletion phrase are derived from this one table, so adding a verb is adding one row. Nouns that
 * change what a verb means follow. Data only, plus the lookups that read it.
 */
import type { Category, Flag, Risk, Strength } from '../schema.ts';

/**
 * What a verb needs of its object to mean what it says (applied by `readVerb` in `reading.ts`):
 * - `message`: reaches people (raises) only when its object is a message (`MESSAGE_NOUNS`): `post`
 *   is as often an HTTP method or a noun (`API-post-page`), `forward` a direction (`port_forward`);
 * - `runnable`: runs code when its object is code (`CODE_NOUNS`), reads when it is a query
 *   (`QUERY_NOUNS`, weakly; `REPORT_NOUNS`, plainly), starts a defined job when it is one (`JOB_NOUNS`), else a weak execute;
 * - `code`: runs code only when its object is code (`evaluate_script`); otherwise no signal;
 * - `ui`: on something shown to a user or device (`UI_OBJECTS`), or placed onto it, drives that
 *   interface (a write) rather than reading or deleting: `open_url`, `browser_drop`;
 * - `text`: on text it returns (`TEXT_NOUNS`, code) it reads: “Generate a JSON schema”.
 */
export type ObjectNeed = 'message' | 'runnable' | 'code' | 'ui' | 'text';

export interface Verb {
  /** The base form, lowercase. */
  verb: string;
  category: Category;
  /** Only at the start of a description (“Returns …”), not in names. */
  descriptionOnly?: true;
  /**
   * The risk its category escalates to: `high` for a write that reaches people outside (send,
   * publish …), `critical` for a deletion of a whole collection (drop, purge …) or moving money.
   */
  raises?: Risk;
  needsObject?: ObjectNeed;
  /** Read verbs that change state when their object is one of these: resolving an issue closes it. */
  changesStateOf?: ReadonlySet<string>;
  /**
   * Purely additive (`destructiveHint: false` in the spec's sense): it creates something new and
   * leaves what exists as it was. See `SUGGESTION_RULES`.
   */
  additive?: true;
  /** `true`: repeating the call changes nothing more (set, delete); `false`: every call acts anew (create, send, run). */
  idempotent?: boolean;
  /** As often a noun (`image_set_get`, `schedule_list`): in a name another verb wins over it. */
  nounLike?: true;
  /**
   * Says that a tool acts without saying how (`manage_users`, `issue_write`): such a tool does what
   * its operation parameter selects (`OPERATION_PARAMETERS`); a specific verb (`create_call`) keeps
   * a `method` parameter to what it is, an attribute of what is created.
   */
  generic?: true;
  /**
   * Never a noun at the end of a name, so there it is the action even after another verb
   * (`deploy_plan_get`: Azure's `<resource>_<verb>` style). Not `update` (`create_project_update`), not `list` (`delete_task_list`), not
   * `send` (a Bitwarden Send), not `read` (`mark_as_read`).
   */
  verbLast?: true;
  /**
   * On a light object (`LIGHT_OBJECTS`: a tag, a label, a cache) it takes that object off something
   * or drops what is rebuilt on demand, so it writes (`remove_label`, `flush_cache`); a verb without
   * it deletes the object itself (`delete_tag` deletes the tag).
   */
  detaches?: true;
  /** Settles a financial object (`capture_payment`): with a financial noun, money moves. */
  settles?: true;
  /** A flag the verb establishes by itself (`grant`, `scrape`). */
  flag?: { flag: Flag; strength: Strength };
  /** Its inflected forms count anywhere in a description (“Permanently removes …”): see `DESCRIPTION_PHRASES`. */
  phrase?: true;
  /** How it is written in Chinese or Japanese (查询, 削除), found inside a CJK description's lead clause (`cjk.ts`). */
  cjk?: readonly string[];
  /** Its inflected forms, when the regular ones (`inflections`) are wrong. */
  forms?: readonly string[];
}

/** What resolving changes the state of (`resolveIssue` closes an issue; resolving a library id looks it up). */
export const RESOLVABLE_OBJECTS: ReadonlySet<string> = new Set([
  'issue', 'issues', 'ticket', 'tickets', 'alert', 'alerts', 'incident', 'incidents', 'thread', 'threads',
  'conversation', 'conversations', 'comment', 'comments', 'hotspot', 'hotspots', 'finding', 'findings',
  'vulnerability', 'vulnerabilities', 'discussion', 'discussions',
]);

/** What snapshotting backs up (a droplet), as opposed to reading (a page). */
export const SNAPSHOTTABLE_OBJECTS: ReadonlySet<string> = new Set([
  'droplet', 'droplets', 'volume', 'volumes', 'disk', 'disks', 'instance', 'instances', 'vm', 'vms', 'database',
  'databases', 'cluster', 'clusters',
]);

// ---------------------------------------------------------------------------------------------
// Verbs: in a tool's name and at the start of its description. One row per verb.
// ---------------------------------------------------------------------------------------------

export const VERBS: readonly Verb[] = [
  // read
  { verb: 'get', category: 'read', verbLast: true, cjk: ['获取', '取得', '获得'] },
  { verb: 'list', category: 'read', cjk: ['列出', '列举', '一覧'] },
  { verb: 'read', category: 'read', cjk: ['读取', '読み取'] },
  { verb: 'search', category: 'read', nounLike: true, cjk: ['搜索', '检索', '查找', '検索'] },
  { verb: 'find', category: 'read' },
  { verb: 'fetch', category: 'read', verbLast: true, cjk: ['抓取'] },
  { verb: 'query', category: 'read', nounLike: true, cjk: ['查询'] },
  { verb: 'describe', category: 'read', verbLast: true },
  { verb: 'show', category: 'read' },
  { verb: 'view', category: 'read', nounLike: true, cjk: ['查看', '浏览'] },
  { verb: 'lookup', category: 'read', nounLike: true },
  { verb: 'retrieve', category: 'read', verbLast: true },
  { verb: 'download', category: 'read', cjk: ['下载'] },
  { verb: 'check', category: 'read', nounLike: true, cjk: ['检查'] },
  { verb: 'count', category: 'read', nounLike: true },
  { verb: 'inspect', category: 'read' },
  { verb: 'peek', category: 'read' },
  { verb: 'browse', category: 'read', flag: { flag: 'open-world', strength: 'weak' } },
  { verb: 'explore', category: 'read' },
  { verb: 'scan', category: 'read', nounLike: true },
  { verb: 'analyze', category: 'read', cjk: ['分析'] },
  { verb: 'analyse', category: 'read' },
  { verb: 'validate', category: 'read', cjk: ['验证', '校验'] },
  { verb: 'verify', category: 'read' },
  { verb: 'preview', category: 'read' },
  { verb: 'tail', category: 'read' },
  { verb: 'diff', category: 'read' },
  { verb: 'compare', category: 'read' },
  { verb: 'summarize', category: 'read' },
  { verb: 'summarise', category: 'read' },
  { verb: 'explain', category: 'read' },
  { verb: 'suggest', category: 'read' },
  { verb: 'recommend', category: 'read' },
  { verb: 'calculate', category: 'read', cjk: ['计算'] },
  { verb: 'estimate', category: 'read' },
  { verb: 'ping', category: 'read' },
  { verb: 'echo', category: 'read' },
  { verb: 'snapshot', category: 'read', changesStateOf: SNAPSHOTTABLE_OBJECTS, nounLike: true },
  { verb: 'screenshot', category: 'read', nounLike: true },
  { verb: 'capture', category: 'read', nounLike: true, settles: true },
  { verb: 'wait', category: 'read' },
  { verb: 'poll', category: 'read' },
  { verb: 'watch', category: 'read', nounLike: true },
  { verb: 'monitor', category: 'read', nounLike: true },
  { verb: 'lint', category: 'read' },
  { verb: 'troubleshoot', category: 'read' },
  { verb: 'diagnose', category: 'read' },
  { verb: 'extract', category: 'read' },
  { verb: 'parse', category: 'read', cjk: ['解析'] },
  { verb: 'convert', category: 'read', cjk: ['转换', '変換'] },
  { verb: 'translate', category: 'read' },
  { verb: 'open', category: 'read', needsObject: 'ui' },
  { verb: 'load', category: 'read', nounLike: true },
  { verb: 'print', category: 'read', nounLike: true },
  { verb: 'discover', category: 'read' },
  { verb: 'detect', category: 'read' },
  { verb: 'identify', category: 'read' },
  { verb: 'grep', category: 'read' },
  { verb: 'resolve', category: 'read', changesStateOf: RESOLVABLE_OBJECTS },
  { verb: 'measure', category: 'read', cjk: ['测量'] },
  { verb: 'export', category: 'read', nounLike: true },
  { verb: 'look', category: 'read' },
  { verb: 'sample', category: 'read', nounLike: true },
  { verb: 'test', category: 'read', nounLike: true },
  { verb: 'enumerate', category: 'read' },
  { verb: 'aggregate', category: 'read' },
  { verb: 'scrape', category: 'read', flag: { flag: 'open-world', strength: 'strong' } },
  { verb: 'crawl', category: 'read', nounLike: true, flag: { flag: 'open-world', strength: 'strong' } },
  { verb: 'compute', category: 'read' },
  { verb: 'render', category: 'read' },
  { verb: 'rank', category: 'read', nounLike: true },
  { verb: 'rerank', category: 'read' },
  { verb: 'score', category: 'read', nounLike: true },
  { verb: 'ask', category: 'read' },
  { verb: 'research', category: 'read', nounLike: true },
  { verb: 'plan', category: 'read', nounLike: true, cjk: ['规划'] },
  { verb: 'guide', category: 'read', nounLike: true },
  { verb: 'introspect', category: 'read' },
  { verb: 'locate', category: 'read', cjk: ['定位'] },
  { verb: 'understand', category: 'read' },
  { verb: 'learn', category: 'read' },
  { verb: 'return', category: 'read', descriptionOnly: true, cjk: ['返回'] },
  { verb: 'provide', category: 'read', descriptionOnly: true },
  { verb: 'see', category: 'read', descriptionOnly: true },
  { verb: 'filter', category: 'read', nounLike: true },
  { verb: 'simulate', category: 'read' },
  { verb: 'collect', category: 'read' },
  { verb: 'audit', category: 'read', nounLike: true },
  { verb: 'whoami', category: 'read' },
  { verb: 'trace', category: 'read', nounLike: true },
  { verb: 'display', category: 'read', descriptionOnly: true },
  { verb: 'give', category: 'read', descriptionOnly: true },
  { verb: 'answer', category: 'read', descriptionOnly: true },
  // write
  { verb: 'create', category: 'write', verbLast: true, additive: true, idempotent: false, cjk: ['创建', '新建', '作成'] },
  { verb: 'add', category: 'write', additive: true, idempotent: false, cjk: ['添加', '追加', '新增'] },
  { verb: 'insert', category: 'write', additive: true, idempotent: false },
  { verb: 'write', category: 'write', generic: true, idempotent: true, cjk: ['写入', '書き込'] },
  { verb: 'update', category: 'write', idempotent: true, cjk: ['更新'] },
  { verb: 'edit', category: 'write', cjk: ['编辑'] },
  { verb: 'modify', category: 'write', generic: true, cjk: ['修改', '变更', '更改', '編集'] },
  { verb: 'set', category: 'write', idempotent: true, nounLike: true, cjk: ['设置', '設定'] },
  { verb: 'put', category: 'write', idempotent: true },
  { verb: 'patch', category: 'write', nounLike: true },
  { verb: 'upload', category: 'write', idempotent: false, cjk: ['上传'] },
  { verb: 'save', category: 'write', idempotent: true, cjk: ['保存'] },
  { verb: 'append', category: 'write', additive: true, idempotent: false },
  { verb: 'rename', category: 'write', idempotent: false, cjk: ['重命名'] },
  { verb: 'move', category: 'write', idempotent: false, cjk: ['移动'] },
  { verb: 'copy', category: 'write', idempotent: false, nounLike: true, cjk: ['复制'] },
  { verb: 'tag', category: 'write', additive: true, idempotent: true, nounLike: true },
  { verb: 'untag', category: 'write', idempotent: true },
  { verb: 'label', category: 'write', additive: true, idempotent: true, nounLike: true },
  { verb: 'assign', category: 'write', idempotent: true },
  { verb: 'unassign', category: 'write', idempotent: true },
  { verb: 'attach', category: 'write', additive: true, idempotent: true },
  { verb: 'detach', category: 'write', idempotent: true },
  { verb: 'link', category: 'write', additive: true, idempotent: true, nounLike: true },
  { verb: 'unlink', category: 'write', idempotent: true },
  { verb: 'register', category: 'write', additive: true, idempotent: false },
  { verb: 'enable', category: 'write', idempotent: true },
  { verb: 'disable', category: 'write', idempotent: true },
  { verb: 'configure', category: 'write', generic: true, idempotent: true },
  { verb: 'apply', category: 'write', idempotent: true },
  { verb: 'deploy', category: 'write', idempotent: false, cjk: ['部署', 'デプロイ'] },
  { verb: 'build', category: 'write', idempotent: false, nounLike: true },
  { verb: 'init', category: 'write' },
  { verb: 'initialize', category: 'write', cjk: ['初始化'] },
  { verb: 'install', category: 'write', cjk: ['安装'] },
  { verb: 'import', category: 'write', idempotent: false, nounLike: true },
  { verb: 'commit', category: 'write', additive: true, idempotent: false, nounLike: true },
  { verb: 'push', category: 'write', idempotent: false },
  { verb: 'pull', category: 'write', idempotent: false },
  { verb: 'deny', category: 'write', idempotent: true },
  { verb: 'reorder', category: 'write', idempotent: true },
  { verb: 'activate', category: 'write', idempotent: true },
  { verb: 'deactivate', category: 'write', idempotent: true },
  { verb: 'ingest', category: 'write', additive: true, idempotent: false },
  { verb: 'uncheck', category: 'write', idempotent: true },
  { verb: 'abort', category: 'write', idempotent: true },
  { verb: 'rebuild', category: 'write', idempotent: false },
  { verb: 'unpause', category: 'write', idempotent: true },
  { verb: 'replay', category: 'write', idempotent: false },
  { verb: 'rerun', category: 'write', idempotent: false },
  { verb: 'connect', category: 'write', idempotent: true },
  { verb: 'switch', category: 'write', idempotent: true, nounLike: true },
  { verb: 'emulate', category: 'write', idempotent: true },
  { verb: 'repair', category: 'write', idempotent: true },
  { verb: 'redeploy', category: 'write', idempotent: false },
  { verb: 'recreate', category: 'write', idempotent: false },
  { verb: 'unset', category: 'write', idempotent: true },
  { verb: 'unmerge', category: 'write', idempotent: true },
  { verb: 'unsplit', category: 'write', idempotent: true },
  { verb: 'disconnect', category: 'write', idempotent: true },
  { verb: 'reauthorize', category: 'write', idempotent: true },
  { verb: 'snooze', category: 'write', idempotent: true },
  { verb: 'postpone', category: 'write', idempotent: true },
  { verb: 'enroll', category: 'write', idempotent: false },
  { verb: 'undo', category: 'write', idempotent: false },
  { verb: 'tap', category: 'write', idempotent: false },
  { verb: 'swipe', category: 'write', idempotent: false },
  { verb: 'emit', category: 'write', idempotent: false },
  { verb: 'merge', category: 'write', idempotent: false },
  { verb: 'approve', category: 'write', idempotent: true },
  { verb: 'reject', category: 'write' },
  { verb: 'start', category: 'write', idempotent: false, cjk: ['启动', '起動'] },
  { verb: 'stop', category: 'write', idempotent: true, cjk: ['停止'] },
  { verb: 'restart', category: 'write', idempotent: false },
  { verb: 'reboot', category: 'write', idempotent: false },
  { verb: 'schedule', category: 'write', additive: true, idempotent: false, nounLike: true },
  { verb: 'submit', category: 'write', additive: true, idempotent: false, settles: true },
  { verb: 'generate', category: 'write', needsObject: 'text', additive: true, idempotent: false },
  { verb: 'make', category: 'write', additive: true, settles: true },
  { verb: 'close', category: 'write', idempotent: true },
  { verb: 'lock', category: 'write', idempotent: true, nounLike: true },
  { verb: 'unlock', category: 'write', idempotent: true },
  { verb: 'fork', category: 'write', additive: true, idempotent: false },
  { verb: 'clone', category: 'write', idempotent: false },
  { verb: 'sync', category: 'write', idempotent: true },
  { verb: 'synchronize', category: 'write', idempotent: true },
  { verb: 'upsert', category: 'write', idempotent: true },
  { verb: 'replace', category: 'write', idempotent: true },
  { verb: 'fill', category: 'write', idempotent: false },
  { verb: 'type', category: 'write', idempotent: false, nounLike: true },
  { verb: 'click', category: 'write', idempotent: false, nounLike: true },
  { verb: 'press', category: 'write', idempotent: false, nounLike: true },
  { verb: 'select', category: 'write', idempotent: true },
  { verb: 'drag', category: 'write', idempotent: false },
  { verb: 'resize', category: 'write', idempotent: true },
  { verb: 'toggle', category: 'write' },
  { verb: 'trigger', category: 'write', idempotent: false, nounLike: true },
  { verb: 'mark', category: 'write', idempotent: true, nounLike: true },
  { verb: 'star', category: 'write', additive: true, idempotent: true, nounLike: true },
  { verb: 'unstar', category: 'write', idempotent: true },
  { verb: 'follow', category: 'write', additive: true, idempotent: true },
  { verb: 'unfollow', category: 'write', idempotent: true },
  { verb: 'subscribe', category: 'write', additive: true },
  { verb: 'unsubscribe', category: 'write', idempotent: true },
  { verb: 'scale', category: 'write', idempotent: true, nounLike: true },
  { verb: 'restore', category: 'write' },
  { verb: 'rollback', category: 'write' },
  { verb: 'revert', category: 'write' },
  { verb: 'refresh', category: 'write' },
  { verb: 'reload', category: 'write' },
  { verb: 'rotate', category: 'write', idempotent: false },
  { verb: 'grant', category: 'write', additive: true, idempotent: true, nounLike: true, flag: { flag: 'permission-change', strength: 'strong' } },
  { verb: 'share', category: 'write', additive: true, nounLike: true, flag: { flag: 'permission-change', strength: 'strong' } },
  { verb: 'transfer', category: 'write', idempotent: false, nounLike: true },
  { verb: 'archive', category: 'write', idempotent: true, nounLike: true },
  { verb: 'unarchive', category: 'write', idempotent: true },
  { verb: 'pin', category: 'write', additive: true, idempotent: true, nounLike: true },
  { verb: 'unpin', category: 'write', idempotent: true },
  { verb: 'react', category: 'write', additive: true },
  { verb: 'vote', category: 'write', additive: true, nounLike: true },
  { verb: 'request', category: 'write', generic: true, additive: true, idempotent: false, nounLike: true },
  { verb: 'reserve', category: 'write', additive: true, idempotent: false },
  { verb: 'book', category: 'write', additive: true, idempotent: false, nounLike: true },
  { verb: 'provision', category: 'write', additive: true, idempotent: false },
  { verb: 'launch', category: 'write', idempotent: false },
  { verb: 'allocate', category: 'write', additive: true, idempotent: false },
  { verb: 'associate', category: 'write', additive: true, idempotent: true },
  { verb: 'disassociate', category: 'write', idempotent: true },
  { verb: 'accept', category: 'write' },
  { verb: 'decline', category: 'write' },
  { verb: 'dismiss', category: 'write' },
  { verb: 'comment', category: 'write', additive: true, idempotent: false, nounLike: true },
  { verb: 'containerize', category: 'write' },
  { verb: 'compress', category: 'write' },
  { verb: 'gzip', category: 'write' },
  { verb: 'zip', category: 'write' },
  { verb: 'unzip', category: 'write' },
  { verb: 'handle', category: 'write', generic: true },
  { verb: 'record', category: 'write', idempotent: false, nounLike: true },
  { verb: 'track', category: 'write', additive: true, idempotent: false, nounLike: true },
  { verb: 'remember', category: 'write', additive: true },
  { verb: 'store', category: 'write', additive: true, nounLike: true },
  { verb: 'cache', category: 'write', nounLike: true },
  { verb: 'train', category: 'write' },
  { verb: 'complete', category: 'write', settles: true },
  { verb: 'finish', category: 'write' },
  { verb: 'cancel', category: 'write', idempotent: true },
  { verb: 'pause', category: 'write', idempotent: true },
  { verb: 'resume', category: 'write', idempotent: true },
  { verb: 'suspend', category: 'write', idempotent: true },
  { verb: 'retry', category: 'write', idempotent: false },
  { verb: 'dispatch', category: 'write', idempotent: false },
  { verb: 'process', category: 'write', generic: true, nounLike: true, settles: true },
  { verb: 'confirm', category: 'write', settles: true },
  { verb: 'issue', category: 'write', additive: true, idempotent: false, nounLike: true },
  { verb: 'order', category: 'write', additive: true, idempotent: false, nounLike: true },
  { verb: 'buy', category: 'write', additive: true, idempotent: false },
  { verb: 'purchase', category: 'write', additive: true, idempotent: false },
  { verb: 'sell', category: 'write' },
  { verb: 'invite', category: 'write', raises: 'high', additive: true, idempotent: false },
  { verb: 'change', category: 'write', generic: true, nounLike: true },
  { verb: 'manage', category: 'write', generic: true, cjk: ['管理'] },
  { verb: 'reply', category: 'write', raises: 'high', additive: true, idempotent: false, nounLike: true },
  { verb: 'forward', category: 'write', raises: 'high', needsObject: 'message', additive: true, idempotent: false, nounLike: true },
  { verb: 'send', category: 'write', raises: 'high', additive: true, idempotent: false, settles: true, cjk: ['发送', '送信'] },
  { verb: 'post', category: 'write', raises: 'high', needsObject: 'message', additive: true, idempotent: false, nounLike: true },
  { verb: 'publish', category: 'write', raises: 'high', additive: true, idempotent: false, cjk: ['发布'] },
  { verb: 'broadcast', category: 'write', raises: 'high', additive: true, idempotent: false },
  { verb: 'notify', category: 'write', raises: 'high', additive: true, idempotent: false },
  { verb: 'email', category: 'write', raises: 'high', additive: true, idempotent: false, nounLike: true },
  { verb: 'mail', category: 'write', raises: 'high', additive: true, idempotent: false, nounLike: true },
  { verb: 'tweet', category: 'write', raises: 'high', additive: true, idempotent: false },
  { verb: 'finalize', category: 'write' },
  { verb: 'navigate', category: 'write', flag: { flag: 'open-world', strength: 'weak' } },
  { verb: 'hover', category: 'write' },
  { verb: 'scroll', category: 'write', idempotent: false },
  { verb: 'new', category: 'write', additive: true, idempotent: false, nounLike: true },
  { verb: 'queue', category: 'write', idempotent: false, nounLike: true },
  { verb: 'enqueue', category: 'write', idempotent: false },
  { verb: 'unshare', category: 'write', idempotent: true, flag: { flag: 'permission-change', strength: 'strong' } },
  { verb: 'authorize', category: 'write', flag: { flag: 'permission-change', strength: 'strong' } },
  { verb: 'deauthorize', category: 'write', flag: { flag: 'permission-change', strength: 'strong' } },
  { verb: 'draft', category: 'write', additive: true, idempotent: false, nounLike: true },
  { verb: 'compose', category: 'write', additive: true, idempotent: false },
  { verb: 'duplicate', category: 'write', additive: true, idempotent: false, nounLike: true },
  { verb: 'regenerate', category: 'write', idempotent: false },
  { verb: 'resend', category: 'write', raises: 'high', idempotent: false },
  { verb: 'enhance', category: 'write' },
  { verb: 'improve', category: 'write' },
  { verb: 'refine', category: 'write' },
  { verb: 'rewrite', category: 'write' },
  // destructive
  { verb: 'delete', category: 'destructive', verbLast: true, idempotent: true, phrase: true, cjk: ['删除', '削除'] },
  { verb: 'remove', category: 'destructive', detaches: true, verbLast: true, idempotent: true, phrase: true, cjk: ['移除'] },
  { verb: 'rm', category: 'destructive', detaches: true, idempotent: true },
  { verb: 'del', category: 'destructive', idempotent: true },
  { verb: 'erase', category: 'destructive', idempotent: true, phrase: true },
  { verb: 'destroy', category: 'destructive', idempotent: true, phrase: true, cjk: ['销毁'] },
  { verb: 'drop', category: 'destructive', raises: 'critical', needsObject: 'ui', idempotent: true, phrase: true, forms: ['drops', 'dropped', 'dropping'] },
  { verb: 'truncate', category: 'destructive', raises: 'critical', idempotent: true, phrase: true },
  { verb: 'purge', category: 'destructive', raises: 'critical', idempotent: true, phrase: true },
  { verb: 'wipe', category: 'destructive', raises: 'critical', idempotent: true, phrase: true },
  { verb: 'nuke', category: 'destructive', raises: 'critical' },
  { verb: 'clear', category: 'destructive', detaches: true, idempotent: true, cjk: ['清空', '清除'] },
  { verb: 'reset', category: 'destructive', detaches: true, idempotent: true },
  { verb: 'terminate', category: 'destructive', idempotent: true },
  { verb: 'kill', category: 'destructive', idempotent: true },
  { verb: 'revoke', category: 'destructive', idempotent: true, flag: { flag: 'permission-change', strength: 'strong' } },
  { verb: 'uninstall', category: 'destructive', idempotent: true },
  { verb: 'deregister', category: 'destructive', idempotent: true },
  { verb: 'unregister', category: 'destructive', idempotent: true },
  { verb: 'discard', category: 'destructive', idempotent: true },
  { verb: 'prune', category: 'destructive' },
  { verb: 'flush', category: 'destructive', detaches: true },
  { verb: 'evict', category: 'destructive', detaches: true },
  { verb: 'deprovision', category: 'destructive', idempotent: true },
  { verb: 'teardown', category: 'destructive', idempotent: true },
  { verb: 'overwrite', category: 'destructive', idempotent: true, phrase: true, forms: ['overwrite', 'overwrites', 'overwriting', 'overwritten'] },
  { verb: 'shred', category: 'destructive' },
  { verb: 'expunge', category: 'destructive' },
  { verb: 'obliterate', category: 'destructive' },
  { verb: 'void', category: 'destructive' },
  // execute
  { verb: 'execute', category: 'execute', needsObject: 'runnable', idempotent: false, settles: true, cjk: ['执行', '実行'] },
  { verb: 'exec', category: 'execute', needsObject: 'runnable', idempotent: false },
  { verb: 'run', category: 'execute', needsObject: 'runnable', idempotent: false, cjk: ['运行'] },
  { verb: 'eval', category: 'execute', needsObject: 'runnable', idempotent: false },
  { verb: 'invoke', category: 'execute', needsObject: 'runnable', idempotent: false },
  { verb: 'spawn', category: 'execute', needsObject: 'runnable', idempotent: false },
  { verb: 'interpret', category: 'execute', needsObject: 'runnable', idempotent: false },
  { verb: 'evaluate', category: 'execute', needsObject: 'code', idempotent: false },
  // financial
  { verb: 'refund', category: 'financial', raises: 'critical', idempotent: false, cjk: ['退款'] },
  { verb: 'charge', category: 'financial', raises: 'critical', idempotent: false, nounLike: true },
  { verb: 'pay', category: 'financial', raises: 'critical', idempotent: false, settles: true, cjk: ['支付', '付款'] },
  { verb: 'payout', category: 'financial', raises: 'critical', idempotent: false },
  { verb: 'withdraw', category: 'financial', raises: 'critical', idempotent: false },
  { verb: 'disburse', category: 'financial', raises: 'critical', idempotent: false },
  { verb: 'remit', category: 'financial', raises: 'critical', idempotent: false },
  { verb: 'deposit', category: 'financial', raises: 'critical', idempotent: false, nounLike: true },
];

/** Each verb's row. */
export const VERB_TABLE: ReadonlyMap<string, Verb> = new Map(VERBS.map((v) => [v.verb, v]));

function verbsWhere(test: (v: Verb) => boolean): ReadonlySet<string> {
  return new Set(VERBS.filter(test).map((v) => v.verb));
}

/** The row of a verb, counting description-only verbs only when `description` is set. */
export function verbEntry(verb: string, description = false): Verb | undefined {
  const v = VERB_TABLE.get(verb);
  return v === undefined || (v.descriptionOnly === true && !description) ? undefined : v;
}

/** What a verb points to, or undefined for words that are not verbs here (description-only verbs excluded). */
export function verbCategory(verb: string): Category | undefined {
  return verbEntry(verb)?.category;
}

/** The risk a verb escalates its category to, if any (message-object verbs: see `ObjectNeed`). */
export function verbRaises(verb: string): Risk | undefined {
  return verbEntry(verb)?.raises;
}

/**
 * The regular inflections of a verb: the base, -s/-es, -ed, -ing (`delete` → deletes, deleted,
 * deleting; `destroy` → destroys, destroyed, destroying), unless its row lists its `forms`.
 */
export function inflections(v: Verb): readonly string[] {
  if (v.forms !== undefined) return v.forms;
  const w = v.verb;
  const stem = w.endsWith('e') ? w.slice(0, -1) : w;
  const third = /(?:s|x|z|ch|sh)$/.test(w) ? `${w}es` : /[^aeiou]y$/.test(w) ? `${w.slice(0, -1)}ies` : `${w}s`;
  const past = w.endsWith('e') ? `${w}d` : /[^aeiou]y$/.test(w) ? `${w.slice(0, -1)}ied` : `${w}ed`;
  return [w, third, past, `${stem}ing`];
}

// The verb sets the rules read, each derived from the rows above.
export const READ_VERBS = verbsWhere((v) => v.category === 'read' && v.descriptionOnly !== true);
export const DESCRIPTION_READ_VERBS = verbsWhere((v) => v.descriptionOnly === true);
export const WRITE_VERBS = verbsWhere((v) => v.category === 'write');
export const DESTRUCTIVE_VERBS = verbsWhere((v) => v.category === 'destructive');
export const EXECUTE_VERBS = verbsWhere((v) => v.needsObject === 'runnable');
export const EVALUATE_VERBS = verbsWhere((v) => v.needsObject === 'code');
export const MONEY_VERBS = verbsWhere((v) => v.category === 'financial');
/** Write verbs that reach people outside: they raise a write to `high` (see `ESCALATIONS`). */
export const OUTBOUND_VERBS = verbsWhere((v) => v.category === 'write' && v.raises === 'high');
/** Destructive verbs that act on a whole collection by definition: they raise to `critical`. */
export const MASS_DESTRUCTIVE_VERBS = verbsWhere((v) => v.category === 'destructive' && v.raises === 'critical');
export const MESSAGE_OBJECT_VERBS = verbsWhere((v) => v.needsObject === 'message');
export const INTERFACE_VERBS = verbsWhere((v) => v.needsObject === 'ui');
export const GENERATE_VERBS = verbsWhere((v) => v.needsObject === 'text');
export const ADDITIVE_VERBS = verbsWhere((v) => v.additive === true);
export const IDEMPOTENT_VERBS = verbsWhere((v) => v.idempotent === true);
export const NON_IDEMPOTENT_VERBS = verbsWhere((v) => v.idempotent === false);
export const NOUN_LIKE_VERBS = verbsWhere((v) => v.nounLike === true);
export const SETTLE_VERBS = verbsWhere((v) => v.settles === true);
export const VERB_LAST_VERBS = verbsWhere((v) => v.verbLast === true);
export const GENERIC_VERBS = verbsWhere((v) => v.generic === true);
/** Verbs whose inflected forms are read anywhere in a description, by category (`DESCRIPTION_PHRASES`). */
export const PHRASE_VERBS = verbsWhere((v) => v.phrase === true);
/** Verbs that establish a flag by themselves (in a name, or leading a description). */
export const FLAG_VERBS: ReadonlyMap<string, { flag: Flag; strength: Strength }> = new Map(
  VERBS.flatMap((v) => (v.flag === undefined ? [] : [[v.verb, v.flag] as const])),
);

/** The inflected forms of the phrase verbs of a category, as one alternation for a pattern (`delete|deletes|…`). */
export function phraseForms(category: Category): string {
  return VERBS.filter((v) => v.phrase === true && v.category === category)
    .flatMap((v) => inflections(v))
    .join('|');
}

// ---------------------------------------------------------------------------------------------
// Nouns: objects that change what a verb means.
// ---------------------------------------------------------------------------------------------

/** Objects that keep any outbound verb on the machine: `send_keys` types into a page, `send_signal` stops a process. */
export const LOCAL_OBJECTS: ReadonlySet<string> = new Set(['key', 'keys', 'keystroke', 'keystrokes', 'input', 'signal', 'signals']);

/** What a message-object verb must act on to count as outbound (`slack_post_message`, “Post a comment”). */
export const MESSAGE_NOUNS: ReadonlySet<string> = new Set([
  'message', 'messages', 'comment', 'comments', 'reply', 'replies', 'tweet', 'tweets', 'status', 'note',
  'notes', 'announcement', 'announcements', 'thread', 'threads', 'chat', 'reaction', 'review', 'email',
  'emails', 'mail', 'invitation', 'invitations', 'notification', 'notifications',
]);

/** Code: makes `run`/`execute`/`evaluate` execute; a bare name made of one (`bash`) executes. */
export const CODE_NOUNS: ReadonlySet<string> = new Set([
  'command', 'commands', 'cmd', 'code', 'script', 'scripts', 'graphql', 'mutation', 'mutations', 'shell', 'bash', 'sh', 'zsh', 'powershell',
  'terminal', 'sql', 'javascript', 'js', 'python', 'expression', 'program', 'snippet', 'statement',
  'statements', 'cli', 'binary', 'executable', 'cell', 'notebook', 'repl', 'process', 'lambda',
  'typescript', 'ruby', 'perl', 'php', 'lua',
]);

/** A query: `run`/`execute` on one reads, weakly (a query language can also write), unless a code noun is also there. */
export const QUERY_NOUNS: ReadonlySet<string> = new Set(['query', 'queries', 'promql', 'aggregation', 'aggregations']);

/**
 * A finding: `run`/`execute` on one reads, and says so plainly (“Run a diagnostic review”, “Runs a
 * realtime report”, “Run a custom equity screener”): what it produces is a result to look at.
 */
export const REPORT_NOUNS: ReadonlySet<string> = new Set([
  'search', 'searches', 'report', 'reports', 'research', 'analysis', 'analyses', 'audit', 'audits', 'scan', 'scans',
  'check', 'checks', 'review', 'reviews', 'diagnostic', 'diagnostics', 'screener', 'screeners', 'lookup', 'lookups',
]);

/** Words that make an interface verb place rather than act on its object (“Drop files onto an element”). */
export const PLACEMENT_WORDS: ReadonlySet<string> = new Set(['onto']);

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
  'action', 'actions', 'monitor', 'monitors', 'test', 'tests', 'suite', 'crawl',
  'migration', 'migrations', 'deployment', 'playbook', 'runbook', 'automation',
]);

/** What a tool that gives advice returns: a lead that names one reads, whatever verb the name uses. */
export const GUIDANCE_NOUNS: ReadonlySet<string> = new Set([
  'guidance', 'guidelines', 'guide', 'guides', 'documentation', 'instructions', 'tutorial', 'walkthrough', 'best-practices', 'practices',
]);

/** Modifiers that keep code to reads: “Run a read-only SQL query”, `execute_readonly_sql`. */
export const READ_ONLY_MODIFIERS: ReadonlySet<string> = new Set(['read-only', 'readonly']);

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
  'graphs', 'spreadsheet', 'schema', 'schemas', 'url', 'urls', 'uri',
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

/** Words that link two verbs in a name: `get_or_create`, `build_and_push`. */
export const VERB_LINKS: ReadonlySet<string> = new Set(['and', 'or']);

/** Linked verb pairs that are one gesture, not two actions (`drag_and_drop` drops nothing). */
export const IDIOMS: ReadonlySet<string> = new Set(['drag and drop']);

// ---------------------------------------------------------------------------------------------
// Flag nouns: in a name's words or a description's lead object.
// ---------------------------------------------------------------------------------------------

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
    verbs: 'read',
    // Only with a verb that reads: fetching a website reaches it, deleting or creating a hosted one does not.
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
