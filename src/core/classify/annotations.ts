/**
 * Reading a tool's declared annotations: untrusted hints that can raise risk, never lower it on
 * their own. The table first, then the reading. Pure.
 */
import type { Category, Evidence, Flag, FlagEvidence, Strength, Tool } from '../schema.ts';
import { evidence, flagEvidence } from './reading.ts';

/**
 * What each declared hint means here. `readOnlyHint: true` is weak (a server's claim that its
 * tool is harmless needs another source); claims that raise risk are strong. `destructiveHint:
 * false`, `idempotentHint` and `openWorldHint: false` fire nothing: they could only lower risk, or
 * they say nothing about the category (`openWorldHint: true` sets a flag: `ANNOTATION_FLAG_RULES`).
 * A hint that the other evidence contradicts becomes a finding (`FINDING_RULES`).
 */
export const ANNOTATION_RULES = {
  readOnly: { id: 'annotation-read-only', category: 'read', strength: 'weak' },
  notReadOnly: { id: 'annotation-not-read-only', category: 'write', strength: 'strong' },
  destructive: { id: 'annotation-destructive', category: 'destructive', strength: 'strong' },
  /** MCP spec: `destructiveHint` defaults to true when `readOnlyHint` is false. A default, so weak. */
  destructiveDefault: { id: 'annotation-destructive-default', category: 'destructive', strength: 'weak' },
} as const satisfies Record<string, { id: string; category: Category; strength: Strength }>;

/** Declared hints that establish a flag: claims that only raise concern, so strong. */
export const ANNOTATION_FLAG_RULES = {
  openWorld: { id: 'annotation-open-world', flag: 'open-world', strength: 'strong' },
} as const satisfies Record<string, { id: string; flag: Flag; strength: Strength }>;

export function annotationSignals(tool: Tool): { evidence: Evidence[]; flags: FlagEvidence[] } {
  const a = tool.annotations;
  if (a === undefined) return { evidence: [], flags: [] };
  const out: Evidence[] = [];
  const add = (rule: { id: string; category: Category; strength: Strength }, match: string) =>
    out.push(evidence({ source: 'annotation', kind: 'annotation', signal: rule.id, match, category: rule.category, strength: rule.strength }));
  if (a.readOnlyHint === true) add(ANNOTATION_RULES.readOnly, 'readOnlyHint: true');
  if (a.readOnlyHint === false) add(ANNOTATION_RULES.notReadOnly, 'readOnlyHint: false');
  if (a.destructiveHint === true) add(ANNOTATION_RULES.destructive, 'destructiveHint: true');
  else if (a.readOnlyHint === false && a.destructiveHint === undefined) {
    add(ANNOTATION_RULES.destructiveDefault, 'readOnlyHint: false, destructiveHint not set');
  }
  const flags: FlagEvidence[] = [];
  const open = ANNOTATION_FLAG_RULES.openWorld;
  if (a.openWorldHint === true) flags.push(flagEvidence('annotation', open.id, 'openWorldHint: true', open.flag, open.strength));
  return { evidence: out, flags };
}
