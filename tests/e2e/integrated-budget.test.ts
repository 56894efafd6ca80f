// The integrated budget of issue 18 in the browser, one project from draft to the manager's report:
// the case manager writes a draft with a social-services line and shares it; the cooperative
// proposes a line drawing on a resource of the catalogue; the case manager accepts it and submits;
// the social worker of the district confirms the social-services line; the person signs; the UVM
// approves; the manager finds the project's sources in the budget composition.
import { today as departmentToday, type BudgetComposition, type ListPage, type Me, type PtriDetail, type Resource } from '@bds/shared';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { apiGet, apiToken, shot, browserSession } from './browser.ts';
import { birthDateOf, fiscalCode, recordPersonSignature, registerPerson, startProject } from './people.ts';

const baseUrl = inject('baseUrl');
const today = departmentToday();
const year = Number(today.slice(0, 4));
// Men's codes never meet the women's of the other browser tests, whatever their run's number.
const n = 8100 + (Date.now() % 500);
const person = { familyName: 'Integrato', givenName: 'Bruno', code: fiscalCode(n, 'M'), birthDate: birthDateOf(n) };
const personName = `${person.familyName} ${person.givenName}`;
const socialLine = { description: 'Assistenza domiciliare del Comune', amount: 1500 };
const proposedLine = { description: 'Percorso con la risorsa del territorio', amount: 600 };

const { as, problems } = browserSession(baseUrl);
let page: Page;
let coopName = '';
let lot1Id = 0;
let resource: Resource;
let managerToken = '';
let ptriId = 0;
let before: Record<string, number> = {};

/** The year's budget composition as amounts per source, the whole department. */
async function amountsBySource(): Promise<Record<string, number>> {
  const report = await apiGet<BudgetComposition>(baseUrl, managerToken, `/api/reports/budget-composition?year=${year}`);
  const sums: Record<string, number> = {};
  for (const row of report.rows) sums[row.source] = (sums[row.source] ?? 0) + row.amount;
  return sums;
}

beforeAll(async () => {
  managerToken = await apiToken(baseUrl, 'manager');
  const coopToken = await apiToken(baseUrl, 'coop');
  const me = await apiGet<Me>(baseUrl, coopToken, '/api/me');
  const cooperatives = await apiGet<{ id: number; name: string }[]>(baseUrl, coopToken, '/api/cooperatives');
  coopName = cooperatives.find((c) => c.id === me.cooperativeId)?.name ?? '';
  const lots = await apiGet<{ id: number; number: number; tenderStart: string; tenderEnd: string }[]>(baseUrl, coopToken, '/api/lots');
  lot1Id = lots.find((lot) => lot.number === 1 && lot.tenderStart <= today && today <= lot.tenderEnd)?.id ?? 0;
  const found = await apiGet<ListPage<Resource>>(baseUrl, coopToken, '/api/resources?q=orto&limit=5');
  const active = found.items.find((r) => r.active);
  if (!coopName || !lot1Id || !active)
    throw new Error('the demo data lacks the cooperative, the Lot 1 in force or an active "orto" resource');
  resource = active;
  before = await amountsBySource();
});

