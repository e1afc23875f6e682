/**
 * The questions every tool page answers, as plain text (rendered as text, never HTML).
 * Answers are built only from catalog data, so they agree with the badge and the policy shown.
 */
import type { Category, Flag, Risk } from './schema.ts';

export interface FaqItem {
  question: string;
  answer: string;
  /** An optional policy.json example that belongs to the answer, already stringified. */
  snippet?: string;
}

export interface FaqInput {
  toolName: string;
  description: string | undefined;
  category: Category;
  risk: Risk;
  /** First rationale sentence (already consistent with category and risk). */
  rationale: string;
  serverName: string;
  serverPackage: string;
  serverVersion: string;
  /** How and when the tool list was captured, e.g. `listed from the running server on 22 Nov 2026`. */
  provenanceNote: string;
  /** What the recommended policy does with the tool, completing “<tool> is …” (`POLICY_TABLE`). */
  policyEffect: string;
  rateLimitSnippet: string;
  blockSnippet: string;
}

const CATEGORY_MEANING: Record<Category, string> = {
  read: 'reads data without changing anything',
  write: 'creates or changes data',
  destructive: 'deletes or irreversibly overwrites data',
  execute: 'runs code or commands',
  financial: 'moves money or creates financial obligations',
};

export const FLAG_LABELS: Record<Flag, string> = {
  'credential-access': 'Credential or secret access',
  'permission-change': 'Permission or policy change',
  'open-world': 'Open-world network access',
  'private-data': 'Private data',
};

/** How a flag is named on pages. */
export function flagLabel(flag: Flag): string {
  return FLAG_LABELS[flag];
}

/** Sentence-case risk label, as shown on the badge. */
export function riskLabel(risk: Risk): string {
  return risk.charAt(0).toUpperCase() + risk.slice(1);
}

export function categoryMeaning(category: Category): string {
  return CATEGORY_MEANING[category];
}

export function buildToolFaq(input: FaqInput): FaqItem[] {
  const { toolName: name } = input;
  const described = input.description?.trim();
  return [
    {
      question: `What does ${name} do?`,
      answer: described
        ? `${input.serverName} describes it as: “${firstParagraph(described)}” The catalog classifies it as ${input.category}: a tool that ${CATEGORY_MEANING[input.category]}.`
        : `${input.serverName} sends no description for it. The catalog classifies it as ${input.category}: a tool that ${CATEGORY_MEANING[input.category]}.`,
    },
    {
      question: `What risk level is ${name}?`,
      answer: `${riskLabel(input.risk)}. ${input.rationale}`,
    },
    {
      question: `How do I enforce a policy for ${name}?`,
      answer: `Put the policy.json above in front of the server, in the MCP gateway or proxy your agent connects through. It denies every tool it does not list; ${name} is ${input.policyEffect}.`,
    },
    {
      question: `How do I rate-limit ${name}?`,
      answer: `Give it a limit: the counter names the budget, window is second, minute, hour or day, max is the number of calls per window, and scope says whose calls share it (session, agent or global).`,
      snippet: input.rateLimitSnippet,
    },
    {
      question: `How do I block ${name} completely?`,
      answer: `List it under hide: the tool is removed from the tool list the agent sees, and any call to it is denied.`,
      snippet: input.blockSnippet,
    },
    {
      question: `Which server provides ${name}?`,
      answer: `${input.serverName} (${input.serverPackage} ${input.serverVersion}); its tools were ${input.provenanceNote}.`,
    },
  ];
}

/** The first paragraph of a description, capped so the FAQ stays an answer, not a copy. */
function firstParagraph(text: string): string {
  const para = text.split(/\n\s*\n/)[0] ?? text;
  const flat = para.replace(/\s+/g, ' ').trim();
  return flat.length > 300 ? `${flat.slice(0, 297).trimEnd()}…` : flat;
}
