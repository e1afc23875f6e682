import { expect, test } from '@playwright/test';
import { expectedTool, FILESYSTEM, server } from './catalog.ts';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('Copy puts exactly the shown policy JSON on the clipboard', async ({ page }) => {
  const tool = expectedTool(server(FILESYSTEM), 'write_file');
  await page.goto(tool.url);
  const shown = await page.locator('#policy-json').textContent();
  expect(shown).toBe(tool.policyJson);
  await page.evaluate(() => navigator.clipboard.writeText('stale'));
  await page.locator('copy-button[data-target="policy-json"] button').click();
  await expect(page.locator('copy-button[data-target="policy-json"] button')).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shown);
  expect(JSON.parse(shown ?? '')).toEqual(JSON.parse(tool.policyJson));
});