describe('the integrated budget in the browser', () => {
  it('case manager: registers the person, writes a draft with a social-services line and shares it', async () => {
    page = await as('casemanager');
    // The district of the demo social worker `sociale`.
    await registerPerson(page, { ...person, sex: 'M', district: 'Città di Bologna' });
    await startProject(page, {
      lotId: lot1Id,
      startDate: today,
      endDate: `${year + 1}${today.slice(4)}`,
      cooperative: coopName,
      goals: { habitat: 'Restare nella propria casa', sociality: 'Coltivare un orto con altri', work: 'Un corso di giardinaggio' },
    });
    for (const [axis, source, description, amount] of [
      ['Casa/Habitat sociale', 'social_services', socialLine.description, '1.500'],
      ['Formazione/Lavoro', 'ausl', 'Educatore della cooperativa', '800'],
    ] as const) {
      await page.getByRole('button', { name: `Aggiungi risorsa – ${axis}` }).click();
      const block = page.locator('fieldset.axis-block').filter({ has: page.getByRole('button', { name: `Aggiungi risorsa – ${axis}` }) });
      await block.getByLabel('Chi mette la risorsa', { exact: true }).selectOption(source);
      await block.getByLabel('Risorsa', { exact: true }).fill(description);
      await block.getByLabel('Importo €', { exact: true }).fill(amount);
    }
    await page.getByRole('button', { name: 'Salva' }).click();
    await page.getByRole('button', { name: 'Invia in UVM' }).waitFor();
    ptriId = Number(/\/progetti\/(\d+)/.exec(page.url())?.[1]);
    expect(ptriId).toBeGreaterThan(0);
    // Until the social worker answers, the line reads as proposed.
    const row = page.locator('tr', { hasText: socialLine.description });
    expect(await row.getByTestId('line-confirmation').textContent()).toBe('proposta ai servizi sociali');

    await page.getByRole('button', { name: 'Condividi con le cooperative' }).click();
    await expect.poll(() => page.getByTestId('shared-with').textContent()).toBe(`Condivisa con ${coopName}`);
    await shot(page, 'integrated-01-draft-shared');
  });

  it('cooperative: proposes a line drawing on a resource of the catalogue', async () => {
    page = await as('coop');
    await page.goto('/cooperativa/progetti');
    await page
      .getByTestId('shared-drafts')
      .getByRole('link', { name: new RegExp(personName) })
      .click();
    const form = page.getByRole('form', { name: 'Proponi modifiche' });
    await form.waitFor();
    await form.getByLabel('Asse', { exact: true }).selectOption(resource.axis);
    await form.getByLabel('Chi la porta', { exact: true }).selectOption('community');
    await form.getByLabel('Descrizione', { exact: true }).fill(proposedLine.description);
    await form.getByLabel('Importo €', { exact: true }).fill('600');
    await form.getByLabel('Risorsa del territorio: parole del nome o del gestore', { exact: true }).fill(resource.name);
    const picker = form.getByLabel('Risorsa del territorio', { exact: true });
    await expect.poll(() => picker.locator('option', { hasText: resource.name }).count()).toBeGreaterThan(0);
    await picker.selectOption(String(resource.id));
    await form.getByLabel('Nota', { exact: true }).fill("L'orto del quartiere cerca persone");
    await shot(page, 'integrated-02-proposal');
    await form.getByRole('button', { name: 'Invia la proposta' }).click();
    await page.getByText('Proposta inviata al case manager.').waitFor();
  });

  it('case manager: accepts the proposal and submits the project to the UVM', async () => {
    page = await as('casemanager');
    await page.goto(`/progetti/${ptriId}`);
    const proposal = page.getByTestId('proposal').first();
    await expect.poll(() => proposal.textContent()).toContain(proposedLine.description);
    await proposal.getByRole('button', { name: 'Accetta' }).click();
    await expect.poll(() => proposal.textContent()).toContain('Accettata');
    await expect.poll(() => page.locator('main').textContent()).toContain('Revisione 2');
    const row = page.locator('tr', { hasText: proposedLine.description });
    await row.getByRole('link', { name: resource.name }).waitFor();

    await page.getByRole('button', { name: 'Invia in UVM' }).click();
    await expect.poll(() => page.locator('.badge').first().textContent()).toBe('Inviato in UVM');
    const saved = await apiGet<PtriDetail>(baseUrl, await apiToken(baseUrl, 'casemanager'), `/api/ptris/${ptriId}`);
    expect(saved.budgetLines.find((l) => l.description === proposedLine.description)).toMatchObject({
      source: 'community',
      amount: proposedLine.amount,
      resourceId: resource.id,
    });
    await shot(page, 'integrated-03-submitted');
  });

  it('social worker: confirms the social-services line of a person of the district', async () => {
    page = await as('sociale');
    await page.goto(`/progetti/${ptriId}`);
    await page.getByRole('heading', { name: personName, exact: false }).first().waitFor();
    const row = page.locator('tr', { hasText: socialLine.description });
    // A decline needs its reason: the form says so and sends nothing.
    await page.getByRole('button', { name: `Rifiuta la riga «${socialLine.description}»` }).click();
    await row.getByRole('button', { name: 'Registra il rifiuto' }).click();
    await row.getByText('Indica il motivo del rifiuto').waitFor();
    await row.getByRole('button', { name: 'Annulla' }).click();
    expect(await row.getByTestId('line-confirmation').textContent()).toBe('proposta ai servizi sociali');
    await page.getByRole('button', { name: `Conferma la riga «${socialLine.description}»` }).click();
    await row.getByLabel('Nota per il case manager (facoltativa)').fill('Deliberato dal quartiere');
    await row.getByRole('button', { name: 'Registra la conferma' }).click();
    await row.getByText('confermata dai servizi sociali').waitFor();
    // A line of another source is not the social worker's to decide.
    expect(await page.getByRole('button', { name: /^Conferma la riga «Educatore/ }).count()).toBe(0);
    await shot(page, 'integrated-04-confirmed');
  });

  it('case manager: records the person’s signature of the submitted revision', async () => {
    page = await as('casemanager');
    await page.goto(`/progetti/${ptriId}`);
    // The case manager reads who answered for the municipality, when, and the note.
    const decision = page.locator('tr', { hasText: socialLine.description }).getByTestId('line-decision');
    await expect.poll(() => decision.textContent()).toContain('Nota: Deliberato dal quartiere');
    expect(await decision.textContent()).toMatch(/^Deciso da .*Città di Bologna il \d{2}\/\d{2}\/\d{4}/);
    await recordPersonSignature(page, personName, 'in_person', 2);
  });

  it('UVM: approves the project, which becomes active', async () => {
    page = await as('uvm');
    await page.getByRole('link', { name: personName }).first().click();
    await page.getByRole('link', { name: 'Registra valutazione UVM' }).click();
    await page.getByLabel('Data della valutazione', { exact: true }).fill(today);
    await page.getByLabel('Esito', { exact: true }).selectOption('approved');
    await page.getByLabel('Intensità', { exact: true }).selectOption('medium');
    await page.getByLabel('Prossima revisione', { exact: true }).fill(`${year + 1}${today.slice(4)}`);
    await page.getByLabel('Nome 1', { exact: true }).fill('Dott.ssa Bianchi');
    await page.getByLabel('Ruolo', { exact: true }).first().fill('Psichiatra');
    for (let item = 1; item <= 12; item += 1) await page.getByLabel(`Item ${item}`, { exact: true }).selectOption('1');
    await page.getByRole('button', { name: 'Salva' }).click();
    await page.waitForURL(`**/progetti/${ptriId}`);
    await expect.poll(() => page.locator('.badge').first().textContent()).toBe('Attivo');
    await shot(page, 'integrated-05-active');
  });

  it('manager: finds the project’s sources in the budget composition', async () => {
    const after = await amountsBySource();
    // Other browser tests share the server: the year's figures may grow by their projects too.
    expect(after.social_services ?? 0).toBeGreaterThanOrEqual((before.social_services ?? 0) + socialLine.amount);
    expect(after.community ?? 0).toBeGreaterThanOrEqual((before.community ?? 0) + proposedLine.amount);
    page = await as('manager');
    await page.getByRole('link', { name: 'Composizione del budget' }).click();
    await page.getByLabel('Anno', { exact: true }).selectOption(String(year));
    const region = page.getByRole('region', { name: 'Composizione del budget' });
    for (const source of ['Servizi sociali', 'Comunità']) await region.getByRole('rowheader', { name: source }).first().waitFor();
    await page.getByTestId('composition-non-ausl').waitFor();
    await shot(page, 'integrated-06-composition');
    expect(problems).toEqual([]);
  });
});
