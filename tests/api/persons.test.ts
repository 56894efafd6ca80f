import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditCount, createTestContext, fiscalCode, personBody, type TestContext } from './helpers.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(() => ctx.close());

describe('registering a person', () => {
  it("creates the person in the case manager's care and logs the write", async () => {
    const cm = await ctx.as('cm.navile');
    const before = auditCount(ctx.db);
    const res = await cm({ method: 'POST', url: '/api/persons', payload: personBody(ctx.world.districts.bologna) });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ givenName: 'Mario', birthDate: '1980-01-01', sex: 'M' });
    expect(auditCount(ctx.db)).toBe(before + 1);
    const row = ctx.db.$client.prepare("SELECT * FROM audit_log WHERE entity = 'person' AND action = 'create'").get() as {
      user_id: number;
      person_id: number;
    };
    expect(row.person_id).toBe(res.json().id);
  });

  it('normalises the codice fiscale to upper case', async () => {
    const cm = await ctx.as('cm.navile');
    const body = personBody(ctx.world.districts.bologna);
    const res = await cm({ method: 'POST', url: '/api/persons', payload: { ...body, fiscalCode: body.fiscalCode.toLowerCase() } });
    expect(res.statusCode).toBe(201);
    expect(res.json().fiscalCode).toBe(body.fiscalCode);
  });

  it.each([
    ['a wrong check character', (cf: string) => cf.slice(0, 15) + (cf.endsWith('A') ? 'B' : 'A'), 'carattere di controllo'],
    ['a malformed code', () => 'ABC123', 'formato'],
  ])('refuses %s, naming the field, and writes nothing', async (_name, mangle, message) => {
    const cm = await ctx.as('cm.navile');
    const body = personBody(ctx.world.districts.bologna);
    const before = auditCount(ctx.db);
    const res = await cm({ method: 'POST', url: '/api/persons', payload: { ...body, fiscalCode: mangle(body.fiscalCode) } });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors).toContainEqual({ path: 'fiscalCode', message: expect.stringContaining(message) });
    expect(ctx.db.$client.prepare('SELECT COUNT(*) AS n FROM persons').get()).toEqual({ n: 0 });
    expect(auditCount(ctx.db)).toBe(before);
  });

  it.each([
    [
      'a birth date the code does not carry',
      { fiscalCode: fiscalCode('VRDLCU85C15A944'), birthDate: '1985-03-16', sex: 'M' },
      { birthDate: '15/03' },
    ],
    [
      "a woman's code registered as a man",
      { fiscalCode: fiscalCode('BNCMRA75D52F205'), birthDate: '1975-04-12', sex: 'M' },
      { sex: 'femminile' },
    ],
    [
      'a code contradicting both',
      { fiscalCode: fiscalCode('BNCMRA75D52F205'), birthDate: '1976-04-12', sex: 'M' },
      { birthDate: '12/04', sex: 'femminile' },
    ],
  ])('refuses %s on the field that disagrees, and writes nothing', async (_name, identity, expected) => {
    const cm = await ctx.as('cm.navile');
    const before = auditCount(ctx.db);
    const res = await cm({ method: 'POST', url: '/api/persons', payload: { ...personBody(ctx.world.districts.bologna), ...identity } });
    expect(res.statusCode).toBe(400);
    const errors = res.json().errors as { path: string; message: string }[];
    expect(errors.map((error) => error.path).sort()).toEqual(Object.keys(expected).sort());
    for (const [path, words] of Object.entries(expected)) expect(errors).toContainEqual({ path, message: expect.stringContaining(words) });
    expect(ctx.db.$client.prepare('SELECT COUNT(*) AS n FROM persons').get()).toEqual({ n: 0 });
    expect(auditCount(ctx.db)).toBe(before);
  });

  it('accepts a code whose digits omocodia replaced with letters, read as the digits they stand for', async () => {
    const cm = await ctx.as('cm.navile');
    // VRDLCU85C15A944: the day 15 written as M (1) and R (5), the place's last 4 as Q.
    const body = {
      ...personBody(ctx.world.districts.bologna),
      fiscalCode: fiscalCode('VRDLCU85C1RA94Q'),
      birthDate: '1985-03-15',
      sex: 'M',
    };
    expect((await cm({ method: 'POST', url: '/api/persons', payload: body })).statusCode).toBe(201);
    // The year 85 as U (8) and R (5), the day as M and R.
    const again = {
      ...personBody(ctx.world.districts.bologna),
      fiscalCode: fiscalCode('VRDLCUURCMRA944'),
      birthDate: '1985-03-15',
      sex: 'M',
    };
    expect((await cm({ method: 'POST', url: '/api/persons', payload: again })).statusCode).toBe(201);
  });

  it('refuses a missing field, an unknown field and an impossible date', async () => {
    const cm = await ctx.as('cm.navile');
    const { givenName: _omit, ...noName } = personBody(ctx.world.districts.bologna);
    const missing = await cm({ method: 'POST', url: '/api/persons', payload: noName });
    expect(missing.json().errors).toContainEqual(expect.objectContaining({ path: 'givenName' }));
    const extra = await cm({ method: 'POST', url: '/api/persons', payload: { ...personBody(ctx.world.districts.bologna), admin: true } });
    expect(extra.statusCode).toBe(400);
    const date = await cm({
      method: 'POST',
      url: '/api/persons',
      payload: personBody(ctx.world.districts.bologna, { birthDate: '1980-02-30' }),
    });
    expect(date.json().errors).toContainEqual(expect.objectContaining({ path: 'birthDate' }));
    const district = await cm({ method: 'POST', url: '/api/persons', payload: personBody(9999) });
    expect(district.json().errors).toContainEqual(expect.objectContaining({ path: 'districtId' }));
  });

  it('answers 409 with the personId for a codice fiscale already registered, links nothing, and logs the answer against the person', async () => {
    const navile = await ctx.as('cm.navile');
    const budrio = await ctx.as('cm.budrio');
    const body = personBody(ctx.world.districts.bologna);
    const created = (await navile({ method: 'POST', url: '/api/persons', payload: body })).json();
    const links = () => ctx.db.$client.prepare('SELECT COUNT(*) AS n FROM person_services WHERE person_id = ?').get(created.id);
    const linksBefore = links();
    for (const payload of [body, { ...body, familyName: 'Altro' }]) {
      const again = await budrio({ method: 'POST', url: '/api/persons', payload });
      expect(again.statusCode).toBe(409);
      expect(again.headers['content-type']).toContain('application/problem+json');
      expect(again.json()).toMatchObject({ status: 409, personId: created.id, errors: [{ path: 'fiscalCode' }] });
      expect(again.json().detail).toContain('presa in carico');
    }
    expect(links()).toEqual(linksBefore);
    expect((await budrio({ method: 'GET', url: `/api/persons/${created.id}` })).statusCode).toBe(404);
    const logged = ctx.db.$client
      .prepare("SELECT username, entity_id AS entityId FROM audit_log WHERE action = 'registration_refused' AND person_id = ?")
      .all(created.id);
    expect(logged).toEqual([
      { username: 'cm.budrio', entityId: created.id },
      { username: 'cm.budrio', entityId: created.id },
    ]);
  });

  it('takes a person registered elsewhere into care only on an explicit request with a reason, logged as such', async () => {
    const navile = await ctx.as('cm.navile');
    const budrio = await ctx.as('cm.budrio');
    const created = (await navile({ method: 'POST', url: '/api/persons', payload: personBody(ctx.world.districts.bologna) })).json();
    const url = `/api/persons/${created.id}/take-in-care`;
    const before = auditCount(ctx.db);
    const noReason = await budrio({ method: 'POST', url, payload: {} });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors.map((e: { path: string }) => e.path)).toEqual(['reason']);
    expect(auditCount(ctx.db)).toBe(before);
    const taken = await budrio({ method: 'POST', url, payload: { reason: 'Trasferimento di residenza a Budrio' } });
    expect(taken.statusCode).toBe(200);
    expect(taken.json()).toMatchObject({ id: created.id, fiscalCode: created.fiscalCode });
    expect((await budrio({ method: 'GET', url: `/api/persons/${created.id}` })).statusCode).toBe(200);
    const logged = ctx.db.$client
      .prepare("SELECT username, changes FROM audit_log WHERE action = 'take_in_care' AND person_id = ?")
      .all(created.id) as { username: string; changes: string }[];
    expect(logged.map((row) => ({ username: row.username, changes: JSON.parse(row.changes) }))).toEqual([
      { username: 'cm.budrio', changes: { serviceId: ctx.world.services.budrio, reason: 'Trasferimento di residenza a Budrio' } },
    ]);
    expect((await budrio({ method: 'POST', url, payload: { reason: 'Di nuovo' } })).statusCode).toBe(409);
    expect((await budrio({ method: 'POST', url: '/api/persons/999999/take-in-care', payload: { reason: 'x' } })).statusCode).toBe(404);
    for (const user of ['admin', 'manager', 'uvm.bologna', 'coop.alfa']) {
      expect((await (await ctx.as(user))({ method: 'POST', url, payload: { reason: 'x' } })).statusCode, user).toBe(403);
    }
  });

  it('is refused to the manager, the UVM and cooperatives', async () => {
    for (const user of ['manager', 'uvm.bologna', 'coop.alfa']) {
      const call = await ctx.as(user);
      const res = await call({ method: 'POST', url: '/api/persons', payload: personBody(ctx.world.districts.bologna) });
      expect(res.statusCode, user).toBe(403);
    }
  });
});

