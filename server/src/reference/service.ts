// Reference data: districts, services (with historical aliases), cooperatives and tender lots.
import type { z } from 'zod';
import type { Db, Queryable } from '@bds/db';
import { centsOf, eurosOf, type cooperativeBody, type districtBody, type lotBody, type serviceBody } from '@bds/shared';
import type { Actor } from '../auth/principal.ts';
import { recordAudit } from '../audit/record.ts';
import { Invalid, NotFound } from '../errors.ts';
import * as q from './queries.ts';

const toCents = (euro: number | null | undefined) => (euro == null ? euro : centsOf(euro));
const toEuro = (cents: number | null) => (cents == null ? null : eurosOf(cents));

export const listDistricts = (db: Queryable) => q.allDistricts(db);
export const listServices = (db: Queryable) => q.allServices(db);
export const listCooperatives = (db: Queryable) => q.allCooperatives(db);

export function listLots(db: Queryable) {
  return q.allLots(db).map(({ hourlyRateCents, ceilingCents, ...lot }) => ({
    ...lot,
    hourlyRate: toEuro(hourlyRateCents),
    ceiling: toEuro(ceilingCents),
  }));
}

function requireDistrict(db: Queryable, id: number | undefined) {
  if (id !== undefined && !q.referenceExists(db, 'district', id)) throw new Invalid('districtId', 'distretto inesistente');
}

function requireCooperatives(db: Queryable, ids: number[] | undefined) {
  if (!ids) return;
  const found = new Set(q.existingCooperatives(db, ids));
  const missing = ids.findIndex((id) => !found.has(id));
  if (missing >= 0) throw new Invalid(`cooperativeIds.${missing}`, 'cooperativa inesistente');
}

export function saveDistrict(db: Db, actor: Actor, body: Partial<z.output<typeof districtBody>>, id?: number) {
  return db.transaction((tx) => {
    const row = q.writeDistrict(tx, body, id);
    if (!row) throw new NotFound('Distretto non trovato');
    recordAudit(tx, actor, { action: id ? 'update' : 'create', entity: 'district', entityId: row.id, changes: body });
    return row;
  });
}

export function saveService(db: Db, actor: Actor, body: Partial<z.output<typeof serviceBody>>, id?: number) {
  requireDistrict(db, body.districtId);
  return db.transaction((tx) => {
    const { aliases, ...fields } = body;
    const row = q.writeService(tx, fields, id);
    if (!row) throw new NotFound('Servizio non trovato');
    if (aliases) q.replaceServiceAliases(tx, row.id, aliases);
    recordAudit(tx, actor, { action: id ? 'update' : 'create', entity: 'service', entityId: row.id, changes: body });
    return q.allServices(tx).find((s) => s.id === row.id)!;
  });
}

export function saveCooperative(db: Db, actor: Actor, body: Partial<z.output<typeof cooperativeBody>>, id?: number) {
  return db.transaction((tx) => {
    const row = q.writeCooperative(tx, body, id);
    if (!row) throw new NotFound('Cooperativa non trovata');
    recordAudit(tx, actor, { action: id ? 'update' : 'create', entity: 'cooperative', entityId: row.id, changes: body });
    return row;
  });
}

export function saveLot(db: Db, actor: Actor, body: Partial<z.output<typeof lotBody>>, id?: number) {
  requireCooperatives(db, body.cooperativeIds);
  return db.transaction((tx) => {
    const { cooperativeIds, executingCooperativeIds, hourlyRate, ceiling, ...fields } = body;
    const values = {
      ...fields,
      ...(hourlyRate !== undefined ? { hourlyRateCents: toCents(hourlyRate) } : {}),
      ...(ceiling !== undefined ? { ceilingCents: toCents(ceiling) } : {}),
    };
    const row = q.writeLot(tx, values, id);
    if (!row) throw new NotFound('Lotto non trovato');
    if (cooperativeIds || executingCooperativeIds) {
      const current = listLots(tx).find((lot) => lot.id === row.id)!;
      const members = cooperativeIds ?? current.cooperativeIds;
      const executing = executingCooperativeIds ?? current.executingCooperativeIds.filter((c) => members.includes(c));
      const outside = executing.findIndex((c) => !members.includes(c));
      if (outside >= 0) throw new Invalid(`executingCooperativeIds.${outside}`, 'la cooperativa non fa parte del lotto');
      q.replaceLotMembers(tx, row.id, members, executing);
    }
    recordAudit(tx, actor, { action: id ? 'update' : 'create', entity: 'lot', entityId: row.id, changes: body });
    return listLots(tx).find((lot) => lot.id === row.id)!;
  });
}
