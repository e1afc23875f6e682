/**
 * Realistic tools and the verdict the catalog expects for each, shared by the classifier and
 * rationale tests. Descriptions and parameters are those the real servers send (filesystem, memory,
 * GitHub, Kubernetes, Chrome DevTools, Playwright, Supabase, Stripe, Prometheus, MongoDB, CircleCI,
 * Firecrawl and the AWS Labs servers), trimmed where long; IAM rows quote the AWS API reference; a
 * few rows are made up to pin one rule each and say so.
 */
import type { Tool, ToolAnnotations } from '../../src/core/schema.ts';

export function tool(name: string, description?: string, params: readonly string[] = [], annotations?: ToolAnnotations): Tool {
  const t: Tool = { name, inputSchema: { type: 'object', properties: Object.fromEntries(params.map((p) => [p, { type: 'string' }])) } };
  if (description !== undefined) t.description = description;
  if (annotations !== undefined) t.annotations = annotations;
  return t;
}

/** An Azure MCP namespace tool: a router whose `command` parameter names one of its operations. */
function router(name: string, lead: string): Tool {
  const routes =
    'This tool is a hierarchical MCP command router.\nSub commands are routed to MCP servers that require specific fields inside the "parameters" object.\nTo invoke a command, set "command" and wrap its args in "parameters".\nSet "learn=true" to discover available sub commands.';
  return {
    name,
    description: `${lead}${routes}`,
    inputSchema: {
      type: 'object',
      properties: {
        intent: { type: 'string', description: 'The intent of the azure operation to perform.' },
        command: { type: 'string', description: 'The command to execute against the specified tool.' },
        parameters: { type: 'object', description: 'The parameters to pass to the tool command.' },
        learn: { type: 'boolean', description: 'To learn about the tool and its supported child tools and parameters.', default: false },
      },
      required: ['intent'],
    },
  };
}

const RO: ToolAnnotations = { readOnlyHint: true };
const DESTRUCTIVE: ToolAnnotations = { readOnlyHint: false, destructiveHint: true };

