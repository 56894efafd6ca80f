// axe (axe-core in Chromium) finds no serious or critical violation on any page of the menu of
// any role, nor on the guide; and a cut list says how many rows it has in all.
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { apiGet, apiToken, browserSession, visitMenuPages } from './browser.ts';

const baseUrl = inject('baseUrl');
const { as, problems } = browserSession(baseUrl);

/** The serious and critical violations on the page as it stands, one line each. */
async function seriousViolations(page: Page, where: string): Promise<string[]> {
  // Evaluated, not added as a script tag: the page's CSP forbids inline scripts.
  if (!(await page.evaluate<boolean>('typeof window.axe !== "undefined"'))) await page.evaluate(axe.source);
  const found = await page.evaluate<{ id: string; impact: string | null; targets: string[] }[]>(`
    axe.run(document, { resultTypes: ['violations'] }).then((result) =>
      result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })))`);
  return found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${where}: ${v.id} (${v.impact}) at ${v.targets.join(', ')}`);
}

describe('accessibility', () => {
  it.each(['admin', 'manager', 'casemanager', 'uvm', 'coop'])('has no serious violation on any page of %s', async (username) => {
    const page = await as(username);
    const violations: string[] = [];
    const links = await visitMenuPages(page, async (link) => {
      violations.push(...(await seriousViolations(page, link)));
    });
    expect(links.length).toBeGreaterThan(1);
    await page.getByRole('link', { name: 'Guida', exact: true }).click();
    await page.getByRole('heading', { name: 'Guida', level: 1 }).waitFor();
    violations.push(...(await seriousViolations(page, 'Guida')));
    expect(violations.join('\n')).toBe('');
    expect(problems).toEqual([]);
  });

  it('shows the whole count of the overdue reviews and loads the rest', async () => {
    const token = await apiToken(baseUrl, 'manager');
    const { overdue } = await apiGet<{ overdue: number }>(baseUrl, token, '/api/reports/reviews-due?within=0&limit=1');
    expect(overdue).toBeGreaterThan(100);
    const page = await as('manager');
    await page.getByRole('link', { name: 'Revisioni scadute', exact: true }).click();
    const count = page.locator('.result-count');
    await count.waitFor();
    const figure = new Intl.NumberFormat('it-IT').format(overdue);
    expect(await count.textContent()).toContain(`${figure} risultati`);
    const rows = page.locator('main tbody tr');
    const before = await rows.count();
    expect(before).toBeLessThan(overdue);
    await page.getByRole('button', { name: 'Mostra altri' }).click();
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBeGreaterThan(before);
    expect(problems).toEqual([]);
  });
});
