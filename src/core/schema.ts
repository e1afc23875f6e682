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
// Catalog data: a server snapshot written by `npm run ingest` to content/servers/<id>.json,
// and content/verification.json (when each source was last tried and last succeeded).
// ---------------------------------------------------------------------------------------------

/** A server id is its file name and URL segment: lowercase, digits and dashes. */
export const SERVER_ID_PATTERN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

/** Where a server is published: a package registry, or `remote` for a hosted server with no package. */
export const REGISTRIES = ['npm', 'pypi', 'go', 'cargo', 'remote'] as const;
export type Registry = (typeof REGISTRIES)[number];

/** How a tool list was obtained. */
export const CAPTURE_METHODS = ['live-introspection', 'manifest-import'] as const;
export type CaptureMethod = (typeof CAPTURE_METHODS)[number];

/**
 * What the source says about tools that only some configurations expose or allow (flags,
 * environment switches). Per-tool details stay in each tool's own verbatim `gating` key, if any.
 */
export const GatingSchema = z.strictObject({
  /** One paragraph, as the source words it. */
  summary: z.string().min(1),
  /** Command-line flags that change which tools exist or which calls are allowed. */
  flags: z.array(z.string()).optional(),
  /** Environment variables that do the same (names, sometimes with a note in parentheses). */
  env: z.array(z.string()).optional(),
});
export type Gating = z.infer<typeof GatingSchema>;

/** Set when the snapshot is known to be incomplete (e.g. tool names without schemas). */
export const PartialSchema = z.strictObject({
  /** Why the data is partial, in one sentence or two. */
  reason: z.string().min(1),
});
export type PartialData = z.infer<typeof PartialSchema>;

/** Where an imported tool list was captured from: a repository at a commit. */
export const CaptureSourceSchema = z.strictObject({
  /** Repository URL, e.g. `https://github.com/awslabs/mcp`. */
  repository: z.string().min(1),
  /** Full commit hash the tool list was read at. */
  commit: z.string().regex(/^[0-9a-f]{7,40}$/),
  /** Path of the server inside the repository (or of the document the names come from). */
  path: z.string().min(1),
  /** File name of the imported manifest. */
  manifest: z.string().min(1),
  /** How the manifest's author obtained the list, as the manifest words it (e.g. the SDK used). */
  capturedWith: z.string().optional(),
});
export type CaptureSource = z.infer<typeof CaptureSourceSchema>;

/**
 * How a live capture installed the server: the exact artifact resolved from its registry and the
 * runtime it ran on. A reader can repeat the install with `command`.
 */
export const InstallRecordSchema = z.strictObject({
  /** The install command, as a reader would type it (no cache paths): `uv pip install 'x==1.0'`. */
  command: z.string().min(1),
  /** The installer and its version: `npm 10.9.2`, `uv 0.13.9`, `go1.26.8`. */
  installer: z.string().min(1),
  /** Interpreter or toolchain the server ran on (or was built with): `Node.js v22.23.3`, `CPython 3.12.1`, `go1.26.8`. */
  runtime: z.string().min(1),
  /** The file fetched from the registry: a PyPI wheel name, an npm tarball. */
  artifact: z.string().min(1).optional(),
  /** Its hash as the registry states it: `sha256:…` (PyPI), `sha512-…` (npm integrity), `h1:…` (Go module sum). */
  digest: z.string().min(1).optional(),
  /** Go: the module the package belongs to (the sum is the module's). */
  module: z.string().min(1).optional(),
});
export type InstallRecord = z.infer<typeof InstallRecordSchema>;

/**
 * Capture-time values that were replaced in the snapshot's tools by a marked placeholder, name →
 * what it stands for: `${CWD}` for the throwaway working directory, `${HOME}` for the throwaway
 * HOME, a name of the source's own for a dummy argument value (e.g. `${ORGANIZATION}`).
 */
export const PlaceholdersSchema = z.record(z.string().regex(/^\$\{[A-Z][A-Z0-9_]*\}$/), z.string().min(1));
export type Placeholders = z.infer<typeof PlaceholdersSchema>;

