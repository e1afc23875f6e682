/**
 * Flags, findings and suggested annotations: tables of tools and what the verdict must carry.
 * Descriptions are the real servers' where a row names one; rows marked “made up” pin one rule.
 */
import { describe, expect, test } from 'vitest';
import { classifyTool } from '../../src/core/classify/index.ts';
import { renderRationale } from '../../src/core/classify/rationale.ts';
import { FINDING_RULES, FLAG_TABLE, SUGGESTION_RULES } from '../../src/core/classify/rules.ts';
import { ADDITIVE_VERBS, FLAG_NOUN_RULES, FLAG_VERBS, IDEMPOTENT_VERBS, NON_IDEMPOTENT_VERBS, verbCategory } from '../../src/core/classify/lexicon.ts';
import { extractSignals } from '../../src/core/classify/signals.ts';
import { ANNOTATION_HINTS, FINDING_KINDS, FLAGS, type Tool } from '../../src/core/schema.ts';
import { tool } from './classify-cases.ts';

const flagsOf = (t: Tool) => classifyTool(t).flags.map((f) => f.flag).join(' ');

describe('flags', () => {
  test.each([
    // permission change
    ['policy_update', tool('policy_update', 'Update a Cedar policy.', ['policy_engine_id', 'policy_id', 'definition']), 'permission-change'],
    ['attach_role_policy', tool('attach_role_policy', 'Attaches the specified managed policy to the specified IAM role.', ['role_name', 'policy_arn']), 'permission-change'],
    ['put_role_policy', tool('put_role_policy', 'Adds or updates an inline policy document that is embedded in the specified IAM role.', ['role_name', 'policy_document']), 'permission-change'],
    ['add_member (made up)', tool('add_member', 'Add a member to the team.', ['team_id', 'user_id', 'role']), 'permission-change'],
    ['grant_access (made up: the verb alone)', tool('grant_access', 'Grants a user access to the project.', ['user']), 'permission-change'],
    ['get_role_policy: reading a policy is no change', tool('get_role_policy', 'Retrieves the specified inline policy document.', ['role_name']), ''],
    ['update_retention_policy: not an access policy', tool('update_retention_policy', 'Update the log retention period.', ['days']), ''],
    // credential access
    ['get_secret_value (made up)', tool('get_secret_value', 'Retrieves the contents of a secret.', ['secret_id']), 'credential-access'],
    ['identity_create_api_key_provider', tool('identity_create_api_key_provider', 'Create an API key credential provider.', ['name', 'api_key']), 'credential-access'],
    ['list_buckets: credentials mentioned in passing', tool('list_buckets', 'List S3 buckets using the default credentials.'), ''],
    ['list_pages: a pagination token is no credential', tool('list_pages', 'List pages.', ['next_token', 'page_size']), ''],
    // open world
    ['fetch (made up after the fetch server)', tool('fetch', 'Fetches a URL from the internet and extracts its contents as markdown.', ['url']), 'open-world'],
    ['brave_web_search', tool('brave_web_search', 'Performs a web search using the Brave Search API.', ['query']), 'open-world'],
    ['browser_navigate', tool('browser_navigate', 'Navigate to a URL', ['url']), 'open-world'],
    ['get_project_url: returns a URL, reaches nothing', tool('get_project_url', 'Gets the API URL for a project.', ['project_id']), ''],
    ['deploy_web_app (made up): a web app is not the web', tool('deploy_web_app', 'Deploy the web app.', ['app_id']), ''],
    ['openWorldHint: true alone', tool('thing', undefined, [], { openWorldHint: true }), 'open-world'],
    // private data
    ['get_patient_studies', tool('get_patient_studies', 'Retrieve all studies for a patient.', ['datastore_id', 'patient_id']), 'private-data'],
    ['read_inbox (made up)', tool('read_inbox', 'Read emails from the inbox.', ['limit']), 'private-data'],
    ['send_email: sending is not reading mail', tool('send_email', 'Sends an email.', ['to', 'subject', 'body']), ''],
    ['list_console_messages: not a person’s messages', tool('list_console_messages', 'List all console messages for the page.', ['pageId']), ''],
    // several
    ['scrape_inbox_and_secrets (made up)', tool('get_email_secrets', 'Fetch a web page.', ['url', 'password']), 'credential-access open-world private-data'],
  ] as const)('%s → [%s]', (_label, t, expected) => {
    expect(flagsOf(t)).toBe(expected);
  });

  test('a flag carries its evidence, each with source and exact match', () => {
    const v = classifyTool(tool('attach_role_policy', 'Attaches the specified managed policy to the specified IAM role.', ['role_name', 'policy_arn']));
    expect(v.flags).toEqual([
      {
        flag: 'permission-change',
        raises: 'high',
        evidence: [
          { source: 'name', signal: 'name-permission-role', match: 'role', flag: 'permission-change', strength: 'strong' },
          { source: 'name', signal: 'name-permission-policy', match: 'policy', flag: 'permission-change', strength: 'strong' },
          { source: 'description', signal: 'description-permission-policy', match: 'policy', flag: 'permission-change', strength: 'strong' },
          { source: 'description', signal: 'description-permission', match: 'IAM role', flag: 'permission-change', strength: 'weak' },
        ],
      },
    ]);
  });

  test('a flag with a least risk raises the verdict to it, and the rationale says why', () => {
    const v = classifyTool(tool('policy_update', 'Update a Cedar policy.', ['policy_id', 'definition']));
    expect([v.category, v.risk]).toEqual(['write', 'high']);
    const lines = renderRationale(v);
    expect(lines[1]).toBe('The risk is high rather than medium, the level for write tools, because it is flagged for permission or policy change.');
    expect(lines[2]).toBe('It is flagged for permission or policy change, so its risk is never below high: the name mentions “policy”; the description says “policy”.');
  });

  test('flags that change no risk are shown without changing it', () => {
    const v = classifyTool(tool('fetch', 'Fetches a URL from the internet.', ['url']));
    expect([v.category, v.risk, v.flags[0]?.raises]).toEqual(['read', 'low', undefined]);
    expect(renderRationale(v)).toContain('It is flagged for open-world network access: the description says “Fetches a URL” and “from the internet”; it takes a parameter “url”.');
  });

  test('weak flag evidence from one source establishes nothing', () => {
    expect(extractSignals(tool('list_buckets', 'List S3 buckets using the default credentials.')).flagEvidence).toEqual([
      { source: 'description', signal: 'description-credential', match: 'credentials', flag: 'credential-access', strength: 'weak' },
    ]);
    expect(classifyTool(tool('list_buckets', 'List S3 buckets using the default credentials.')).flags).toEqual([]);
  });
});

