/**
 * Builds the site from another snapshot directory without touching the project's own build:
 * its own output and Astro cache under node_modules/.cache (Astro keeps prerender chunks beside
 * an output directory inside the project, and falls back to the shared `.astro/` for one outside it).
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify, stripVTControlCharacters } from 'node:util';

export const PROJECT_ROOT = join(import.meta.dirname, '..');

export interface IsolatedBuild {
  ok: boolean;
  /** Everything the build printed, stdout then stderr, without terminal colour codes. */
  output: string;
  outDir: string;
  seconds: number;
  /** Removes the output and cache. */
  cleanup(): void;
}

export async function isolatedBuild(serversDir: string): Promise<IsolatedBuild> {
  const parent = join(PROJECT_ROOT, 'node_modules', '.cache');
  mkdirSync(parent, { recursive: true });
  const work = mkdtempSync(join(parent, 'catalog-build-'));
  const outDir = join(work, 'dist');
  const env = { ...process.env, CATALOG_SERVERS_DIR: serversDir, CATALOG_CACHE_DIR: join(work, 'cache'), ASTRO_TELEMETRY_DISABLED: '1' };
  const started = performance.now();
  const cleanup = (): void => rmSync(work, { recursive: true, force: true });
  try {
    const { stdout, stderr } = await promisify(execFile)('npx', ['astro', 'build', '--outDir', outDir], {
      cwd: PROJECT_ROOT,
      env,
      maxBuffer: 512 * 1024 * 1024,
    });
    return { ok: true, output: stripVTControlCharacters(stdout + stderr), outDir, seconds: (performance.now() - started) / 1000, cleanup };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    return { ok: false, output: stripVTControlCharacters(`${e.stdout ?? ''}${e.stderr ?? ''}`), outDir, seconds: (performance.now() - started) / 1000, cleanup };
  }
}
