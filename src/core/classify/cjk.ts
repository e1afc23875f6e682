/**
 * Descriptions written in Chinese or Japanese: no spaces between words, so the lead verb is found
 * by its written form inside the lead clause (`CJK_FORMS` of the lexicon's rows), not by splitting
 * words. Only read when the description opens in a CJK script. Pure.
 */
import type { Evidence } from '../schema.ts';
import { VERBS } from './lexicon.ts';
import { evidence, readVerb, type Hit } from './reading.ts';

const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const LATIN_CHAR = /\p{Script=Latin}/gu;

/** What ends the lead clause: a sentence or clause mark, or a line break. */
const CLAUSE_END = /[。．！？；，,.;!?\n]/u;

/** Marks of negation right before a form (不会读取: “does not read”). */
const CJK_NEGATION = /[不未无非没別别][会能可]?$/u;

/** Read-only (只读, 読み取り専用) and “changes nothing” (不产生任何变更) anywhere in the description. */
export const CJK_READ_ONLY = /只读|唯读|読み取り専用|不(?:会|产生)(?:任何)?(?:修改|变更|更改)/u;

/** Each written form and its verb, longest forms first so that 查询 is found before 查. */
const FORMS: ReadonlyArray<readonly [string, string]> = VERBS.flatMap((v) => (v.cjk ?? []).map((f) => [f, v.verb] as const)).sort(
  (a, b) => b[0].length - a[0].length,
);

/** A description whose lead clause is mostly Han, Hiragana or Katakana (“IP 定位根据用户输入的 IP 地址”, “创建、删除和管理 CloudBase NoSQL 数据库集合”). */
export function opensInCjk(description: string): boolean {
  const rest = description.trimStart();
  const stop = CLAUSE_END.exec(rest);
  const clause = stop === null ? rest : rest.slice(0, stop.index);
  const cjk = clause.match(CJK_CHAR)?.length ?? 0;
  // A CJK character carries about as much as two Latin letters of a word.
  return cjk > 0 && cjk * 2 > (clause.match(LATIN_CHAR)?.length ?? 0);
}

/**
 * The verbs of a CJK description's lead clause, in the order they appear (创建、删除和管理 → create,
 * delete, manage), each read like a lead verb; and a read-only statement if there is one.
 */
export function cjkSignals(description: string): Evidence[] {
  const start = description.search(/\S/u);
  if (start < 0) return [];
  const rest = description.slice(start);
  const stop = CLAUSE_END.exec(rest);
  const clause = stop === null ? rest : rest.slice(0, stop.index);
  const hits: Hit[] = [];
  const taken: Array<readonly [number, number]> = [];
  for (const [form, verb] of FORMS) {
    for (let at = clause.indexOf(form); at >= 0; at = clause.indexOf(form, at + form.length)) {
      const end = at + form.length;
      if (taken.some(([s, e]) => at < e && s < end) || CJK_NEGATION.test(clause.slice(0, at))) continue;
      taken.push([at, end]);
      const reading = readVerb(verb, [], 'description');
      if (reading === undefined || hits.some((h) => h.evidence.verb === verb)) continue;
      hits.push({
        start: at,
        end,
        evidence: evidence({ source: 'description', kind: 'verb', signal: reading.signal, match: form, category: reading.category, strength: 'strong', raises: reading.raises, verb }),
      });
    }
  }
  // The first verb, and those coordinated with it (创建、删除和管理): a later verb after other words is not the lead's.
  const sorted = hits.sort((a, b) => a.start - b.start);
  const lead: Hit[] = [];
  for (const h of sorted) {
    const previous = lead[lead.length - 1];
    if (previous !== undefined && !/^[\s、和或及与/,，]*$/u.test(clause.slice(previous.end, h.start))) break;
    lead.push(h);
  }
  const out = lead.map((h) => h.evidence);
  const readOnly = CJK_READ_ONLY.exec(description);
  if (readOnly !== null) {
    out.push(evidence({ source: 'description', kind: 'phrase', signal: 'description-read-only', match: readOnly[0], category: 'read', strength: 'strong' }));
  }
  return out;
}
