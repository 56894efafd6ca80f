// Co-design in the browser: the case manager shares a draft with its cooperative, the
// cooperative proposes a budget line, the case manager accepts it and the project shows it.
import type { Me } from '@bds/shared';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { apiGet, apiSend, apiToken, shot, browserSession } from './browser.ts';
import { birthDateOf, fiscalCode } from './people.ts';

const baseUrl = inject('baseUrl');
const { as, problems } = browserSession(baseUrl);
let page: Page;
let ptriId = 0;
let coopName = '';

/** A fresh draft of CSM Navile, in the Lot 1 in force today, with the demo cooperative assigned. */
beforeAll(async () => {
  const cm = await apiToken(baseUrl, 'casemanager');
  const coopToken = await apiToken(baseUrl, 'coop');
  const me = await apiGet<Me>(baseUrl, coopToken, '/api/me');
  const cooperatives = await apiGet<{ id: number; name: string }[]>(baseUrl, coopToken, '/api/cooperatives');
  coopName = cooperatives.find((c) => c.id === me.cooperativeId)?.name ?? '';
  const today = new Date().toISOString().slice(0, 10);
  const lots = await apiGet<{ id: number; number: number; tenderStart: string; tenderEnd: string }[]>(baseUrl, cm, '/api/lots');
  const lot1 = lots.find((lot) => lot.number === 1 && lot.tenderStart <= today && today <= lot.tenderEnd);
  const services = await apiGet<{ id: number; code: string; districtId: number }[]>(baseUrl, cm, '/api/services');
  const navile = services.find((s) => s.code === 'CSM-NAVILE');
  if (!lot1 || !navile || !me.cooperativeId) throw new Error('the demo data lacks Lot 1, CSM Navile or the demo cooperative');
  const n = 7100 + (Date.now() % 500);
  const person = await apiSend<{ id: number }>(baseUrl, cm, 'POST', '/api/persons', {
    fiscalCode: fiscalCode(n),
    givenName: 'Ada',
    familyName: 'Coprogetto',
    birthDate: birthDateOf(n),
    sex: 'F',
    districtId: navile.districtId,
  });
  const draft = await apiSend<{ id: number }>(baseUrl, cm, 'POST', '/api/ptris', {
    personId: person.id,
    serviceId: navile.id,
    lotId: lot1.id,
    startDate: today,
    endDate: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`,
    intensity: 'medium',
    cooperativeIds: [me.cooperativeId],
    goals: [{ axis: 'sociality', description: 'Frequentare un gruppo del quartiere' }],
    budget: { sociality: [{ source: 'ausl', description: 'Educatore della cooperativa', hours: 40, amount: 1060 }] },
  });
  ptriId = draft.id;
});

describe('co-design of a draft with the cooperative', () => {
  it('case manager shares, cooperative proposes a line, case manager accepts, the project shows it', async () => {
    page = await as('casemanager');
    await page.goto(`/progetti/${ptriId}`);
    await page.getByRole('heading', { name: 'Co-progettazione con le cooperative' }).waitFor();
    await page.getByRole('button', { name: 'Condividi con le cooperative' }).click();
    await expect.poll(() => page.getByTestId('shared-with').textContent()).toBe(`Condivisa con ${coopName}`);

    page = await as('coop');
    await page.goto('/cooperativa/progetti');
    await page
      .getByTestId('shared-drafts')
      .getByRole('link', { name: /Coprogetto Ada/ })
      .click();
    const form = page.getByRole('form', { name: 'Proponi modifiche' });
    await form.waitFor();
    expect(await page.getByText('Nota clinica').count()).toBe(0);
    await form.getByLabel('Asse', { exact: true }).selectOption('work');
    await form.getByLabel('Chi la porta', { exact: true }).selectOption('private');
    await form.getByLabel('Descrizione', { exact: true }).fill('Borsa lavoro della fondazione');
    await form.getByLabel('Importo €', { exact: true }).fill('1.200,50');
    await form.getByLabel('Nota', { exact: true }).fill('Una borsa lavoro per il tirocinio');
    await form.getByRole('button', { name: 'Invia la proposta' }).click();
    await page.getByText('Proposta inviata al case manager.').waitFor();
    await expect.poll(() => page.getByTestId('proposal').first().textContent()).toContain('Aperta');
    await shot(page, 'co-design-proposal');

    page = await as('casemanager');
    await page.goto(`/progetti/${ptriId}`);
    const proposal = page.getByTestId('proposal').first();
    await expect.poll(() => proposal.textContent()).toContain('Borsa lavoro della fondazione');
    await proposal.getByRole('button', { name: 'Accetta' }).click();
    await expect.poll(() => proposal.textContent()).toContain('Accettata');
    await expect.poll(() => page.locator('main').textContent()).toContain('Revisione 2');
    const budget = page.locator('section.card', { has: page.getByRole('heading', { name: 'Budget di Salute', exact: true }) });
    await expect.poll(() => budget.textContent()).toContain('Borsa lavoro della fondazione');
    await shot(page, 'co-design-accepted');
    expect(problems).toEqual([]);
  });
});
