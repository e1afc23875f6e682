/**
 * The ways to browse every tool across servers: one record per dimension (its URL, its values in
 * display order, how a value reads, and which values a verdict has), so a browse page, its tabs
 * and its index are one template over this table.
 */
import { FLAG_TABLE } from './classify/rules.ts';
import { categoryMeaning, flagLabel, riskLabel } from './faq.ts';
import { CATEGORIES, FLAGS, RISK_LEVELS, type Category, type Flag, type Risk, type Verdict } from './schema.ts';

export interface BrowseDimension {
  key: 'risk' | 'category' | 'flag';
  /** Heading of the index page and of the browse navigation, e.g. `By risk`. */
  label: string;
  /** URL of the index page; a value's pages live under it (`/risk/high/`, `/risk/high/2/`). */
  path: string;
  values: readonly string[];
  /** How a value reads in a heading: `High risk`, `Destructive`, `Credential or secret access`. */
  valueLabel(value: string): string;
  /** One sentence on what the value means, for the index page. */
  meaning(value: string): string;
  /** The values of this dimension a verdict has (a tool has several flags, or none). */
  valuesOf(verdict: Verdict): readonly string[];
}

const FLAG_MEANING = new Map(FLAG_TABLE.map((row) => [row.flag, row.meaning]));

export const BROWSE_DIMENSIONS: readonly BrowseDimension[] = [
  {
    key: 'risk',
    label: 'By risk',
    path: '/risk/',
    values: [...RISK_LEVELS].reverse(),
    valueLabel: (v) => `${riskLabel(v as Risk)} risk`,
    meaning: (v) => `Rated ${v} risk.`,
    valuesOf: (verdict) => [verdict.risk],
  },
  {
    key: 'category',
    label: 'By category',
    path: '/category/',
    values: CATEGORIES,
    valueLabel: (v) => v.charAt(0).toUpperCase() + v.slice(1),
    meaning: (v) => `A ${v} tool ${categoryMeaning(v as Category)}.`,
    valuesOf: (verdict) => [verdict.category],
  },
  {
    key: 'flag',
    label: 'By flag',
    path: '/flag/',
    values: FLAGS,
    valueLabel: (v) => flagLabel(v as Flag),
    meaning: (v) => `The tool ${FLAG_MEANING.get(v as Flag) ?? ''}.`,
    valuesOf: (verdict) => verdict.flags.map((f) => f.flag),
  },
];

/** Per value of a dimension, the items that have it, in the order given (an item may be in several). */
export function groupByDimension<T>(dimension: BrowseDimension, items: readonly T[], verdictOf: (item: T) => Verdict): Map<string, T[]> {
  const groups = new Map<string, T[]>(dimension.values.map((v) => [v, []]));
  for (const item of items) for (const value of dimension.valuesOf(verdictOf(item))) groups.get(value)?.push(item);
  return groups;
}

/**
 * Tool names that more than one server has, grouped by their page slug (so names that differ only
 * in case share one view), most widespread first, then by slug. Each group lists its items in the
 * order given.
 */
export function sharedNames<T>(items: readonly T[], keyOf: (item: T) => { slug: string; serverId: string }): Array<{ slug: string; servers: number; items: T[] }> {
  const bySlug = new Map<string, T[]>();
  for (const item of items) {
    const { slug } = keyOf(item);
    const group = bySlug.get(slug);
    if (group === undefined) bySlug.set(slug, [item]);
    else group.push(item);
  }
  const servers = (group: readonly T[]) => new Set(group.map((i) => keyOf(i).serverId)).size;
  return [...bySlug]
    .filter(([, group]) => servers(group) > 1)
    .map(([slug, group]) => ({ slug, servers: servers(group), items: group }))
    .sort((a, b) => b.servers - a.servers || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}
