/**
 * A readable summary of a tool's input schema for the tool page. The schema comes from an
 * untrusted server and may be anything: every access is defensive and nothing here throws.
 */

export interface Parameter {
  /** Property name exactly as declared. */
  name: string;
  /** Short type summary, e.g. `string`, `array of string`, `"a" | "b"`, `object`. */
  type: string;
  required: boolean;
  description: string | undefined;
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Summarise a JSON Schema fragment as a short type string. */
export function typeSummary(schema: unknown, depth = 0): string {
  if (!isObject(schema)) return schema === true ? 'any' : 'unknown';
  if (depth > 3) return '…';
  if (Array.isArray(schema['enum'])) {
    return schema['enum'].slice(0, 8).map((v) => JSON.stringify(v)).join(' | ') + (schema['enum'].length > 8 ? ' | …' : '');
  }
  if ('const' in schema) return JSON.stringify(schema['const']);
  for (const key of ['anyOf', 'oneOf'] as const) {
    const options = schema[key];
    if (Array.isArray(options)) return options.map((o) => typeSummary(o, depth + 1)).join(' | ');
  }
  const type = schema['type'];
  if (Array.isArray(type)) return type.filter((t) => typeof t === 'string').join(' | ');
  if (type === 'array') return `array of ${typeSummary(schema['items'], depth + 1)}`;
  if (typeof type === 'string') return type;
  if (isObject(schema['properties'])) return 'object';
  return 'any';
}

/** Top-level properties of an input schema, in declaration order. */
export function listParameters(inputSchema: unknown): Parameter[] {
  if (!isObject(inputSchema) || !isObject(inputSchema['properties'])) return [];
  const required = Array.isArray(inputSchema['required'])
    ? new Set(inputSchema['required'].filter((r): r is string => typeof r === 'string'))
    : new Set<string>();
  return Object.entries(inputSchema['properties']).map(([name, schema]) => ({
    name,
    type: typeSummary(schema),
    required: required.has(name),
    description: isObject(schema) && typeof schema['description'] === 'string' ? schema['description'] : undefined,
  }));
}
