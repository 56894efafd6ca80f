// The main journey, through the browser only: the case manager creates a person and a PTRI and
// submits it; the UVM approves it with HoNOS; the cooperative records interventions (grid and
// CSV) and submits the month; the case manager validates it; the manager sees it counted.
import { formatMonth, type Activity, type Lot, type LotTotals, type Me, type YearlyCounts } from '@bds/shared';
import { addMonths as addMonthsToDate, today as departmentToday } from '@bds/shared';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { apiGet, apiToken, italianNumber, shot, browserSession } from './browser.ts';
import { birthDateOf, fiscalCode, recordPersonSignature, registerPerson, startProject } from './people.ts';

const baseUrl = inject('baseUrl');
// Bologna's date, as the browser (in Europe/Rome) and the server see it, whatever the host's zone.
const today = departmentToday();
// A month can be submitted only once it has ended: the journey's work falls in the previous one.
const month = addMonthsToDate(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
const workDay = `${month}-15`;
const year = Number(month.slice(0, 4));
/** How the pages write this month: "novembre 2026". */
const monthInItalian = formatMonth(month);
const rowHeaded = (page: Page, name: string) => page.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });

const { as, problems } = browserSession(baseUrl);
let page: Page;
let coop: { id: number; name: string };
let activities: Activity[];
/** Lot 1 of the tender in force in the journey's month. */
let lot1 = { id: 0 };
let managerToken: string;
let ptriId = 0;
const person = { familyName: 'Verdi', givenName: 'Ada', code: fiscalCode(4242), birthDate: birthDateOf(4242) };
const personName = `${person.familyName} ${person.givenName}`;

async function yearlyCount(): Promise<{ navile: number; total: number; navileName: string }> {
  const report = await apiGet<YearlyCounts>(baseUrl, managerToken, `/api/reports/yearly-counts?year=${year}&lot=1`);
  const navile = report.rows.find((row) => row.serviceCode === 'CSM-NAVILE');
  return { navile: navile?.users ?? 0, total: report.total, navileName: navile?.serviceName ?? '' };
}

async function validatedAmount(): Promise<number> {
  const report = await apiGet<LotTotals>(baseUrl, managerToken, `/api/reports/lot-totals?year=${year}`);
  const lot = report.lots.find((candidate) => candidate.lotId === lot1.id);
  return lot?.cooperatives.find((row) => row.cooperativeId === coop.id)?.validated.amount ?? 0;
}

beforeAll(async () => {
  managerToken = await apiToken(baseUrl, 'manager');
  const coopToken = await apiToken(baseUrl, 'coop');
  const me = await apiGet<Me>(baseUrl, coopToken, '/api/me');
  const cooperatives = await apiGet<{ id: number; name: string }[]>(baseUrl, coopToken, '/api/cooperatives');
  coop = cooperatives.find((c) => c.id === me.cooperativeId) ?? { id: 0, name: '' };
  activities = await apiGet<Activity[]>(baseUrl, coopToken, '/api/activities');
  const lots = await apiGet<Lot[]>(baseUrl, coopToken, '/api/lots');
  lot1 = lots.find((lot) => lot.number === 1 && lot.tenderStart <= workDay && workDay <= lot.tenderEnd) ?? lot1;
});

