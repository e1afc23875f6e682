/**
 * The published JSON Schema of policy.json, generated at build time from the zod schema (never
 * committed, so it cannot drift from what the site's policies are validated against).
 */
import type { APIRoute } from 'astro';
import { POLICY_SCHEMA_PATH, policyJsonSchema } from '../../core/policy/json-schema.ts';

export const GET: APIRoute = ({ site }) => {
  const id = site ? new URL(POLICY_SCHEMA_PATH, site).href : POLICY_SCHEMA_PATH;
  return new Response(`${JSON.stringify(policyJsonSchema({ id }), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/schema+json' },
  });
};
