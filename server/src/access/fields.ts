// The one function that strips a reply to the fields the role receives (the access table in
// @bds/shared), including the objects nested in it.
import type { AccessObject, AccessObjects, FieldTable } from '@bds/shared';
import type { AccessPolicy } from './policy.ts';

/** The object each nested array of an object holds, by its field. */
const NESTED: { [O in AccessObject]?: Partial<Record<keyof AccessObjects[O], AccessObject>> } = {
  project: { goals: 'goal', budgetLines: 'budgetLine', evaluations: 'evaluation' },
  person: { projects: 'project' },
  monthReport: { parts: 'monthReportPart' },
};

type Table = Record<string, boolean>;
const tableOf = (fields: FieldTable, object: AccessObject) => fields[object] as Table;

/** Whether the role receives all of an object and of what it nests: then the reply goes out as it is. */
function receivesWhole(fields: FieldTable, object: AccessObject): boolean {
  const nested = (NESTED[object] ?? {}) as Record<string, AccessObject>;
  return Object.values(tableOf(fields, object)).every(Boolean) && Object.values(nested).every((inner) => receivesWhole(fields, inner));
}

const wholeCache = new WeakMap<FieldTable, Map<AccessObject, boolean>>();
function receivesWholeCached(fields: FieldTable, object: AccessObject): boolean {
  let known = wholeCache.get(fields);
  if (!known) wholeCache.set(fields, (known = new Map()));
  let whole = known.get(object);
  if (whole === undefined) known.set(object, (whole = receivesWhole(fields, object)));
  return whole;
}

function strip(fields: FieldTable, object: AccessObject, value: object): object {
  if (receivesWholeCached(fields, object)) return value;
  const table = tableOf(fields, object);
  const nested = (NESTED[object] ?? {}) as Record<string, AccessObject>;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (!table[key]) continue;
    const inner = nested[key];
    out[key] = inner && Array.isArray(field) ? field.map((item: object) => strip(fields, inner, item)) : field;
  }
  // A revision's changes name project fields: each is kept only where the role receives that field.
  if (object === 'history' && out.changes) {
    const project = tableOf(fields, 'project');
    out.changes = Object.fromEntries(Object.entries(out.changes).filter(([key]) => project[key]));
  }
  return out;
}

/**
 * `value` with only the fields of `object` (and of the objects nested in it) that the policy's
 * role receives. `T` may be a part of the object (a project's evaluation summaries).
 */
export function receivedOnly<O extends AccessObject, T extends Partial<AccessObjects[O]>>(policy: AccessPolicy, object: O, value: T): T {
  return strip(policy.fields, object, value) as T;
}