/** Fields every provenance has, whatever the capture method. */
const provenanceFields = {
  /** Package name in its registry, e.g. `@modelcontextprotocol/server-memory`; the endpoint URL of a `remote` server. */
  package: z.string().min(1),
  registry: z.enum(REGISTRIES),
  /** Exact version, never a range; `unknown` for a hosted server that publishes none. */
  version: z.string().min(1),
  /** Executable that starts the server (bin name, or the entry point a manifest records; '' when none). */
  command: z.string(),
  /** Arguments given to the server (placeholders such as `${HOME}` kept as written). Dummy values only. */
  args: z.array(z.string()),
  /** Names of the environment variables that were set (values are never stored). */
  envKeys: z.array(z.string()),
  /**
   * Live: `serverInfo` from the initialize result, verbatim. Import: the server name its code
   * registers and the package version, as the manifest records them (no initialize was run).
   */
  serverInfo: z.looseObject({ name: z.string(), version: z.string() }),
  /** Protocol version negotiated at initialize; `unknown` for an import. */
  protocolVersion: z.string(),
  /** Capabilities the client declared at initialize (tool lists may depend on them); `{}` for an import. */
  clientCapabilities: z.record(z.string(), z.unknown()),
  /** When this tool list was captured (ISO 8601, UTC). Unchanged when a re-run finds the same tools. */
  capturedAt: z.iso.datetime(),
  /** Live: the client, e.g. `@modelcontextprotocol/sdk@1.32.2`. Import: `manifest-import` or what the manifest used. */
  client: z.string(),
  /** Homepage or repository of the server. */
  homepage: z.string().optional(),
  /** Tools that need a flag or an environment switch, as the source records it. */
  gating: GatingSchema.optional(),
  /** Present when the tool list is known to be incomplete. */
  partial: PartialSchema.optional(),
  /** Placeholders that stand in the tools for capture-time values; absent when none occur. */
  placeholders: PlaceholdersSchema.optional(),
};

/** Provenance of a tool list obtained by starting the server and asking it (`tools/list`). */
export const LiveProvenanceSchema = z.strictObject({
  method: z.literal('live-introspection'),
  ...provenanceFields,
  /** What was installed and with what (absent in captures made before it was recorded). */
  install: InstallRecordSchema.optional(),
});

/** Provenance of a tool list imported from a manifest captured elsewhere (`ingest --manifest`). */
export const ImportedProvenanceSchema = z.strictObject({
  method: z.literal('manifest-import'),
  ...provenanceFields,
  /** Repository, commit and path the manifest was captured from. */
  source: CaptureSourceSchema,
});

export const ProvenanceSchema = z.discriminatedUnion('method', [LiveProvenanceSchema, ImportedProvenanceSchema]);
export type Provenance = z.infer<typeof ProvenanceSchema>;
export type LiveProvenance = z.infer<typeof LiveProvenanceSchema>;
export type ImportedProvenance = z.infer<typeof ImportedProvenanceSchema>;

/**
 * A tool known by name only (no schema): kept verbatim from the source, `null` fields included.
 * Never mixed into `tools`, so nothing pretends to know its parameters.
 */
export const NamedToolSchema = z.looseObject({
  name: z.string().min(1),
});
export type NamedTool = z.infer<typeof NamedToolSchema>;

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
  /** The tools, verbatim and in the order the server listed them. The tool count is its length. */
  tools: z.array(ToolSchema),
  /** Tools known by name only (see `provenance.partial`); absent when there are none. */
  namedTools: z.array(NamedToolSchema).optional(),
});
export type ServerSnapshot = z.infer<typeof ServerSnapshotSchema>;

/**
 * Why a source could not be captured, from the stage that failed and what the server said:
 * `install` (the registry or the build refused), `start` (the server exited before listing),
 * `timeout` (it never answered), `needs-credentials`, `needs-network`, `needs-service` (a database
 * or API it must reach first), `needs-configuration` (it lists only what a real configuration
 * would give it), `bad-tool-list` (an empty or unusable tools/list).
 */
export const FAILURE_CLASSES = [
  'install',
  'start',
  'timeout',
  'needs-credentials',
  'needs-network',
  'needs-service',
  'needs-configuration',
  'bad-tool-list',
] as const;
export type FailureClass = (typeof FAILURE_CLASSES)[number];

