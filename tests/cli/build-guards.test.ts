/**
 * The build refuses data it cannot page correctly, and says which file and field: a tool-slug
 * collision, a snapshot that breaks the schema, a file name that disagrees with its id.
 * Each case builds a real (tiny) catalog with Astro into a temp directory.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

async function build(
  name: string,
  files: Record<string, unknown>,
  inspect?: (outDir: string) => void,
): Promise<{ ok: boolean; output: string }> {
  const dir = join(work, name, 'servers');
  mkdirSync(dir, { recursive: true });
  for (const [file, data] of Object.entries(files)) writeFileSync(join(dir, file), JSON.stringify(data));
  const result = await isolatedBuild(dir);
  try {
    if (result.ok) inspect?.(result.outDir);
  } finally {
    result.cleanup();
  }
  return result;
}

const HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)>';

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
    expect(result.output).not.toContain('[ERROR]');
    expect(result.ok).toBe(true);
  }, 120_000);

  test("the content store holds each server's id and name only; tool pages read their definition from the snapshot", async () => {
    const tool = seed.tools[0]!;
    const marker = 'marker-description-kept-out-of-the-store';
    const dir = join(work, 'store', 'servers');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 's.json'), JSON.stringify({ ...seed, id: 's', name: 'store-server', tools: [{ ...tool, name: 'only_tool', description: marker }] }));
    const result = await isolatedBuild(dir);
    try {
      expect(result.ok).toBe(true);
      const store = readFileSync(join(result.work, 'cache', 'data-store.json'), 'utf8');
      expect(store).toContain('store-server');
      expect(store).not.toContain(marker);
      expect(store).not.toContain('only_tool');
      // The tool page still shows the definition, read from the file.
      expect(readFileSync(join(result.outDir, 'servers/s/tools/only_tool/index.html'), 'utf8')).toContain(marker);
    } finally {
      result.cleanup();
    }
  }, 120_000);

  test('the search index is written in shards of the configured size, every indexed page in exactly one', async () => {
    const dir = join(work, 'shards', 'servers');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'a.json'), JSON.stringify({ ...seed, id: 'a', name: 'shard-a' }));
    writeFileSync(join(dir, 'b.json'), JSON.stringify({ ...seed, id: 'b', name: 'shard-b' }));
    const result = await isolatedBuild(dir, { env: { CATALOG_SEARCH_SHARD_PAGES: '4' } });
    try {
      expect(result.ok, result.output).toBe(true);
      const html = (readdirSync(result.outDir, { recursive: true }) as string[]).filter((f) => f.endsWith('.html'));
      const marked = html.filter((f) => readFileSync(join(result.outDir, f), 'utf8').includes('data-pagefind-body'));
      // Tool and server pages of both servers; the other pages are not indexed.
      expect(marked.length).toBe(2 * (seed.tools.length + 1));
      const bundles = Math.ceil(marked.length / 4);
      const listed = JSON.parse(readFileSync(join(result.outDir, 'pagefind/shards.json'), 'utf8')) as string[];
      expect(listed).toEqual(Array.from({ length: bundles - 1 }, (_, i) => `/pagefind-${i + 2}/`));
      const counts = ['/pagefind/', ...listed].map((b) => {
        const entry = JSON.parse(readFileSync(join(result.outDir, b, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
        return Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0);
      });
      expect(counts.slice(0, -1).every((c) => c === 4)).toBe(true);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(marked.length);
    } finally {
      result.cleanup();
    }
  }, 120_000);

  test('untrusted names, descriptions, schemas and links render as text only', async () => {
    const tool = seed.tools[0]!;
    const hostile = {
      ...seed,
      id: 'hostile',
      name: `server ${HOSTILE}`,
      description: HOSTILE,
      provenance: { ...seed.provenance, homepage: 'javascript:alert(3)' },
      tools: [
        {
          ...tool,
          name: 'x<script>alert(4)</script>',
          title: HOSTILE,
          description: HOSTILE,
          inputSchema: { type: 'object', properties: { [HOSTILE]: { type: 'string', description: HOSTILE } } },
          annotations: { readOnlyHint: true, [HOSTILE]: HOSTILE },
        },
      ],
    };
    let pages: string[] = [];
    const result = await build('hostile', { 'hostile.json': hostile }, (outDir) => {
      const toolDir = join(outDir, 'servers/hostile/tools');
      const slug = readdirSync(toolDir)[0] ?? '';
      pages = [
        readFileSync(join(outDir, 'servers/hostile/index.html'), 'utf8'),
        readFileSync(join(toolDir, slug, 'index.html'), 'utf8'),
        // The server declares an annotation, so the accuracy page lists it.
        readFileSync(join(outDir, 'accuracy/index.html'), 'utf8'),
      ];
    });
    expect(result.ok).toBe(true);
    expect(pages).toHaveLength(3);
    for (const page of pages) {
      // Attribute values are double-quoted with quotes escaped, so `<` inside them is inert; outside them
      // no hostile markup may survive.
      const html = page.replaceAll(/="[^"]*"/g, '=""');
      expect(page).not.toContain('href="javascript:');
      expect(html).not.toMatch(/<script>alert|<img src=x/i);
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    }
  }, 120_000);
});
