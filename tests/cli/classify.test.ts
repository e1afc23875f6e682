/**
 * The real classify CLI, spawned as a child process: stdout is exactly the verdicts, stderr and
 * exit codes say what went wrong.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { classifyTools } from '../../src/core/classify/index.ts';
import { ServerSnapshotSchema, ToolsListSchema, VerdictSchema, type Verdict } from '../../src/core/schema.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const CLI = fileURLToPath(new URL('../../src/cli/classify.ts', import.meta.url));
const TOOLS_LIST = fileURLToPath(new URL('../fixtures/classify/tools-list.json', import.meta.url));
const SNAPSHOT = fileURLToPath(new URL('../fixtures/classify/snapshot.json', import.meta.url));

const tmp = mkdtempSync(join(tmpdir(), 'classify-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function run(args: readonly string[], input?: string) {
  const result = spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', CLI, ...args], {
    cwd: REPO,
    encoding: 'utf8',
    timeout: 60_000,
    ...(input === undefined ? {} : { input }),
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function writeTmp(name: string, content: string): string {
  const file = join(tmp, name);
  writeFileSync(file, content);
  return file;
}

function verdicts(stdout: string): Verdict[] {
  const parsed: unknown = JSON.parse(stdout);
  return VerdictSchema.array().parse(parsed);
}

const fixtureNames = (file: string) => (JSON.parse(readFileSync(file, 'utf8')) as { tools: Array<{ name: string }> }).tools.map((t) => t.name);

describe('classify CLI', () => {
  test('a tools/list file: one verdict per tool, in input order, as 2-space JSON', () => {
    const { code, stdout, stderr } = run([TOOLS_LIST]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = verdicts(stdout);
    expect(out.map((v) => v.name)).toEqual(fixtureNames(TOOLS_LIST));
    expect(stdout).toBe(`${JSON.stringify(out, null, 2)}\n`);
    // The v1 keys first, in their order; flags, findings and suggested annotations after them.
    for (const v of out) expect(Object.keys(v)).toEqual(['name', 'category', 'risk', 'confidence', 'evidence', 'flags', 'findings', 'suggestedAnnotations']);
  });

  test('the verdicts are the library’s, including tools with a null inputSchema or nothing but a name', () => {
    const out = verdicts(run([TOOLS_LIST]).stdout);
    const { tools } = ToolsListSchema.parse(
      JSON.parse(readFileSync(TOOLS_LIST, 'utf8'), (key, value: unknown) => (key === 'inputSchema' && value === null ? undefined : value)),
    );
    expect(out).toEqual(classifyTools(tools));
    const byName = new Map(out.map((v) => [v.name, v]));
    expect(byName.get('delete_image_set')).toMatchObject({ category: 'destructive', risk: 'high' });
    expect(byName.get('bulk_delete_by_criteria')).toMatchObject({ category: 'destructive', risk: 'critical' });
    expect(byName.get('aws___run_script')).toMatchObject({ category: 'execute', risk: 'critical' });
    expect(byName.get('admin.Tools.list')).toMatchObject({ category: 'read', confidence: 'medium' });
  });

  test('a catalog snapshot', () => {
    ServerSnapshotSchema.parse(JSON.parse(readFileSync(SNAPSHOT, 'utf8')));
    const { code, stdout, stderr } = run([SNAPSHOT]);
    expect([code, stderr]).toEqual([0, '']);
    expect(verdicts(stdout).map((v) => v.name)).toEqual(fixtureNames(SNAPSHOT));
  });

  test('- reads standard input', () => {
    const fromFile = run([TOOLS_LIST]);
    const fromStdin = run(['-'], readFileSync(TOOLS_LIST, 'utf8'));
    expect([fromStdin.code, fromStdin.stderr]).toEqual([0, '']);
    expect(fromStdin.stdout).toBe(fromFile.stdout);
  });

  test('flags, findings and suggested annotations are printed, keys in schema order', () => {
    const input = {
      tools: [
        { name: 'delete_branch', description: 'Delete a branch.', annotations: { readOnlyHint: true } },
        { name: 'fetch', description: 'Fetches a URL from the internet.', inputSchema: { type: 'object', properties: { url: { type: 'string' } } } },
        { name: 'policy_update', description: 'Update a Cedar policy.' },
      ],
    };
    const { code, stdout } = run(['-'], JSON.stringify(input));
    expect(code).toBe(0);
    const out = verdicts(stdout);
    expect(stdout).toBe(`${JSON.stringify(out, null, 2)}\n`);
    expect(out.map((v) => [v.name, v.flags.map((f) => f.flag), v.findings.map((f) => f.kind), v.suggestedAnnotations.readOnlyHint])).toEqual([
      ['delete_branch', [], ['read-only-contradicted'], false],
      ['fetch', ['open-world'], ['open-world-undeclared'], true],
      ['policy_update', ['permission-change'], [], false],
    ]);
    expect(out[2]?.risk).toBe('high');
  });

  test('an empty tool list prints an empty array', () => {
    const { code, stdout } = run(['-'], '{"tools": []}');
    expect([code, stdout]).toEqual([0, '[]\n']);
  });

  test.each([
    ['a tool without a name', '{"tools":[{"name":"a"},{"name":"b"},{"name":"c"},{"description":"no name"}]}', /tools\.3\.name: expected string/],
    ['a name that is not a string', '{"tools":[{"name":7}]}', /tools\.0\.name: expected string, received number/],
    ['no tools array', '{"result":{}}', /tools: expected array/],
    ['annotations of the wrong type', '{"tools":[{"name":"a","annotations":{"readOnlyHint":"yes"}}]}', /tools\.0\.annotations\.readOnlyHint: expected boolean/],
    ['not JSON', '{"tools": [', /not valid JSON/],
  ])('bad input (%s): exit 2, file and field on stderr, nothing on stdout', (_label, content, message) => {
    const file = writeTmp('bad.json', content);
    const { code, stdout, stderr } = run([file]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(file);
    expect(stderr).toMatch(message);
  });

  test('bad input on stdin names <stdin>', () => {
    const { code, stdout, stderr } = run(['-'], '{"tools":[{}]}');
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toMatch(/<stdin>: tools\.0\.name: expected string/);
  });

  test('a missing file: exit 2', () => {
    const { code, stdout, stderr } = run([join(tmp, 'missing.json')]);
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toMatch(/missing\.json: cannot read/);
  });

  test.each([
    [[], /missing FILE/],
    [['a.json', 'b.json'], /expected one FILE/],
    [['--fail-on'], /--fail-on needs one of low, medium, high, critical/],
    [['--fail-on', 'severe', 'x.json'], /not "severe"/],
    [['--verbose', 'x.json'], /unknown option --verbose/],
  ])('usage error %j: exit 2', (args, message) => {
    const { code, stdout, stderr } = run(args);
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toMatch(message);
  });

  test('--help prints usage and exits 0', () => {
    const { code, stdout } = run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: npm run --silent classify -- FILE/);
  });

  describe('--fail-on', () => {
    // The tools-list fixture reaches critical; the memory server's snapshot tops out at high.
    test.each([
      ['tools-list.json', 'critical', 1, TOOLS_LIST],
      ['tools-list.json', 'low', 1, TOOLS_LIST],
      ['snapshot.json', 'critical', 0, SNAPSHOT],
      ['snapshot.json', 'high', 1, SNAPSHOT],
      ['snapshot.json', 'medium', 1, SNAPSHOT],
    ] as const)('%s --fail-on %s → exit %i, verdicts still printed', (_label, risk, expected, file) => {
      const { code, stdout } = run([file, '--fail-on', risk]);
      expect(code).toBe(expected);
      expect(verdicts(stdout).map((v) => v.name)).toEqual(fixtureNames(file));
    });

    test('--fail-on=RISK works too, and agrees with the printed risks', () => {
      const { code, stdout } = run([`--fail-on=high`, SNAPSHOT]);
      const top = verdicts(stdout).some((v) => v.risk === 'high' || v.risk === 'critical');
      expect(code).toBe(top ? 1 : 0);
    });
  });
});
