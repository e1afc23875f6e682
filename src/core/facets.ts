/**
 * Search facets: what a tool page declares to Pagefind as filters, and how the search page's state
 * (query and chosen values) round-trips through its URL and becomes Pagefind's filter argument.
 * Values within a facet combine with OR, facets with AND: `risk=high&risk=critical&category=write`
 * is "high or critical, and write".
 */
import { FLAG_LABELS } from './faq.ts';
import { ANNOTATION_HINTS, CATEGORIES, CONFIDENCE_LEVELS, FLAGS, REGISTRIES, RISK_LEVELS, type ToolAnnotations } from './schema.ts';

/** How much of the MCP hint set a server declares for a tool. */
export const ANNOTATION_COVERAGE = ['declared', 'partly', 'none'] as const;
export type AnnotationCoverage = (typeof ANNOTATION_COVERAGE)[number];
export const ANNOTATION_COVERAGE_LABELS: Record<AnnotationCoverage, string> = { declared: 'all declared', partly: 'partly declared', none: 'none declared' };

/**
 * `declared` when every hint that means something for the tool is declared: `readOnlyHint` and
 * `openWorldHint` always, `destructiveHint` and `idempotentHint` unless it declares itself read-only
 * (the spec gives them meaning only for tools that are not). `none` when no hint is declared.
 */
export function annotationCoverage(annotations: ToolAnnotations | undefined): AnnotationCoverage {
  const declared = ANNOTATION_HINTS.filter((hint) => typeof annotations?.[hint] === 'boolean');
  if (declared.length === 0) return 'none';
  const needed = annotations?.readOnlyHint === true ? (['readOnlyHint', 'openWorldHint'] as const) : ANNOTATION_HINTS;
  return needed.every((hint) => declared.includes(hint)) ? 'declared' : 'partly';
}

/** One facet: its URL key (also its Pagefind filter name), its heading, and its values in display order when they are known. */
export interface Facet {
  key: string;
  label: string;
  /** Known values in display order; undefined for open sets (servers), shown by count. */
  values: readonly string[] | undefined;
  /** Display text of a value, when it differs from the value. */
  valueLabels?: Readonly<Record<string, string>>;
}

export const FACETS: readonly Facet[] = [
  { key: 'risk', label: 'Risk', values: [...RISK_LEVELS].reverse() },
  { key: 'category', label: 'Category', values: CATEGORIES },
  { key: 'flag', label: 'Flag', values: FLAGS, valueLabels: FLAG_LABELS },
  {
    key: 'annotations',
    label: 'Annotations',
    values: ANNOTATION_COVERAGE,
    valueLabels: ANNOTATION_COVERAGE_LABELS,
  },
  { key: 'confidence', label: 'Confidence', values: [...CONFIDENCE_LEVELS].reverse() },
  { key: 'registry', label: 'Registry', values: REGISTRIES },
  { key: 'server', label: 'Server', values: undefined },
];

const FACET_KEYS = new Set(FACETS.map((f) => f.key));

/** What the search page shows: the query and, per facet key, the chosen values. */
export interface SearchState {
  query: string;
  filters: Record<string, string[]>;
}

/**
 * The state a results URL encodes: `q` and repeated facet keys. Unknown keys and values a facet
 * does not have are dropped (a link cannot smuggle in a filter); values are de-duplicated.
 */
export function parseSearchState(params: URLSearchParams): SearchState {
  const filters: Record<string, string[]> = {};
  for (const facet of FACETS) {
    const chosen = [...new Set(params.getAll(facet.key).map((v) => v.trim()))].filter(
      (v) => v !== '' && (facet.values === undefined || facet.values.includes(v)),
    );
    if (chosen.length > 0) filters[facet.key] = chosen;
  }
  return { query: (params.get('q') ?? '').trim(), filters };
}

/** The query string for a state, facets in FACETS order (so equal states give equal URLs). */
export function searchStateQuery(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query !== '') params.set('q', state.query);
  for (const facet of FACETS) for (const value of state.filters[facet.key] ?? []) params.append(facet.key, value);
  return params.toString();
}

/** True when the state asks for anything: a query or at least one value. */
export function hasSearch(state: SearchState): boolean {
  return state.query !== '' || Object.values(state.filters).some((v) => v.length > 0);
}

/** Pagefind's `filters` argument for a state, leaving out one facet (to count that facet's values under the others). */
export function pagefindFilters(state: SearchState, except?: string): Record<string, { any: string[] }> {
  const out: Record<string, { any: string[] }> = {};
  for (const [key, values] of Object.entries(state.filters)) {
    if (key !== except && FACET_KEYS.has(key) && values.length > 0) out[key] = { any: values };
  }
  return out;
}

/** The state with one value of one facet switched on or off. */
export function toggleValue(state: SearchState, key: string, value: string, on: boolean): SearchState {
  const current = state.filters[key] ?? [];
  const next = on ? [...new Set([...current, value])] : current.filter((v) => v !== value);
  const filters = { ...state.filters };
  if (next.length > 0) filters[key] = next;
  else delete filters[key];
  return { query: state.query, filters };
}
