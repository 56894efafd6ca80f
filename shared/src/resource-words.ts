// How the resources catalogue's search reads words: a resource is found by any prefix of any
// word of its name or provider, case and accents ignored. Every prefix of a resource is a row of
// `resource_words`, once for the whole catalogue and once per district it serves, so that each
// search shape is one index range already in name order.
import type { Axis } from './domain.ts';

/** The `districtId` of a resource's rows for the whole catalogue (district ids start at 1). */
export const WHOLE_CATALOGUE = 0;

/** A search reads no more words than this; the rest of the text is ignored. */
export const MAX_SEARCH_WORDS = 8;

/** Letters and digits in lower case without accents, as the catalogue's former FTS5 index read them (unicode61 remove_diacritics 2). */
export function searchWords(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .split(/[^\p{L}\p{N}\p{Co}]+/u)
    .filter(Boolean);
}

/** The words of a search, without repeats, at most `MAX_SEARCH_WORDS`. */
export function queryWords(text: string | undefined): string[] {
  return [...new Set(searchWords(text ?? ''))].slice(0, MAX_SEARCH_WORDS);
}

/** Every prefix of every word of the name and provider, once each (counted in code points, as SQLite's `substr`). */
export function wordPrefixes(name: string, provider: string): string[] {
  const prefixes = new Set<string>();
  for (const word of searchWords(`${name} ${provider}`)) {
    const chars = [...word];
    for (let n = 1; n <= chars.length; n += 1) prefixes.add(chars.slice(0, n).join(''));
  }
  return [...prefixes];
}

export interface ResourceWordRow {
  prefix: string;
  districtId: number;
  axis: Axis;
  name: string;
  resourceId: number;
}

/** The rows of `resource_words` for a resource serving `districtIds`. */
export function resourceWordRows(
  resource: { id: number; name: string; provider: string; axis: Axis },
  districtIds: number[],
): ResourceWordRow[] {
  const prefixes = wordPrefixes(resource.name, resource.provider);
  return [WHOLE_CATALOGUE, ...new Set(districtIds)].flatMap((districtId) =>
    prefixes.map((prefix) => ({ prefix, districtId, axis: resource.axis, name: resource.name, resourceId: resource.id })),
  );
}
