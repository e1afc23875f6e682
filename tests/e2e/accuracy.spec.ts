import { expect, test, type Locator } from '@playwright/test';
import { readAccuracy, destructiveRecall, destructivePrecision } from '../../src/core/classify/accuracy.ts';
import { categoryAccuracy, percent } from '../../src/core/eval/report.ts';
import { expectedAccuracy, expectedTool, server } from './catalog.ts';

const report = expectedAccuracy();

/** The text of a table row's cells, header cell first. */
async function cells(row: Locator): Promise<string[]> {
  return (await row.locator('th, td').allTextContents()).map((t) => t.trim());
}

test('the accuracy page shows development, test and the gap beside the baseline', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Accuracy' }).click();
  await expect(page).toHaveURL('/accuracy/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('How accurate the verdicts are');

  const table = page.getByRole('table', { name: 'Classifier against declared annotations, by set' });
  for (const [label, set] of [
    ['Development', report.bySet.development],
    ['Test', report.bySet.test],
  ] as const) {
    const { classifier: c, baseline: b } = set;
    expect(await cells(table.locator(`tr[data-row="${label}"]`))).toEqual([
      label,
      String(set.servers),
      String(set.labelled),
      percent(readAccuracy(c)),
      percent(readAccuracy(b)),
      percent(destructiveRecall(c)),
      percent(destructiveRecall(b)),
      percent(destructivePrecision(c)),
      percent(destructivePrecision(b)),
    ]);
  }
  const gap = await cells(table.locator('tr[data-row="Gap (development − test)"]'));
  expect(gap).toHaveLength(9);
  for (const cell of gap.slice(3)) expect(cell).toMatch(/^([+−]\d+\.\d|0\.0) pts$|^–$/);
  await expect(page.locator('strong.goals-met, strong.goals-missed')).toHaveText(report.goalFailures.length === 0 ? 'met' : 'not met');
});

test('the per-server table lists every labelled server with its set', async ({ page }) => {
  await page.goto('/accuracy/');
  const table = page.getByRole('table', { name: 'Servers that declare annotations, with their set' });
  await expect(table.locator('tbody tr')).toHaveCount(report.servers.length);
  // Read every row in one pass: one expectation per cell of 137 servers outlasts the test timeout.
  const rows = await table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({
      id: tr.getAttribute('data-server'),
      set: tr.querySelector('td.set')?.textContent?.trim(),
      href: tr.querySelector('th a')?.getAttribute('href'),
      labelled: tr.querySelectorAll('td')[1]?.textContent?.trim(),
    })),
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const r of report.servers) {
    expect(byId.get(r.id), r.id).toEqual({ id: r.id, set: r.set, href: `/servers/${r.id}/`, labelled: String(r.labelled) });
  }
});

test('the hand-labelled set, or that there is none yet', async ({ page }) => {
  await page.goto('/accuracy/');
  const hand = report.hand;
  if (hand === undefined) {
    await expect(page.locator('p.no-hand')).toContainText('No hand-labelled set yet');
  } else {
    const table = page.getByRole('table', { name: 'Classifier against hand labels, by set' });
    for (const [label, totals] of [
      ['Development', hand.bySet.development],
      ['Test', hand.bySet.test],
    ] as const) {
      const row = await cells(table.locator(`tr[data-row="${label}"]`));
      expect(row.slice(0, 4)).toEqual([label, String(totals.labels), percent(readAccuracy(totals.classifier.score)), percent(readAccuracy(totals.baseline.score))]);
      expect(row.slice(-2)).toEqual([percent(categoryAccuracy(totals.classifier)), percent(categoryAccuracy(totals.baseline))]);
    }
  }
  await page.getByRole('link', { name: 'labelling guide' }).first().click();
  await expect(page).toHaveURL('/accuracy/labelling/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
});

test('a disputed label links to the tool page', async ({ page }) => {
  const disputed = report.disagreements.filter((d) => d.disputed);
  expect(disputed.length).toBeGreaterThan(0);
  const first = disputed[0]!;
  const expected = expectedTool(server(first.server), first.tool);
  await page.goto('/accuracy/');
  const table = page.getByRole('table', { name: 'Disputed labels' });
  await expect(table.locator('tbody tr')).toHaveCount(disputed.length);
  const link = table.locator('tbody tr').first().locator('th a');
  await expect(link).toHaveText(first.tool);
  await link.click();
  await expect(page).toHaveURL(expected.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(first.tool);
});

test('the method page links to the accuracy page', async ({ page }) => {
  await page.goto('/method/');
  await page.locator('main').getByRole('link', { name: 'accuracy page' }).click();
  await expect(page).toHaveURL('/accuracy/');
});
