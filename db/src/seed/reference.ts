// Idempotent insert of the reference data: running it again leaves existing rows as they are.
import type { Db } from '../connection.ts';
import { COOPERATIVES, CURRENT_TENDER, DISTRICTS, LOTS, SERVICES, type TenderSeed } from './reference-data.ts';

export { PUBLISHED_SERVICE_ALIASES } from './reference-data.ts';

function idOf(db: Db, sql: string, key: string | number, key2?: number): number {
  const row = db.$client.prepare(sql).get(...(key2 === undefined ? [key] : [key, key2])) as { id: number } | undefined;
  if (!row) throw new Error(`reference row not found: ${key}`);
  return row.id;
}

/** The lots of one tender with their member cooperatives; lots already there are left as they are. */
export function seedTenderLots(db: Db, tender: TenderSeed): void {
  const client = db.$client;
  const insertLot = client.prepare(
    `INSERT INTO lots (number, title, tender_year, tender_start, tender_end, service_kinds, contractor, hourly_rate_cents, ceiling_cents)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (number, tender_year) DO NOTHING`,
  );
  const insertLotCooperative = client.prepare('INSERT INTO lot_cooperatives (lot_id, cooperative_id) VALUES (?, ?) ON CONFLICT DO NOTHING');
  client.transaction(() => {
    for (const lot of LOTS) {
      insertLot.run(
        lot.number,
        lot.title,
        tender.year,
        tender.start,
        tender.end,
        JSON.stringify(lot.serviceKinds),
        lot.contractor,
        lot.hourlyRateCents,
        lot.ceilingCents,
      );
      const lotId = idOf(db, 'SELECT id FROM lots WHERE number = ? AND tender_year = ?', lot.number, tender.year);
      for (const name of lot.cooperatives) {
        insertLotCooperative.run(lotId, idOf(db, 'SELECT id FROM cooperatives WHERE name = ?', name));
      }
    }
  })();
}

export function seedReferenceData(db: Db): void {
  const client = db.$client;
  const insertDistrict = client.prepare('INSERT INTO districts (code, name) VALUES (?, ?) ON CONFLICT (code) DO NOTHING');
  const insertService = client.prepare(
    'INSERT INTO services (code, kind, name, district_id) VALUES (?, ?, ?, ?) ON CONFLICT (code) DO NOTHING',
  );
  const insertAlias = client.prepare('INSERT INTO service_aliases (alias, service_id) VALUES (?, ?) ON CONFLICT (alias) DO NOTHING');
  const insertCooperative = client.prepare('INSERT INTO cooperatives (name, vat_number) VALUES (?, ?) ON CONFLICT DO NOTHING');

  client.transaction(() => {
    for (const district of DISTRICTS) insertDistrict.run(district.code, district.name);
    for (const service of SERVICES) {
      const districtId = idOf(db, 'SELECT id FROM districts WHERE code = ?', service.district);
      insertService.run(service.code, service.kind, service.name, districtId);
      const serviceId = idOf(db, 'SELECT id FROM services WHERE code = ?', service.code);
      for (const alias of service.aliases) insertAlias.run(alias, serviceId);
    }
    for (const cooperative of COOPERATIVES) insertCooperative.run(cooperative.name, cooperative.vatNumber);
  })();
  seedTenderLots(db, CURRENT_TENDER);
}
