// SQL of the community resources catalogue: its rows, the districts each serves, the projects
// whose budget points at them, and the indexed search by district, axis and words.
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { schema, type Queryable } from '@bds/db';
import { resourceWordRows, WHOLE_CATALOGUE, wordPrefixes, type Axis } from '@bds/shared';
import { idList, preparedSql } from '../prepared.ts';

const { resources, resourceDistricts, resourceWords, districts } = schema;

export type ResourceRow = typeof resources.$inferSelect;

export function insertResource(db: Queryable, values: typeof resources.$inferInsert): ResourceRow {
  return db.insert(resources).values(values).returning().get();
}

export function updateResource(db: Queryable, id: number, values: Partial<typeof resources.$inferInsert>): ResourceRow | undefined {
  return db.update(resources).set(values).where(eq(resources.id, id)).returning().get();
}

export function resourceById(db: Queryable, id: number): ResourceRow | undefined {
  return db.select().from(resources).where(eq(resources.id, id)).get();
}

/** What a resource is indexed by: its name, provider and axis, and the districts it serves. */
export type IndexedResource = Pick<ResourceRow, 'id' | 'name' | 'provider' | 'axis'> & { districtIds: number[] };

/**
 * The districts a resource serves and the words it is found by, each with the copies of its axis
 * and name that their indexes order by: `before` (as indexed until now) is deleted by its keys.
 */
export function replaceResourceIndex(db: Queryable, before: IndexedResource | undefined, after: IndexedResource): void {
  db.delete(resourceDistricts).where(eq(resourceDistricts.resourceId, after.id)).run();
  if (before) {
    const prefixes = wordPrefixes(before.name, before.provider);
    db.delete(resourceWords)
      .where(
        and(
          inArray(resourceWords.prefix, prefixes),
          inArray(resourceWords.districtId, [WHOLE_CATALOGUE, ...before.districtIds]),
          eq(resourceWords.name, before.name),
          eq(resourceWords.resourceId, before.id),
        ),
      )
      .run();
  }
  if (after.districtIds.length === 0) return;
  db.insert(resourceDistricts)
    .values(after.districtIds.map((districtId) => ({ resourceId: after.id, districtId, axis: after.axis, name: after.name })))
    .run();
  const words = resourceWordRows(after, after.districtIds);
  for (let i = 0; i < words.length; i += WORD_ROWS_PER_INSERT)
    db.insert(resourceWords)
      .values(words.slice(i, i + WORD_ROWS_PER_INSERT))
      .run();
}

/** Five parameters a row, well under SQLite's limit of parameters per statement. */
const WORD_ROWS_PER_INSERT = 500;

export function existingDistricts(db: Queryable, ids: number[]): number[] {
  if (ids.length === 0) return [];
  return db
    .select({ id: districts.id })
    .from(districts)
    .where(inArray(districts.id, ids))
    .all()
    .map((r) => r.id);
}

/** The districts of each resource, in district order. */
export function districtsOf(db: Queryable, resourceIds: number[]): Map<number, number[]> {
  const byResource = new Map<number, number[]>(resourceIds.map((id) => [id, []]));
  if (resourceIds.length === 0) return byResource;
  const rows = preparedSql<{ resourceId: number; districtId: number }>(
    db,
    'resourceDistrictsOf',
    () => sql`SELECT ${resourceDistricts.resourceId} AS resourceId, ${resourceDistricts.districtId} AS districtId FROM ${resourceDistricts}
      WHERE ${resourceDistricts.resourceId} IN ${idList}
      ORDER BY ${resourceDistricts.resourceId}, ${resourceDistricts.districtId}`,
  ).all({ ids: JSON.stringify(resourceIds) });
  for (const row of rows) byResource.get(row.resourceId)?.push(row.districtId);
  return byResource;
}

