/**
 * How much of a tool's definition its page shows inline. Most definitions fit whole; a few carry
 * descriptions of tens of kilobytes or schemas with hundreds of enum values, which would make the
 * page heavier than the rest of the catalog put together per visit. Those pages show a bounded
 * view and link to the definition exactly as the server sent it, as its own JSON file.
 */
import { listParameters, type Parameter } from './params.ts';

/** The limits of the inline view: bytes of UTF-8 for texts, characters of compact JSON for schemas, and rows. */
export const PAGE_LIMITS = {
  description: 1500,
  parameterDescription: 200,
  parameters: 30,
  /** A schema longer than this, as compact JSON, is linked rather than printed. */
  schema: 2500,
} as const;

/** A text cut to a limit: what is shown, and how many characters were left out (0 when whole). */
export interface Shortened {
  text: string;
  omitted: number;
}

/** How many UTF-16 units of `text` fit in `limit` bytes of UTF-8, never splitting a character. */
function unitsWithin(text: string, limit: number): number {
  let bytes = 0;
  let units = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    if (bytes > limit) break;
    units += char.length;
  }
  return units;
}

/**
 * `text` cut to at most `limit` bytes of UTF-8 (what a page weighs, whatever the script), at the
 * last whitespace in the second half of what fits, else where the limit falls; never inside a
 * character. Trailing whitespace of the cut is dropped.
 */
export function shorten(text: string, limit: number): Shortened {
  if (text.length * 3 <= limit) return { text, omitted: 0 };
  const fits = unitsWithin(text, limit);
  if (fits === text.length) return { text, omitted: 0 };
  let end = fits;
  const space = text.slice(0, fits + 1).search(/\s\S*$/);
  if (space > fits / 2) end = space;
  const shown = text.slice(0, end).trimEnd();
  return { text: shown, omitted: text.length - shown.length };
}

/** What a tool page shows of a definition's text and schemas. */
export interface InlineDefinition {
  /** Undefined when the server sends no description (or an empty one). */
  description: Shortened | undefined;
  params: Array<Parameter & { omitted: number }>;
  /** Parameters beyond the row limit, left to the definition file. */
  paramsOmitted: number;
  /** Pretty JSON of each schema when it is short enough to print; undefined when absent. */
  inputSchemaJson: string | undefined;
  outputSchemaJson: string | undefined;
  /** Compact JSON length of a schema that is linked instead of printed (0 when printed or absent). */
  inputSchemaLinked: number;
  outputSchemaLinked: number;
  /** True when anything above was cut or linked: the page then links the full definition. */
  cut: boolean;
}

interface DefinitionText {
  description?: string | undefined;
  inputSchema?: unknown;
  outputSchema?: unknown;
}

function schemaView(schema: unknown): { json: string | undefined; linked: number } {
  if (schema === undefined) return { json: undefined, linked: 0 };
  const compact = JSON.stringify(schema) ?? '';
  return compact.length > PAGE_LIMITS.schema ? { json: undefined, linked: compact.length } : { json: JSON.stringify(schema, null, 2), linked: 0 };
}

/** The bounded view of a definition that a tool page prints. */
export function inlineDefinition(tool: DefinitionText): InlineDefinition {
  const description = tool.description ? shorten(tool.description, PAGE_LIMITS.description) : undefined;
  const all = listParameters(tool.inputSchema);
  const params = all.slice(0, PAGE_LIMITS.parameters).map((p) => {
    if (p.description === undefined) return { ...p, omitted: 0 };
    const d = shorten(p.description, PAGE_LIMITS.parameterDescription);
    return { ...p, description: d.text, omitted: d.omitted };
  });
  const input = schemaView(tool.inputSchema);
  const output = schemaView(tool.outputSchema);
  const paramsOmitted = all.length - params.length;
  const cut =
    (description?.omitted ?? 0) > 0 || paramsOmitted > 0 || params.some((p) => p.omitted > 0) || input.linked > 0 || output.linked > 0;
  return {
    description,
    params,
    paramsOmitted,
    inputSchemaJson: input.json,
    outputSchemaJson: output.json,
    inputSchemaLinked: input.linked,
    outputSchemaLinked: output.linked,
    cut,
  };
}

/** The first line of a description, at most 160 characters: what a table row shows of it. */
export function summaryLine(text: string): string {
  return (text.split('\n')[0] ?? '').slice(0, 160);
}
