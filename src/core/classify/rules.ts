/**
 * How evidence becomes a verdict: the scoring tables (strength, sufficiency, base risk per
 * category, escalations, confidence), the flags' table, how declared annotations become findings
 * (`FINDING_RULES`) and which annotations the catalog suggests (`SUGGESTION_RULES`). Data only;
 * `decide.ts` applies the scoring, `reconcile.ts` the last two. The words the classifier reads are
 * in `lexicon.ts` (verbs and nouns) and in the per-source modules (`name.ts`, `description.ts`,
 * `parameters.ts`, `annotations.ts`).
 */
import type { AnnotationHint, Category, Confidence, Flag, FindingKind, Risk, Strength } from '../schema.ts';
import { BULK_WORDS } from './name.ts';
import { FINANCIAL_NOUNS, MASS_DESTRUCTIVE_VERBS, MESSAGE_NOUNS, MESSAGE_OBJECT_VERBS, MONEY_NOUNS, MONEY_VERBS, OUTBOUND_VERBS, SETTLE_VERBS } from './lexicon.ts';
import { PARAMETER_RULES } from './parameters.ts';

// ---------------------------------------------------------------------------------------------
// From evidence to a verdict.
// ---------------------------------------------------------------------------------------------

/** Points a piece of evidence adds to its category. Per source only the strongest piece counts. */
export const STRENGTH_POINTS: Readonly<Record<Strength, number>> = { weak: 1, strong: 2 };

/**
 * A category is established when its score reaches this: one strong signal, or weak signals from
 * two different sources (name, description, parameters, annotations) that agree.
 */
export const SUFFICIENT_SCORE = 2;

/** The category when nothing is established. Never `read`: calling a tool read-only needs evidence. */
export const DEFAULT_CATEGORY: Category = 'write';

/** Risk of each category before escalations. Rendered by the README and the policy page. */
export const RISK_TABLE: readonly { category: Category; risk: Risk; meaning: string }[] = [
  { category: 'read', risk: 'low', meaning: 'reads data without changing anything' },
  { category: 'write', risk: 'medium', meaning: 'creates or changes data' },
  { category: 'destructive', risk: 'high', meaning: 'deletes or overwrites data' },
  { category: 'execute', risk: 'critical', meaning: 'runs code or commands the agent chooses' },
  { category: 'financial', risk: 'high', meaning: 'creates financial objects or obligations' },
];

export const BASE_RISK: Readonly<Record<Category, Risk>> = {
  read: 'low',
  write: 'medium',
  destructive: 'high',
  execute: 'critical',
  financial: 'high',
};

/**
 * The verdict's risk is its category's risk after escalations, but never below the (escalated)
 * risk of a less risky category that is also established: `bulk_delete_invoices` is financial, and
 * critical because its destructive reading is mass deletion.
 */
export const RISK_FLOOR_RULE = 'never below the risk of another established category';

/** When escalating evidence applies (`assess` in `decide.ts`). Rendered by the method page. */
export const ESCALATION_STRENGTH_RULE =
  'a weak escalating signal (a force or recursive parameter, recipient parameters, wording in the description) raises only a reading that a strong signal of the same category makes';

/**
 * The flags' part of the risk: a flag with a least risk in `FLAG_TABLE` (credential access,
 * permission change) holds the verdict at or above it when a strong signal supports the flag.
 */
export const FLAG_FLOOR_RULE = 'never below the least risk of an established flag that a strong signal supports (see FLAG_TABLE)';

/** How confidence is decided (`decide.ts`), as data for the README. */
export const CONFIDENCE_RULES: readonly { confidence: Confidence; when: string }[] = [
  {
    confidence: 'high',
    when: 'two or more sources support the category, one of them strongly, and no established read reading contradicts it',
  },
  { confidence: 'medium', when: 'one source supports the category strongly, or a read reading is also established (contested)' },
  { confidence: 'low', when: 'only weak signals support the category, or nothing does (the default write)' },
];

// ---------------------------------------------------------------------------------------------
// Flags: credential access, permission change, open-world network access, private data.
// Scored like categories (per source the strongest signal; established at `SUFFICIENT_SCORE`).
// ---------------------------------------------------------------------------------------------

/** What a flag means, what it does to risk, and why. Rendered on the method page. */
export interface FlagRow {
  flag: Flag;
  /** Short label for a badge. */
  label: string;
  /** What the tool does when the flag is set. */
  meaning: string;
  /**
   * The least risk a tool with this flag gets, when at least one strong signal establishes the flag
   * (weak hints from two sources show the flag without changing risk); absent when it never does.
   */
  risk?: Risk;
  /** Categories on which the flag is not established even with sufficient evidence. */
  notOn: readonly Category[];
  /** Why the catalog treats it so. */
  why: string;
}

