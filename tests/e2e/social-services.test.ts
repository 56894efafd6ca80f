// The social services at the table, in the browser: the social worker confirms a social-services
// line of a project of the district, and anyone finds a resource in the map of the territory.
import type { ListPage, PtriDetail, PtriSummary, Resource } from '@bds/shared';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { apiGet, apiToken, shot, browserSession } from './browser.ts';

const baseUrl = inject('baseUrl');
const { as, problems } = browserSession(baseUrl);
let page: Page;

/**
 * A project of CSM Navile (whose persons live in Città di Bologna, the district of `sociale`) with
 * a social-services line still proposed.
 */
async function projectWithProposedLine(token: string) {
  for (const status of ['draft', 'submitted', 'active']) {
    const list = await apiGet<ListPage<PtriSummary>>(baseUrl, token, `/api/ptris?status=${status}&limit=50`);
    for (const summary of list.items) {
      const detail = await apiGet<PtriDetail>(baseUrl, token, `/api/ptris/${summary.id}`);
      const line = detail.budgetLines.find((l) => l.confirmation === 'proposed');
      if (line) return { detail, line };
    }
  }
  throw new Error('the demo has no proposed social-services line in the district of sociale');
}

describe('social services in the browser', () => {
  it('lets the social worker confirm a social-services line; the project page then says so', async () => {
    const token = await apiToken(baseUrl, 'sociale');
    const { detail, line } = await projectWithProposedLine(await apiToken(baseUrl, 'casemanager'));
    page = await as('sociale');
    await page.goto(`${baseUrl}/progetti/${detail.id}`);
    await page.getByRole('heading', { name: detail.personName, exact: false }).waitFor();
    const confirm = page.getByRole('button', { name: `Conferma la riga «${line.description}»` }).first();
    await confirm.waitFor();
    const row = page.locator('tr', { has: confirm });
    expect(await row.getByTestId('line-confirmation').textContent()).toBe('proposta ai servizi sociali');
    await confirm.click();
    // The button opens the note (optional to confirm); the row is found by its text once the button is gone.
    await page.locator('tr', { hasText: line.description }).getByRole('button', { name: 'Registra la conferma' }).first().click();
    const decided = page.locator('tr', { hasText: line.description }).getByText('confermata dai servizi sociali');
    await decided.first().waitFor();
    await shot(page, 'social-01-line-confirmed');
    const after = await apiGet<PtriDetail>(baseUrl, token, `/api/ptris/${detail.id}`);
    expect(after.budgetLines.find((l) => l.id === line.id)?.confirmation).toBe('confirmed');
    // The case manager reads the same answer, without the buttons.
    page = await as('casemanager');
    await page.goto(`${baseUrl}/progetti/${detail.id}`);
    await page.locator('tr', { hasText: line.description }).getByText('confermata dai servizi sociali').first().waitFor();
    expect(await page.getByRole('button', { name: /^Conferma la riga/ }).count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('finds a resource of the territory by words of its name, and opens it', async () => {
    const token = await apiToken(baseUrl, 'casemanager');
    const found = await apiGet<ListPage<Resource>>(baseUrl, token, '/api/resources?q=orto&limit=5');
    const resource = found.items[0];
    if (!resource) throw new Error('the demo catalogue has no "Orto condiviso"');
    page = await as('casemanager');
    await page.getByRole('link', { name: 'Risorse del territorio', exact: true }).click();
    await page.getByRole('heading', { name: 'Risorse del territorio' }).first().waitFor();
    await page.getByLabel('Parole del nome o del gestore').fill('orto condiviso');
    const link = page.getByRole('link', { name: resource.name, exact: true });
    await link.first().waitFor();
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/\d+ risultat/);
    // Words that match nothing leave no row.
    await page.getByLabel('Parole del nome o del gestore').fill('zzzqqq');
    await expect.poll(() => page.getByRole('link', { name: resource.name, exact: true }).count()).toBe(0);
    await page.getByLabel('Parole del nome o del gestore').fill('orto condiviso');
    await link.first().click();
    await page.getByRole('heading', { name: resource.name }).waitFor();
    expect(await page.getByTestId('projects-using').textContent()).toBe(String(resource.projectsUsing));
    await shot(page, 'social-02-resource');
    expect(problems).toEqual([]);
  });
});