/** Outcome of the last attempt to capture a source. */
export const VERIFICATION_STATUSES = ['ok', 'failed'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

/** One source's entry in content/verification.json. */
export const VerificationEntrySchema = z.strictObject({
  /** When ingest last tried this source (ISO 8601, UTC). */
  lastAttempt: z.iso.datetime(),
  /** When it last succeeded; absent if it never did (then there is no snapshot). */
  lastVerified: z.iso.datetime().optional(),
  status: z.enum(VERIFICATION_STATUSES),
  /** Why the last attempt failed (only when `status` is `failed`). */
  reason: z.string().min(1).optional(),
  /** The kind of failure (only when `status` is `failed`), see FAILURE_CLASSES. */
  failureClass: z.enum(FAILURE_CLASSES).optional(),
  /** Tools in the snapshot of the last success (absent if it never succeeded). */
  toolCount: z.int().nonnegative().optional(),
});
export type VerificationEntry = z.infer<typeof VerificationEntrySchema>;

/** content/verification.json: source id → entry, ids sorted. Kept apart so snapshots only change with servers. */
export const VerificationSchema = z.record(z.string().regex(SERVER_ID_PATTERN), VerificationEntrySchema);
export type Verification = z.infer<typeof VerificationSchema>;

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
 * What a piece of category evidence is: a verb of the name or of the description's lead sentence
 * (`verb`), an operation a router's description lists (`operation`), a name that documents a topic
 * (`topic`), a noun that decides by itself (`noun`: `bash`, `refund`), a word that widens a
 * deletion's reach (`scope`: bulk, all), a phrase anywhere in the description (`phrase`), a
 * parameter (`parameter`) or a declared annotation (`annotation`).
 */
export const EVIDENCE_KINDS = ['verb', 'operation', 'topic', 'noun', 'scope', 'phrase', 'parameter', 'annotation'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/**
 * How a verb reads with its object, when the object changed its plain meaning: running a query
 * (`query`), code kept to reads (`read-only`), running a defined job (`job`), generating text
 * (`text`), driving an interface (`ui`), changing the state of what it acts on (`state`: resolving
 * an issue), or deleting something light (`light`: removing a label edits metadata).
 */
export const VERB_READINGS = ['query', 'read-only', 'job', 'text', 'ui', 'state', 'light'] as const;
export type VerbReadingKind = (typeof VERB_READINGS)[number];

/**
 * One observation that pushed the classification. The verdict is a pure function of its evidence
 * (`verdictFromEvidence`), and the rationale is rendered from it, so neither can contradict the badge.
 */
export const EvidenceSchema = z.strictObject({
  source: z.enum(EVIDENCE_SOURCES),
  /** What kind of observation it is (`EVIDENCE_KINDS`). */
  kind: z.enum(EVIDENCE_KINDS),
  /** Stable id of the rule or signal that fired, e.g. `name-verb-delete`: for display and diffs, never parsed. */
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
  /** For a verb or an operation: the lexicon verb behind it (`Deletes` → delete). */
  verb: z.string().min(1).optional(),
  /** For a verb or an operation whose object decided its meaning: how it reads with that object (`VERB_READINGS`). */
  reading: z.enum(VERB_READINGS).optional(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

/**
 * Properties of a tool that matter beside its category, each established from its own evidence
 * (`FLAG_TABLE` in `classify/rules.ts` says which ones raise risk):
 * - `credential-access`: reads, creates or changes credentials or secrets (API keys, passwords, tokens);
 * - `permission-change`: changes who may do what (access policies, roles, permissions, members);
 * - `open-world`: reaches network destinations the caller chooses (URLs, web search, a browser);
 * - `private-data`: reads or handles personal data (mail, direct messages, contacts, patient records).
 */
export const FLAGS = ['credential-access', 'permission-change', 'open-world', 'private-data'] as const;
export type Flag = (typeof FLAGS)[number];

/** One observation behind a flag: like `Evidence`, pointing to a flag instead of a category. */
export const FlagEvidenceSchema = z.strictObject({
  source: z.enum(EVIDENCE_SOURCES),
  /** Stable id of the rule that fired, e.g. `name-permission-policy`. */
  signal: z.string().min(1),
  /** The exact text that was matched. */
  match: z.string(),
  flag: z.enum(FLAGS),
  /** Same scale as for categories: a flag is established by one strong signal or weak ones from two sources. */
  strength: z.enum(EVIDENCE_STRENGTHS),
});
export type FlagEvidence = z.infer<typeof FlagEvidenceSchema>;

/** An established flag and the evidence that established it. */
export const VerdictFlagSchema = z.strictObject({
  flag: z.enum(FLAGS),
  /**
   * The least risk this flag allows (`FLAG_TABLE`); absent for flags that do not change risk, and
   * when only weak signals establish the flag.
   */
  raises: z.enum(RISK_LEVELS).optional(),
  /** Every signal for this flag, in evidence order (source, then position). */
  evidence: z.array(FlagEvidenceSchema).min(1),
});
export type VerdictFlag = z.infer<typeof VerdictFlagSchema>;

/** The behavioural hints of MCP tool annotations (`title` is not a hint). */
export const ANNOTATION_HINTS = ['readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint'] as const;
export type AnnotationHint = (typeof ANNOTATION_HINTS)[number];

/**
 * Where a declared annotation disagrees with the other evidence (`FINDING_RULES` in
 * `classify/rules.ts`): the verdict takes the riskier reading and says so.
 */
export const FINDING_KINDS = ['read-only-contradicted', 'destructive-contradicted', 'open-world-contradicted', 'open-world-undeclared'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** A pointer to one piece of evidence (category or flag evidence) behind a finding. */
export const EvidenceRefSchema = z.strictObject({
  source: z.enum(EVIDENCE_SOURCES),
  signal: z.string().min(1),
  match: z.string(),
  /** Kept from category evidence, so the finding's wording can be regenerated from the ref. */
  kind: z.enum(EVIDENCE_KINDS).optional(),
  reading: z.enum(VERB_READINGS).optional(),
});
export type EvidenceRef = z.infer<typeof EvidenceRefSchema>;

export const FindingSchema = z.strictObject({
  kind: z.enum(FINDING_KINDS),
  /** The annotation the finding is about. */
  annotation: z.enum(ANNOTATION_HINTS),
  /** Its value exactly as declared; `null` when the server does not declare it. */
  declared: z.boolean().nullable(),
  /** The value the evidence supports, which the verdict uses. */
  expected: z.boolean(),
  /** What the evidence establishes instead: the verdict's category, or a flag. */
  reading: z.union([z.enum(CATEGORIES), z.enum(FLAGS)]),
  /** The evidence behind that reading, declared annotations aside. */
  evidence: z.array(EvidenceRefSchema),
  /** One plain-text sentence generated from the fields above. */
  message: z.string().min(1),
});
export type Finding = z.infer<typeof FindingSchema>;

/**
 * The annotations the catalog would have the server declare, derived from the verdict
 * (`SUGGESTION_RULES` in `classify/rules.ts`). `destructiveHint` and `idempotentHint` are absent
 * when `readOnlyHint` is true (the MCP spec gives them no meaning then); `idempotentHint` is also
 * absent when the evidence says nothing about it.
 */
export const SuggestedAnnotationsSchema = z.strictObject({
  readOnlyHint: z.boolean(),
  destructiveHint: z.boolean().optional(),
  idempotentHint: z.boolean().optional(),
  openWorldHint: z.boolean(),
});
export type SuggestedAnnotations = z.infer<typeof SuggestedAnnotationsSchema>;

/** One operation a tool can perform, as its description lists it or a parameter selects it. */
export const OperationSchema = z.strictObject({
  verb: z.string().min(1),
  category: z.enum(CATEGORIES),
  source: z.enum(EVIDENCE_SOURCES),
  /** The text it was read from (`method: delete_project_item`, “deleting workbooks”). */
  match: z.string(),
});
export type Operation = z.infer<typeof OperationSchema>;

export const VerdictSchema = z.strictObject({
  /** The tool's name, exactly as the server sent it. */
  name: z.string(),
  /** The riskiest category with sufficient evidence; `write` when nothing is sufficient. */
  category: z.enum(CATEGORIES),
  /**
   * Base risk of the category (`RISK_TABLE`), raised by escalating evidence (`ESCALATIONS`), never
   * below the risk of another established category (`RISK_FLOOR_RULE`) nor below the least risk of
   * an established flag (`FLAG_TABLE`).
   */
  risk: z.enum(RISK_LEVELS),
  /** `high`: independent sources agree; `medium`: one strong source or contested; `low`: weak or no evidence. */
  confidence: z.enum(CONFIDENCE_LEVELS),
  /** Every category signal that fired, in a deterministic order: by source, then position. */
  evidence: z.array(EvidenceSchema),
  /** Established flags, in `FLAGS` order, each with its evidence. */
  flags: z.array(VerdictFlagSchema),
  /** Declared annotations the evidence contradicts, in `FINDING_KINDS` order. */
  findings: z.array(FindingSchema),
  /** What the server should declare, from the verdict. */
  suggestedAnnotations: SuggestedAnnotationsSchema,
  /**
   * The operations the tool can perform, when it names two or more (a router, an operation
   * parameter, a description that lists “create, update or delete”): the verdict is its riskiest.
   */
  operations: z.array(OperationSchema).optional(),
});
export type Verdict = z.infer<typeof VerdictSchema>;

// ---------------------------------------------------------------------------------------------
// policy.json: what the catalog recommends putting in front of a tool.
// ---------------------------------------------------------------------------------------------

export const LIMIT_WINDOWS = ['second', 'minute', 'hour', 'day'] as const;
export type LimitWindow = (typeof LIMIT_WINDOWS)[number];
export const LIMIT_SCOPES = ['session', 'agent', 'global'] as const;
export type LimitScope = (typeof LIMIT_SCOPES)[number];
export const POLICY_DEFAULTS = ['allow', 'deny'] as const;

export const RateLimitSchema = z
  .strictObject({
    /** Name of the counter; calls sharing a counter share the budget. */
    counter: z.string().min(1).describe('Name of the budget. Limits naming the same counter share one count, so they must agree on window and scope.'),
    window: z
      .enum(LIMIT_WINDOWS)
      .describe('Length of the fixed window the count covers: windows are aligned to the Unix epoch (a minute window runs from :00.000 to :59.999 UTC).'),
    /** Maximum number of calls per window. */
    max: z.int().positive().describe('Calls allowed per window; a call that would exceed it is denied and not counted.'),
    /** Whose calls are counted together. */
    scope: z.enum(LIMIT_SCOPES).describe('Whose calls count together: each session, each agent, or everyone.'),
  })
  .describe('A rate limit. A call is allowed only if every limit of its rule has budget left; only allowed calls are counted.');
export type RateLimit = z.infer<typeof RateLimitSchema>;

export const ToolRuleSchema = z
  .strictObject({
    /** `required`: every call waits for a human's approval. */
    approval: z.literal('required').optional().describe('"required": every call needs a human to approve it; without approval it is not allowed.'),
    /** Every limit must have budget left for the call to proceed. */
    limits: z.array(RateLimitSchema).min(1).optional().describe('Rate limits; every one must have budget left.'),
  })
  .describe('The conditions under which a listed tool may be called; {} allows it as is.');
export type ToolRule = z.infer<typeof ToolRuleSchema>;

/**
 * The rules a JSON Schema cannot state, checked by `PolicySchema` and written into the generated
 * JSON Schema's description (`policy/json-schema.ts`).
 */
export const POLICY_RULES_BEYOND_JSON_SCHEMA: readonly string[] = [
  'a name appears at most once in hide (stated as uniqueItems)',
  'a name is not both a key of tools and an entry of hide',
  'all limits that name the same counter have the same window and the same scope',
];

export const PolicySchema = z
  .strictObject({
    version: z.literal('1').describe('Format version; always "1".'),
    /** What happens to a tool the policy does not list. */
    default: z.enum(POLICY_DEFAULTS).describe('What happens to a call of a tool that is neither under tools nor hidden.'),
    /** Tools the policy allows, each with its conditions (`{}` = allowed as is). Names match exactly, case included. */
    tools: z
      .record(z.string(), ToolRuleSchema)
      .optional()
      .describe('Tool name → rule. Names match exactly, case included.'),
    /** Tools removed from the agent's tool list; any call to them is denied. Each name at most once. */
    hide: z
      .array(z.string())
      .optional()
      .describe('Tools removed from the tool list the agent sees; every call to them is denied. Each name at most once, and never also under tools.'),
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
    const counters = new Map<string, { window: LimitWindow; scope: LimitScope }>();
    for (const [name, rule] of Object.entries(policy.tools ?? {})) {
      (rule.limits ?? []).forEach((limit, i) => {
        const first = counters.get(limit.counter);
        if (first === undefined) counters.set(limit.counter, { window: limit.window, scope: limit.scope });
        else if (first.window !== limit.window || first.scope !== limit.scope) {
          ctx.addIssue({
            code: 'custom',
            path: ['tools', name, 'limits', i],
            message: `counter "${limit.counter}" is used per ${first.window} and ${first.scope} elsewhere, here per ${limit.window} and ${limit.scope}`,
          });
        }
      });
    }
  });
export type Policy = z.infer<typeof PolicySchema>;
