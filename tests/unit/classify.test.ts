import { describe, expect, test } from 'vitest';
import { classifyTool, classifyTools, renderRationale } from '../../src/core/classify/index.ts';
import { categoryScore } from '../../src/core/classify/decide.ts';
import { BASE_RISK, ESCALATIONS, FLAG_TABLE, RISK_TABLE, SUFFICIENT_SCORE } from '../../src/core/classify/rules.ts';
import { inflections, phraseForms, VERB_TABLE, VERBS, verbCategory } from '../../src/core/classify/lexicon.ts';
import { extractEvidence, findNameVerbs, leadSentence, nameKey, splitName } from '../../src/core/classify/signals.ts';
import { CATEGORIES, EVIDENCE_SOURCES, VerdictSchema, type Evidence, type Tool } from '../../src/core/schema.ts';
import { CASES, tool } from './classify-cases.ts';

const signals = (t: Tool) => extractEvidence(t).map((e) => e.signal);
const categoriesOf = (evidence: readonly Evidence[]) => [...new Set(evidence.map((e) => e.category))];

describe('classifyTool', () => {
  test.each(CASES)('%s → %s', (_label, expected, t) => {
    const verdict = classifyTool(t);
    expect(`${verdict.category} ${verdict.risk} ${verdict.confidence}`).toBe(expected);
    expect(verdict.name).toBe(t.name);
    expect(VerdictSchema.parse(verdict)).toEqual(verdict);
  });

  test.each(CASES)('%s: never read without sufficient read evidence', (_label, _expected, t) => {
    const verdict = classifyTool(t);
    if (verdict.category === 'read') expect(categoryScore(verdict.evidence, 'read')).toBeGreaterThanOrEqual(SUFFICIENT_SCORE);
    if (verdict.evidence.length === 0) expect([verdict.category, verdict.confidence]).toEqual(['write', 'low']);
  });

  test('readOnlyHint: true on a tool that deletes: the riskier reading wins, the hint stays in the evidence', () => {
    const verdict = classifyTool(tool('delete_branch', 'Delete a branch from the repository.', ['branch'], { readOnlyHint: true }));
    expect(verdict.category).toBe('destructive');
    expect(verdict.evidence).toContainEqual({
      source: 'annotation',
      kind: 'annotation',
      signal: 'annotation-read-only',
      match: 'readOnlyHint: true',
      category: 'read',
      strength: 'weak',
    });
  });

  test('readOnlyHint: true alone cannot make a tool read', () => {
    expect(classifyTool(tool('widget', undefined, [], { readOnlyHint: true })).category).toBe('write');
    expect(classifyTool(tool('widget', 'Retrieves the widget.', [], { readOnlyHint: true })).category).toBe('read');
  });

  test('a tool with nothing but a name gets no evidence, write, low confidence, and the spec defaults as suggestions', () => {
    expect(classifyTool({ name: 'frobnicate' })).toEqual({
      name: 'frobnicate',
      category: 'write',
      risk: 'medium',
      confidence: 'low',
      evidence: [],
      flags: [],
      findings: [],
      suggestedAnnotations: { readOnlyHint: false, destructiveHint: true, openWorldHint: false },
    });
  });

  test('destructiveHint: not set is distinct from false (MCP default: destructive when readOnlyHint is false)', () => {
    const hints = (annotations: Tool['annotations']) =>
      extractEvidence({ name: 'x', ...(annotations === undefined ? {} : { annotations }) }).map((e) => `${e.signal}=${e.match}`);
    expect(hints({ readOnlyHint: false })).toEqual([
      'annotation-not-read-only=readOnlyHint: false',
      'annotation-destructive-default=readOnlyHint: false, destructiveHint not set',
    ]);
    expect(hints({ readOnlyHint: false, destructiveHint: false })).toEqual(['annotation-not-read-only=readOnlyHint: false']);
    expect(hints({ readOnlyHint: false, destructiveHint: true })).toEqual([
      'annotation-not-read-only=readOnlyHint: false',
      'annotation-destructive=destructiveHint: true',
    ]);
    expect(hints({})).toEqual([]);
    expect(hints(undefined)).toEqual([]);
    expect(hints({ idempotentHint: true, openWorldHint: true })).toEqual([]);
  });

  test('destructiveHint: true raises a write to destructive', () => {
    const declared = tool('create_directory', 'Create a new directory.', ['path'], { readOnlyHint: false, destructiveHint: true });
    expect(classifyTool(declared).category).toBe('destructive');
    expect(classifyTool({ ...declared, annotations: { readOnlyHint: false, destructiveHint: false } }).category).toBe('write');
  });

  test('evidence keeps the exact matched text', () => {
    const evidence = extractEvidence(tool('DeleteImageSet', 'Permanently deletes an image set. This cannot be undone.', ['ImageSetId', 'Force']));
    expect(evidence.map((e) => [e.source, e.match])).toEqual([
      ['name', 'Delete'],
      ['description', 'Permanently'],
      ['description', 'deletes'],
      ['description', 'cannot be undone'],
      ['parameter', 'Force'],
    ]);
  });

  test('evidence is ordered by source, then position, and is deterministic', () => {
    const t = tool('pods_exec', 'Execute a command in a Kubernetes Pod', ['namespace', 'command'], { readOnlyHint: false, destructiveHint: true });
    const first = classifyTool(t);
    expect(classifyTool(structuredClone(t))).toEqual(first);
    const order = first.evidence.map((e) => EVIDENCE_SOURCES.indexOf(e.source));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(new Set(first.evidence.map((e) => e.source))).toEqual(new Set(EVIDENCE_SOURCES));
  });

  test('classifyTools keeps input order and duplicates', () => {
    const tools = [tool('b_list'), tool('delete_a'), tool('b_list')];
    expect(classifyTools(tools).map((v) => v.name)).toEqual(['b_list', 'delete_a', 'b_list']);
  });
});

