import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { classifyTool } from '../../src/core/classify/index.ts';
import { checkRationale, checkVerdict, describeEvidence, renderRationale } from '../../src/core/classify/rationale.ts';
import { CATEGORIES, ServerSnapshotSchema, type Tool, type Verdict } from '../../src/core/schema.ts';
import { readSnapshots } from '../../src/ingest/snapshot.ts';
import { CASES, tool } from './classify-cases.ts';

const ROOT = join(import.meta.dirname, '../..');

/** Every tool the catalog holds, plus the committed fixture, so this never runs on nothing. */
function catalogTools(): Array<[string, Tool]> {
  const fixture = ServerSnapshotSchema.parse(JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/classify/snapshot.json'), 'utf8')));
  const dir = join(ROOT, 'content/servers');
  return [fixture, ...(existsSync(dir) ? readSnapshots(dir) : [])].flatMap((snapshot) => {
    return snapshot.tools.map((t): [string, Tool] => [`${snapshot.id}/${t.name}`, t]);
  });
}

describe('renderRationale', () => {
  test.each(CASES)('%s: the first sentence states %s and why', (_label, _expected, t) => {
    const verdict = classifyTool(t);
    const [first, ...rest] = renderRationale(verdict);
    expect(first).toMatch(new RegExp(`^Classified as ${verdict.category}, risk ${verdict.risk}: `));
    for (const e of verdict.evidence.filter((x) => x.category === verdict.category)) {
      // The spec default is explained rather than quoted.
      expect(first).toContain(e.signal === 'annotation-destructive-default' ? '“readOnlyHint: false” without destructiveHint' : `“${e.match}”`);
    }
    for (const s of rest) expect(s).not.toMatch(/^Classified as/);
    for (const other of CATEGORIES.filter((c) => c !== verdict.category)) {
      expect(first).not.toContain(`Classified as ${other}`);
    }
  });

  test.each(CASES)('%s: plain text sentences only', (_label, _expected, t) => {
    for (const s of renderRationale(classifyTool(t))) {
      expect(s).toMatch(/^[A-Z].*\.$/s);
      expect(s).not.toMatch(/<\/?[a-z][^>]*>/i);
    }
  });

  test('the example from the brief', () => {
    expect(renderRationale(classifyTool(tool('delete_image_set', 'Permanently deletes an image set.')))[0]).toBe(
      'Classified as destructive, risk high: the name\'s verb is “delete”; the description says “Permanently”; the description\'s lead verb is “deletes”.',
    );
  });

  test('less risky evidence is mentioned as outweighed, weak riskier evidence as too weak', () => {
    const lines = renderRationale(classifyTool(tool('delete_branch', 'Delete a branch.', [], { readOnlyHint: true })));
    expect(lines).toContain('Evidence for read (the server declares “readOnlyHint: true”) is too weak on its own to change the category.');

    const contested = renderRationale(classifyTool(tool('read_log', 'Deletes the log once it has been read.')));
    expect(contested[0]).toBe('Classified as destructive, risk high: the description\'s lead verb is “Deletes”.');
    expect(contested).toContain('Confidence medium: other evidence says it only reads.');
    expect(contested).toContain('Evidence for read (the name\'s verb is “read”) is outweighed: the catalog takes the riskier reading.');

    const weak = renderRationale(classifyTool(tool('upload_file', 'Upload a file. Overwrites an existing one.')));
    expect(weak).toContain('Evidence for destructive (the description says “Overwrites”) is too weak on its own to change the category.');
  });

  test('an escalation is explained', () => {
    const lines = renderRationale(classifyTool(tool('delete_directory', 'Delete a directory.', ['path', 'recursive'])));
    expect(lines[0]).toMatch(/^Classified as destructive, risk critical: /);
    expect(lines).toContain('The risk is critical rather than high, the level for destructive tools, because it takes a parameter “recursive”.');
  });

  test('a less risky reading that is riskier in risk keeps the risk, and says so', () => {
    const lines = renderRationale(classifyTool(tool('bulk_delete_invoices', 'Delete many invoices at once.')));
    expect(lines[0]).toBe('Classified as financial, risk critical: the name mentions “invoices”; the description says “invoices”.');
    expect(lines[1]).toBe(
      'The risk is critical rather than high, the level for financial tools, because the evidence for destructive (the name mentions “bulk”; the name\'s verb is “delete”; the description\'s lead verb is “Delete”) puts it at critical on its own, and a riskier category never lowers the risk.',
    );
    expect(lines.filter((l) => l.startsWith('Evidence for destructive'))).toEqual([]);
  });

  test('no evidence: the default is stated as such', () => {
    expect(renderRationale(classifyTool({ name: 'frobnicate' }))).toEqual([
      'Classified as write, risk medium: no evidence is strong enough to place it, so the catalog assumes it can change data (a tool is never called read-only without evidence).',
      'Confidence low: no signal fired in the name, description, parameters or annotations.',
    ]);
  });

  test('describeEvidence covers every source', () => {
    const evidence = classifyTool(tool('pods_exec', 'Execute a command in a pod.', ['command'], { readOnlyHint: false })).evidence;
    expect(evidence.map(describeEvidence)).toEqual([
      'the name\'s verb is “exec”',
      'the description leads with “Execute a command”',
      'it takes a parameter “command”',
      'the server declares “readOnlyHint: false”',
      'it declares “readOnlyHint: false” without destructiveHint, which the MCP spec reads as destructive',
    ]);
  });
});

describe('checkVerdict', () => {
  test.each(catalogTools())('%s: verdict, evidence, flags, findings and rationale agree', (_id, t) => {
    expect(checkVerdict(classifyTool(t), t)).toEqual([]);
  });

  test.each(CASES)('%s: consistent', (_label, _expected, t) => {
    expect(checkVerdict(classifyTool(t), t)).toEqual([]);
  });

  const flagged = classifyTool(tool('delete_branch', 'Delete a branch.', ['branch'], { readOnlyHint: true }));
  const permission = classifyTool(tool('policy_update', 'Update a Cedar policy.', ['policy_id']));
  test.each([
    ['a dropped flag', { ...permission, flags: [] }, /risk is high but the evidence gives medium|flags is \[\]/],
    ['a flag without its least risk', { ...permission, flags: permission.flags.map(({ raises: _r, ...f }) => f) }, /flags is/],
    ['a changed suggestion', { ...flagged, suggestedAnnotations: { readOnlyHint: true, openWorldHint: false } }, /suggestedAnnotations/],
    ['a finding whose message is not its own', { ...flagged, findings: flagged.findings.map((f) => ({ ...f, message: 'All good.' })) }, /does not say what its fields say/],
  ] as Array<[string, Verdict, RegExp]>)('catches %s', (_label, tampered, problem) => {
    expect(checkVerdict(tampered).join('\n')).toMatch(problem);
  });

  test('given the tool, it catches findings that are not those of its annotations', () => {
    const t = tool('delete_branch', 'Delete a branch.', ['branch'], { readOnlyHint: true });
    expect(checkVerdict({ ...classifyTool(t), findings: [] }, t).join('\n')).toMatch(/findings are not those of the declared annotations/);
  });

  const verdict = classifyTool(tool('delete_image_set', 'Delete an image set.'));
  test.each([
    ['a changed risk', { ...verdict, risk: 'low' }, /risk is low but the evidence gives high/],
    ['a changed category', { ...verdict, category: 'read' }, /category is read but the evidence gives destructive/],
    ['a changed confidence', { ...verdict, confidence: 'low' }, /confidence is low but the evidence gives high/],
    ['dropped evidence', { ...verdict, evidence: [] }, /category is destructive but the evidence gives write/],
    ['an invalid field', { ...verdict, risk: 'severe' }, /risk/],
  ] as Array<[string, Verdict, RegExp]>)('catches %s', (_label, tampered, problem) => {
    expect(checkVerdict(tampered).join('\n')).toMatch(problem);
  });

  test('checkRationale catches a first sentence that disagrees with the badge', () => {
    expect(checkRationale({ category: 'destructive', risk: 'high' }, ['Classified as destructive, risk high: x.'])).toEqual([]);
    expect(checkRationale({ category: 'destructive', risk: 'high' }, ['Classified as read, risk low: x.'])).not.toEqual([]);
    expect(checkRationale({ category: 'destructive', risk: 'high' }, ['Classified as destructive, risk critical: x.'])).not.toEqual([]);
    expect(checkRationale({ category: 'destructive', risk: 'high' }, ['Classified as destructive, risk high: x.', 'Classified as read, risk low: y.'])).not.toEqual([]);
    expect(checkRationale({ category: 'destructive', risk: 'high' }, [])).not.toEqual([]);
  });

  test('checkRationale catches a later sentence that states another risk', () => {
    const head = 'Classified as write, risk high: x.';
    expect(checkRationale({ category: 'write', risk: 'high' }, [head, 'The risk is high rather than medium, because y.'])).toEqual([]);
    expect(checkRationale({ category: 'write', risk: 'high' }, [head, 'The risk is critical rather than medium, because y.'])).not.toEqual([]);
    expect(checkRationale({ category: 'write', risk: 'high' }, [head, 'It is flagged for z, so its risk is never below high: y.'])).toEqual([]);
    expect(checkRationale({ category: 'write', risk: 'medium' }, ['Classified as write, risk medium: x.', 'It is flagged for z, so its risk is never below high: y.'])).not.toEqual([]);
  });
});
