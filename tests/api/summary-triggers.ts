// What the property tests of the summaries kept by triggers share: picking and changing rows by
// position, the property over random writes, and showing that each trigger is needed (with any one dropped, the property fails).
import fc from 'fast-check';
import { expect } from 'vitest';
import type { Db } from '@bds/db';
import { addDays } from '@bds/shared';

/** A random day among the `span` days after `first` (ISO dates, through the app's own date rule). */
export const dayWithin = (first: string, span: number) => fc.integer({ min: 0, max: span }).map((n) => addDays(first, n));

/** The three random writes of one kind of row: add one with `fields`, change some fields of a picked one, drop a picked one. */
export function rowWrites<T extends object, A extends string, C extends string, D extends string>(
  fields: { [K in keyof T]: fc.Arbitrary<T[K]> },
  add: A,
  change: C,
  drop: D,
) {
  return [
    fc.record<T>(fields).map((values) => ({ op: add, ...values })),
    fc.record({ op: fc.constant(change), pick: fc.nat(), changes: fc.record<T, never>(fields, { requiredKeys: [] }) }),
    fc.record({ op: fc.constant(drop), pick: fc.nat() }),
  ] as const;
}

/** Writes rows of any table by position among its ids, as random operations name them. */
export function rowWriter(db: Db) {
  const client = db.$client;
  const pick = (table: string, n: number): number | undefined => {
    const ids = (client.prepare(`SELECT id FROM ${table} ORDER BY id`).all() as { id: number }[]).map((r) => r.id);
    return ids[n % Math.max(ids.length, 1)];
  };
  const update = (table: string, id: number | undefined, columns: Record<string, unknown>) => {
    const keys = Object.keys(columns);
    if (id === undefined || keys.length === 0) return;
    client.prepare(`UPDATE ${table} SET ${keys.map((k) => `${k} = ?`).join(', ')} WHERE id = ?`).run(...Object.values(columns), id);
  };
  return { pick, update };
}

/**
 * Holds after any sequence of up to 40 writes, applied to fresh tables. `size` 'medium' makes the
 * sequences longer than fast-check's small default, for writes that only matter after others.
 */
export function afterAnyWrites<T>(operation: fc.Arbitrary<T>, apply: (ops: T[]) => void, holds: () => void, size?: fc.SizeForArbitrary) {
  return fc.property(fc.array(operation, { minLength: 1, maxLength: 40, size }), (ops) => {
    apply(ops);
    holds();
  });
}

/**
 * Drops each trigger that writes `summary`, one at a time inside a transaction rolled back after,
 * and expects the property to find a failing sequence every time.
 */
export function expectEachTriggerNeeded<T extends [unknown]>(db: Db, summary: string, triggers: number, property: fc.IProperty<T>) {
  const client = db.$client;
  const names = (
    client.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND sql LIKE ? ORDER BY name`).all(`%${summary}%`) as {
      name: string;
    }[]
  ).map((t) => t.name);
  expect(names).toHaveLength(triggers);
  for (const name of names) {
    client.exec('BEGIN');
    try {
      client.exec(`DROP TRIGGER ${name}`);
      expect(fc.check(property, { numRuns: 300, seed: 23 }).failed, name).toBe(true);
    } finally {
      client.exec('ROLLBACK');
    }
  }
}
