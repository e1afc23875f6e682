/**
 * One vocabulary for the whole catalog: what ingest writes, what the classifier returns,
 * what a recommended policy looks like. Pure: no I/O, no astro:* imports.
 *
 * Data that comes from third-party servers is loose (the MCP spec allows extra keys and we
 * keep them verbatim); data the catalog produces is strict.
 */
import { z } from 'zod';

/** Ordered from safest to riskiest; the index is the severity. */
export const RISK_LEVELS = ['low', 'medium', 'high', 'critical'] as const;
export type Risk = (typeof RISK_LEVELS)[number];

/** What calling the tool does to the world, from least to most consequential. */
export const CATEGORIES = ['read', 'write', 'destructive', 'execute', 'financial'] as const;
export type Category = (typeof CATEGORIES)[number];

export const CONFIDENCE_LEVELS = ['low', 'medium', 'high'] as const;
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];

/** Where a piece of evidence was read from. */
export const EVIDENCE_SOURCES = ['name', 'description', 'parameter', 'annotation'] as const;
export type EvidenceSource = (typeof EVIDENCE_SOURCES)[number];

// ---------------------------------------------------------------------------------------------
// Third-party data: a tool exactly as a server sent it in `tools/list`.
// ---------------------------------------------------------------------------------------------

/** MCP tool annotations. Untrusted hints; unknown vendor keys are kept. */
export const ToolAnnotationsSchema = z.looseObject({
  title: z.string().optional(),
  readOnlyHint: z.boolean().optional(),
  destructiveHint: z.boolean().optional(),
  idempotentHint: z.boolean().optional(),
  openWorldHint: z.boolean().optional(),
});
export type ToolAnnotations = z.infer<typeof ToolAnnotationsSchema>;

/**
 * A tool as sent by the server. Only `name` is required here: a snapshot keeps the list verbatim
 * even when it is not spec-valid (validation is reported separately, never by dropping data).
 */
export const ToolSchema = z.looseObject({
  name: z.string().min(1),
  title: z.string().optional(),
  description: z.string().optional(),
  inputSchema: z.record(z.string(), z.unknown()).optional(),
  outputSchema: z.record(z.string(), z.unknown()).optional(),
  annotations: ToolAnnotationsSchema.optional(),
});
export type Tool = z.infer<typeof ToolSchema>;

/** A `tools/list` result (or several pages of it, concatenated). */
export const ToolsListSchema = z.looseObject({ tools: z.array(ToolSchema) });

// ---------------------------------------------------------------------------------------------
// Catalog data: a server snapshot written by `npm run ingest` to content/servers/<id>.json.
// ---------------------------------------------------------------------------------------------

/** A server id is its file name and URL segment: lowercase, digits and dashes. */
export const SERVER_ID_PATTERN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

export const ProvenanceSchema = z.strictObject({
  /** How the tool list was obtained. */
  method: z.enum(['live-introspection', 'manifest-import']),
  /** Package name in its registry, e.g. `@modelcontextprotocol/server-memory`. */
  package: z.string().min(1),
  registry: z.enum(['npm', 'pypi']),
  /** Exact installed version, never a range. */
  version: z.string().min(1),
  /** Executable that was started (bin name as published by the package). */
  command: z.string(),
  /** Arguments given to the server. Dummy values only, never secrets. */
  args: z.array(z.string()),
  /** Names of the environment variables that were set (values are never stored). */
  envKeys: z.array(z.string()),
  /** `serverInfo` from the initialize result. */
  serverInfo: z.looseObject({ name: z.string(), version: z.string() }),
  /** Protocol version negotiated at initialize. */
  protocolVersion: z.string(),
  /** Capabilities the client declared at initialize (tool lists may depend on them). */
  clientCapabilities: z.record(z.string(), z.unknown()),
  /** When this tool list was captured (ISO 8601, UTC). Unchanged when a re-run finds the same tools. */
  capturedAt: z.iso.datetime(),
  /** Client used to capture, e.g. `@modelcontextprotocol/sdk@1.32.2`. */
  client: z.string(),
  /** Homepage or repository of the server, if the package declares one. */
  homepage: z.string().optional(),
});
export type Provenance = z.infer<typeof ProvenanceSchema>;

export const ServerSnapshotSchema = z.strictObject({
  /** Stable id: file name, URL segment. */
  id: z.string().regex(SERVER_ID_PATTERN),
  /** Human name for the catalog (the package name unless overridden). */
  name: z.string().min(1),
  /** The package's own one-line description, if any. */
  description: z.string().optional(),
  provenance: ProvenanceSchema,
  /** Problems found while capturing that did not prevent it (e.g. non-JSON lines on stdout). */
  warnings: z.array(z.string()),
  /** The tools, verbatim and in the order the server listed them. */
  tools: z.array(ToolSchema),
});
export type ServerSnapshot = z.infer<typeof ServerSnapshotSchema>;