describe('finding and reading persons', () => {
  it("searches by name prefix and by codice fiscale within the caller's service only", async () => {
    const navile = await ctx.as('cm.navile');
    const budrio = await ctx.as('cm.budrio');
    const mine = (
      await navile({
        method: 'POST',
        url: '/api/persons',
        payload: personBody(ctx.world.districts.bologna, { familyName: 'Verdi', givenName: 'Anna', sex: 'F' }),
      })
    ).json();
    await budrio({
      method: 'POST',
      url: '/api/persons',
      payload: personBody(ctx.world.districts.pianura, { familyName: 'Verdini', givenName: 'Luca' }),
    });
    const byName = (await navile({ method: 'GET', url: '/api/persons?q=verd' })).json();
    expect(byName.items.map((p: { id: number }) => p.id)).toEqual([mine.id]);
    const byGivenFirst = (await navile({ method: 'GET', url: '/api/persons?q=anna%20ver' })).json();
    expect(byGivenFirst.items).toHaveLength(1);
    const byCode = (await navile({ method: 'GET', url: `/api/persons?q=${mine.fiscalCode.slice(0, 9).toLowerCase()}` })).json();
    expect(byCode.items.map((p: { id: number }) => p.id)).toEqual([mine.id]);
    const manager = await ctx.as('manager');
    expect((await manager({ method: 'GET', url: '/api/persons?q=verd' })).json().items).toHaveLength(2);
  });

  it('pages through results with a cursor', async () => {
    const cm = await ctx.as('cm.navile');
    for (let i = 0; i < 5; i++) await cm({ method: 'POST', url: '/api/persons', payload: personBody(ctx.world.districts.bologna) });
    const first = (await cm({ method: 'GET', url: '/api/persons?limit=2' })).json();
    expect(first.items).toHaveLength(2);
    const second = (await cm({ method: 'GET', url: `/api/persons?limit=2&cursor=${first.nextCursor}` })).json();
    const third = (await cm({ method: 'GET', url: `/api/persons?limit=2&cursor=${second.nextCursor}` })).json();
    const ids = [...first.items, ...second.items, ...third.items].map((p: { id: number }) => p.id);
    expect(new Set(ids).size).toBe(5);
    expect(third.nextCursor).toBeNull();
    expect((await cm({ method: 'GET', url: '/api/persons?cursor=garbage' })).statusCode).toBe(400);
    expect((await cm({ method: 'GET', url: '/api/persons?limit=501' })).statusCode).toBe(400);
  });

  it("lists a case manager's persons by name page after page in the same order as the whole register, both key orders merged", async () => {
    const navile = await ctx.as('cm.navile');
    const budrio = await ctx.as('cm.budrio');
    const names = [
      ['Anna', 'Bianchi'],
      ['Bruno', 'Amato'],
      ['Alberto', 'Costa'],
      ['Carla', 'Alessi'],
      ['Andrea', 'Amato'],
      ['Dario', 'Neri'],
      ['Alba', 'Russo'],
    ];
    const mine = [];
    for (const [givenName, familyName] of names) {
      mine.push(
        (
          await navile({ method: 'POST', url: '/api/persons', payload: personBody(ctx.world.districts.bologna, { givenName, familyName }) })
        ).json(),
      );
    }
    const theirs = (
      await budrio({
        method: 'POST',
        url: '/api/persons',
        payload: personBody(ctx.world.districts.pianura, { givenName: 'Aldo', familyName: 'Amati' }),
      })
    ).json();
    // Taken into a second service: found there by name from then on.
    const shared = personBody(ctx.world.districts.pianura, { givenName: 'Aurora', familyName: 'Zeta' });
    const sharedId = (await budrio({ method: 'POST', url: '/api/persons', payload: shared })).json().id;
    expect((await navile({ method: 'GET', url: '/api/persons?q=aurora' })).json().items).toEqual([]);
    expect(
      (await navile({ method: 'POST', url: `/api/persons/${sharedId}/take-in-care`, payload: { reason: 'Trasferimento' } })).statusCode,
    ).toBe(200);

    const pages = async (call: typeof navile, q: string) => {
      const ids: number[] = [];
      let cursor: string | null = '';
      while (cursor !== null) {
        const res: { items: { id: number }[]; nextCursor: string | null } = (
          await call({ method: 'GET', url: `/api/persons?q=${q}&limit=2${cursor ? `&cursor=${cursor}` : ''}` })
        ).json();
        ids.push(...res.items.map((p) => p.id));
        cursor = res.nextCursor;
      }
      return ids;
    };
    // "a": family names Amato, Amato, Alessi, given names Anna, Alberto, Alba, Aurora (listed under "aurora zeta").
    const byId = new Map(mine.map((p) => [p.id, p]));
    const expected = [...byId.values()]
      .map((p) => ({ id: p.id, key: `${p.familyName} ${p.givenName}`.toLowerCase(), alt: `${p.givenName} ${p.familyName}`.toLowerCase() }))
      .concat([{ id: sharedId, key: 'zeta aurora', alt: 'aurora zeta' }])
      .flatMap((p) =>
        p.key.startsWith('a') ? [{ id: p.id, sortKey: p.key }] : p.alt.startsWith('a') ? [{ id: p.id, sortKey: p.alt }] : [],
      )
      .sort((x, y) => (x.sortKey < y.sortKey ? -1 : x.sortKey > y.sortKey ? 1 : x.id - y.id))
      .map((p) => p.id);
    expect(expected).toHaveLength(7);
    expect(await pages(navile, 'a')).toEqual(expected);
    const manager = await ctx.as('manager');
    const everyone = await pages(manager, 'a');
    expect(everyone.filter((id) => id !== theirs.id)).toEqual(expected);
    expect(await pages(navile, '')).toHaveLength(mine.length + 1);
  });

  it("keeps the search keys copied into each service of a person equal to the person's", async () => {
    const navile = await ctx.as('cm.navile');
    const budrio = await ctx.as('cm.budrio');
    const body = personBody(ctx.world.districts.bologna, { givenName: 'Elena', familyName: 'Fabbri' });
    const id = (await navile({ method: 'POST', url: '/api/persons', payload: body })).json().id;
    await budrio({ method: 'POST', url: `/api/persons/${id}/take-in-care`, payload: { reason: 'Trasferimento' } });
    const client = ctx.db.$client;
    const copies = () =>
      client.prepare('SELECT search_key, search_key_alt FROM person_services WHERE person_id = ? ORDER BY service_id').all(id);
    expect(copies()).toEqual([
      { search_key: 'fabbri elena', search_key_alt: 'elena fabbri' },
      { search_key: 'fabbri elena', search_key_alt: 'elena fabbri' },
    ]);
    client.prepare("UPDATE persons SET search_key = 'fabbri elena maria', search_key_alt = 'elena maria fabbri' WHERE id = ?").run(id);
    expect(copies()).toEqual([
      { search_key: 'fabbri elena maria', search_key_alt: 'elena maria fabbri' },
      { search_key: 'fabbri elena maria', search_key_alt: 'elena maria fabbri' },
    ]);
    expect((await navile({ method: 'GET', url: '/api/persons?q=elena%20maria' })).json().items.map((p: { id: number }) => p.id)).toEqual([
      id,
    ]);
  });

  it('answers 404 for a person of another service, and logs every read', async () => {
    const navile = await ctx.as('cm.navile');
    const budrio = await ctx.as('cm.budrio');
    const person = (await navile({ method: 'POST', url: '/api/persons', payload: personBody(ctx.world.districts.bologna) })).json();
    expect((await budrio({ method: 'GET', url: `/api/persons/${person.id}` })).statusCode).toBe(404);
    const before = auditCount(ctx.db);
    const res = await navile({ method: 'GET', url: `/api/persons/${person.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.json().projects).toEqual([]);
    expect(auditCount(ctx.db)).toBe(before + 1);
  });

  it('treats SQL in the search text as text', async () => {
    const cm = await ctx.as('cm.navile');
    await cm({ method: 'POST', url: '/api/persons', payload: personBody(ctx.world.districts.bologna) });
    const res = await cm({ method: 'GET', url: `/api/persons?q=${encodeURIComponent("' OR 1=1 --")}` });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([]);
  });
});

describe('fiscal code helper', () => {
  it('builds codes the validator accepts', () => {
    expect(fiscalCode('RSSMRA80A01H501')).toBe('RSSMRA80A01H501U');
  });
});

describe('the art. 15 record of a person', () => {
  it('gives the admin everything held about the person, including who accessed it, and logs the export', async () => {
    const { activeProject } = await import('./ptri-fixtures.ts');
    const { person, ptri, cm } = await activeProject(ctx);
    await cm({ method: 'GET', url: `/api/persons/${person.id}` });
    const admin = await ctx.as('admin');
    const res = await admin({ method: 'GET', url: `/api/persons/${person.id}/record` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    const record = res.json();
    expect(record.person.fiscalCode).toBe(person.fiscalCode);
    expect(record.projects.map((p: { id: number }) => p.id)).toEqual([ptri.id]);
    expect(record.goals).toHaveLength(2);
    expect(record.evaluations).toHaveLength(1);
    expect(record.transitions.map((t: { toStatus: string }) => t.toStatus)).toEqual(['submitted', 'active']);
    expect(
      record.accessLog.some((row: { username: string; action: string }) => row.username === 'cm.navile' && row.action === 'read'),
    ).toBe(true);
    const exported = ctx.db.$client
      .prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'export' AND entity = 'person_record' AND person_id = ?")
      .get(person.id);
    expect(exported).toEqual({ n: 1 });
  });

  it('is for the admin only, and 404 for an unknown person', async () => {
    const { person } = await (await import('./ptri-fixtures.ts')).draftProject(ctx);
    for (const user of ['manager', 'cm.navile', 'uvm.bologna', 'coop.alfa']) {
      expect((await (await ctx.as(user))({ method: 'GET', url: `/api/persons/${person.id}/record` })).statusCode, user).toBe(403);
    }
    expect((await (await ctx.as('admin'))({ method: 'GET', url: '/api/persons/99999/record' })).statusCode).toBe(404);
  });
});

describe('searching by codice fiscale', () => {
  it('is not open to cooperatives, who could otherwise guess the code one character at a time', async () => {
    const { activeProject } = await import('./ptri-fixtures.ts');
    const { person } = await activeProject(ctx);
    const coop = await ctx.as('coop.alfa');
    expect((await coop({ method: 'GET', url: `/api/persons?q=${person.fiscalCode}` })).json().items).toEqual([]);
    expect((await coop({ method: 'GET', url: `/api/persons?q=${person.fiscalCode.slice(0, 10)}` })).json().items).toEqual([]);
    expect((await coop({ method: 'GET', url: `/api/ptris?q=${person.fiscalCode}` })).json().items).toEqual([]);
    expect((await coop({ method: 'GET', url: `/api/ptris?q=${person.familyName}` })).json().items).toHaveLength(1);
    const cm = await ctx.as('cm.navile');
    expect((await cm({ method: 'GET', url: `/api/persons?q=${person.fiscalCode}` })).json().items).toHaveLength(1);
    expect((await cm({ method: 'GET', url: `/api/ptris?q=${person.fiscalCode}` })).json().items).toHaveLength(1);
  });
});
