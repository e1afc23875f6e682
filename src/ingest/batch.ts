/**
 * `npm run ingest` with no package: every source of content/sources.yaml, a few at a time, with
 * progress lines and an ETA, content/verification.json updated after each one, a run file that
 * lets an interrupted run resume where it stopped, and a closing summary by registry and by
 * failure class.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { classifyFailure, FAILURE_CLASS_LABELS } from '../core/failure-class.ts';
import { FAILURE_CLASSES } from '../core/schema.ts';
import type { FailureClass, Registry, Verification } from '../core/schema.ts';
import { captureLive, DEFAULT_TIMEOUT_MS, failureReason } from './capture.ts';
import type { CaptureContext, LiveTarget } from './capture.ts';
import type { Origin } from './installation.ts';
import type { Isolation } from './isolation.ts';
import { readManifestSnapshot } from './manifest.ts';
import { writeSnapshot } from './snapshot.ts';
import type { Source } from './sources.ts';
import { readVerification, recordAttempt, writeVerification } from './verification.ts';

export interface BatchOptions {
  /** The sources to run now. */
  sources: readonly Source[];
  /** Every id of the sources file: verification entries of other ids (removed sources) are dropped. */
  allIds: ReadonlySet<string>;
  outDir: string;
  verificationPath: string;
  concurrency: number;
  isolation: Isolation;
  keepInstall: boolean;
  /** Deadline for sources that set none. */
  defaultTimeoutMs: number | undefined;
  /** Print each source's detail lines (install, pid, teardown) too. */
  verbose: boolean;
  /** Progress output, one line per call. */
  print: (line: string) => void;
  /** Called after each source with its id (the run file records it). */
  onDone?: (id: string) => void;
}

export type Change = 'new' | 'changed' | 'unchanged';

/** What happened to one source. */
export interface SourceOutcome {
  id: string;
  /** `package@version`, a directory, or a manifest file name. */
  what: string;
  /** Where the source comes from: npm, pypi, go, or `manifest` for an import. */
  registry: Registry | 'manifest';
  status: 'ok' | 'failed';
  /** failed: the kind of failure. */
  failureClass?: FailureClass;
  /** ok: `new` (no snapshot before), `changed`, or `unchanged`. */
  change?: Change;
  toolCount?: number;
  warningCount?: number;
  reason?: string;
  elapsedMs: number;
}

/** The sources to run: all, or those named by --only, or those whose last attempt failed. */
export function selectSources(
  sources: readonly Source[],
  filters: { only: readonly string[]; retryFailed: boolean },
  verification: Verification,
): Source[] {
  const known = new Set(sources.map((s) => s.id));
  const unknown = filters.only.filter((id) => !known.has(id));
  if (unknown.length > 0) throw new Error(`--only: no source with id ${unknown.map((id) => `"${id}"`).join(', ')}`);
  return sources.filter(
    (s) =>
      (filters.only.length === 0 || filters.only.includes(s.id)) &&
      (!filters.retryFailed || verification[s.id]?.status !== 'ok'),
  );
}

function describe(source: Source): string {
  switch (source.kind) {
    case 'package':
      return source.registry === 'npm' ? `${source.package}@${source.version}` : `${source.registry}:${source.package}@${source.version}`;
    case 'directory':
      return source.dir;
    case 'manifest':
      return `manifest ${source.file.split('/').pop() ?? source.file}`;
  }
}

function originOf(source: Extract<Source, { kind: 'package' }>): Origin {
  switch (source.registry) {
    case 'npm':
      return { kind: 'npm', name: source.package, version: source.version };
    case 'pypi':
      return { kind: 'pypi', name: source.package, version: source.version, python: source.python, constraints: source.constraints };
    case 'go':
      return { kind: 'go', name: source.package, version: source.version, toolchain: source.toolchain };
  }
}

function registryOfSource(source: Source): SourceOutcome['registry'] {
  if (source.kind === 'manifest') return 'manifest';
  return source.kind === 'package' ? source.registry : 'npm';
}