describe('description phrases', () => {
  test.each([
    ['a negated delete does not count', 'Lists files. This tool does not delete anything.', 'description-deletes', false],
    ['never deletes', 'Archives old messages; it never deletes them.', 'description-deletes', false],
    ['a plain delete counts', 'Lists files and deletes the stale ones.', 'description-deletes', true],
    ['words match on boundaries only', 'Shows the executives and the removal-tool dropdown.', 'description-executes', false],
    ['“not read-only” is not a read-only claim', 'Updates the record. This is not a read-only operation.', 'description-read-only', false],
    ['read-only claim', 'Shows the record. This is a read-only operation.', 'description-read-only', true],
    ['“cannot be undone” is irreversible wording', 'Drops the cache. This cannot be undone.', 'description-irreversible', true],
    ['“incurs AWS charges” does not move money', 'Create a memory. COST WARNING: this incurs AWS charges.', 'description-moves-money', false],
    ['“issue a refund” moves money', 'Looks up the order and can issue a refund.', 'description-moves-money', true],
    ['sending an email', 'Drafts a reply and sends an email to the customer.', 'description-sends-message', true],
  ] as const)('%s', (_label, description, signal, fires) => {
    expect(signals(tool('thing', description)).includes(signal)).toBe(fires);
  });

  test.each([
    ['This tool will refund a payment intent in Stripe.', 'refund a payment intent in Stripe'],
    ['DEPRECATION NOTICE: going away soon.\n    Execute AWS CLI commands with validation.', 'Execute AWS CLI commands with validation'],
    ['[DEPRECATED] Lists things. More text.', 'Lists things'],
    ['## Usage\nUse this tool to fetch a page', 'fetch a page'],
  ])('lead sentence of %j is %j', (description, lead) => {
    const at = leadSentence(description);
    expect(at && description.slice(at.start, at.end)).toBe(lead);
  });

  test('a phrase inside a verb-with-object reading does not replace it: “Execute a card query” still reads', () => {
    const v = classifyTool(tool('execute_pivot_card_query', 'Execute a card query and return results formatted as a pivot table.', ['card_id']));
    expect(v.category).toBe('read');
    expect(v.evidence.map((e) => e.signal)).toContain('description-verb-execute-query');
  });

  test('running a query reads, running code executes', () => {
    expect(classifyTool(tool('warehouse', 'Run a SQL query against the warehouse.')).category).toBe('execute');
    expect(classifyTool(tool('prometheus', 'Execute a PromQL query against Prometheus.', ['query'])).category).toBe('read');
    expect(classifyTool(tool('run_query', 'Runs the saved report.', ['query'])).category).toBe('read');
    expect(classifyTool(tool('run_script', 'Runs the saved report.', ['query'])).category).toBe('execute');
  });

  test.each([
    ['List, create, close, or select a browser tab.', 'list create close select'],
    ['Move or rename files and directories.', 'move rename'],
    ['Reads and writes files.', 'read write'],
    ['Lists tags, labels and comments.', 'list'],
    ['Only requests that failed are returned.', ''],
    ['Permanently delete a monitor.', 'delete'],
  ])('lead verbs of %j: %s', (description, verbs) => {
    // Two or more lead verbs are the tool's operations; one is the description's verb evidence.
    const verdict = classifyTool(tool('x', description));
    const lead = verdict.operations?.map((o) => o.verb) ?? verdict.evidence.flatMap((e) => (e.source === 'description' && e.kind === 'verb' && e.verb !== undefined ? [e.verb] : []));
    expect(lead.join(' ')).toBe(verbs);
  });

  test.each([
    ['an enum', { type: 'string', enum: ['list', 'get', 'create', 'delete'] }, 'list:read get:read create:write delete:destructive', 'write destructive'],
    ['a const in anyOf', { anyOf: [{ const: 'get_item' }, { const: 'remove_item' }] }, 'get:read remove:destructive', 'destructive'],
    ['values its description quotes', { type: 'string', description: "One of 'create', 'update' or 'archive'." }, 'create:write update:write archive:write', 'write'],
    ['only reads', { type: 'string', enum: ['GET', 'HEAD'] }, '', 'read'],
  ] as const)('an action parameter with %s: its operations, and the ones that count (%s)', (_label, schema, operations, counted) => {
    const t = { name: 'manage_items', description: 'Manage items.', inputSchema: { type: 'object', properties: { action: schema } } };
    const verdict = classifyTool(t);
    expect((verdict.operations ?? []).map((o) => `${o.verb}:${o.category}`).join(' ')).toBe(operations);
    // Reads count only when every operation reads: the tool does all of them.
    expect([...new Set(verdict.evidence.filter((e) => e.kind === 'operation').map((e) => e.category))].join(' ')).toBe(counted);
  });

  test('a specific name verb keeps an operation-like parameter an attribute', () => {
    const t = { name: 'create_call', inputSchema: { type: 'object', properties: { method: { type: 'string', enum: ['GET', 'POST', 'DELETE'] } } } };
    expect(classifyTool(t).evidence.some((e) => e.kind === 'operation')).toBe(false);
  });

  test('of several lead verbs, the reads do not contest the others: the tool does all of them', () => {
    const verdict = classifyTool(tool('tabs', 'List, create, close, or select a browser tab.'));
    expect(verdict.evidence.filter((e) => e.kind === 'verb').map((e) => e.verb)).toEqual(['create', 'close', 'select']);
    expect(verdict.operations?.map((o) => `${o.verb}:${o.category}`)).toEqual(['list:read', 'create:write', 'close:write', 'select:write']);
  });

  test.each([
    ['Run a read-only SQL query against the logs.', 'read'],
    ['Run an aggregation against a MongoDB collection.', 'write'],
    ['Runs the nightly pipeline.', 'write'],
    ['Run browser code in the page.', 'execute'],
    ['Generate Azure CLI commands for a goal.', 'read'],
    ['Generate documentation files in the repository.', 'write'],
    ['Open a URL in the simulator.', 'write'],
    ['Open specific nodes in the knowledge graph.', 'read'],
    // A phrase that says more than the read verb it starts with wins; one that says less does not.
    ['Download a remote file to local disk over SFTP.', 'write'],
    ['Download a remote file.', 'read'],
  ])('%j reads as %s', (description, category) => {
    expect(classifyTool(tool('thing', description)).category).toBe(category);
  });

  test.each([
    // Outbound verbs raise a write to high only when they reach people.
    ['send_email', 'Send an email.', ['to', 'subject', 'body'], 'high'],
    ['send-mail', 'Sends the mail.', [], 'high'],
    ['send_keys', 'Send keys to the focused element.', ['keys'], 'medium'],
    ['forward_email', 'Forward an email to another address.', ['id'], 'high'],
    ['browser_go_forward', 'Go forward to the next page.', [], 'medium'],
    ['port_forward', 'Forward a local port to a pod.', ['resourceName', 'localPort'], 'medium'],
    ['compose-broadcast', 'Compose a broadcast draft from a prompt.', ['prompt'], 'medium'],
  ] as const)('%s: %s → risk %s', (name, description, params, risk) => {
    const v = classifyTool(tool(name, description, params));
    expect([v.category, v.risk]).toEqual(['write', risk]);
  });

  test.each([
    ['an enum of operations', { type: 'string', enum: ['history', 'pause', 'restart', 'undo'] }, 'param-subcommand param-operation-pause param-operation-restart param-operation-undo'],
    ['a description that says sub-command', { type: 'string', description: 'Rollout subcommand to execute' }, 'param-subcommand'],
    ['a command line', { type: 'string', description: 'Shell command to execute' }, 'param-command'],
    ['no description', { type: 'string' }, 'param-command'],
  ] as const)('a command parameter with %s fires %s', (_label, schema, signal) => {
    const t = { name: 'kubectl_rollout', inputSchema: { type: 'object', properties: { subCommand: schema, resourceType: { type: 'string' } } } };
    const fired = extractEvidence(t).filter((e) => e.source === 'parameter').map((e) => e.signal);
    expect(fired.join(' ')).toEqual(signal);
  });

  test('only a router reads its description as a list of operations', () => {
    const description = 'Commands for listing, creating and deleting workbooks.';
    const routed = { name: 'workbooks', description, inputSchema: { type: 'object', properties: { command: { type: 'string', description: 'The command to execute against the specified tool.' } } } };
    const plain = { name: 'workbooks', description, inputSchema: { type: 'object', properties: { name: { type: 'string' } } } };
    expect(extractEvidence(routed).map((e) => e.signal)).toContain('description-operation-delete');
    expect(extractEvidence(plain).some((e) => e.signal.startsWith('description-operation-'))).toBe(false);
    // It does all of them: its reads do not contest the deletion.
    expect(extractEvidence(routed).map((e) => e.signal)).not.toContain('description-operation-list');
    expect(renderRationale(classifyTool(routed)).join(' ')).not.toMatch(/only reads/);
  });

  test('reading financial data is not financial', () => {
    expect(classifyTool(tool('list_refunds', 'List all refunds.', ['limit'])).category).toBe('read');
    expect(classifyTool(tool('get_invoice', 'Retrieves an invoice.', ['invoice', 'amount'])).category).toBe('read');
  });
});