export const FLAG_TABLE: readonly FlagRow[] = [
  {
    flag: 'credential-access',
    label: 'credential or secret access',
    meaning: 'reads, creates or changes credentials or secrets: API keys, passwords, access tokens, private keys',
    risk: 'high',
    notOn: [],
    why: 'a secret in the agent’s context can leave with its next call, and it grants whatever it grants to whoever holds it',
  },
  {
    flag: 'permission-change',
    label: 'permission or policy change',
    meaning: 'changes who may do what: access policies, roles, permissions, members, grants',
    risk: 'high',
    notOn: ['read'],
    why: 'one call can widen what every later call may do, the agent’s own included; reading a policy changes nothing, so a read tool is never flagged',
  },
  {
    flag: 'open-world',
    label: 'open-world network access',
    meaning: 'reaches network destinations the caller chooses: URLs, web search, a browser',
    notOn: [],
    why: 'content from the open web can carry instructions for the agent and a URL can carry data out; shown, and suggested as openWorldHint, but one call does the damage of its category',
  },
  {
    flag: 'private-data',
    label: 'private data',
    meaning: 'reads or handles personal data: mail, direct messages, contacts, patient records',
    notOn: [],
    why: 'what it returns should not travel further; shown so a policy can keep it away from open-world tools, but one call does the damage of its category',
  },
];

// ---------------------------------------------------------------------------------------------
// Escalations (after the tables they quote).
// ---------------------------------------------------------------------------------------------

const words = (set: Iterable<string>): string => [...new Set(set)].join(', ');
const paramNames = (id: string): string => words(PARAMETER_RULES.filter((r) => r.id === id).flatMap((r) => [...r.names]));

export interface Escalation {
  category: Category;
  from: Risk;
  to: Risk;
  /** When it applies, in words. */
  when: string;
  /** Why the catalog escalates. */
  why: string;
  /** What triggers it, one clause per kind of evidence (these fire evidence with `raises`). */
  triggers: readonly string[];
}

/**
 * When a verdict's risk is above its category's base risk. An escalation applies only when the
 * escalating evidence (evidence with `raises`) points to the verdict's own category: a `force`
 * flag on a tool classified as write does not make it critical. Rendered by the README.
 */
export const ESCALATIONS: readonly Escalation[] = [
  {
    category: 'write',
    from: 'medium',
    to: 'high',
    when: 'it sends or publishes to people',
    why: 'a message that has left cannot be taken back, and it speaks for the user',
    triggers: [
      `a name or lead verb among ${words(OUTBOUND_VERBS)} (${words(MESSAGE_OBJECT_VERBS)} only when its object is a message: ${words(MESSAGE_NOUNS)})`,
      `a parameter named ${paramNames('param-recipients')} (to only next to one of ${words(PARAMETER_RULES.flatMap((r) => [...(r.requiresAlso ?? [])]))})`,
      'description wording such as “send an email”, “post a message”',
    ],
  },
  {
    category: 'destructive',
    from: 'high',
    to: 'critical',
    when: 'the deletion is mass or forced',
    why: 'a human can judge one deletion from its arguments, not the reach of a bulk, recursive or forced one',
    triggers: [
      `a name or lead verb among ${words(MASS_DESTRUCTIVE_VERBS)}`,
      `a destructive name that also says ${words(BULK_WORDS)}`,
      `a parameter named ${paramNames('param-force')}`,
    ],
  },
  {
    category: 'financial',
    from: 'high',
    to: 'critical',
    when: 'it moves money',
    why: 'money that has moved is the hardest effect to undo',
    triggers: [
      `a name or lead verb among ${words(MONEY_VERBS)}`,
      `any verb but a read acting on ${words(MONEY_NOUNS)}`,
      `${words(SETTLE_VERBS)} acting on ${words(FINANCIAL_NOUNS)}`,
      'description wording such as “issue a refund”, “transfer funds”, “charge the customer”',
    ],
  },
];

// ---------------------------------------------------------------------------------------------
// Reconciling declared annotations with the evidence, and what the server should declare.
// ---------------------------------------------------------------------------------------------

/**
 * When a declared annotation becomes a finding. In every case the verdict already took the
 * riskier reading (a hint can raise, never lower); the finding says where the server's own
 * hint disagrees, with the evidence. The evidence must establish the reading without the hint.
 */
export const FINDING_RULES: readonly { kind: FindingKind; annotation: AnnotationHint; when: string }[] = [
  {
    kind: 'read-only-contradicted',
    annotation: 'readOnlyHint',
    when: 'declared true, but other evidence establishes a category other than read',
  },
  {
    kind: 'destructive-contradicted',
    annotation: 'destructiveHint',
    when: 'declared false, but the evidence establishes destructive or execute (running code can destroy)',
  },
  {
    kind: 'open-world-contradicted',
    annotation: 'openWorldHint',
    when: 'declared false, but the evidence establishes open-world network access',
  },
  {
    kind: 'open-world-undeclared',
    annotation: 'openWorldHint',
    when: 'not declared, and the evidence establishes open-world network access (the spec default, true, agrees; the server should say so)',
  },
];

/** How the suggested annotations follow from the verdict (`suggestAnnotations` in `reconcile.ts`). */
export const SUGGESTION_RULES: readonly { annotation: AnnotationHint; rule: string }[] = [
  { annotation: 'readOnlyHint', rule: 'true when the category is read, false otherwise' },
  {
    annotation: 'destructiveHint',
    rule: 'absent when read; true for destructive and execute; for write and financial, true when an escalation applies (a message sent, money moved: neither can be taken back) or the tool routes to operations its description need not all name, otherwise false only when every verb of the name and lead sentence is additive (create, add, comment …), true otherwise, as the spec defaults',
  },
  {
    annotation: 'idempotentHint',
    rule: 'absent when read; false for execute, or when any verb acts anew on each call (create, send, run, refund …); true when every verb is idempotent (set, update, delete …); absent when the verbs say nothing',
  },
  { annotation: 'openWorldHint', rule: 'true when the open-world flag is established, false otherwise' },
];
