/**
 * Capture-time values out of catalog text: the throwaway HOME and working directory a server was
 * started in, and dummy argument values, replaced in its tools by marked placeholders
 * (`${CWD}`, `${HOME}`, `${ORGANIZATION}`). Pure: walks JSON values, keeps key order.
 */

/** One value to replace and what replaces it. */
export interface Replacement {
  value: string;
  placeholder: string;
}

/** What {@link replaceCaptureValues} did. */
export interface ReplacementResult {
  value: unknown;
  /** Placeholder → number of strings it was put into. */
  counts: Map<string, number>;
}

/** `${NAME}`: how a placeholder is written in sources.yaml, in snapshots and on pages. */
export const PLACEHOLDER_PATTERN = /\$\{[A-Z][A-Z0-9_]*\}/g;

/** Replaces every occurrence of each value in every string of `input` (longest value first). */
export function replaceCaptureValues(input: unknown, replacements: readonly Replacement[]): ReplacementResult {
  const ordered = [...replacements].filter((r) => r.value !== '').sort((a, b) => b.value.length - a.value.length);
  const counts = new Map<string, number>();
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') {
      let text = value;
      for (const { value: from, placeholder } of ordered) {
        if (!text.includes(from)) continue;
        text = text.replaceAll(from, placeholder);
        counts.set(placeholder, (counts.get(placeholder) ?? 0) + 1);
      }
      return text;
    }
    if (Array.isArray(value)) return value.map(walk);
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
    }
    return value;
  };
  return { value: walk(input), counts };
}

/** A text split at the placeholders it contains, for rendering them marked. */
export function splitPlaceholders(text: string, known: ReadonlySet<string>): Array<{ text: string; placeholder: boolean }> {
  const parts: Array<{ text: string; placeholder: boolean }> = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER_PATTERN)) {
    if (!known.has(match[0])) continue;
    if (match.index > last) parts.push({ text: text.slice(last, match.index), placeholder: false });
    parts.push({ text: match[0], placeholder: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), placeholder: false });
  return parts;
}
