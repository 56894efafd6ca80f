// The server log of a full working scenario, read back line by line, holds no codice fiscale,
// no name, no password and no token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, fiscalCode, PASSWORD, type TestContext, SUBMITTED_ON } from '../api/helpers.ts';
import { approvingEvaluation, ptriBody } from '../api/ptri-fixtures.ts';

const lines: string[] = [];
let ctx: TestContext;
const secrets: string[] = [];

const PERSON = {
  fiscalCode: fiscalCode('VRDGLC75C41F205'),
  givenName: 'Gianluca',
  familyName: 'Verdolini',
  birthDate: '1975-03-01',
  sex: 'F',
  districtId: 0,
};
const NEW_PASSWORD = 'Segretissima-2099';
const TEMP_PASSWORD = 'Provvisoria-4242';

beforeAll(async () => {
  ctx = await createTestContext({ config: { logLevel: 'trace' }, logStream: { write: (line) => void lines.push(line) } });
  const { app } = ctx;
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'cm.navile', password: PASSWORD } });
  const pair = login.json() as { accessToken: string; refreshToken: string };
  const auth = { authorization: `Bearer ${pair.accessToken}` };
  const person = { ...PERSON, districtId: ctx.world.districts.bologna };
  const created = (await app.inject({ method: 'POST', url: '/api/persons', headers: auth, payload: person })).json() as { id: number };
  await app.inject({ method: 'POST', url: '/api/persons', headers: auth, payload: { ...person, givenName: 'Gianluchino' } });
  await app.inject({
    method: 'POST',
    url: '/api/persons',
    headers: auth,
    payload: { ...person, fiscalCode: `${PERSON.fiscalCode.slice(0, 15)}Z` },
  });
  await app.inject({ method: 'GET', url: `/api/persons?q=${PERSON.familyName}`, headers: auth });
  await app.inject({ method: 'GET', url: `/api/persons?q=${PERSON.fiscalCode}`, headers: auth });
  await app.inject({ method: 'GET', url: `/api/persons/${PERSON.fiscalCode}`, headers: auth });
  await app.inject({
    method: 'POST',
    url: '/api/persons',
    headers: { ...auth, 'content-type': 'application/json' },
    payload: `{"fiscalCode":"${PERSON.fiscalCode}","givenName":"${PERSON.givenName}"`,
  });
  const ptri = (await app.inject({ method: 'POST', url: '/api/ptris', headers: auth, payload: ptriBody(ctx, created.id) })).json() as {
    id: number;
  };
  await app.inject({
    method: 'POST',
    url: `/api/ptris/${ptri.id}/transitions`,
    headers: auth,
    payload: { to: 'submitted', date: SUBMITTED_ON },
  });
  await app.inject({ method: 'GET', url: `/api/ptris/${ptri.id}`, headers: auth });
  await app.inject({
    method: 'POST',
    url: `/api/ptris/${ptri.id}/signatures`,
    headers: auth,
    payload: { revision: 1, signer: 'person', name: `${PERSON.givenName} ${PERSON.familyName}`, date: SUBMITTED_ON, method: 'paper' },
  });
  const uvm = await ctx.as('uvm.bologna');
  await uvm({
    method: 'POST',
    url: `/api/ptris/${ptri.id}/evaluations`,
    payload: { ...approvingEvaluation, notes: `Colloquio con ${PERSON.givenName}` },
  });
  await app.inject({ method: 'GET', url: `/api/persons/${created.id}`, headers: auth });
  await app.inject({ method: 'GET', url: '/api/me', headers: { authorization: 'Bearer not-a-token' } });
  await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'cm.navile', password: 'Sbagliata-123' } });
  const refreshed = (
    await app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: pair.refreshToken } })
  ).json() as { accessToken: string; refreshToken: string };
  await app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: pair.refreshToken } });
  const cm2 = await ctx.as('cm.budrio');
  await cm2({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD } });
  const admin = await ctx.as('admin');
  await admin({ method: 'POST', url: '/api/users/4/password-reset', payload: { temporaryPassword: TEMP_PASSWORD } });
  await admin({ method: 'GET', url: `/api/audit?entity=person&format=csv` });
  secrets.push(pair.accessToken, pair.refreshToken, refreshed.accessToken, refreshed.refreshToken, ...ctx.tokens.values());
});
afterAll(() => ctx.close());

describe('the server log of a full scenario', () => {
  it('is written: one line per request, by route pattern', () => {
    const completed = lines.filter((line) => line.includes('request completed'));
    expect(completed.length).toBeGreaterThanOrEqual(20);
    expect(completed.some((line) => line.includes('"route":"/api/persons/:id"'))).toBe(true);
  });

  it('contains no codice fiscale, name, birth date, password or token', () => {
    const log = lines.join('');
    const forbidden = [
      PERSON.fiscalCode,
      PERSON.fiscalCode.toLowerCase(),
      PERSON.givenName,
      PERSON.familyName,
      PERSON.birthDate,
      PASSWORD,
      'Sbagliata-123',
      NEW_PASSWORD,
      TEMP_PASSWORD,
      ...secrets,
      ...secrets.map((token) => token.slice(-20)),
    ];
    for (const text of forbidden) expect(log.includes(text), `log contains "${text.slice(0, 24)}…"`).toBe(false);
  });
});
