// The community resources catalogue: anyone signed in searches it; admin, managers and social
// workers maintain it; a resource's page counts the active projects using it and names only those
// the caller may see; the report shows per district and axis where the territory is thin.
import type { z } from 'zod';
import type { Db, Queryable } from '@bds/db';
import {
  AXES,
  queryWords,
  type ListPage,
  type Resource,
  type resourceBody,
  type ResourceDetail,
  type ResourcesReport,
  type resourcesQuery,
  type resourcesCountQuery,
  type ResourcesCount,
  type resourceUpdateBody,
} from '@bds/shared';
import type { Actor } from '../auth/principal.ts';
import { auditRead } from '../audit/group-commit.ts';
import { recordAudit } from '../audit/record.ts';
import { policyOf } from '../access/policy.ts';
import { Invalid, NotFound } from '../errors.ts';
import { decodeCursor, page } from '../pagination.ts';
import * as q from './queries.ts';

function toResources(db: Queryable, rows: q.ResourceRow[]): Resource[] {
  const ids = rows.map((row) => row.id);
  const districts = q.districtsOf(db, ids);
  const using = q.projectsUsing(db, ids);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    kind: row.kind,
    axis: row.axis,
    districtIds: districts.get(row.id) ?? [],
    provider: row.provider,
    providerKind: row.providerKind,
    runtsNumber: row.runtsNumber,
    contact: row.contact,
    active: Boolean(row.active),
    projectsUsing: using.get(row.id) ?? 0,
  }));
}

/** Counted no further than this, as the project list's count. */
const COUNT_CAP = 1000;

function catalogueFilter(query: z.output<typeof resourcesCountQuery>): q.CatalogueFilter {
  return { districtId: query.districtId, axis: query.axis, words: queryWords(query.q) };
}

export function searchResources(db: Db, query: z.output<typeof resourcesQuery>): ListPage<Resource> {
  const after = decodeCursor(query.cursor, ['string', 'number']) as [string, number] | null;
  return db.transaction((tx) => {
    const rows = q.cataloguePage(tx, catalogueFilter(query), after, query.limit);
    const result = page(rows, query.limit, (row) => [row.name, row.id]);
    return { items: toResources(tx, result.items), nextCursor: result.nextCursor };
  });
}

export function countResources(db: Db, query: z.output<typeof resourcesCountQuery>): ResourcesCount {
  // Several words are intersected by several statements: one transaction, one snapshot.
  const n = db.transaction((tx) => q.catalogueCount(tx, catalogueFilter(query), COUNT_CAP));
  return { total: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP };
}

function requireDistricts(db: Queryable, ids: number[] | undefined) {
  if (!ids) return;
  const found = new Set(q.existingDistricts(db, ids));
  const missing = ids.findIndex((id) => !found.has(id));
  if (missing >= 0) throw new Invalid(`districtIds.${missing}`, 'distretto inesistente');
}

export function createResource(db: Db, actor: Actor, body: z.output<typeof resourceBody>): Resource {
  return db.transaction((tx) => {
    requireDistricts(tx, body.districtIds);
    const { districtIds, ...fields } = body;
    const row = q.insertResource(tx, {
      ...fields,
      runtsNumber: fields.runtsNumber ?? null,
      contact: fields.contact ?? null,
      updatedAt: new Date().toISOString(),
    });
    q.replaceResourceIndex(tx, undefined, { ...row, districtIds });
    recordAudit(tx, actor, { action: 'create', entity: 'resource', entityId: row.id, changes: body });
    return toResources(tx, [row])[0]!;
  });
}

export function updateResource(db: Db, actor: Actor, id: number, body: z.output<typeof resourceUpdateBody>): Resource {
  return db.transaction((tx) => {
    const before = q.resourceById(tx, id);
    if (!before) throw new NotFound('Risorsa del territorio non trovata');
    requireDistricts(tx, body.districtIds);
    const { districtIds, ...fields } = body;
    const providerKind = fields.providerKind ?? before.providerKind;
    const runtsNumber = fields.runtsNumber === undefined ? before.runtsNumber : fields.runtsNumber;
    // A body may change the kind alone; the number it kept must still fit.
    if (runtsNumber && providerKind !== 'ets') {
      throw new Invalid('runtsNumber', 'il numero RUNTS è solo degli Enti del Terzo Settore: toglierlo o scegliere ETS');
    }
    const row = q.updateResource(tx, id, { ...fields, updatedAt: new Date().toISOString() })!;
    if (districtIds || fields.name !== undefined || fields.provider !== undefined || fields.axis !== undefined) {
      const beforeDistricts = q.districtsOf(tx, [id]).get(id) ?? [];
      q.replaceResourceIndex(tx, { ...before, districtIds: beforeDistricts }, { ...row, districtIds: districtIds ?? beforeDistricts });
    }
    const changes = Object.fromEntries(
      Object.entries(body).map(([key, value]) => [
        key,
        { before: key === 'districtIds' ? null : before[key as keyof q.ResourceRow], after: value },
      ]),
    );
    recordAudit(tx, actor, { action: 'update', entity: 'resource', entityId: id, changes });
    return toResources(tx, [row])[0]!;
  });
}

/** A resource with the active projects using it that the caller may see; the others are only in the count. */
export async function resourceDetail(db: Db, actor: Actor, id: number): Promise<ResourceDetail> {
  const { resource, projects } = db.transaction((tx) => {
    const row = q.resourceById(tx, id);
    if (!row) throw new NotFound('Risorsa del territorio non trovata');
    return { resource: toResources(tx, [row])[0]!, projects: q.visibleProjectsUsing(tx, id, policyOf(actor.user).ptris) };
  });
  if (projects.length > 0) {
    await auditRead(db, actor, {
      action: 'read',
      entity: 'resource_usage',
      entityId: id,
      changes: { ptriIds: projects.map((p) => p.ptriId), personIds: projects.map((p) => p.personId) },
    });
  }
  return { ...resource, projects: projects.map(({ ptriId, personName }) => ({ ptriId, personName })) };
}

/** Every district × axis, the empty ones included: a row of zeros is where the territory offers nothing. */
export async function resourcesReport(db: Db, actor: Actor): Promise<ResourcesReport> {
  const { counted, districts } = db.transaction((tx) => ({ counted: q.resourcesByDistrictAndAxis(tx), districts: q.allDistrictNames(tx) }));
  const rows = districts.flatMap((district) =>
    AXES.map((axis) => {
      const found = counted.find((row) => row.districtId === district.id && row.axis === axis);
      return {
        districtId: district.id,
        districtName: district.name,
        axis,
        resources: found?.resources ?? 0,
        inUse: found?.inUse ?? 0,
        projectsUsing: found?.projectsUsing ?? 0,
      };
    }),
  );
  await auditRead(db, actor, { action: 'read', entity: 'report_resources' });
  return { rows };
}
