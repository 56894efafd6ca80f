// The refusals of an intervention's date name the project's status and write dates and months
// the Italian way, as the cooperative reads them beside the field.
import { describe, expect, it } from 'vitest';
import { periodErrors, type ProjectPeriod } from '@bds/server/interventions/rules.ts';
import { MAX_FILE_ROWS, readCsvFile } from '@bds/server/interventions/csv-rows.ts';

const project: ProjectPeriod = {
  status: 'active',
  activatedOn: '2025-01-10',
  endDate: '2025-12-31',
  endedOn: null,
  tenderStart: '2024-01-01',
  suspensions: [{ from: '2025-03-01', to: '2025-04-01' }],
};

describe('messages about an intervention date', () => {
  it('names the status and writes the period and the suspension in Italian', () => {
    expect(periodErrors({ ...project, status: 'draft', activatedOn: null }, '2025-02-01', '2025-11-28')).toEqual([
      { path: 'ptriId', message: 'il progetto è in stato «Bozza»: non accetta interventi' },
    ]);
    expect(periodErrors(project, '2025-01-05', '2025-11-28')).toEqual([
      { path: 'date', message: 'fuori dal periodo attivo del progetto (10/01/2025 – 31/12/2025)' },
    ]);
    expect(periodErrors(project, '2025-03-15', '2025-11-28')).toEqual([
      { path: 'date', message: 'il progetto era sospeso dal 01/03/2025' },
    ]);
    expect(periodErrors(project, '2025-04-02', '2025-11-28')).toEqual([]);
  });

  it('tells a CSV row of another month which month the file is for', async () => {
    const file = await readCsvFile(
      'ptriId;date;axis;activity;hours;operatorRole\n12;2025-04-02;habitat;Accompagnamento;2;educatore\n',
      '2025-03',
    );
    expect(JSON.stringify(file)).toContain('non appartiene al mese di marzo 2025');
  });

  it('says in Italian, with the line, why a file cannot be read, and recognises a file that is not UTF-8 text', async () => {
    const broken = await readCsvFile(
      'ptriId;date;axis;activity;hours;operatorRole\n12;2025-03-02;habitat;"Accompagnamento;2;educatore\n',
      '2025-03',
    );
    expect(broken).toEqual({ ok: false, message: 'file CSV illeggibile alla riga 2: controllare le virgolette e il separatore (;)' });
    const image = await readCsvFile('\uFFFDPNG\r\n\u0000\u0000\u0000\rIHDR', '2025-03');
    expect(image).toEqual({ ok: false, message: 'il file non è un CSV in UTF-8: salvarlo dal foglio di calcolo come «CSV UTF-8»' });
  });

  it('refuses a file of more rows than a month can hold before reading it', async () => {
    const header = 'ptriId;date;axis;activity;hours;operatorRole\n';
    const bad = 'x;x;x;;x;\n';
    expect(await readCsvFile(header + bad.repeat(MAX_FILE_ROWS + 1), '2025-03')).toEqual({
      ok: false,
      message: 'oltre 20.000 righe: dividere il file in più caricamenti',
    });
    const full = await readCsvFile(header + bad.repeat(MAX_FILE_ROWS), '2025-03');
    expect(full.ok && new Set(full.errors.map((e) => e.row)).size).toBe(MAX_FILE_ROWS);
  });

  it('gives the event loop back while it reads a long file', async () => {
    const lines = ['ptriId;date;axis;activity;hours;operatorRole'];
    for (let i = 0; i < 5000; i += 1) lines.push(`12;2025-03-02;habitat;Accompagnamento;2;educatore ${i}`);
    let turned = false;
    setImmediate(() => (turned = true));
    const file = await readCsvFile(lines.join('\n'), '2025-03').then((read) => ({ read, turned }));
    expect(file.turned).toBe(true);
    expect(file.read.ok && file.read.rows.length).toBe(5000);
  });
});
