// axe (axe-core in Chromium) finds no serious or critical violation on any page of the menu of
// any role, nor on the guide; and a cut list says how many rows it has in all.
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiGet, apiToken, switchUser, type Tab } from './browser.ts';
import { launchChromium } from './chromium.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
let tab: Tab | null = null;
const problems: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await tab?.context.close();
  await browser?.close();
});

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
    tab = await switchUser(browser, baseUrl, tab, username, problems);
    const { page } = tab;
    const menu = page.getByRole('navigation', { name: 'Navigazione principale' });
    const links = await menu.getByRole('link').allTextContents();
    expect(links.length).toBeGreaterThan(1);
    const violations: string[] = [];
    for (const link of links) {
      await menu.getByRole('link', { name: link, exact: true }).click();
      await page.locator('h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      violations.push(...(await seriousViolations(page, link)));
    }
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
    tab = await switchUser(browser, baseUrl, tab, 'manager', problems);
    const { page } = tab;
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