/** Active projects with a budget line pointing at each resource (read on the lines' resource index). */
export function projectsUsing(db: Queryable, resourceIds: number[]): Map<number, number> {
  const counts = new Map<number, number>(resourceIds.map((id) => [id, 0]));
  if (resourceIds.length === 0) return counts;
  const rows = preparedSql<{ resourceId: number; n: number }>(
    db,
    'resourceProjectsUsing',
    () => sql`
    SELECT bl.resource_id AS resourceId, COUNT(DISTINCT bl.ptri_id) AS n
    FROM budget_lines bl JOIN ptris ON ptris.id = bl.ptri_id
    WHERE bl.resource_id IN ${idList} AND ptris.status = 'active'
    GROUP BY bl.resource_id`,
  ).all({ ids: JSON.stringify(resourceIds) });
  for (const row of rows) counts.set(row.resourceId, row.n);
  return counts;
}

/** The active projects using a resource that `visible` (the caller's project scope) lets through, with the person's name. */
export function visibleProjectsUsing(db: Queryable, resourceId: number, visible: SQL | undefined) {
  return db.all<{ ptriId: number; personId: number; personName: string }>(sql`
    SELECT DISTINCT ptris.id AS ptriId, persons.id AS personId, persons.family_name || ' ' || persons.given_name AS personName
    FROM budget_lines bl
    JOIN ptris ON ptris.id = bl.ptri_id
    JOIN persons ON persons.id = ptris.person_id
    WHERE bl.resource_id = ${resourceId} AND ptris.status = 'active' AND ${visible ?? sql`1`}
    ORDER BY personName, ptris.id`);
}

export interface CatalogueFilter {
  districtId: number | undefined;
  axis: Axis | undefined;
  /** Word prefixes every resource found must have (`queryWords`). */
  words: string[];
}

/**
 * One page of the catalogue in name order, after the (name, id) of `after`. Each shape reads index
 * ranges already in that order, so the page costs the same however many resources match: a
 * district's rows (by axis or not) from `resource_districts`, the rest from the resources' name or
 * axis index, and with one word that word's rows in `resource_words` (the whole catalogue's or the
 * district's, by axis or not). Several words are intersected by `resourcesWithAllWords`. Every
 * statement is prepared once per shape (`shapeOf`), its values bound per request.
 */
export function cataloguePage(db: Queryable, filter: CatalogueFilter, after: [string, number] | null, limit: number): ResourceRow[] {
  if (filter.words.length < 2)
    return preparedSql<ResourceRow>(db, `resourcesPage:${shapeOf(filter, after)}`, () =>
      catalogueSql(filter, after, limit, placeholder),
    ).all(valuesOf(filter, after, limit + 1));
  const ids = resourcesWithAllWords(db, filter, after, limit + 1);
  if (ids.length === 0) return [];
  return preparedSql<ResourceRow>(
    db,
    'resourcesById',
    () =>
      sql`SELECT ${RESOURCE_COLUMNS} FROM json_each(${sql.placeholder('ids')}) AS page JOIN resources r ON r.id = page.value ORDER BY page.key`,
  ).all({ ids: JSON.stringify(ids) });
}

/** The columns of a page of the catalogue, as `ResourceRow` names them. */
const RESOURCE_COLUMNS = sql`r.id, r.name, r.kind, r.axis, r.provider, r.provider_kind AS providerKind, r.runts_number AS runtsNumber,
  r.contact, r.active = 1 AS active, r.created_at AS createdAt, r.updated_at AS updatedAt`;

/**
 * How a value of the search enters its statement: as itself (`inline`, a statement for this one
 * request) or as a named placeholder (`placeholder`, a statement prepared once per shape and bound
 * with `valuesOf`). Both give the same SQL text but for the values.
 */
type Bind = (name: keyof CatalogueValues, value: string | number) => SQL;
const inline: Bind = (_name, value) => sql`${value}`;
const placeholder: Bind = (name) => sql`${sql.placeholder(name)}`;

type CatalogueValues = {
  word: string;
  districtId: number;
  axis: string;
  afterName: string;
  afterId: number;
  limit: number;
};

/** Which filters a search has: what its statement's text depends on. */
function shapeOf(filter: CatalogueFilter, after: [string, number] | null): string {
  return `${filter.words.length}:${filter.districtId === undefined ? '' : 'district'}:${filter.axis ? 'axis' : ''}:${after ? 'after' : ''}`;
}

