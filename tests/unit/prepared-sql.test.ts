// Reports prepare their SQL once per shape (server/src/prepared.ts `preparedSql`): the statement
// with placeholders gives what the same SQL with its values written in gives, and a calendar span
// as placeholders (`bucketsWithinPrepared`) is the same condition as `bucketsWithin` for every span.
import { describe, expect, it } from 'vitest';
import { fillPlaceholders, sql } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import { openMemoryDb, schema } from '@bds/db';
import { addDays } from '@bds/shared';
import { preparedSql } from '@bds/server/prepared.ts';
import { bucketsWithin, bucketsWithinPrepared } from '@bds/server/reports/calendar-spans.ts';

const { districts } = schema;

function twoDistricts() {
  const db = openMemoryDb();
  db.insert(districts)
    .values([
      { code: 'A', name: 'Distretto Alfa' },
      { code: 'B', name: 'Distretto Beta' },
    ])
    .run();
  return db;
}

describe('statements written as SQL and prepared once', () => {
  it('give the rows of the same SQL with its values written in, also inside a transaction', () => {
    const db = twoDistricts();
    const byCode = (code: string) =>
      preparedSql<{ code: string; name: string }>(
        db,
        'test:districts-from',
        () => sql`SELECT code, name FROM districts WHERE code >= ${sql.placeholder('code')} ORDER BY code`,
      ).all({ code });
    for (const code of ['A', 'B', 'Z']) {
      expect(byCode(code)).toEqual(db.all(sql`SELECT code, name FROM districts WHERE code >= ${code} ORDER BY code`));
    }
    db.transaction((tx) => {
      tx.insert(districts).values({ code: 'D', name: 'Distretto Delta' }).run();
      const inTx = preparedSql<{ n: number }>(tx, 'test:districts-count', () => sql`SELECT COUNT(*) AS n FROM districts`).get();
      expect(inTx).toEqual({ n: 3 });
    });
    expect(byCode('C')).toEqual([{ code: 'D', name: 'Distretto Delta' }]);
  }, 30_000);
});

describe('rows of a statement written as SQL', () => {
  it('are the objects better-sqlite3 gives: names, nulls, a repeated name, and get after all on the same text', () => {
    const db = twoDistricts();
    const text = () => sql`SELECT code, name, NULL AS absent, 1.5 AS half, name AS code FROM districts ORDER BY code`;
    const plain = db.$client.prepare(new SQLiteSyncDialect().sqlToQuery(text()).sql).all();
    expect(plain).toHaveLength(2);
    expect(preparedSql(db, 'test:named-rows', text).all()).toEqual(plain);
    expect(preparedSql(db, 'test:named-rows-again', text).get()).toEqual(plain[0]);
    expect(preparedSql(db, 'test:no-row', () => sql`SELECT code FROM districts WHERE code = 'Z'`).get()).toBeUndefined();
  }, 30_000);
});

describe('a calendar span as placeholders', () => {
  const dialect = new SQLiteSyncDialect();
  const summary = schema.reviewDates;
  const spans: [string | undefined, string | undefined][] = [
    ['2025-03-15', undefined],
    ['2025-12-31', undefined],
    ['2024-02-29', undefined],
    [undefined, '2025-03-15'],
    ['2025-03-02', '2025-03-20'],
    ['2025-01-31', '2025-11-01'],
    ['2023-06-30', '2026-01-01'],
    ['2025-05-01', '2025-04-30'],
    [undefined, undefined],
  ];

  it('is the same condition as the span with its labels written in', () => {
    for (const [first, last] of spans) {
      const plain = dialect.sqlToQuery(bucketsWithin(summary, first, last));
      const span = bucketsWithinPrepared('span', first, last);
      const placeholders = dialect.sqlToQuery(span.condition(summary));
      expect(placeholders.sql, `${first}…${last}`).toBe(plain.sql);
      expect(fillPlaceholders(placeholders.params, span.params), `${first}…${last}`).toEqual(plain.params);
    }
  });

  it('keeps one text per shape: every day of two years from a date on takes one statement', () => {
    const texts = new Map<string, string>();
    for (let day = '2024-01-01'; day < '2026-01-01'; day = addDays(day, 1)) {
      const span = bucketsWithinPrepared('from', day);
      const text = dialect.sqlToQuery(span.condition(summary)).sql;
      expect(texts.get(span.shape) ?? text).toBe(text);
      texts.set(span.shape, text);
    }
    expect(texts.size).toBe(1);
  });
});
