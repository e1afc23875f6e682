/**
 * npm run --silent classify -- FILE [--fail-on RISK]
 *
 * Classifies every tool of a `tools/list` result or a catalog snapshot (anything with a `tools`
 * array), offline. Prints only a JSON array of verdicts, in input order, to stdout.
 *
 * Exit codes: 0 done; 1 a tool is at or above --fail-on (verdicts are still printed);
 * 2 bad usage or bad input (a message on stderr naming the file and field, nothing on stdout).
 */
import { readFile } from 'node:fs/promises';
import { classifyTools } from '../core/classify/index.ts';
import { RISK_LEVELS, ToolsListSchema, type Risk } from '../core/schema.ts';

const USAGE = `Usage: npm run --silent classify -- FILE [--fail-on RISK]

Classify the tools of an MCP tools/list result ({"tools": [...]}) or a catalog snapshot
(content/servers/*.json). FILE may be - to read standard input. A tool's optional
fields (title, description, inputSchema, outputSchema, annotations) may be null: not available.

Prints a JSON array with one verdict per tool, in input order:
  {"name", "category", "risk", "confidence", "evidence": [...], "flags": [...],
   "findings": [...], "suggestedAnnotations": {...}}

Options:
  --fail-on RISK  exit 1 when any tool's risk is RISK or higher (${RISK_LEVELS.join(', ')})
  -h, --help      show this help

Exit codes: 0 ok, 1 --fail-on threshold reached, 2 bad usage or bad input.
`;

class UsageError extends Error {}

interface Options {
  file: string;
  failOn: Risk | undefined;
}

function isRisk(value: string): value is Risk {
  return (RISK_LEVELS as readonly string[]).includes(value);
}

function parseArgs(args: readonly string[]): Options | 'help' {
  let file: string | undefined;
  let failOn: Risk | undefined;
  let options = true;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (options && arg === '--') {
      options = false;
      continue;
    }
    if (!options) {
      if (file !== undefined) throw new UsageError(`expected one FILE, got "${file}" and "${arg}"`);
      file = arg;
      continue;
    }
    if (arg === '-h' || arg === '--help') return 'help';
    if (arg === '--fail-on' || arg.startsWith('--fail-on=')) {
      const value = arg === '--fail-on' ? args[++i] : arg.slice('--fail-on='.length);
      if (value === undefined || !isRisk(value)) {
        throw new UsageError(`--fail-on needs one of ${RISK_LEVELS.join(', ')}${value === undefined ? '' : `, not "${value}"`}`);
      }
      failOn = value;
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`unknown option ${arg}`);
    } else if (file !== undefined) {
      throw new UsageError(`expected one FILE, got "${file}" and "${arg}"`);
    } else {
      file = arg;
    }
  }
  if (file === undefined) throw new UsageError('missing FILE (use - for standard input)');
  return { file, failOn };
}

async function readInput(file: string): Promise<string> {
  if (file !== '-') return readFile(file, 'utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** Optional tool fields that may be `null` in captured data, meaning “not available”. */
const NULLABLE_FIELDS = ['title', 'description', 'inputSchema', 'outputSchema', 'annotations'] as const;

/** The input with `null` optional tool fields removed (a null name or tools list stays an error). */
function withoutNulls(json: unknown): unknown {
  if (typeof json !== 'object' || json === null || !('tools' in json) || !Array.isArray(json.tools)) return json;
  const tools: unknown[] = json.tools.map((tool: unknown) => {
    if (typeof tool !== 'object' || tool === null || Array.isArray(tool)) return tool;
    const copy: Record<string, unknown> = { ...tool };
    for (const field of NULLABLE_FIELDS) if (copy[field] === null) delete copy[field];
    return copy;
  });
  return { ...json, tools };
}

async function main(args: readonly string[]): Promise<number> {
  let options: Options | 'help';
  try {
    options = parseArgs(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`classify: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (options === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  const label = options.file === '-' ? '<stdin>' : options.file;

  let text: string;
  try {
    text = await readInput(options.file);
  } catch (error) {
    process.stderr.write(`classify: ${label}: cannot read: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    process.stderr.write(`classify: ${label}: not valid JSON: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const parsed = ToolsListSchema.safeParse(withoutNulls(json));
  if (!parsed.success) {
    const lines = parsed.error.issues.slice(0, 10).map((issue) => {
      const field = issue.path.map(String).join('.') || '(top level)';
      return `classify: ${label}: ${field}: ${issue.message.replace(/^Invalid input: /, '')}`;
    });
    const more = parsed.error.issues.length - lines.length;
    process.stderr.write(`${lines.join('\n')}\n${more > 0 ? `classify: ${label}: … and ${more} more\n` : ''}`);
    return 2;
  }

  const verdicts = classifyTools(parsed.data.tools);
  process.stdout.write(`${JSON.stringify(verdicts, null, 2)}\n`);
  const threshold = options.failOn;
  if (threshold !== undefined && verdicts.some((v) => RISK_LEVELS.indexOf(v.risk) >= RISK_LEVELS.indexOf(threshold))) return 1;
  return 0;
}

// A closed pipe (`| head`) is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2));