/** The values of a search for its prepared statement; those of filters it lacks are never read. */
function valuesOf(filter: CatalogueFilter, after: [string, number] | null, limit: number): CatalogueValues {
  return {
    word: filter.words[0] ?? '',
    districtId: filter.districtId ?? WHOLE_CATALOGUE,
    axis: filter.axis ?? '',
    afterName: after?.[0] ?? '',
    afterId: after?.[1] ?? 0,
    limit,
  };
}

/**
 * The rows of the catalogue a filter with at most one word selects, as the FROM and WHERE of one
 * index (see `cataloguePage`), with the columns its order and keyset are read from.
 */
function catalogueSelection(filter: CatalogueFilter, after: [string, number] | null, bind: Bind) {
  const [word] = filter.words;
  const table =
    word !== undefined
      ? { from: sql`resource_words w`, id: sql`w.resource_id`, name: sql`w.name`, axis: sql`w.axis` }
      : filter.districtId !== undefined
        ? { from: sql`resource_districts rd`, id: sql`rd.resource_id`, name: sql`rd.name`, axis: sql`rd.axis` }
        : { from: sql`resources r`, id: sql`r.id`, name: sql`r.name`, axis: sql`r.axis` };
  const conditions: SQL[] = [];
  if (word !== undefined)
    conditions.push(sql`w.prefix = ${bind('word', word)} AND w.district_id = ${bind('districtId', filter.districtId ?? WHOLE_CATALOGUE)}`);
  else if (filter.districtId !== undefined) conditions.push(sql`rd.district_id = ${bind('districtId', filter.districtId)}`);
  if (filter.axis) conditions.push(sql`${table.axis} = ${bind('axis', filter.axis)}`);
  if (after) conditions.push(sql`(${table.name}, ${table.id}) > (${bind('afterName', after[0])}, ${bind('afterId', after[1])})`);
  return { from: table.from, where: conditions.length ? sql.join(conditions, sql` AND `) : sql`1`, id: table.id, name: table.name };
}

/** The statement of `cataloguePage` for at most one word (its plan is checked by the tests). */
export function catalogueSql(filter: CatalogueFilter, after: [string, number] | null, limit: number, bind: Bind = inline): SQL {
  const { from, where, id, name } = catalogueSelection(filter, after, bind);
  const ids = sql`SELECT ${id} AS id, ${name} AS name FROM ${from} WHERE ${where} ORDER BY ${name}, ${id} LIMIT ${bind('limit', limit + 1)}`;
  return sql`SELECT ${RESOURCE_COLUMNS} FROM (${ids}) AS page JOIN resources r ON r.id = page.id ORDER BY page.name, page.id`;
}

/** How many resources the filter selects, counting no further than `cap` + 1 (on the same indexes as the page). */
export function catalogueCount(db: Queryable, filter: CatalogueFilter, cap: number): number {
  if (filter.words.length >= 2) return resourcesWithAllWords(db, filter, null, cap + 1).length;
  const count = preparedSql<{ n: number }>(db, `resourcesCount:${shapeOf(filter, null)}`, () => {
    const { from, where, id } = catalogueSelection(filter, null, placeholder);
    return sql`SELECT COUNT(*) AS n FROM (SELECT ${id} FROM ${from} WHERE ${where} LIMIT ${sql.placeholder('limit')})`;
  });
  return count.get(valuesOf(filter, null, cap + 1))?.n ?? 0;
}

type NameKey = { name: string; id: number };

/**
 * The first (name, id) of a word's rows in the filter's district and axis at or after the given
 * one (strictly after it unless `inclusive`): one seek of the index, whatever the word matches.
 */
export function wordSeekSql(filter: Pick<CatalogueFilter, 'axis'>, inclusive: boolean): SQL {
  return sql`SELECT name, resource_id AS id FROM resource_words
    WHERE prefix = ${sql.placeholder('word')} AND district_id = ${sql.placeholder('districtId')}
      ${filter.axis ? sql`AND axis = ${sql.placeholder('axis')}` : sql``}
      AND (name, resource_id) ${inclusive ? sql`>=` : sql`>`} (${sql.placeholder('name')}, ${sql.placeholder('id')})
    ORDER BY name, resource_id LIMIT 1`;
}

