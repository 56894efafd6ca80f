// The month's CSV template round trip: the cooperative downloads the template from its month page,
// fills one of the listed projects' rows as a spreadsheet would, sends the same file back and finds
// the intervention stored.
import { readFileSync } from 'node:fs';
import { formatMonth, today, type Activity, type Intervention, type PtriDetail } from '@bds/shared';
import { parse } from 'csv-parse/sync';
import { describe, expect, inject, it } from 'vitest';
import { apiGet, apiToken, browserSession, shot } from './browser.ts';

const baseUrl = inject('baseUrl');
const { as, problems } = browserSession(baseUrl);

describe('the month CSV template', () => {
  it('downloads with every active project of the month, and goes back filled in', async () => {
    const token = await apiToken(baseUrl, 'coop');
    const activities = await apiGet<Activity[]>(baseUrl, token, '/api/activities');
    const habitat = activities.find((a) => a.axis === 'habitat' && a.active)?.label;
    if (!habitat) throw new Error('the demo data has no habitat activity');
    const day = today();
    const month = day.slice(0, 7);
    const page = await as('coop');
    await page.getByRole('link', { name: 'Interventi del mese' }).click();
    await page.getByLabel('Mese', { exact: true }).fill(month);
    await page.getByRole('heading', { name: `Carica il mese da CSV (${formatMonth(month)})` }).waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Scarica modello' }).click()]);
    expect(download.suggestedFilename()).toBe(`modello-interventi-${month}.csv`);
    const text = readFileSync(await download.path(), 'utf8');
    const [header, ...rows] = parse(text, { bom: true, delimiter: ';' }) as string[][];
    expect(header).toEqual(['progetto', 'persona', 'data', 'asse', 'attivita', 'ore', 'ruolo_operatore', 'note']);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row[0]).toMatch(/^[1-9]\d*$/);
      expect(row[1]).not.toBe('');
      expect(row.slice(2).every((cell) => cell === '')).toBe(true);
    }

    // Fill the row of a project in care today the way an office worker types it; the other rows stay as they came.
    const inCareToday = await (async () => {
      for (const [index, row] of rows.entries()) {
        const project = await apiGet<PtriDetail>(baseUrl, token, `/api/ptris/${row[0]}`);
        if (project.status === 'active' && project.activatedOn && project.activatedOn <= day && day <= project.endDate) return index;
      }
      throw new Error('the template lists no project in care today');
    })();
    const nonce = `modello ${Date.now()}`;
    const [italianDay, italianMonth, year] = [day.slice(8), day.slice(5, 7), day.slice(0, 4)];
    const filled = [header ?? [], ...rows].map((row, index) =>
      index === inCareToday + 1
        ? [row[0], row[1], `${italianDay}/${italianMonth}/${year}`, 'Casa', habitat, '1,5', 'Educatore', nonce]
        : row,
    );
    const file = `\uFEFF${filled.map((row) => row.join(';')).join('\r\n')}\r\n`;
    await page
      .getByLabel('File CSV', { exact: true })
      .setInputFiles({ name: download.suggestedFilename(), mimeType: 'text/csv', buffer: Buffer.from(file) });
    await page.getByRole('button', { name: 'Carica il file' }).click();
    await page.getByText(`Caricato 1 intervento del mese di ${formatMonth(month)}`).waitFor();
    await shot(page, 'csv-template-round-trip');

    const ptriId = Number(rows[inCareToday]![0]);
    const stored = await apiGet<{ items: Intervention[] }>(baseUrl, token, `/api/interventions?ptriId=${ptriId}&month=${month}&limit=100`);
    const row = stored.items.find((item) => item.notes === nonce);
    expect(row).toMatchObject({ ptriId, date: day, axis: 'habitat', activity: habitat, hours: 1.5, operatorRole: 'Educatore' });
    expect(problems).toEqual([]);
  });
});