function liveTarget(source: Exclude<Source, { kind: 'manifest' }>, defaultTimeoutMs: number | undefined): LiveTarget {
  return {
    id: source.id,
    name: source.name,
    origin: source.kind === 'package' ? originOf(source) : { kind: 'directory', dir: source.dir },
    bin: source.bin,
    args: source.args,
    env: source.env,
    dummies: source.dummies,
    files: source.files,
    listen: source.listen,
    respond: source.respond,
    stubs: source.stubs,
    timeoutMs: source.timeoutMs ?? defaultTimeoutMs ?? DEFAULT_TIMEOUT_MS,
    homepage: source.homepage,
    gating: source.gating,
  };
}

export const formatDuration = (ms: number): string => {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${(ms / 1000).toFixed(1)} s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m}m${String(s % 60).padStart(2, '0')}s` : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
};

async function runOne(source: Source, options: BatchOptions): Promise<SourceOutcome> {
  const started = Date.now();
  const what = describe(source);
  const registry = registryOfSource(source);
  const existedBefore = existsSync(join(options.outDir, `${source.id}.json`));
  const change = (outcome: 'written' | 'unchanged'): Change =>
    outcome === 'unchanged' ? 'unchanged' : existedBefore ? 'changed' : 'new';
  if (source.kind === 'manifest') {
    try {
      const snapshot = readManifestSnapshot(source.file, { id: source.id, name: source.name, capturedAt: source.capturedAt });
      const { outcome } = writeSnapshot(options.outDir, snapshot);
      return {
        id: source.id,
        what,
        registry,
        status: 'ok',
        change: change(outcome),
        toolCount: snapshot.tools.length,
        warningCount: snapshot.warnings.length,
        elapsedMs: Date.now() - started,
      };
    } catch (error) {
      const reason = failureReason(error);
      return { id: source.id, what, registry, status: 'failed', failureClass: 'bad-tool-list', reason, elapsedMs: Date.now() - started };
    }
  }
  if (source.needsConfiguration !== undefined) {
    const reason = `needs a real configuration: ${source.needsConfiguration}`;
    return {
      id: source.id,
      what,
      registry,
      status: 'failed',
      failureClass: classifyFailure('configuration', reason),
      reason,
      elapsedMs: Date.now() - started,
    };
  }
  const ctx: CaptureContext = {
    outDir: options.outDir,
    isolation: options.isolation,
    keepInstall: options.keepInstall,
    log: options.verbose ? (message) => options.print(`  ${source.id}: ${message}`) : () => {},
  };
  const result = await captureLive(liveTarget(source, options.defaultTimeoutMs), ctx);
  return result.status === 'ok'
    ? {
        id: source.id,
        what,
        registry,
        status: 'ok',
        change: change(result.outcome),
        toolCount: result.toolCount,
        warningCount: result.warnings.length,
        elapsedMs: result.elapsedMs,
      }
    : {
        id: source.id,
        what,
        registry,
        status: 'failed',
        failureClass: result.failureClass,
        reason: result.reason,
        elapsedMs: result.elapsedMs,
      };
}

function outcomeLine(o: SourceOutcome): string {
  if (o.status === 'failed') return `FAILED ${o.id} [${o.failureClass ?? 'start'}]: ${o.reason ?? ''}`;
  const warnings = o.warningCount === undefined || o.warningCount === 0 ? '' : `, ${o.warningCount} warning(s)`;
  return `ok     ${o.id}: ${o.toolCount ?? 0} tools, ${o.change ?? ''}${warnings}`;
}

/** Runs the sources, `concurrency` at a time; updates verification after each. Resolves in source order. */
export async function runBatch(options: BatchOptions): Promise<SourceOutcome[]> {
  const { sources } = options;
  const total = sources.length;
  const width = String(total).length;
  const batchStart = Date.now();
  const verification = readVerification(options.verificationPath);
  for (const id of Object.keys(verification)) {
    if (options.allIds.has(id)) continue;
    delete verification[id];
    options.print(`dropped the verification entry of ${id}: no longer a source`);
  }
  const outcomes: SourceOutcome[] = new Array<SourceOutcome>(total);
  const running = new Map<string, number>();
  let next = 0;
  let done = 0;
  const eta = (): string => {
    if (done === 0) return '';
    const elapsed = Date.now() - batchStart;
    return `, about ${formatDuration((elapsed / done) * (total - done))} left`;
  };
  const heartbeat = setInterval(() => {
    const list = [...running].map(([id, t]) => `${id} (${formatDuration(Date.now() - t)})`).join(', ');
    options.print(`… ${formatDuration(Date.now() - batchStart)} elapsed, ${done}/${total} done${eta()}; running: ${list}`);
  }, 30_000);
  heartbeat.unref();

  const worker = async (): Promise<void> => {
    for (;;) {
      const index = next;
      next += 1;
      const source = sources[index];
      if (source === undefined) return;
      running.set(source.id, Date.now());
      options.print(`start  ${source.id} (${describe(source)})`);
      const outcome = await runOne(source, options);
      running.delete(source.id);
      done += 1;
      outcomes[index] = outcome;
      const at = new Date().toISOString();
      verification[source.id] = recordAttempt(
        verification[source.id],
        outcome.status === 'ok'
          ? { status: 'ok', at, toolCount: outcome.toolCount ?? 0 }
          : { status: 'failed', at, reason: outcome.reason ?? 'unknown', failureClass: outcome.failureClass ?? 'start' },
      );
      writeVerification(options.verificationPath, verification);
      options.onDone?.(source.id);
      options.print(
        `[${String(done).padStart(width)}/${total}] ${outcomeLine(outcome)} (${formatDuration(outcome.elapsedMs)}; ${formatDuration(Date.now() - batchStart)} elapsed${eta()})`,
      );
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, total)) }, worker));
  } finally {
    clearInterval(heartbeat);
  }
  return outcomes;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** The closing summary (plain text, several lines). */
export function renderSummary(outcomes: readonly SourceOutcome[], totalMs: number, isolationNote: string): string {
  const ok = outcomes.filter((o) => o.status === 'ok');
  const failed = outcomes.filter((o) => o.status === 'failed');
  const count = (change: Change): number => ok.filter((o) => o.change === change).length;
  const tools = ok.reduce((sum, o) => sum + (o.toolCount ?? 0), 0);
  const lines = [
    '',
    `Ingest summary: ${outcomes.length} source(s) in ${formatDuration(totalMs)}, median ${formatDuration(median(outcomes.map((o) => o.elapsedMs)))} per source`,
    `  isolation: ${isolationNote}`,
    `  ok:        ${ok.length} (${count('changed')} changed, ${count('new')} new, ${count('unchanged')} unchanged), ${tools} tools`,
    `  failed:    ${failed.length}`,
  ];
  const registries = [...new Set(outcomes.map((o) => o.registry))].sort();
  if (registries.length > 0) {
    lines.push('', 'By registry:');
    for (const registry of registries) {
      const mine = outcomes.filter((o) => o.registry === registry);
      const good = mine.filter((o) => o.status === 'ok');
      const toolCount = good.reduce((sum, o) => sum + (o.toolCount ?? 0), 0);
      lines.push(`  ${registry.padEnd(9)} ${good.length} ok, ${mine.length - good.length} failed, ${toolCount} tools`);
    }
  }
  if (failed.length > 0) {
    lines.push('', 'Failures by class:');
    for (const failureClass of FAILURE_CLASSES) {
      const mine = failed.filter((o) => o.failureClass === failureClass);
      if (mine.length === 0) continue;
      const byRegistry = registries
        .map((r) => [r, mine.filter((o) => o.registry === r).length] as const)
        .filter(([, n]) => n > 0)
        .map(([r, n]) => `${r} ${n}`)
        .join(', ');
      lines.push(`  ${failureClass.padEnd(19)} ${String(mine.length).padStart(3)} (${byRegistry}): ${FAILURE_CLASS_LABELS[failureClass]}`);
    }
  }
  const changed = ok.filter((o) => o.change !== 'unchanged');
  if (changed.length > 0) {
    lines.push('', 'Changed or new snapshots:');
    for (const o of changed) lines.push(`  ${o.change === 'new' ? 'new    ' : 'changed'} ${o.id} (${o.what}, ${o.toolCount ?? 0} tools)`);
  }
  if (failed.length > 0) {
    lines.push('', 'Failed:');
    for (const o of failed) lines.push(`  ${o.id} (${o.what}) [${o.failureClass ?? 'start'}]: ${o.reason ?? ''}`);
  }
  return `${lines.join('\n')}\n`;
}
