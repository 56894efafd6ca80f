// A month's CSV file is checked a parsed piece (about 16 KB) at a time, so that a piece's records
// die young; the file's answer must still be the one of a whole-file read: a refusal that csv-parse
// finds further on wins over one seen earlier, and rows and errors keep their lines across pieces.
import { describe, expect, it } from 'vitest';
import { readCsvFile } from '@bds/server/interventions/csv-rows.ts';

const HEADER = 'ptriId;date;axis;activity;hours;operatorRole;notes';
/** Enough rows to fill several pieces. */
const ROWS = 1_000;
const good = (i: number, separator = ';') =>
  ['12', '2025-03-02', 'habitat', 'Accompagnamento', '2', 'educatore', `nota ${i}`].join(separator);

describe('a month file read a piece at a time', () => {
  it('names rows and errors by their line in the whole file, across pieces, skipping template rows', async () => {
    const lines = [HEADER];
    for (let i = 0; i < ROWS; i++) lines.push(i === 700 ? '12;2025-03-02;habitat;Accompagnamento;25;educatore;x' : good(i));
    lines.splice(400, 0, '15;;;;;;');
    const read = await readCsvFile(`${lines.join('\n')}\n`, '2025-03');
    if (!read.ok) throw new Error(read.message);
    expect(read.rows).toHaveLength(ROWS);
    expect(read.rows.at(-1)?.row).toBe(ROWS + 2);
    expect(read.errors).toEqual([{ row: 703, field: 'hours', message: expect.any(String) }]);
    expect(read.rows.find((r) => r.row === 703)?.entry.hours).toBeUndefined();
  });

  it('gives a file its identity whatever the order of its rows, and none to a file with a bad row', async () => {
    const lines = Array.from({ length: ROWS }, (_, i) => good(i));
    const read = await readCsvFile(`${[HEADER, ...lines].join('\n')}\n`, '2025-03');
    const reversed = await readCsvFile(`${[HEADER, ...lines.toReversed()].join('\r\n')}\r\n`, '2025-03');
    if (!read.ok || !reversed.ok) throw new Error('both files are readable');
    expect(read.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(reversed.contentHash).toBe(read.contentHash);
    for (const bad of [0, 700, ROWS - 1]) {
      const withBadRow = lines.map((line, i) => (i === bad ? line.replace(';2;', ';25;') : line));
      const refused = await readCsvFile(`${[HEADER, ...withBadRow].join('\n')}\n`, '2025-03');
      expect(refused).toMatchObject({ ok: true, contentHash: null, errors: [{ row: bad + 2, field: 'hours' }] });
    }
  });

  it('refuses a file that csv-parse cannot read further on, even after a row it would refuse first', async () => {
    const lines = [HEADER.replaceAll(';', ',')];
    lines.push('12,2025-03-02,habitat,Accompagnamento,1,5,educatore,x');
    for (let i = 0; i < ROWS; i++) lines.push(good(i, ','));
    lines.push('12,2025-03-02,habitat,"Accompagnamento,2,educatore,x');
    expect(await readCsvFile(`${lines.join('\n')}\n`, '2025-03')).toEqual({
      ok: false,
      message: `file CSV illeggibile alla riga ${ROWS + 3}: controllare le virgolette e il separatore (;)`,
    });
  });

  it('names the first split row of a comma-separated file in a later piece', async () => {
    const lines = [HEADER.replaceAll(';', ',')];
    for (let i = 0; i < ROWS; i++)
      lines.push(i === 800 || i === 900 ? '12,2025-03-02,habitat,Accompagnamento,1,5,educatore' : good(i, ','));
    const read = await readCsvFile(`${lines.join('\n')}\n`, '2025-03');
    expect(read.ok || read.message).toMatch(/^la riga 802 ha più celle dell'intestazione/);
  });

  it('names missing columns only once the whole file could be read', async () => {
    const lines = ['ptriId;date;axis;hours;operatorRole'];
    for (let i = 0; i < ROWS; i++) lines.push('12;2025-03-02;habitat;2;educatore');
    expect(await readCsvFile(`${lines.join('\n')}\n`, '2025-03')).toEqual({
      ok: false,
      message: 'colonne mancanti: attivita (intestazione attesa: progetto;data;asse;attivita;ore;ruolo_operatore;note)',
    });
    lines.push('12;"2025-03-02;habitat;2;educatore');
    const broken = await readCsvFile(`${lines.join('\n')}\n`, '2025-03');
    expect(broken.ok || broken.message).toBe(`file CSV illeggibile alla riga ${ROWS + 2}: controllare le virgolette e il separatore (;)`);
  });
});