describe('names', () => {
  test.each([
    ['DeleteImageSet', 'Delete Image Set'],
    ['pods_exec', 'pods exec'],
    ['admin.tools.list', 'admin tools list'],
    ['get-file-contents', 'get file contents'],
    ['getFileContents', 'get File Contents'],
    ['HTTPRequest', 'HTTP Request'],
    ['ListS3Buckets', 'List S3 Buckets'],
    ['aws___call_aws', 'aws call aws'],
    ['k8s_get_pods', 'k8s get pods'],
    ['mcp__github__create_issue', 'mcp github create issue'],
  ])('%s splits into %s', (name, words) => {
    expect(splitName(name).map((w) => w.text).join(' ')).toBe(words);
  });

  test.each([
    ['delete_image_set', 'delete'],
    ['DeleteImageSet', 'delete'],
    ['pods_exec', 'exec'],
    ['admin.tools.list', 'list'],
    ['tools.list', 'list'],
    ['memory_delete_record', 'delete'],
    ['gateway_resource_policy_put', 'put'],
    ['image_set_get', 'get'],
    ['schedule_list', 'list'],
    ['tag_resource', 'tag'],
    ['get_or_create_user', 'get create'],
    ['build_and_push_image_to_ecr', 'build push'],
    ['drag_and_drop', 'drag'],
    ['prompt_understanding', ''],
    ['get_network_request', 'get'],
    ['browser_network_request', ''],
    ['merge_merge_request', 'merge'],
    ['hosting_searchWordPressPluginsV1', 'search'],
    ['firecrawl_monitor_run', 'run'],
    ['mail_resendCatchAllConfirmationV1', 'resend'],
    ['enhance_aura_blueprint_draft', 'enhance'],
    ['draft_email', 'draft'],
  ])('%s: action verb %j', (name, verbs) => {
    const words = splitName(name);
    expect(findNameVerbs(words).map((i) => words[i]?.lower).join(' ')).toBe(verbs);
  });
});