/** [tool name, "category risk confidence", tool] */
export const CASES: ReadonlyArray<readonly [string, string, Tool]> = [
  // read
  ['read_file', 'read low high', tool('read_file', 'Read the complete contents of a file from the file system. Handles various text encodings and provides detailed error messages if the file cannot be read. Only works within allowed directories.', ['path'], RO)],
  ['list_directory', 'read low high', tool('list_directory', 'Get a detailed listing of all files and directories in a specified path. Results clearly distinguish between files and directories with [FILE] and [DIR] prefixes. Only works within allowed directories.', ['path'], RO)],
  ['search_nodes', 'read low high', tool('search_nodes', 'Search for nodes in the knowledge graph based on a query', ['query'])],
  ['get-file-contents', 'read low high', tool('get-file-contents', 'Get the contents of a file or directory from a GitHub repository', ['owner', 'repo', 'path', 'branch'])],
  ['admin.tools.list', 'read low medium', tool('admin.tools.list')],
  ['GetAvailableWorkspaces', 'read low high', tool('GetAvailableWorkspaces', 'List all available Prometheus workspaces in the specified region.', ['region', 'profile'])],
  ['get_agent_runtime', 'read low high', tool('get_agent_runtime', 'Get details of an AgentCore Runtime including its configuration.\n\nThis is a read-only operation with no cost implications.', ['agent_runtime_id', 'agent_runtime_version'])],
  ['ExecuteQuery', 'read low low', tool('ExecuteQuery', 'Execute a PromQL query against Amazon Managed Prometheus.\n\n## Usage\n- Use this tool to execute a PromQL query at a specific instant in time', ['workspace_id', 'query', 'time', 'region', 'profile'])],
  ['list_payment_intents', 'read low high', tool('list_payment_intents', 'This tool will list payment intents in Stripe.', ['customer', 'limit'])],
  ['query_logs (read-only code reads)', 'read low high', tool('query_logs', "Runs a custom read-only ClickHouse SQL query against a Supabase project's unified logs stream.", ['project_id', 'sql', 'iso_timestamp_start', 'iso_timestamp_end'])],
  ['aggregate (running an aggregation reads)', 'read low high', tool('aggregate', 'Run an aggregation against a MongoDB collection', ['connectionId', 'database', 'collection', 'pipeline'])],
  ['generate_typescript_types (generating text reads)', 'read low high', tool('generate_typescript_types', 'Generates TypeScript types for a project.', ['project_id'])],
  ['get_role_policy (reading a policy changes nothing)', 'read low high', tool('get_role_policy', 'Retrieves the specified inline policy document that is embedded with the specified IAM role.', ['role_name', 'policy_name'])],
  ['get_secret_value (made up: reading a secret)', 'read high high', tool('get_secret_value', 'Retrieves the contents of the encrypted fields of a secret.', ['secret_id', 'version_id'])],
  ['browser_network_request (a compound noun is no verb)', 'read low medium', tool('browser_network_request', 'Returns full details (headers and body) of a single network request.', ['index', 'part'])],
  ['memory_get_record', 'read low high', tool('memory_get_record', 'Get a specific memory record from an AgentCore Memory resource.\n\nReturns the full record including content, metadata, namespaces, and strategy ID. This is a read-only operation with no cost implications.', ['memory_id', 'memory_record_id'])],
  // write
  ['write_file (overwriting a whole file destroys what was there)', 'destructive high medium', tool('write_file', 'Create a new file or completely overwrite an existing file with new content. Use with caution as it will overwrite existing files without warning. Handles text content with proper encoding. Only works within allowed directories.', ['path', 'content'])],
  ['create_entities', 'write medium high', tool('create_entities', 'Create multiple new entities in the knowledge graph', ['entities'])],
  ['edit_file', 'write medium high', tool('edit_file', 'Make line-based edits to a text file. Each edit replaces exact line sequences with new content. Returns a git-style diff showing the changes made. Only works within allowed directories.', ['path', 'edits', 'dryRun'])],
  ['policy_update (a permission change)', 'write high high', tool('policy_update', 'Update a Cedar policy.\n\nCOST WARNING: Updating a policy re-invokes the validation pipeline and consumes compute.', ['policy_engine_id', 'policy_id', 'definition', 'description', 'validation_mode'])],
  ['copy_image_set', 'write medium high', tool('copy_image_set', 'Copy an image set.', ['datastore_id', 'source_image_set_id', 'copy_image_set_information', 'source_datastore_id'])],
  ['spaces-cdn-flush-cache (a cache is rebuilt on demand; DigitalOcean)', 'write medium high', tool('spaces-cdn-flush-cache', 'Flush the cache of a CDN', ['ID', 'Files'])],
  ['untag_resource', 'write medium high', tool('untag_resource', 'Remove tags from a resource.', ['resource_arn', 'tag_keys'])],
  ['browser_drop (dropping onto an element places; Playwright)', 'write medium high', tool('browser_drop', 'Drop files or MIME-typed data onto an element, as if dragged from outside the page. At least one of "paths" or "data" must be provided.', ['element', 'target', 'paths', 'data'])],
  ['git_add (weak hints make no critical deletion: force and the spec default)', 'destructive high low', tool('git_add', 'Stage files for commit. Add file contents to the staging area (index) to prepare for the next commit.', ['path', 'files', 'force'], { readOnlyHint: false })],
  ['delete_branch with force (made up: a forced delete is critical)', 'destructive critical high', tool('delete_branch', 'Delete a local branch.', ['path', 'branch', 'force'])],
  ['get_publishable_keys (keys made to be handed out are no secret; Supabase)', 'read low high', tool('get_publishable_keys', 'Gets all publishable API keys for a project, including legacy anon keys (JWT-based) and modern publishable keys (format: sb_publishable_...).', ['project_id'])],
  // Command routers (Azure MCP): the operations the description lists decide, not the `command` parameter.
  ['workbooks (a router that deletes)', 'destructive high medium', router('workbooks', 'Workbooks operations - Commands for managing Azure Workbooks resources and interactive data visualization dashboards. Includes operations for listing, creating, updating, and deleting workbooks, as well as managing workbook configurations and content.')],
  ['postgres (a router that runs SQL)', 'execute critical medium', router('postgres', 'PostgreSQL operations - Commands for managing Azure Database for PostgreSQL Flexible Server resources. Includes operations for listing servers and databases, executing SQL queries, managing table schemas, and configuring server parameters.')],
  ['monitor (a router that only queries)', 'read low high', router('monitor', 'Azure Monitor operations - Commands for querying and analyzing Azure Monitor logs and metrics.')],
  ['apply_yaml', 'write medium high', tool('apply_yaml', 'Apply a Kubernetes YAML from a local file.', ['yaml_path', 'cluster_name', 'namespace', 'force'])],
  ['slack_post_message', 'write high high', tool('slack_post_message', 'Post a new message to a Slack channel', ['channel_id', 'text'])],
  ['send_email', 'write high high', tool('send_email', 'Sends an email to the given recipients.', ['to', 'subject', 'body'])],
  ['attach_role_policy', 'write high high', tool('attach_role_policy', 'Attaches the specified managed policy to the specified IAM role.', ['role_name', 'policy_arn'])],
  ['put_role_policy', 'write high high', tool('put_role_policy', 'Adds or updates an inline policy document that is embedded in the specified IAM role.', ['role_name', 'policy_name', 'policy_document'])],
  ['update_retention_policy (made up: not an access policy)', 'write medium high', tool('update_retention_policy', 'Update the log retention policy.', ['days'])],
  ['run_pipeline (running a defined job writes)', 'write medium high', tool('run_pipeline', 'This tool triggers a new CircleCI pipeline and returns the URL to monitor its progress.', ['params'])],
  ['browser_navigate (driving a browser writes)', 'write medium high', tool('browser_navigate', 'Navigate to a URL', ['url'])],
  ['browser_tabs (coordinated lead verbs)', 'write medium medium', tool('browser_tabs', 'List, create, close, or select a browser tab.', ['action', 'index', 'url'])],
  ['API-post-page (post without a message does not publish)', 'write medium medium', tool('API-post-page', 'Notion | Create a page', ['parent', 'properties'])],
  ['create_price', 'write medium high', tool('create_price', 'This tool will create a price in Stripe.', ['product', 'unit_amount', 'currency'])],
  // destructive
  ['delete_entities', 'destructive high high', tool('delete_entities', 'Delete multiple entities and their associated relations from the knowledge graph', ['entityNames'], DESTRUCTIVE)],
  ['DeleteImageSet', 'destructive high high', tool('DeleteImageSet', 'Delete an image set.', ['datastoreId', 'imageSetId'])],
  ['delete_image_set', 'destructive high high', tool('delete_image_set', 'Delete an image set.', ['datastore_id', 'image_set_id', 'version_id'])],
  ['remove_series_from_image_set', 'destructive high high', tool('remove_series_from_image_set', 'Remove a specific series from an image set using DICOM hierarchy operations.', ['datastore_id', 'image_set_id', 'series_instance_uid'])],
  ['memory_delete_event', 'destructive high high', tool('memory_delete_event', 'Permanently delete an event from an AgentCore Memory resource.\n\nWARNING: This permanently removes the event. This action cannot be undone.', ['memory_id', 'actor_id', 'session_id', 'event_id'])],
  ['write_file (declares destructiveHint)', 'destructive high high', tool('write_file', 'Create a new file or completely overwrite an existing file with new content.', ['path', 'content'], { readOnlyHint: false, idempotentHint: true, destructiveHint: true })],
  ['drop_table', 'destructive critical high', tool('drop_table', 'Drop a table from the database', ['table_name'])],
  ['bulk_delete_by_criteria', 'destructive critical high', tool('bulk_delete_by_criteria', 'Delete multiple image sets matching specified criteria.', ['datastore_id', 'criteria', 'max_deletions'])],
  ['delete_directory (made up: recursive)', 'destructive critical high', tool('delete_directory', 'Delete a directory.', ['path', 'recursive'])],
  ['delete_branch (made up: readOnlyHint on a delete)', 'destructive high high', tool('delete_branch', 'Delete a branch from the repository.', ['owner', 'repo', 'branch'], RO)],
  ['cleanup (made up: readOnlyHint, description deletes)', 'destructive high medium', tool('cleanup', 'Deletes temporary files older than a week.', [], RO)],
  // execute
  ['run_command', 'execute critical high', tool('run_command', 'Execute a terminal command with timeout.', ['command', 'timeout_ms'])],
  ['pods_exec', 'execute critical high', tool('pods_exec', 'Execute a command in a Kubernetes Pod (shell access, run commands in the container) in the current or provided namespace with the provided name and command', ['namespace', 'name', 'command', 'container'], DESTRUCTIVE)],
  ['execute_sql', 'execute critical high', tool('execute_sql', 'Executes raw SQL in the Postgres database. Use `apply_migration` instead for DDL operations.', ['project_id', 'query'])],
  ['evaluate_script', 'execute critical high', tool('evaluate_script', 'Evaluate a JavaScript function inside the currently selected page. Returns the response as JSON so returned values have to JSON-serializable.', ['function', 'args'])],
  ['browser_evaluate', 'execute critical high', tool('browser_evaluate', 'Execute a JavaScript expression in the page context.', ['session_id', 'expression'])],
  ['call_aws', 'execute critical high', tool('call_aws', 'DEPRECATION NOTICE: The AWS API MCP server is entering end of development.\n    Execute AWS CLI commands with validation and proper error handling.', ['cli_command', 'max_results'], { title: 'Execute AWS CLI commands', readOnlyHint: false, destructiveHint: true, openWorldHint: true })],
  ['firecrawl_interact (runs browser code: weak signals from two sources)', 'execute critical low', tool('firecrawl_interact', 'Open or reuse a live browser session to navigate a page, click controls, fill fields, or run browser code. Provide either `url` or `scrapeId`, and either a natural-language `prompt` or executable `code`.', ['scrapeId', 'url', 'prompt', 'code', 'language'])],
  ['execute_sentry_tool (running an unnamed thing: weak from two sources)', 'execute critical low', tool('execute_sentry_tool', 'Execute an available Sentry MCP tool discovered through search_sentry_tools.', ['toolName', 'params'])],
  ['bash (made up: a bare noun)', 'execute critical high', tool('bash', 'Run a bash command in a persistent shell session', ['command'])],
  // financial
  ['create_refund', 'financial critical high', tool('create_refund', 'This tool will refund a payment intent in Stripe.', ['payment_intent', 'amount'])],
  ['create_payment_link', 'financial high high', tool('create_payment_link', 'This tool will create a payment link in Stripe.', ['price', 'quantity'])],
  ['bulk_delete_invoices (made up: risk held by the destructive reading)', 'financial critical high', tool('bulk_delete_invoices', 'Delete many invoices at once.', ['invoice_ids'])],
  ['transfer_funds (made up)', 'financial critical high', tool('transfer_funds', 'Transfer funds between two accounts.', ['from_account', 'to_account', 'amount', 'currency'])],
  // Issue 8: tools from outside the catalog, as other vendors write them (descriptions trimmed; schemas reduced to what decides).
  ['list_clickhouse_tables (an emphasis prefix does not lead)', 'read low high', tool('list_clickhouse_tables', 'START HERE for ClickHouse: List available tables in the given database, with their engines and row counts.', ['database', 'like'])],
  ['deploy_plan_get (Azure: the verb comes last)', 'read low high', tool('deploy_plan_get', 'Gets the deployment plan for the given workspace folder and project.', ['workspace_folder', 'project_name'])],
  ['storage_account_list (Azure: the verb comes last)', 'read low high', tool('storage_account_list', 'Lists all storage accounts in a subscription.', ['subscription'])],
  ['repos/issues/delete (made up: a path-like name)', 'destructive high high', tool('repos/issues/delete', 'Delete an issue.', ['owner', 'repo', 'issue_number'])],
  ['DELETE /v1/users/{id} (made up: an HTTP route as a name)', 'destructive high medium', tool('DELETE /v1/users/{id}', undefined, ['id'])],
  ['deployPlanGet (made up: camel case, verb last)', 'read low high', tool('deployPlanGet', 'Gets the deployment plan.', ['project'])],
  ['azure_storage_blob_delete (made up: a service prefix, verb last)', 'destructive high medium', tool('azure_storage_blob_delete', undefined, ['container', 'blob'])],
  ['mcp__github__get_issue (a client-side namespace prefix)', 'read low high', tool('mcp__github__get_issue', 'Get details of a specific issue in a GitHub repository.', ['owner', 'repo', 'issue_number'])],
  ['describe_table (framing: “Enables listing …”)', 'read low high', tool('describe_table', 'Enables listing the columns of a table with their types.', ['table'])],
  ['list_indexes (framing: “Allows you to …”)', 'read low high', tool('list_indexes', 'Allows you to list every index of a collection.', ['collection'])],
  ['table_schema (framing: “Lets the agent …”)', 'read low medium', tool('table_schema', 'Lets the agent read the schema of a table.', ['table'])],
  ['get_drive_delta (a plain write verb in the description does not override the name)', 'read low medium', tool('get-drive-delta', 'Track changes in a driveItem and its children over time.', ['drive-id'])],
  ['purge_queue_status (made up: an explicit effect still does)', 'destructive critical medium', tool('get_queue_status', 'Purges every message from the queue, then returns its status.', ['queue'])],
  ['issue_write (an operation parameter: create or update)', 'write medium high', { name: 'issue_write', description: 'Create a new or update an existing issue in a GitHub repository.', inputSchema: { type: 'object', properties: { method: { type: 'string', enum: ['create', 'update'], description: 'Write operation to perform on a single issue.' }, owner: { type: 'string' }, repo: { type: 'string' } } } }],
  ['projects_write (an operation parameter that deletes)', 'destructive high high', { name: 'projects_write', description: 'Add, update or delete project items in a GitHub Project.', inputSchema: { type: 'object', properties: { method: { type: 'string', enum: ['add_project_item', 'update_project_item', 'delete_project_item'] }, owner: { type: 'string' }, project_number: { type: 'number' } } } }],
  ['manage_users (made up: the riskiest of an action enum)', 'destructive high medium', { name: 'manage_users', description: 'Manage users.', inputSchema: { type: 'object', properties: { action: { type: 'string', enum: ['list', 'get', 'create', 'delete'] } } } }],
  ['istio_config (a lead that lists operations)', 'destructive high medium', tool('istio_config', 'Create, patch, or delete Istio config.', ['namespace', 'name', 'yaml'])],
  ['create_call (a specific verb keeps method an attribute)', 'write medium high', { name: 'create_call', description: 'Create a new outgoing call to phones.', inputSchema: { type: 'object', properties: { To: { type: 'string' }, Method: { type: 'string', enum: ['GET', 'POST'] } } } }],
  ['grafana_api_request (a passthrough)', 'execute critical medium', { name: 'grafana_api_request', description: 'Make an authenticated HTTP request to the Grafana API.', inputSchema: { type: 'object', properties: { method: { type: 'string', enum: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] }, path: { type: 'string' }, body: { type: 'object' } } } }],
  ['execute_graphql_query (a GraphQL document can mutate)', 'execute critical high', tool('execute_graphql_query', 'Execute a GraphQL query against the API.', ['query', 'variables'])],
  ['query-graphql (mcp-graphql: querying a GraphQL endpoint with the agent’s document is a passthrough)', 'execute critical medium', tool('query-graphql', 'Query a GraphQL endpoint with the given query and variables', ['query', 'variables'])],
  ['text_to_speech (ElevenLabs: a tool that “makes an API call” of its own is no passthrough)', 'read low medium', tool('text_to_speech', 'Convert text to speech with a given voice.\n\n⚠️ COST WARNING: This tool makes an API call to ElevenLabs which may incur costs.', ['text', 'voice_id'])],
  ['ecs_resource_management (AWS ECS: executing the API operations the agent names is)', 'execute critical medium', tool('ecs_resource_management', 'Execute ECS API operations directly. This tool allows direct execution of ECS API operations using boto3.', ['api_operation', 'api_params'])],
  ['run_graphql_query (made up: kept to reads)', 'read low high', tool('run_graphql_query', 'Run a read-only GraphQL query; mutations are not allowed.', ['query'])],
  ['write_file (no annotations: overwriting a whole file destroys what was there)', 'destructive high medium', tool('write_file', 'Create a new file or completely overwrite an existing file with new content.', ['path', 'content'])],
  ['update_many (made up: updating every matching document)', 'destructive high medium', tool('update_many', 'Updates all documents that match the filter.', ['collection', 'filter', 'update'])],
  ['maps_weather (a Chinese description: 查询 queries; AMap)', 'read low medium', tool('maps_weather', '根据城市名称或者标准adcode查询指定城市的天气', ['city'])],
  ['writeNoSqlDatabaseStructure (made up from CloudBase: 创建、删除和管理 lists operations)', 'destructive high medium', tool('writeNoSqlDatabaseStructure', '创建、删除和管理 CloudBase NoSQL 数据库集合', ['action'])],
  ['storage_info (made up from CloudBase: 不会读取 is negated; 返回 returns; 只读 keeps it to reads)', 'read low medium', tool('storage_info', '不会读取本地文件，只返回存储能力摘要。只读操作。')],
  ['storage_info (made up: the negated verb alone says nothing)', 'write medium low', tool('storage_info', '不会删除本地文件')],
  ['asana_delete_tag (deleting a tag deletes it; removing one from a task edits the task)', 'destructive high high', tool('asana_delete_tag', 'Delete a tag', ['tag_gid'])],
  ['replace_table_csv (replacing all data of a table)', 'destructive high medium', tool('replace_table_csv', 'Replace all data in a table with new CSV content (for Metabase-managed tables)', ['table_id', 'csv'])],
  ['revenue_trend (made up from ERPNext: a verbless lead, then “Returns …” says what it does)', 'read low medium', tool('revenue_trend', 'Sales revenue trend over time. Returns a line chart with monthly revenue from sales orders.', ['months'])],
  ['profit_loss (made up from ERPNext: a title and a dash, then “Shows …”)', 'read low medium', tool('profit_loss', 'Profit & Loss overview — bar chart comparing total income vs total expenses per month. Shows net profit line.', ['months'])],
  ['run_realtime_report (Google Analytics: running a report reads; its noun is the 7th word of the object)', 'read low high', tool('run_realtime_report', 'Runs a Google Analytics Data API realtime report.', ['property_id'])],
  ['review_cluster (AWS Redshift: running a diagnostic review reads)', 'read low medium', tool('review_cluster', 'Run a diagnostic review of a Redshift cluster or serverless workgroup.', ['cluster_identifier'])],
  ['runCollection (Postman: what is run ends at the preposition, so “test results” are no job)', 'execute critical low', tool('runCollection', 'Runs a Postman collection by ID with detailed test results and execution statistics.', ['collectionId'])],
  ['weather_archive (Open-Meteo: a verb alone after the prefix yields to a description that plainly reads)', 'read low medium', tool('weather_archive', 'Get historical weather data for specific coordinates and date range.', ['latitude', 'longitude'])],
  ['notebook_share_status (made up from NotebookLM: a verb before a word of information)', 'read low medium', tool('notebook_share_status', 'Get current sharing settings and collaborators.', ['notebook_id'])],
  ['github_create_issue (made up: a verb right after the prefix keeps its reading)', 'write medium medium', tool('github_create_issue', 'Get a new issue created in a repository.', ['repo'])],
  ['deploy_plan (made up from CloudBase: the tool says it is read-only, so the plain write verb names its topic)', 'read low medium', tool('deploy_plan', 'Compute the declarative deployment plan. This tool is read-only: it changes nothing.', ['cwd'])],
  ['update_settings (made up: one read-only field does not make the tool read-only)', 'write medium medium', tool('update_settings', 'Update the settings. The id field is read-only.', ['id'])],
  ['generate_upload_url (made up from Hostinger: an upload URL is a grant, not generated text)', 'write medium high', tool('generate_upload_url', 'Generate an upload URL for the bucket.', ['bucket'])],
  ['create_mobile_lwc_nfc (Salesforce: a tool that gives documentation and guidance reads, whatever its name’s verb)', 'read low medium', tool('create_mobile_lwc_nfc', 'The MCP tool provides a comprehensive TypeScript-based API documentation for Salesforce LWC NFC Service, offering expert-level guidance for implementing the NFC feature in a Lightning Web Component (LWC).')],
  ['trigger_dag_and_wait (Airflow: a verb with its object, linked to another, still acts)', 'write medium medium', tool('trigger_dag_and_wait', 'Trigger a DAG run and wait for it to complete before returning.', ['dag_id', 'conf', 'timeout'])],
  ['manage_eks_stacks (AWS EKS: the operations a parameter lists in plain words)', 'destructive high medium', { name: 'manage_eks_stacks', description: 'Manage EKS CloudFormation stacks with both read and write operations.', inputSchema: { type: 'object', properties: { operation: { type: 'string', description: 'Operation to perform: generate, deploy, describe, or delete. Choose "describe" for read-only operations when write access is disabled.' }, cluster_name: { type: 'string' } } } }],
  // no evidence
  ['peek_queue (made up: peeking reads)', 'read low high', tool('peek_queue', 'Peek at the next messages in a queue without removing them.', ['queue'])],
  ['repairDatabase (made up: a verb the lexicon knows, not the no-evidence default)', 'write medium high', tool('repairDatabase', 'Repairs corrupted database tables asynchronously.', ['database'])],
  ['snooze_reminder (made up: snooze and postpone write)', 'write medium high', tool('snooze_reminder', 'Postpone a reminder for an event until a new time.', ['event_id'])],
  ['frobnicate (made up: nothing to go on)', 'write medium low', { name: 'frobnicate' }],
  ['widget (made up: only readOnlyHint)', 'write medium low', tool('widget', undefined, [], RO)],
  ['prompt_understanding (a title line, then “ALWAYS Use this tool first to understand …”)', 'read low medium', tool('prompt_understanding', '[DEPRECATED] MCP-CORE Prompt Understanding.\n\nALWAYS Use this tool first to understand the user\'s query and translate it into AWS expert advice.')],
  ['span_walk (made up: a lead that may start with a verb the lexicon lacks keeps the lead; “Returns” does not stand in)', 'write medium low', tool('span_walk', 'Walk ancestors or descendants of a span. Returns ordered chain of spans.', ['span_id'])],
  ['auth0_onboarding (a sentence with an unknown verb is no title: no lead verb)', 'write medium low', tool('auth0_onboarding', 'Onboard a project with Auth0. Creates an Auth0 application.', ['framework'])],
];
