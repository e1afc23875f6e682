/**
 * Peak resident memory of every process in a tree, for the build benchmark (Linux only). Each
 * sample walks /proc for the root's descendants and reads each one's VmHWM, the kernel's own
 * high-water mark of its resident set, so a peak between two samples is not missed; only a process
 * that lives shorter than one interval can be.
 */
import { readFileSync } from 'node:fs';
import { findTree, hasProcFs, type ProcessRef } from '../src/ingest/process-tree.ts';

export interface ProcessPeak {
  pid: number;
  /** The kernel's command name (at most 15 characters), e.g. `node` or `pagefind_extend`. */
  name: string;
  peakBytes: number;
}

function readStatus(pid: number): { name: string; hwmBytes: number } | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    // The process exited between the tree walk and this read: its last sample stands.
    return undefined;
  }
  const name = /^Name:\s*(.*)$/m.exec(text)?.[1] ?? '?';
  const kb = Number(/^VmHWM:\s*(\d+) kB$/m.exec(text)?.[1] ?? 0);
  return { name, hwmBytes: kb * 1024 };
}

/** Samples the tree of `rootPid` every `intervalMs` until `stop()`, which returns each process's peak, root first. */
export function watchPeaks(rootPid: number, intervalMs = 100): { stop(): ProcessPeak[] } {
  const peaks = new Map<number, ProcessPeak>();
  if (!hasProcFs()) return { stop: () => [] };
  let known: ProcessRef[] = [];
  const sample = (): void => {
    known = findTree(rootPid, known);
    for (const { pid } of known) {
      const status = readStatus(pid);
      if (status === undefined) continue;
      const peak = peaks.get(pid);
      if (peak === undefined) peaks.set(pid, { pid, name: status.name, peakBytes: status.hwmBytes });
      else {
        // A child sampled between fork and exec still has its parent's name.
        peak.name = status.name;
        peak.peakBytes = Math.max(peak.peakBytes, status.hwmBytes);
      }
    }
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      return [...peaks.values()].sort((a, b) => Number(b.pid === rootPid) - Number(a.pid === rootPid) || a.pid - b.pid);
    },
  };
}