/**
 * A word with at most this many rows drives a single statement that reads them all and looks the
 * other words up on each; past it, the words are intersected by seeks (`resourcesWithAllWords`).
 */
export const WORD_WALK_LIMIT = 500;

/**
 * The first `count` resources in name order after `after` that have every word. The words' rows
 * are counted up to `walkLimit`: when the fewest are that few, one statement reads them and looks
 * up the other words on each row; otherwise the words' rows, each in name order, are intersected
 * by leapfrogging (each word seeks to the furthest row any word reached), so a run of rows that
 * lacks a word costs one seek rather than a read of each row. Either way the cost is bounded by
 * the limit or by the seeks, not by how many resources have the words.
 */
export function resourcesWithAllWords(
  db: Queryable,
  filter: CatalogueFilter,
  after: [string, number] | null,
  count: number,
  walkLimit = WORD_WALK_LIMIT,
): number[] {
  const districtId = filter.districtId ?? WHOLE_CATALOGUE;
  const wordRows = preparedSql<{ n: number }>(
    db,
    'resourceWordRows',
    () => sql`SELECT COUNT(*) AS n FROM (SELECT 1 FROM resource_words
      WHERE prefix = ${sql.placeholder('word')} AND district_id = ${sql.placeholder('districtId')} LIMIT ${sql.placeholder('limit')})`,
  );
  const counted = filter.words
    .map((word) => ({ word, rows: wordRows.get({ word, districtId, limit: walkLimit + 1 })?.n ?? 0 }))
    .sort((a, b) => a.rows - b.rows);
  const words = counted.map((c) => c.word);
  if (counted[0]!.rows <= walkLimit) {
    const walk = preparedSql<{ id: number }>(db, `resourceWordWalk:${shapeOf(filter, after)}`, () => wordWalkSql(filter, after));
    return walk.all({ ...valuesOf({ ...filter, words }, after, count), ...otherWordsOf(words) }).map((row) => row.id);
  }
  return leapfrog(db, { ...filter, words }, after, count);
}

/**
 * The resources in name order that have the first (rarest) word, in the filter's district and
 * axis, looking each other word up by key on every row.
 */
function wordWalkSql(filter: CatalogueFilter, after: [string, number] | null): SQL {
  return sql`SELECT w.resource_id AS id FROM resource_words w
    WHERE w.prefix = ${sql.placeholder('word')} AND w.district_id = ${sql.placeholder('districtId')}
      ${filter.axis ? sql`AND w.axis = ${sql.placeholder('axis')}` : sql``}
      ${after ? sql`AND (w.name, w.resource_id) > (${sql.placeholder('afterName')}, ${sql.placeholder('afterId')})` : sql``}
      AND ${otherWordsSql(filter)}
    ORDER BY w.name, w.resource_id LIMIT ${sql.placeholder('limit')}`;
}

/**
 * The next `limit` rows of the first word from a key on (inclusive), each with whether it has
 * every other word: after a match, a run of matches is read in one statement rather than by a
 * seek per word per match.
 */
export function wordRunSql(filter: CatalogueFilter): SQL {
  return sql`SELECT w.name, w.resource_id AS id, ${otherWordsSql(filter)} AS hit FROM resource_words w
    WHERE w.prefix = ${sql.placeholder('word')} AND w.district_id = ${sql.placeholder('districtId')}
      ${filter.axis ? sql`AND w.axis = ${sql.placeholder('axis')}` : sql``}
      AND (w.name, w.resource_id) >= (${sql.placeholder('afterName')}, ${sql.placeholder('afterId')})
    ORDER BY w.name, w.resource_id LIMIT ${sql.placeholder('limit')}`;
}