describe('the main journey in the browser', () => {
  let countsBefore: { navile: number; total: number; navileName: string };

  it('case manager: creates a person and a PTRI with goals on the three axes and a budget, and submits it', async () => {
    countsBefore = await yearlyCount();
    page = await as('casemanager');
    await shot(page, '01-caseload');
    await registerPerson(page, { ...person, sex: 'F', district: 'Città di Bologna' });
    await startProject(page, {
      lotId: lot1.id,
      startDate: `${month}-01`,
      endDate: `${year + 1}-${month.slice(5)}-01`,
      cooperative: coop.name,
      goals: {
        habitat: 'Vivere in un appartamento condiviso',
        sociality: 'Frequentare un gruppo del quartiere',
        work: 'Tirocinio in una cooperativa',
      },
    });
    for (const [axis, resource, amount] of [
      ['Casa/Habitat sociale', 'Educatore domiciliare', '1200'],
      ['Affettività/Socialità', 'Laboratorio teatrale', '300'],
      ['Formazione/Lavoro', 'Borsa lavoro', '900'],
    ] as const) {
      await page.getByRole('button', { name: `Aggiungi risorsa – ${axis}` }).click();
      const block = page.locator('fieldset.axis-block').filter({ has: page.getByRole('button', { name: `Aggiungi risorsa – ${axis}` }) });
      await block.getByLabel('Risorsa', { exact: true }).fill(resource);
      await block.getByLabel('Importo €', { exact: true }).fill(amount);
    }
    await shot(page, '02-ptri-form');
    await page.getByRole('button', { name: 'Salva' }).click();
    await page.getByRole('button', { name: 'Invia in UVM' }).waitFor();
    ptriId = Number(/\/progetti\/(\d+)/.exec(page.url())?.[1]);
    expect(ptriId).toBeGreaterThan(0);
    // The journey's month has ended (a month is submitted only then), so the project went to the UVM
    // at its start: the page's button dates a move today, and the UVM may not evaluate before it.
    const sent = await fetch(`${baseUrl}/api/ptris/${ptriId}/transitions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await apiToken(baseUrl, 'casemanager')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ to: 'submitted', date: `${month}-01` }),
    });
    expect(sent.status, await sent.text()).toBe(200);
    await page.reload();
    await expect.poll(() => page.locator('.badge').first().textContent()).toBe('Inviato in UVM');
    // The person signs the revision sent to the UVM: without it the UVM's approval is refused.
    await recordPersonSignature(page, personName, 'paper', 1);
  });

  it('UVM: finds it waiting, evaluates it with HoNOS (live total) and approves it', async () => {
    page = await as('uvm');
    await page.getByRole('link', { name: personName }).first().click();
    await page.getByRole('link', { name: 'Registra valutazione UVM' }).click();
    await page.getByLabel('Data della valutazione', { exact: true }).fill(`${month}-02`);
    await page.getByLabel('Esito', { exact: true }).selectOption('approved');
    await page.getByLabel('Intensità', { exact: true }).selectOption('medium');
    await page.getByLabel('Prossima revisione', { exact: true }).fill(`${year + 1}-${month.slice(5)}-01`);
    await page.getByLabel('Nome 1', { exact: true }).fill('Dott.ssa Rossi');
    await page.getByLabel('Ruolo', { exact: true }).first().fill('Psichiatra');
    const scores = [2, 1, 0, 3, 9, 1, 2, 0, 1, 4, 2, 1];
    for (const [index, score] of scores.entries()) await page.getByLabel(`Item ${index + 1}`, { exact: true }).selectOption(String(score));
    await expect.poll(() => page.getByTestId('honos-total').textContent()).toBe('17');
    await page.getByLabel('Item 1', { exact: true }).selectOption('4');
    await expect.poll(() => page.getByTestId('honos-total').textContent()).toBe('19');
    await shot(page, '03-evaluation');
    await page.getByRole('button', { name: 'Salva' }).click();
    await page.waitForURL(`**/progetti/${ptriId}`);
    await expect.poll(() => page.locator('.badge').first().textContent()).toBe('Attivo');
  });

  it('cooperative: records interventions in the grid and by CSV, then submits the month', async () => {
    const habitat = activities.find((a) => a.axis === 'habitat' && a.active)?.label ?? '';
    const work = activities.find((a) => a.axis === 'work' && a.active)?.label ?? '';
    page = await as('coop');
    await page.getByRole('link', { name: 'Interventi del mese' }).click();
    await page.getByRole('heading', { name: 'Interventi del mese', exact: true }).waitFor();
    await page.getByLabel('Mese', { exact: true }).fill(month);
    await page.getByLabel('Progetto 1', { exact: true }).selectOption({ label: `${personName} (PTRI n. ${ptriId})` });
    await page.getByLabel('Data 1', { exact: true }).fill(workDay);
    await page.getByLabel('Asse 1', { exact: true }).selectOption('habitat');
    await page.getByLabel('Attività 1', { exact: true }).selectOption(habitat);
    await page.getByLabel('Ore 1', { exact: true }).fill('2,5');
    await page.getByLabel('Ruolo dell’operatore 1', { exact: true }).fill('Educatore');
    await page.getByRole('button', { name: 'Registra gli interventi' }).click();
    await page.getByText('1 intervento registrato.').waitFor();

    const header = 'ptriId;date;axis;activity;hours;operatorRole;notes';
    const file = page.getByLabel('File CSV', { exact: true });
    const bad = `${header}\n${ptriId};${workDay};habitat;${habitat};30;Educatore;\n${ptriId};2001-01-01;work;${work};1;Tutor;\n`;
    await file.setInputFiles({ name: 'sbagliato.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await page.getByRole('button', { name: 'Carica il file' }).click();
    const badRows = page.getByRole('table', { name: 'Righe non valide' });
    await badRows.waitFor();
    expect(await badRows.getByRole('row').count()).toBe(3);
    await expect.poll(() => badRows.getByRole('row').nth(1).textContent()).toContain('Ore');
    await shot(page, '04-csv-bad-rows');

    const good = `${header}\n${ptriId};${workDay};work;${work};1,5;Tutor;colloquio\n${ptriId};${workDay};habitat;${habitat};1;Educatore;\n`;
    await file.setInputFiles({ name: 'mese.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    await page.getByRole('button', { name: 'Carica il file' }).click();
    await page.getByText(`Caricati 2 interventi del mese di ${monthInItalian}`).waitFor();
    expect(await page.getByRole('progressbar', { name: 'Carica il mese da CSV' }).getAttribute('value')).toBe('100');
    await page.getByRole('button', { name: 'Carica il file' }).click();
    await page.getByText(/File già caricato il .*: nessuna modifica/).waitFor();
    await shot(page, '05-csv-repeated');

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: `Chiudi e invia il mese (${monthInItalian})` }).click();
    await page.getByText(/^Mese inviato il/).waitFor();
    // A submitted month reads as such and offers nothing that would be refused.
    for (const control of ['Aggiungi riga', 'Carica il file', `Chiudi e invia il mese (${monthInItalian})`]) {
      expect(await page.getByRole('button', { name: control }).count()).toBe(0);
    }
    expect(await page.getByRole('button', { name: /^(Modifica|Elimina) l’intervento/ }).count()).toBe(0);
  });

  let partAmount = 0;
  let amountBefore = 0;

  it('case manager: validates the month from the months to validate', async () => {
    amountBefore = await validatedAmount();
    page = await as('casemanager');
    await page.getByRole('link', { name: 'Rendicontazioni da validare' }).click();
    const card = page.getByRole('article', { name: `${coop.name} – ${monthInItalian}` });
    await card.waitFor();
    partAmount = italianNumber((await card.locator('dd').nth(2).textContent()) ?? '');
    expect(partAmount).toBeGreaterThan(0);
    await card.getByRole('button', { name: 'Vedi interventi' }).click();
    await card
      .getByRole('cell', { name: `PTRI n. ${ptriId}` })
      .first()
      .waitFor();
    await shot(page, '06-month-review');
    await card.getByRole('button', { name: 'Valida' }).click();
    await page.getByText(`Mese ${monthInItalian} di ${coop.name} validato.`).waitFor();
  });

  it('manager: sees the validated month in the lot totals and the person in the yearly counts', async () => {
    page = await as('manager');
    await page.getByRole('link', { name: 'Totali per lotto' }).click();
    // The page shows a section per lot in the report's order; the journey's is Lot 1 of the tender in force.
    const lots = (await apiGet<LotTotals>(baseUrl, managerToken, `/api/reports/lot-totals?year=${year}`)).lots;
    const section = page.locator('section.card').nth(lots.findIndex((lot) => lot.lotId === lot1.id));
    const row = section
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: coop.name, exact: true }) })
      .first();
    await row.waitFor();
    const validated = italianNumber((await row.getByRole('cell').nth(3).textContent()) ?? '');
    expect(validated).toBeCloseTo(amountBefore + partAmount, 2);
    await shot(page, '07-lot-totals');

    await page.getByRole('link', { name: 'Utenti per anno' }).click();
    const counts = await yearlyCount();
    expect(counts).toEqual({ ...countsBefore, navile: countsBefore.navile + 1, total: countsBefore.total + 1 });
    const navile = rowHeaded(page, counts.navileName).first();
    await expect.poll(async () => italianNumber((await navile.getByRole('cell').last().textContent()) ?? '')).toBe(counts.navile);
    await shot(page, '08-yearly-counts');

    // The journey's budget lines (AUSL resources) are in the year's budget composition.
    await page.getByRole('link', { name: 'Composizione del budget' }).click();
    await page.getByLabel('Anno', { exact: true }).selectOption(String(year));
    const composition = await apiGet<{ rows: { source: string; axis: string; amount: number }[] }>(
      baseUrl,
      managerToken,
      `/api/reports/budget-composition?year=${year}`,
    );
    expect(composition.rows.find((row) => row.source === 'ausl' && row.axis === 'work')?.amount).toBeGreaterThanOrEqual(900);
    await page.getByRole('region', { name: 'Composizione del budget' }).getByRole('rowheader', { name: 'AUSL' }).first().waitFor();
    await page.getByTestId('composition-non-ausl').waitFor();
    await shot(page, '09-budget-composition');
    expect(problems).toEqual([]);
  });
});