describe('findings', () => {
  const RO = { readOnlyHint: true } as const;
  test.each([
    ['readOnlyHint: true on a delete', tool('delete_branch', 'Delete a branch.', ['branch'], RO), ['read-only-contradicted']],
    ['destructiveHint: false on a delete', tool('delete_branch', 'Delete a branch.', ['branch'], { readOnlyHint: false, destructiveHint: false }), ['destructive-contradicted']],
    ['destructiveHint: false on a shell', tool('run_command', 'Run a shell command.', ['command'], { destructiveHint: false }), ['destructive-contradicted']],
    ['both on one delete', tool('delete_branch', 'Delete a branch.', ['branch'], { readOnlyHint: true, destructiveHint: false }), ['read-only-contradicted', 'destructive-contradicted']],
    ['openWorldHint: false on a fetcher', tool('fetch', 'Fetches a URL from the internet.', ['url'], { readOnlyHint: true, openWorldHint: false }), ['open-world-contradicted']],
    ['no openWorldHint on a fetcher', tool('fetch', 'Fetches a URL from the internet.', ['url'], RO), ['open-world-undeclared']],
    ['no annotations at all on a fetcher', tool('fetch', 'Fetches a URL from the internet.', ['url']), ['open-world-undeclared']],
    ['honest hints', tool('delete_branch', 'Delete a branch.', ['branch'], { readOnlyHint: false, destructiveHint: true }), []],
    ['readOnlyHint: true with nothing else established', tool('widget', undefined, [], RO), []],
    ['readOnlyHint: false on a read: riskier, so no finding', tool('get_file', 'Get a file.', ['path'], { readOnlyHint: false }), []],
    ['destructiveHint: false on a plain update', tool('update_issue', 'Update an issue.', ['id'], { readOnlyHint: false, destructiveHint: false }), []],
  ] as const)('%s → %j', (_label, t, kinds) => {
    expect(classifyTool(t).findings.map((f) => f.kind)).toEqual(kinds);
  });

  test('a finding is structured, and its message is generated from its fields', () => {
    const [finding] = classifyTool(tool('delete_branch', 'Delete a branch from the repository.', ['branch'], { readOnlyHint: true })).findings;
    expect(finding).toEqual({
      kind: 'read-only-contradicted',
      annotation: 'readOnlyHint',
      declared: true,
      expected: false,
      reading: 'destructive',
      evidence: [
        { source: 'name', signal: 'name-verb-delete', match: 'delete', kind: 'verb' },
        { source: 'description', signal: 'description-verb-delete', match: 'Delete', kind: 'verb' },
      ],
      message:
        'The server declares readOnlyHint: true, but the name\'s verb is “delete”; the description\'s lead verb is “Delete”: the catalog reads the tool as destructive and suggests readOnlyHint: false.',
    });
  });

  test('the riskier reading wins and the rationale repeats the finding', () => {
    const v = classifyTool(tool('delete_branch', 'Delete a branch.', ['branch'], { readOnlyHint: true, destructiveHint: false }));
    expect([v.category, v.risk, v.suggestedAnnotations]).toEqual(['destructive', 'high', { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false }]);
    for (const f of v.findings) expect(renderRationale(v)).toContain(f.message);
  });

  test('an undeclared openWorldHint says the spec default agrees', () => {
    const [finding] = classifyTool(tool('fetch', 'Fetches a URL from the internet.', ['url'])).findings;
    expect(finding?.declared).toBeNull();
    expect(finding?.message).toMatch(/^The server does not declare openWorldHint, and .*: the spec's default \(true\) agrees, but the server should declare openWorldHint: true\.$/);
  });
});

describe('suggested annotations', () => {
  test.each([
    ['a read', tool('get_file', 'Get a file.', ['path']), { readOnlyHint: true, openWorldHint: false }],
    ['a web read', tool('fetch', 'Fetches a URL from the internet.', ['url']), { readOnlyHint: true, openWorldHint: true }],
    ['an additive write', tool('create_issue', 'Create an issue.', ['title']), { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false }],
    ['an update: not additive, idempotent', tool('update_issue', 'Update an issue.', ['id']), { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false }],
    ['a move: not additive, not idempotent', tool('move_file', 'Move a file.', ['source', 'destination']), { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: false }],
    ['a delete', tool('delete_issue', 'Delete an issue.', ['id']), { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false }],
    ['code', tool('run_command', 'Run a shell command.', ['command']), { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: false }],
    ['a message sent: its verb is additive, but it cannot be taken back', tool('send_email', 'Send an email.', ['to', 'subject', 'body']), { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: false }],
    ['a label added: additive, nothing irreversible', tool('add_label', 'Add a label to an issue.', ['issue', 'label']), { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false }],
    ['a command router: its description need not name every operation', { name: 'azd', description: 'Azure Developer CLI operations - Includes operations for provisioning environments. This tool is a hierarchical MCP command router.', inputSchema: { type: 'object', properties: { command: { type: 'string' } } } }, { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: false }],
    ['a refund', tool('create_refund', 'Refund a payment.', ['payment_intent']), { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: false }],
    ['nothing known: the spec defaults', { name: 'frobnicate' }, { readOnlyHint: false, destructiveHint: true, openWorldHint: false }],
  ] as const)('%s', (_label, t, expected) => {
    expect(classifyTool(t).suggestedAnnotations).toEqual(expected);
  });

  test('suggestions follow the verdict, not the declared hints', () => {
    const declared = tool('delete_branch', 'Delete a branch.', ['branch'], { readOnlyHint: true, destructiveHint: false, idempotentHint: false, openWorldHint: true });
    expect(classifyTool(declared).suggestedAnnotations).toEqual({ readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true });
  });
});

describe('tables', () => {
  test('FLAG_TABLE has one row per flag, in FLAGS order; only credential access and permission change raise risk', () => {
    expect(FLAG_TABLE.map((r) => r.flag)).toEqual([...FLAGS]);
    expect(FLAG_TABLE.filter((r) => r.risk !== undefined).map((r) => `${r.flag} ${r.risk}`)).toEqual(['credential-access high', 'permission-change high']);
  });

  test('every flag can be established by some rule, and flag verbs are verbs', () => {
    for (const flag of FLAGS) expect(FLAG_NOUN_RULES.some((r) => r.flag === flag), flag).toBe(true);
    for (const verb of FLAG_VERBS.keys()) expect(verbCategory(verb), verb).toBeDefined();
  });

  test('FINDING_RULES cover every kind once, in FINDING_KINDS order; SUGGESTION_RULES every hint', () => {
    expect(FINDING_RULES.map((r) => r.kind)).toEqual([...FINDING_KINDS]);
    expect(SUGGESTION_RULES.map((r) => r.annotation)).toEqual([...ANNOTATION_HINTS]);
  });

  test('the verb lists behind the suggestions name known verbs, and no verb is both idempotent and not', () => {
    for (const set of [ADDITIVE_VERBS, IDEMPOTENT_VERBS, NON_IDEMPOTENT_VERBS]) for (const v of set) expect(verbCategory(v), v).toBeDefined();
    expect([...IDEMPOTENT_VERBS].filter((v) => NON_IDEMPOTENT_VERBS.has(v))).toEqual([]);
  });
});
