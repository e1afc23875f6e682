/**
 * Build benchmark: makes a synthetic catalog of N tools from the real snapshots (same shapes,
 * renamed copies spread over servers of 100 tools), builds it into a temp directory and reports
 * wall time, pages and the size of one tool page. Usage: npm run bench -- [tools=50000]
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServerSnapshot } from '../src/core/schema.ts';
import { readSnapshots } from '../src/ingest/snapshot.ts';
import { isolatedBuild } from './isolated-build.ts';

const total = Number(process.argv[2] ?? 50_000);
const PER_SERVER = 100;
const root = join(import.meta.dirname, '..');
const seeds = readSnapshots(join(root, 'content/servers'));
const seedTools = seeds.flatMap((s) => s.tools);
if (seedTools.length === 0) throw new Error('content/servers has no tools to copy');

const work = mkdtempSync(join(tmpdir(), 'catalog-bench-'));
const serversDir = join(work, 'servers');
mkdirSync(serversDir);
const base = seeds[0] as ServerSnapshot;
for (let s = 0; s * PER_SERVER < total; s += 1) {
  const count = Math.min(PER_SERVER, total - s * PER_SERVER);
  const tools = Array.from({ length: count }, (_, i) => {
    const seed = seedTools[(s * PER_SERVER + i) % seedTools.length]!;
    return { ...seed, name: `${seed.name}_${s}_${i}` };
  });
  const id = `bench-server-${String(s).padStart(4, '0')}`;
  writeFileSync(join(serversDir, `${id}.json`), JSON.stringify({ ...base, id, name: id, tools }));
}

const build = await isolatedBuild(serversDir);
if (!build.ok) {
  console.error(build.output);
  throw new Error('benchmark build failed');
}
const sample = join(build.outDir, 'servers', 'bench-server-0000', 'tools');
const firstTool = readdirSync(sample).sort()[0]!;
const page = join(sample, firstTool, 'index.html');
const html = statSync(page).size;
const js = [...readFileSync(page, 'utf8').matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].reduce((n, m) => n + (m[1]?.length ?? 0), 0);
const pagefindLine = build.output.split('\n').find((l) => l.includes('catalog:pagefind') && l.includes('indexed')) ?? '';
console.log(
  JSON.stringify({
    tools: total,
    servers: Math.ceil(total / PER_SERVER),
    buildSeconds: Math.round(build.seconds * 10) / 10,
    pagefind: pagefindLine.replace(/.*\] /, '').trim(),
    toolPageHtmlBytes: html,
    toolPageInlineJsBytes: js,
  }),
);
build.cleanup();
rmSync(work, { recursive: true, force: true });
