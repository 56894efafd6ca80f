// Opaque keyset cursors: the last row's sort key, base64url-encoded.
import { Invalid } from './errors.ts';

export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, shape: readonly ('string' | 'number')[]): (string | number)[] | null {
  if (!cursor) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === shape.length && parsed.every((value, i) => typeof value === shape[i])) {
      return parsed as (string | number)[];
    }
  } catch {
    // fall through to the error below
  }
  throw new Invalid('cursor', 'cursore non valido');
}

/** Splits a page fetched with limit + 1 rows into the items and the next cursor. */
export function page<T>(rows: T[], limit: number, keyOf: (row: T) => (string | number)[]) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}
