/**
 * Running an installer (uv, pip, go, npm) as a child process: output collected, a deadline, and on
 * failure an error that quotes the tool's own last error lines (never a cache path it printed).
 */
import { execFile } from 'node:child_process';

export interface ToolRun {
  stdout: string;
  stderr: string;
}

export interface RunToolOptions {
  /** The complete environment (installers get only what they need). */
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  timeoutMs: number;
  /** What failed, for the message: `uv pip install x==1.0`. */
  label: string;
  /** Strings to cut out of the error text (cache and install paths). */
  redact?: readonly string[];
}

/** The last informative lines of an installer's stderr, joined into one line. */
export function errorLines(text: string, n: number, redact: readonly string[] = []): string {
  let cleaned = text;
  for (const path of redact) if (path !== '') cleaned = cleaned.replaceAll(path, '…');
  const lines = cleaned
    .split(/\r?\n/)
    .map((l) => l.trim())
    // uv's hints, pip's notices and go's download chatter say nothing about the failure.
    .filter((l) => l !== '' && !/^(?:hint:|\[notice\]|go: downloading|go: finding|WARNING: Running pip as)/.test(l));
  const errors = lines.filter((l) => /error|failed|not found|no matching|cannot|unable|refused|requires|invalid|because/i.test(l));
  return (errors.length > 0 ? errors : lines).slice(-n).join(' | ');
}

/** Runs `command args`; rejects with `<label> failed: <its last error lines>`. */
export function runTool(command: string, args: readonly string[], options: RunToolOptions): Promise<ToolRun> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { env: options.env, cwd: options.cwd, timeout: options.timeoutMs, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error === null) {
          resolve({ stdout, stderr });
          return;
        }
        const timedOut = error.killed && error.signal === 'SIGTERM';
        const detail = timedOut
          ? `no result after ${Math.round(options.timeoutMs / 1000)} s`
          : errorLines(`${stderr}\n${stdout}`, 3, options.redact) || error.message;
        reject(new Error(`${options.label} failed: ${detail}`));
      },
    );
  });
}