describe('tables', () => {
  test('the lexicon has one row per verb, each a lowercase word', () => {
    const seen = new Set<string>();
    const twice = VERBS.filter((v) => (seen.has(v.verb) ? true : (seen.add(v.verb), false))).map((v) => v.verb);
    expect(twice).toEqual([]);
    expect(VERBS.filter((v) => !/^[a-z]+$/.test(v.verb)).map((v) => v.verb)).toEqual([]);
    expect(VERB_TABLE.size).toBe(VERBS.length);
  });

  test('a verb row means what its fields say', () => {
    for (const v of VERBS) {
      // Description-only verbs are no verb in a name.
      expect(verbCategory(v.verb), v.verb).toBe(v.descriptionOnly === true ? undefined : v.category);
      // A raise belongs to the category it raises: outbound writes to high, mass deletion and money to critical.
      if (v.raises !== undefined) expect(`${v.category} ${v.raises}`, v.verb).toMatch(/^(?:write high|destructive critical|financial critical)$/);
      if (v.category === 'financial') expect(v.raises, v.verb).toBe('critical');
    }
  });

  test.each([
    ['delete', 'delete deletes deleted deleting'],
    ['destroy', 'destroy destroys destroyed destroying'],
    ['modify', 'modify modifies modified modifying'],
    ['push', 'push pushes pushed pushing'],
    ['overwrite', 'overwrite overwrites overwriting overwritten'],
  ])('inflections of %s', (verb, forms) => {
    const row = VERB_TABLE.get(verb);
    expect(row).toBeDefined();
    if (row !== undefined) expect(inflections(row).join(' ')).toBe(forms);
  });

  test("the description's deletion phrase is every form of the destructive phrase verbs", () => {
    const forms = phraseForms('destructive').split('|');
    expect(forms).toContain('removes');
    expect(forms).toContain('overwritten');
    // Adding a verb's forms is one field of its row: “drops the old ones” reads like “deletes”.
    expect(forms).toContain('drops');
    expect(forms).not.toContain('drop'); // not “drop-down”, not “drag and drop”
    for (const f of forms) expect(classifyTool(tool('widget', `This ${f} the widget.`)).evidence.some((e) => e.kind === 'phrase' && e.category === 'destructive'), f).toBe(true);
  });

  test('the risk table covers every category once and agrees with BASE_RISK', () => {
    expect(RISK_TABLE.map((r) => r.category)).toEqual([...CATEGORIES]);
    for (const row of RISK_TABLE) expect(BASE_RISK[row.category]).toBe(row.risk);
    for (const e of ESCALATIONS) expect(e.from).toBe(BASE_RISK[e.category]);
  });

  test('every escalation is reached by some case, and every risk above the base has a documented cause', () => {
    const verdicts = CASES.map(([, , t]) => classifyTool(t));
    const byEvidence = verdicts.filter((v) => v.risk !== BASE_RISK[v.category] && v.evidence.some((e) => e.category === v.category && e.raises === v.risk));
    expect([...new Set(byEvidence.map((v) => `${v.category} ${v.risk}`))].sort()).toEqual(ESCALATIONS.map((e) => `${e.category} ${e.to}`).sort());
    for (const v of verdicts.filter((x) => x.risk !== BASE_RISK[x.category])) {
      const causes = [
        ...ESCALATIONS.filter((e) => e.category === v.category && e.to === v.risk),
        ...v.evidence.filter((e) => e.raises === v.risk),
        ...v.flags.filter((f) => f.raises === v.risk && FLAG_TABLE.some((r) => r.flag === f.flag && r.risk === v.risk)),
      ];
      expect(causes.length, `${v.name} is ${v.category} at ${v.risk}`).toBeGreaterThan(0);
    }
  });

  test('every case’s evidence points to categories that exist', () => {
    for (const [, , t] of CASES) for (const c of categoriesOf(extractEvidence(t))) expect(CATEGORIES).toContain(c);
  });
});

describe('nameKey', () => {
  test.each(['filePath', 'output_dir_path', 'HTTPRequest', 'ListS3Buckets', 'api-key', 'x', '', '__', 'ünïcode.Tool', 'requestFilePath'])('%j is splitName joined', (name) => {
    expect(nameKey(name)).toBe(
      splitName(name)
        .map((w) => w.lower)
        .join('_'),
    );
  });
});