/** Every word but the first looked up by key on the first word's row `w` (placeholders `other0`, `other1`, …). */
function otherWordsSql(filter: CatalogueFilter): SQL {
  const others = filter.words.slice(1).map(
    (_word, i) => sql`EXISTS (SELECT 1 FROM resource_words o
      WHERE o.prefix = ${sql.placeholder(`other${i}`)} AND o.district_id = w.district_id AND o.name = w.name AND o.resource_id = w.resource_id)`,
  );
  return sql.join(others, sql` AND `);
}

const otherWordsOf = (words: string[]) => Object.fromEntries(words.slice(1).map((word, i) => [`other${i}`, word]));

/** The fewest rows a run after a match reads, so that sparse matches do not cost a statement each. */
const MIN_RUN = 8;

function leapfrog(db: Queryable, filter: CatalogueFilter, after: [string, number] | null, count: number): number[] {
  const scope = { districtId: filter.districtId ?? WHOLE_CATALOGUE, axis: filter.axis };
  const seek = (inclusive: boolean) =>
    preparedSql<NameKey>(db, `resourceWordSeek:${filter.axis ? 'axis' : ''}:${inclusive ? 'from' : 'after'}`, () =>
      wordSeekSql(filter, inclusive),
    );
  const [seekFrom, seekAfter] = [seek(true), seek(false)];
  const run = preparedSql<NameKey & { hit: number }>(db, `resourceWordRun:${shapeOf(filter, null)}`, () => wordRunSql(filter));
  const others = otherWordsOf(filter.words);
  const next = (word: string, key: NameKey, inclusive: boolean) =>
    (inclusive ? seekFrom : seekAfter).get({ ...scope, word, name: key.name, id: key.id });
  const words = filter.words;
  const found: number[] = [];
  let key: NameKey = after ? { name: after[0], id: after[1] } : { name: '', id: 0 };
  let inclusive = after === null;
  while (found.length < count) {
    let candidate = next(words[0]!, key, inclusive);
    // Words that have the candidate, counted from the one that found it.
    let agreeing = 1;
    for (let i = 1; candidate && agreeing < words.length; i += 1) {
      const reached: NameKey | undefined = next(words[i % words.length]!, candidate, true);
      if (reached && reached.name === candidate.name && reached.id === candidate.id) agreeing += 1;
      else [candidate, agreeing] = [reached, 1];
    }
    if (!candidate) break;
    const limit = Math.max(count - found.length, MIN_RUN);
    const rows = run.all({ ...scope, ...others, word: words[0], afterName: candidate.name, afterId: candidate.id, limit });
    for (const row of rows) {
      if (row.hit) found.push(row.id);
      if (found.length === count) return found;
    }
    // Fewer rows than asked for: the first word has no more.
    if (rows.length < limit) break;
    [key, inclusive] = [rows.at(-1)!, false];
  }
  return found;
}

/** Per district and axis: active resources serving it, those in use, and the active projects using them. */
export function resourcesByDistrictAndAxis(db: Queryable) {
  return db.all<{ districtId: number; districtName: string; axis: Axis; resources: number; inUse: number; projectsUsing: number }>(sql`
    SELECT d.id AS districtId, d.name AS districtName, rd.axis AS axis, COUNT(*) AS resources,
      SUM(EXISTS (SELECT 1 FROM budget_lines bl JOIN ptris ON ptris.id = bl.ptri_id
        WHERE bl.resource_id = rd.resource_id AND ptris.status = 'active')) AS inUse,
      (SELECT COUNT(DISTINCT bl.ptri_id) FROM resource_districts rd2
        JOIN resources r2 ON r2.id = rd2.resource_id AND r2.active = 1
        JOIN budget_lines bl ON bl.resource_id = rd2.resource_id
        JOIN ptris ON ptris.id = bl.ptri_id AND ptris.status = 'active'
        WHERE rd2.district_id = d.id AND rd2.axis = rd.axis) AS projectsUsing
    FROM districts d
    JOIN resource_districts rd ON rd.district_id = d.id
    JOIN resources r ON r.id = rd.resource_id AND r.active = 1
    GROUP BY d.id, rd.axis
    ORDER BY d.name, rd.axis`);
}

export function allDistrictNames(db: Queryable) {
  return db.select({ id: districts.id, name: districts.name }).from(districts).orderBy(districts.name).all();
}
