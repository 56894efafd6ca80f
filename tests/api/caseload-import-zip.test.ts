// Issue 22: an .xlsx is a zip, and a small one can inflate to gigabytes. The import refuses it
// before inflating past a bound: by the sizes the zip declares, and by capping each entry's
// inflation at its declared size when the zip lies about them.
import { once } from 'node:events';
import { createDeflateRaw } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkZipInflation, MAX_INFLATED_BYTES } from '@bds/server/imports/zip-bound.ts';
import { createTestContext, type TestContext } from './helpers.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(() => ctx.close());

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MiB = 2 ** 20;

/** `bytes` zeros deflated a mebibyte at a time, never held whole. */
async function deflatedZeros(bytes: number): Promise<Buffer> {
  const deflate = createDeflateRaw();
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const zeros = Buffer.alloc(MiB);
  for (let written = 0; written < bytes; written += MiB) {
    if (!deflate.write(zeros)) await once(deflate, 'drain');
  }
  deflate.end();
  await once(deflate, 'end');
  return Buffer.concat(chunks);
}

/** A zip of deflated entries, each declaring the uncompressed size given (true or not). */
function zipOf(entries: { name: string; data: Buffer; declaredSize: number }[]): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const { name, data, declaredSize } of entries) {
    const fileName = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(declaredSize, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(declaredSize, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    directory.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directorySize = directory.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...directory, end]);
}

async function importXlsx(file: Buffer) {
  const admin = await ctx.as('admin');
  return admin({ method: 'POST', url: '/api/imports/caseload?dryRun=false', headers: { 'content-type': XLSX_TYPE }, payload: file });
}

const count = (table: string) => (ctx.db.$client.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('an .xlsx that inflates too far', () => {
  it('is refused by its declared sizes, naming the file, and imports nothing', async () => {
    const bomb = zipOf([{ name: 'xl/worksheets/sheet1.xml', data: await deflatedZeros(200 * MiB), declaredSize: 200 * MiB }]);
    expect(bomb.length).toBeLessThan(MiB);
    const res = await importXlsx(bomb);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ path: 'file', message: expect.stringMatching(/si espande oltre 128 MiB/) }),
    ]);
    expect(count('ptris')).toBe(0);
    expect(count('persons')).toBe(0);
  });

  it('is refused when its entries declare small sizes and inflate past them', async () => {
    const liar = zipOf([
      { name: '[Content_Types].xml', data: await deflatedZeros(MiB), declaredSize: MiB },
      { name: 'xl/worksheets/sheet1.xml', data: await deflatedZeros(16 * MiB), declaredSize: 1000 },
    ]);
    const res = await importXlsx(liar);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ path: 'file', message: expect.stringMatching(/si espande oltre/) });
  });

  it('stops inflating an entry at its declared size, whatever it holds', async () => {
    const liar = zipOf([{ name: 'a.xml', data: await deflatedZeros(64 * MiB), declaredSize: 10 }]);
    expect(await checkZipInflation(liar)).toMatchObject({ ok: false });
    // The same entry, telling the truth, is within the bound; over it, refused unread.
    expect(await checkZipInflation(zipOf([{ name: 'a.xml', data: await deflatedZeros(4 * MiB), declaredSize: 4 * MiB }]))).toEqual({
      ok: true,
    });
    expect(await checkZipInflation(zipOf([{ name: 'a.xml', data: Buffer.alloc(0), declaredSize: MAX_INFLATED_BYTES + 1 }]))).toMatchObject({
      ok: false,
    });
  });
});
