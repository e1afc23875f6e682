/**
 * How evidence reads in a sentence, shared by the rationale and the findings: plain text, never
 * HTML, generated only from the evidence's own fields.
 */
import type { EvidenceKind, EvidenceSource, VerbReadingKind } from '../schema.ts';
import { ANNOTATION_RULES } from './annotations.ts';
import { SAVES_FILE_SIGNAL, SUBCOMMAND_SIGNAL } from './parameters.ts';

/** What wording needs of a piece of evidence (category or flag evidence alike). */
export interface Worded {
  source: EvidenceSource;
  signal: string;
  match: string;
  /** Category evidence says what kind it is; flag evidence does not. */
  kind?: EvidenceKind | undefined;
  reading?: VerbReadingKind | undefined;
}

export const SOURCE_NAMES: Readonly<Record<EvidenceSource, string>> = {
  name: 'the name',
  description: 'the description',
  parameter: 'the parameters',
  annotation: 'the annotations',
};

interface Wording {
  /** Text before the quoted match, e.g. `the description says `. */
  lead: string;
  /** The match in curly quotes, or '' when the wording has none. */
  quoted: string;
  /** Text after the quoted match. */
  tail: string;
}

/** Why a verb-with-object reading is what it is. */
const READING_TAILS: Readonly<Record<VerbReadingKind, string | undefined>> = {
  query: ', and running a query reads data',
  'read-only': ', and code kept to reads changes nothing',
  job: ', and running a defined job starts work rather than code the agent chooses',
  text: ', and generating text changes nothing',
  ui: ', which drives an interface rather than reading or deleting stored data',
  state: ', which changes the state of what it acts on',
  light: undefined,
};

function wording(e: Worded): Wording {
  const quoted = `“${e.match}”`;
  const w = (lead: string, tail = ''): Wording => ({ lead, quoted, tail });
  const oneWord = /^[\p{L}\p{N}'’-]+$/u.test(e.match);
  const tail = e.reading === undefined ? undefined : READING_TAILS[e.reading];
  switch (e.source) {
    case 'name':
      if (e.kind === 'verb') {
        if (tail !== undefined) return w('the name says ', tail);
        return oneWord ? w("the name's verb is ") : w('the name says ');
      }
      if (e.kind === 'topic') return w('the name ends in ', ', so it documents a topic');
      return w('the name mentions ');
    case 'description':
      if (e.kind === 'verb') {
        if (tail !== undefined) return w('the description leads with ', tail);
        return oneWord ? w("the description's lead verb is ") : w('the description leads with ');
      }
      if (e.kind === 'operation') return w('the description lists among its operations ', tail ?? '');
      return w('the description says ');
    case 'parameter':
      if (e.kind === 'operation') return w('it takes a parameter that selects among its operations ', tail ?? '');
      if (e.signal === SAVES_FILE_SIGNAL) return w('it takes a parameter ', ' that says where to save a file');
      if (e.signal === SUBCOMMAND_SIGNAL) return w('it takes a parameter ', ' that names one of its own operations, so it does whatever they do');
      return w('it takes a parameter ');
    case 'annotation':
      if (e.signal === ANNOTATION_RULES.destructiveDefault.id) {
        return { lead: 'it declares “readOnlyHint: false” without destructiveHint, which the MCP spec reads as destructive', quoted: '', tail: '' };
      }
      return w('the server declares ');
  }
}

/** How one piece of evidence reads in a sentence: `the name's verb is “delete”`. */
export function describeEvidence(e: Worded): string {
  const { lead, quoted, tail } = wording(e);
  return `${lead}${quoted}${tail}`;
}

/** `a`, `a and b`, `a, b and c`. */
export function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  if (items.length === 2) return `${items[0]} and ${items[1]}`;
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * The evidence as one clause list, in evidence order; matches with the same wording are grouped
 * where the first of them appears (`the description says “Permanently” and “removes”`).
 */
export function phrases(evidence: readonly Worded[]): string {
  const groups: Array<{ lead: string; quoted: string[]; tail: string }> = [];
  for (const e of evidence) {
    const w = wording(e);
    const same = w.quoted !== '' && w.tail === '' ? groups.find((g) => g.lead === w.lead && g.tail === '' && g.quoted.length > 0) : undefined;
    if (same !== undefined) same.quoted.push(w.quoted);
    else groups.push({ lead: w.lead, quoted: w.quoted === '' ? [] : [w.quoted], tail: w.tail });
  }
  return groups.map((g) => `${g.lead}${list(g.quoted)}${g.tail}`).join('; ');
}
