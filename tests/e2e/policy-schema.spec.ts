import { expect, test } from '@playwright/test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { loadSnapshots } from './catalog.ts';

/**
 * The site publishes the JSON Schema of policy.json, and every policy it shows validates against
 * that published schema (checked by Ajv, independently of the zod schema it was generated from).
 */
test('policies shown on tool and server pages validate against /schema/policy.json', async ({ request, page }) => {
  const response = await request.get('/schema/policy.json');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('json');
  const schema = (await response.json()) as Record<string, unknown>;
  expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
  const validate = new Ajv2020({ strict: false }).compile(schema);

  // The schema rejects what the format forbids.
  expect(validate({ version: '1', default: 'deny', tools: { x: { approval: 'maybe' } } })).toBe(false);
  expect(validate({ version: '2', default: 'deny' })).toBe(false);
  expect(validate({ version: '1', default: 'deny', tools: { x: { limits: [{ counter: 'c', window: 'minute', max: 0, scope: 'session' }] } } })).toBe(false);

  const servers = loadSnapshots();
  const sample = servers.filter((_, i) => i % Math.max(1, Math.floor(servers.length / 12)) === 0);
  for (const server of sample) {
    await page.goto(`/servers/${server.id}/`);
    const serverPolicy = JSON.parse((await page.locator('#server-policy-json').textContent()) ?? '') as unknown;
    expect(validate(serverPolicy), `${server.id} server policy: ${JSON.stringify(validate.errors)}`).toBe(true);
    const links = await page.locator('table.tools th[scope=row] a').evaluateAll((as) => as.slice(0, 5).map((a) => a.getAttribute('href') ?? ''));
    for (const href of links) {
      await page.goto(href);
      const policy = JSON.parse((await page.locator('#policy-json').textContent()) ?? '') as unknown;
      expect(validate(policy), `${href}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  }
});
