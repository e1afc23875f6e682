/**
 * Builds the site from another snapshot directory without touching the project's own build:
 * its own output and Astro cache under node_modules/.cache (Astro keeps prerender chunks beside
 * an output directory inside the project, and falls back to the shared `.astro/` for one outside it).
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { watchPeaks, type ProcessPeak } from './process-peaks.ts';

export const PROJECT_ROOT = join(import.meta.dirname, '..');
const ASTRO = join(PROJECT_ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');

export interface IsolatedBuild {
  ok: boolean;
  /** Everything the build printed, stdout then stderr, without terminal colour codes. */
  output: string;
  outDir: string;
  /** Output and Astro cache; pass it to the next build to rebuild incrementally. */
  work: string;
  seconds: number;
  /** Peak resident memory of the build process and each process it started (Pagefind's), root first. */
  peaks: ProcessPeak[];
  /** Removes the output and cache. */
  cleanup(): void;
}

export interface IsolatedBuildOptions {
  /** The `work` of an earlier build: build into the same output and cache again. */
  work?: string;
  /** Node options for the build process, e.g. `--cpu-prof` (Node refuses them in NODE_OPTIONS). */
  nodeArgs?: readonly string[];
  /** Variables added to the build's environment, e.g. CATALOG_SEARCH_SHARD_PAGES. */
  env?: Readonly<Record<string, string>>;
}

export async function isolatedBuild(serversDir: string, options: IsolatedBuildOptions = {}): Promise<IsolatedBuild> {
  const parent = join(PROJECT_ROOT, 'node_modules', '.cache');
  mkdirSync(parent, { recursive: true });
  const work = options.work ?? mkdtempSync(join(parent, 'catalog-build-'));
  const outDir = join(work, 'dist');
  const env = { ...process.env, ...options.env, CATALOG_SERVERS_DIR: serversDir, CATALOG_CACHE_DIR: join(work, 'cache'), ASTRO_TELEMETRY_DISABLED: '1' };
  const started = performance.now();
  const cleanup = (): void => rmSync(work, { recursive: true, force: true });
  // The Node running this script (the project's Node 22 under npm scripts) runs Astro directly, so
  // the build is one process whose tree can be watched.
  const { ok, output, peaks } = await new Promise<{ ok: boolean; output: string; peaks: ProcessPeak[] }>((resolve) => {
    const child = execFile(process.execPath, [...(options.nodeArgs ?? []), ASTRO, 'build', '--outDir', outDir], { cwd: PROJECT_ROOT, env, maxBuffer: 512 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ ok: error === null, output: stripVTControlCharacters(`${stdout}${stderr}`), peaks: watcher.stop() });
    });
    const watcher = watchPeaks(child.pid ?? -1);
  });
  return { ok, output, outDir, work, seconds: (performance.now() - started) / 1000, peaks, cleanup };
}