// ---------------------------------------------------------------------------------------------
// Catalog verdicts.
// ---------------------------------------------------------------------------------------------

/**
 * How much one piece of evidence counts toward its category (see `STRENGTH_POINTS` in
 * `classify/rules.ts`): `strong` alone establishes a category, `weak` needs a second source.
 */
export const EVIDENCE_STRENGTHS = ['weak', 'strong'] as const;
export type Strength = (typeof EVIDENCE_STRENGTHS)[number];

/**
 * One observation that pushed the classification. The verdict is a pure function of its evidence
 * (`verdictFromEvidence`), and the rationale is rendered from it, so neither can contradict the badge.
 */
export const EvidenceSchema = z.strictObject({
  source: z.enum(EVIDENCE_SOURCES),
  /** Stable id of the rule or signal that fired, e.g. `name-verb-delete`. */
  signal: z.string().min(1),
  /** The exact text that was matched (a verb, a phrase, a parameter name, `readOnlyHint: true`). */
  match: z.string(),
  /** The category this evidence points to. */
  category: z.enum(CATEGORIES),
  /** `strong`: enough on its own to establish the category; `weak`: needs agreement from another source. */
  strength: z.enum(EVIDENCE_STRENGTHS),
  /**
   * Set on evidence that escalates risk: when the verdict's category is this evidence's category,
   * the risk is at least this level (e.g. a `force` parameter on a destructive tool → `critical`).
   */
  raises: z.enum(RISK_LEVELS).optional(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const VerdictSchema = z.strictObject({
  /** The tool's name, exactly as the server sent it. */
  name: z.string(),
  /** The riskiest category with sufficient evidence; `write` when nothing is sufficient. */
  category: z.enum(CATEGORIES),
  /**
   * Base risk of the category (`RISK_TABLE`), raised by escalating evidence (`ESCALATIONS`), and
   * never below the risk of another established category (`RISK_FLOOR_RULE`).
   */
  risk: z.enum(RISK_LEVELS),
  /** `high`: independent sources agree; `medium`: one strong source or contested; `low`: weak or no evidence. */
  confidence: z.enum(CONFIDENCE_LEVELS),
  /** Every signal that fired, in a deterministic order: by source, then position. */
  evidence: z.array(EvidenceSchema),
});
export type Verdict = z.infer<typeof VerdictSchema>;

// ---------------------------------------------------------------------------------------------
// policy.json: what the catalog recommends putting in front of a tool.
// ---------------------------------------------------------------------------------------------

export const LIMIT_WINDOWS = ['second', 'minute', 'hour', 'day'] as const;
export const LIMIT_SCOPES = ['session', 'agent', 'global'] as const;

export const RateLimitSchema = z.strictObject({
  /** Name of the counter; calls sharing a counter share the budget. */
  counter: z.string().min(1),
  window: z.enum(LIMIT_WINDOWS),
  /** Maximum number of calls per window. */
  max: z.int().positive(),
  /** Whose calls are counted together. */
  scope: z.enum(LIMIT_SCOPES),
});
export type RateLimit = z.infer<typeof RateLimitSchema>;

export const ToolRuleSchema = z.strictObject({
  /** `required`: every call waits for a human's approval. */
  approval: z.literal('required').optional(),
  /** Every limit must have budget left for the call to proceed. */
  limits: z.array(RateLimitSchema).min(1).optional(),
});
export type ToolRule = z.infer<typeof ToolRuleSchema>;

export const PolicySchema = z
  .strictObject({
    version: z.literal('1'),
    /** What happens to a tool the policy does not list. */
    default: z.enum(['allow', 'deny']),
    /** Tools the policy allows, each with its conditions (`{}` = allowed as is). Names match exactly, case included. */
    tools: z.record(z.string(), ToolRuleSchema).optional(),
    /** Tools removed from the agent's tool list; any call to them is denied. Each name at most once. */
    hide: z.array(z.string()).optional(),
  })
  .superRefine((policy, ctx) => {
    const listed = new Set(policy.tools === undefined ? [] : Object.keys(policy.tools));
    const hidden = new Set<string>();
    (policy.hide ?? []).forEach((name, i) => {
      if (hidden.has(name)) ctx.addIssue({ code: 'custom', path: ['hide', i], message: `"${name}" is hidden twice` });
      if (listed.has(name)) {
        ctx.addIssue({ code: 'custom', path: ['hide', i], message: `"${name}" is both allowed under tools and hidden` });
      }
      hidden.add(name);
    });
  });
export type Policy = z.infer<typeof PolicySchema>;
