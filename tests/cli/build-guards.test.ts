/**
 * The build refuses data it cannot page correctly, and says which file and field: a tool-slug
 * collision, a snapshot that breaks the schema, a file name that disagrees with its id.
 * Each case builds a real (tiny) catalog with Astro into a temp directory.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { isolatedBuild, PROJECT_ROOT as root } from '../../scripts/isolated-build.ts';

const seed = JSON.parse(readFileSync(join(root, 'content/servers/modelcontextprotocol-server-memory.json'), 'utf8')) as {
  id: string;
  tools: Array<Record<string, unknown>>;
  provenance: Record<string, unknown>;
};
const work = mkdtempSync(join(tmpdir(), 'catalog-guards-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function build(name: string, files: Record<string, unknown>): Promise<{ ok: boolean; output: string }> {
  const dir = join(work, name, 'servers');
  mkdirSync(dir, { recursive: true });
  for (const [file, data] of Object.entries(files)) writeFileSync(join(dir, file), JSON.stringify(data));
  const result = await isolatedBuild(dir);
  result.cleanup();
  return result;
}

describe('build guards', () => {
  test('names that differ only by case fail the build, naming both', async () => {
    const tool = seed.tools[0]!;
    const result = await build('case', {
      'x.json': { ...seed, id: 'x', tools: [{ ...tool, name: 'Read_Graph' }, { ...tool, name: 'read_graph' }] },
    });
    expect(result.ok).toBe(false);
    expect(result.output).toContain('"Read_Graph" and "read_graph"');
    expect(result.output).toContain('x.json');
  }, 120_000);

  test('a snapshot that breaks the schema fails the build, naming the file and field', async () => {
    const result = await build('schema', {
      'y.json': { ...seed, id: 'y', provenance: { ...seed.provenance, version: 7 } },
    });
    expect(result.ok).toBe(false);
    expect(result.output).toContain('y.json');
    expect(result.output).toMatch(/provenance\.version: Expected type `"string"`/);
  }, 120_000);

  test('a file named differently from its id fails the build', async () => {
    const result = await build('id', { 'z.json': { ...seed, id: 'not-z' } });
    expect(result.ok).toBe(false);
    expect(result.output).toContain('field "id" is "not-z"');
  }, 120_000);

  test('the same data with distinct names builds', async () => {
    const result = await build('fine', { 'w.json': { ...seed, id: 'w' } });
    expect(result.output).not.toContain('error');
    expect(result.ok).toBe(true);
  }, 120_000);
});
