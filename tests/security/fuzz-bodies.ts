// Generators of hostile request bodies: valid templates broken one field at a time, junk
// JSON, malformed text, prototype-pollution keys, and the wrong content types.
import fc from 'fast-check';

const SPECIAL_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\u0007\u001b[31m',
  'line\nbreak',
  '\u202eRTL',
  '\uFEFF',
  '\uD800',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🧠',
  "'; DROP TABLE persons; --",
  '" OR 1=1 --',
  '%',
  '_',
  '\\',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  'a'.repeat(5_000),
  'é'.repeat(300),
  '2025-02-30',
  '9999-12-31',
  '0000-00-00',
  '2025-13',
  'RSSMRA80A01H501U',
];
const SPECIAL_NUMBERS = [
  0,
  -0,
  -1,
  0.1,
  0.25,
  24,
  24.25,
  25,
  1e-9,
  2 ** 31,
  2 ** 31 - 1,
  -(2 ** 31),
  2 ** 53 + 2,
  Number.MAX_SAFE_INTEGER,
  1e308,
  -1e308,
];

export const junkValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(...SPECIAL_STRINGS, ...SPECIAL_NUMBERS, null, true, false, [], {}, [null], { __proto__: null }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.jsonValue({ maxDepth: 3 }),
);

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'];

/** Sets a key as an own enumerable property, even `__proto__`, so JSON.stringify writes it out. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown) {
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
}

type Mutation = { key: string; op: 'drop' | 'set' | 'nest'; value: unknown };

function mutate(template: Record<string, unknown>, mutations: Mutation[]): Record<string, unknown> {
  const body: Record<string, unknown> = { ...template };
  for (const { key, op, value } of mutations) {
    if (op === 'drop') delete body[key];
    else if (op === 'set') setOwn(body, key, value);
    else setOwn(body, key, { [key]: value, __nested: [value, { value }] });
  }
  return body;
}

export interface FuzzRequest {
  contentType: string | undefined;
  payload: string;
}

const RAW_BODIES = [
  '{',
  '{"a":',
  '[',
  'null',
  '[]',
  '""',
  '0',
  'true',
  '{"__proto__":{"isAdmin":true,"role":"admin"}}',
  '{"constructor":{"prototype":{"polluted":1}}}',
  '{"a":1,"a":2}',
  '\u0000',
  '\uFEFF{}',
  '{"x":' + '['.repeat(2_000) + ']'.repeat(2_000) + '}',
  '{"n":1e999}',
  '{"s":"\\ud800"}',
];

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/json; charset=latin1',
  undefined,
];

/** A hostile request for a route whose valid body looks like `template`. */
export function hostileRequest(template: unknown): fc.Arbitrary<FuzzRequest> {
  const keys = template && typeof template === 'object' && !Array.isArray(template) ? Object.keys(template) : [];
  const mutation = fc.record({
    key: fc.oneof(
      keys.length ? fc.constantFrom(...keys) : fc.constant('x'),
      fc.constantFrom(...PROTO_KEYS, 'extra', 'id', 'version', 'role'),
      fc.string({ maxLength: 10 }),
    ),
    op: fc.constantFrom<Mutation['op']>('drop', 'set', 'set', 'nest'),
    value: junkValue,
  });
  const json = fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .array(mutation, { minLength: 1, maxLength: 3 })
        .map((ms) => JSON.stringify(mutate((template ?? {}) as Record<string, unknown>, ms))),
    },
    { weight: 2, arbitrary: junkValue.map((value) => JSON.stringify(value) ?? 'null') },
    { weight: 2, arbitrary: fc.constantFrom(...RAW_BODIES) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  );
  return fc.record({
    contentType: fc.oneof(
      { weight: 8, arbitrary: fc.constant<string | undefined>('application/json') },
      { weight: 2, arbitrary: fc.constantFrom(...CONTENT_TYPES) },
    ),
    payload: json,
  });
}

const CSV_HEADER = 'ptriId;date;axis;activity;hours;operatorRole;notes';

/** Hostile monthly CSV files: bad rows, wrong columns, formula injection, binary junk. */
export function hostileCsv(ptriId: number): fc.Arbitrary<FuzzRequest> {
  const cell = fc.oneof(
    fc.constantFrom('', String(ptriId), '2025-02-11', 'habitat', "Accompagnamento all'abitare", '1.5', '=cmd|calc', '"', ';;', '\r'),
    fc.string({ unit: 'binary', maxLength: 20 }),
    junkValue.map((value) => JSON.stringify(value) ?? ''),
  );
  const row = fc.array(cell, { minLength: 0, maxLength: 9 }).map((cells) => cells.join(';'));
  return fc.record({
    contentType: fc.constantFrom('text/csv', 'text/csv', 'application/csv', 'text/plain', 'application/json'),
    payload: fc.oneof(
      fc.array(row, { maxLength: 6 }).map((rows) => [CSV_HEADER, ...rows].join('\n')),
      fc.string({ unit: 'binary', maxLength: 300 }),
    ),
  });
}
