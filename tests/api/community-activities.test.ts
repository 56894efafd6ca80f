// Lot 4 (PACo): the catalogue, enrolments, sessions and the yearly report, rule by rule.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clockAt, type CommunityReport } from '@bds/shared';
import { communityActivitiesInYear } from '@bds/server/figures/definitions.ts';
import { createTestContext, type Caller, type TestContext } from './helpers.ts';
import { activeProject } from './work-helpers.ts';
import { activityBody, addLot4, createActivity, enrol, sessionBody } from './community-helpers.ts';

const TODAY = '2025-06-15';
let ctx: TestContext;
let coop: Caller;
let cm: Caller;

beforeEach(async () => {
  ctx = await createTestContext({ clock: clockAt(TODAY) });
  addLot4(ctx);
  coop = await ctx.as('coop.alfa');
  cm = await ctx.as('cm.navile');
});
afterEach(() => ctx.close());

const audit = (entity: string) =>
  ctx.db.$client
    .prepare('SELECT action, entity_id AS entityId, person_id AS personId FROM audit_log WHERE entity = ? ORDER BY id')
    .all(entity) as {
    action: string;
    entityId: number;
    personId: number | null;
  }[];

describe('the catalogue of community activities', () => {
  it('lets a Lot 4 cooperative create its own activity and records the write', async () => {
    const res = await coop({ method: 'POST', url: '/api/community-activities', payload: activityBody(ctx) });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      title: 'Laboratorio di cucina',
      cooperativeId: ctx.world.coops.alfa,
      from: '2025-01-01',
      to: '2025-12-31',
    });
    expect(audit('community_activity')).toEqual([{ action: 'create', entityId: res.json().id, personId: null }]);
  });

  it('refuses a cooperative that is not in Lot 4, and another cooperative named by a cooperative', async () => {
    const beta = await ctx.as('coop.beta');
    expect((await beta({ method: 'POST', url: '/api/community-activities', payload: activityBody(ctx) })).statusCode).toBe(403);
    const named = await coop({
      method: 'POST',
      url: '/api/community-activities',
      payload: activityBody(ctx, { cooperativeId: ctx.world.coops.beta }),
    });
    expect(named.statusCode).toBe(403);
  });

  it('lets the admin create an activity for a Lot 4 cooperative, naming it', async () => {
    const admin = await ctx.as('admin');
    const ok = await admin({
      method: 'POST',
      url: '/api/community-activities',
      payload: activityBody(ctx, { cooperativeId: ctx.world.coops.alfa }),
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const missing = await admin({ method: 'POST', url: '/api/community-activities', payload: activityBody(ctx) });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].path).toBe('cooperativeId');
    const outside = await admin({
      method: 'POST',
      url: '/api/community-activities',
      payload: activityBody(ctx, { cooperativeId: ctx.world.coops.beta }),
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().errors[0].path).toBe('cooperativeId');
  });

  it('refuses a period that ends before it starts and an unknown district, naming the field', async () => {
    const backwards = await coop({ method: 'POST', url: '/api/community-activities', payload: activityBody(ctx, { to: '2024-12-01' }) });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors[0].path).toBe('to');
    const district = await coop({ method: 'POST', url: '/api/community-activities', payload: activityBody(ctx, { districtId: 999 }) });
    expect(district.statusCode).toBe(400);
    expect(district.json().errors[0].path).toBe('districtId');
  });

  it('pages the catalogue for every role and filters it by district and axis', async () => {
    await createActivity(ctx, { title: 'A', axis: 'work' });
    await createActivity(ctx, { title: 'B', axis: 'sociality' });
    await createActivity(ctx, { title: 'C', axis: 'sociality', districtId: ctx.world.districts.pianura });
    const uvm = await ctx.as('uvm.pianura');
    const first = await uvm({ method: 'GET', url: '/api/community-activities?limit=2' });
    expect(first.statusCode).toBe(200);
    expect(first.json().items.map((a: { title: string }) => a.title)).toEqual(['A', 'B']);
    const second = await uvm({ method: 'GET', url: `/api/community-activities?limit=2&cursor=${first.json().nextCursor}` });
    expect(second.json()).toMatchObject({ items: [{ title: 'C' }], nextCursor: null });
    const filtered = await cm({ method: 'GET', url: `/api/community-activities?districtId=${ctx.world.districts.bologna}&axis=sociality` });
    expect(filtered.json().items.map((a: { title: string }) => a.title)).toEqual(['B']);
    expect((await cm({ method: 'GET', url: '/api/community-activities?axis=sport' })).statusCode).toBe(400);
  });

  it("lets the activity's cooperative change it, answers 404 to another cooperative, and keeps recorded sessions inside the period", async () => {
    const id = await createActivity(ctx);
    const changed = await coop({ method: 'PATCH', url: `/api/community-activities/${id}`, payload: { place: 'Biblioteca Lame' } });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().place).toBe('Biblioteca Lame');
    const beta = await ctx.as('coop.beta');
    expect((await beta({ method: 'PATCH', url: `/api/community-activities/${id}`, payload: { place: 'X' } })).statusCode).toBe(404);
    expect((await coop({ method: 'POST', url: `/api/community-activities/${id}/sessions`, payload: sessionBody() })).statusCode).toBe(201);
    const shrink = await coop({ method: 'PATCH', url: `/api/community-activities/${id}`, payload: { from: '2025-04-01' } });
    expect(shrink.statusCode).toBe(409);
    expect(audit('community_activity').map((row) => row.action)).toEqual(['create', 'update']);
  });
});

describe('enrolments', () => {
  it('lets the case manager of the project’s service enrol a person with an active project, audited against the person', async () => {
    const id = await createActivity(ctx);
    const project = await activeProject(ctx);
    const res = await cm({ method: 'POST', url: `/api/community-activities/${id}/enrolments`, payload: { ptriId: project.id } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ activityId: id, ptriId: project.id, enrolledOn: TODAY });
    expect(audit('community_enrolment')).toEqual([{ action: 'create', entityId: id, personId: project.personId }]);
    const again = await cm({ method: 'POST', url: `/api/community-activities/${id}/enrolments`, payload: { ptriId: project.id } });
    expect(again.statusCode).toBe(409);
  });

  it('refuses a project of another service and a project that is not active', async () => {
    const id = await createActivity(ctx);
    const budrio = await activeProject(ctx, { service: 'budrio' });
    const other = await cm({ method: 'POST', url: `/api/community-activities/${id}/enrolments`, payload: { ptriId: budrio.id } });
    expect(other.statusCode).toBe(400);
    expect(other.json().errors[0].path).toBe('ptriId');
    const navile = await activeProject(ctx);
    const close = await cm({
      method: 'POST',
      url: `/api/ptris/${navile.id}/transitions`,
      payload: { to: 'suspended', reason: 'ricovero' },
    });
    expect(close.statusCode, close.body).toBe(200);
    const suspended = await cm({ method: 'POST', url: `/api/community-activities/${id}/enrolments`, payload: { ptriId: navile.id } });
    expect(suspended.statusCode).toBe(409);
    expect(ctx.db.$client.prepare('SELECT COUNT(*) AS n FROM community_enrolments').get()).toEqual({ n: 0 });
  });

  it('ends an enrolment (audited) and lets the person be enrolled again', async () => {
    const id = await createActivity(ctx);
    const project = await activeProject(ctx);
    await enrol(cm, id, project.id);
    const cmBudrio = await ctx.as('cm.budrio');
    expect((await cmBudrio({ method: 'DELETE', url: `/api/community-activities/${id}/enrolments/${project.id}` })).statusCode).toBe(404);
    expect((await cm({ method: 'DELETE', url: `/api/community-activities/${id}/enrolments/${project.id}` })).statusCode).toBe(204);
    expect((await cm({ method: 'DELETE', url: `/api/community-activities/${id}/enrolments/${project.id}` })).statusCode).toBe(404);
    const detail = await cm({ method: 'GET', url: `/api/community-activities/${id}` });
    expect(detail.json().enrolled).toEqual([]);
    await enrol(cm, id, project.id);
    expect(audit('community_enrolment').map((row) => row.action)).toEqual(['create', 'delete', 'create']);
  });
});

describe('sessions', () => {
  it('bills hours × operators at the lot’s rate and records enrolled attendees', async () => {
    const id = await createActivity(ctx);
    const project = await activeProject(ctx);
    await enrol(cm, id, project.id);
    const res = await coop({
      method: 'POST',
      url: `/api/community-activities/${id}/sessions`,
      payload: sessionBody({ hours: 2.5, operators: 3, attendeePtriIds: [project.id], note: 'Pasta fatta a mano' }),
    });
    expect(res.statusCode, res.body).toBe(201);
    // 2,5 h × 3 operators = 7,5 h at 26,50 €/h.
    expect(res.json()).toMatchObject({
      hours: 2.5,
      operators: 3,
      billedHours: 7.5,
      amount: 198.75,
      attendees: 1,
      attendeePtriIds: [project.id],
    });
    expect(audit('community_attendance')).toEqual([{ action: 'create', entityId: res.json().id, personId: project.personId }]);
  });

  it('refuses an attendee who is not enrolled with 400 on that attendee, and stores nothing', async () => {
    const id = await createActivity(ctx);
    const enrolled = await activeProject(ctx);
    const stranger = await activeProject(ctx);
    await enrol(cm, id, enrolled.id);
    const res = await coop({
      method: 'POST',
      url: `/api/community-activities/${id}/sessions`,
      payload: sessionBody({ attendeePtriIds: [enrolled.id, stranger.id] }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: 'attendeePtriIds.1', message: expect.stringContaining('non è iscritto') }]);
    expect(ctx.db.$client.prepare('SELECT COUNT(*) AS n FROM community_sessions').get()).toEqual({ n: 0 });
  });

  it('refuses a session in the future, outside the period, in a submitted month, or by another cooperative', async () => {
    const id = await createActivity(ctx, { from: '2025-02-01', to: '2025-05-31' });
    const url = `/api/community-activities/${id}/sessions`;
    const future = await coop({ method: 'POST', url, payload: sessionBody({ date: '2025-06-20' }) });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0].path).toBe('date');
    expect((await coop({ method: 'POST', url, payload: sessionBody({ date: '2025-01-15' }) })).statusCode).toBe(400);
    expect((await coop({ method: 'POST', url, payload: sessionBody({ operators: 0 }) })).statusCode).toBe(400);
    expect((await coop({ method: 'POST', url, payload: sessionBody({ otherParticipants: -1 }) })).statusCode).toBe(400);
    ctx.db.$client
      .prepare("INSERT INTO monthly_reports (cooperative_id, month, status, submitted_at) VALUES (?, '2025-03', 'submitted', '2025-04-01')")
      .run(ctx.world.coops.alfa);
    expect((await coop({ method: 'POST', url, payload: sessionBody({ date: '2025-03-05' }) })).statusCode).toBe(409);
    const beta = await ctx.as('coop.beta');
    expect((await beta({ method: 'POST', url, payload: sessionBody({ date: '2025-04-05' }) })).statusCode).toBe(404);
    expect(ctx.db.$client.prepare('SELECT COUNT(*) AS n FROM community_sessions').get()).toEqual({ n: 0 });
  });

  it('keeps other participants and volunteers as counts, never linked to any person', async () => {
    const id = await createActivity(ctx);
    const project = await activeProject(ctx);
    await enrol(cm, id, project.id);
    await coop({
      method: 'POST',
      url: `/api/community-activities/${id}/sessions`,
      payload: sessionBody({ attendeePtriIds: [project.id], otherParticipants: 7, volunteers: 2 }),
    });
    const attendances = ctx.db.$client.prepare('SELECT ptri_id AS ptriId, person_id AS personId FROM community_attendances').all();
    expect(attendances).toEqual([{ ptriId: project.id, personId: project.personId }]);
    const session = ctx.db.$client.prepare('SELECT other_participants AS o, volunteers AS v FROM community_sessions').get();
    expect(session).toEqual({ o: 7, v: 2 });
    // The access log names only the enrolled person: nobody else is a person here.
    const named = ctx.db.$client
      .prepare("SELECT DISTINCT person_id AS personId FROM audit_log WHERE entity LIKE 'community_%' AND person_id IS NOT NULL")
      .all();
    expect(named).toEqual([{ personId: project.personId }]);
    const detail = await (await ctx.as('manager'))({ method: 'GET', url: `/api/community-activities/${id}` });
    expect(detail.json().sessions[0]).toMatchObject({ attendees: 1, otherParticipants: 7, volunteers: 2 });
  });
});

describe('who sees whom', () => {
  /** An activity of Coop Alfa with a Navile person whose project Coop Beta runs, and one session. */
  async function world() {
    const id = await createActivity(ctx);
    const project = await activeProject(ctx, { cooperatives: ['beta'] });
    await enrol(cm, id, project.id);
    await coop({
      method: 'POST',
      url: `/api/community-activities/${id}/sessions`,
      payload: sessionBody({ attendeePtriIds: [project.id], note: 'MARKER-SESSION-NOTE' }),
    });
    return { id, project };
  }

  it("gives the activity's cooperative the enrolled names and nothing else of them", async () => {
    const { id, project } = await world();
    const res = await coop({ method: 'GET', url: `/api/community-activities/${id}` });
    expect(res.statusCode).toBe(200);
    const { enrolled } = res.json();
    expect(enrolled).toHaveLength(1);
    expect(Object.keys(enrolled[0]).sort()).toEqual(['enrolledOn', 'personName', 'ptriId']);
    const person = ctx.db.$client.prepare('SELECT fiscal_code AS fc, birth_date AS bd FROM persons WHERE id = ?').get(project.personId) as {
      fc: string;
      bd: string;
    };
    expect(res.body).not.toContain(person.fc);
    expect(res.body).not.toContain(person.bd);
    expect(res.json().sessions[0].note).toBe('MARKER-SESSION-NOTE');
    // The name is all: the person and the project stay out of the cooperative's reach.
    expect((await coop({ method: 'GET', url: `/api/persons/${project.personId}` })).statusCode).toBe(404);
    expect((await coop({ method: 'GET', url: `/api/ptris/${project.id}` })).statusCode).toBe(404);
    expect(audit('community_activity').filter((row) => row.action === 'read')).toHaveLength(1);
  });

  it('gives another cooperative no names, no attendees and no notes, and case managers only their own service’s persons', async () => {
    const { id, project } = await world();
    const beta = await (await ctx.as('coop.beta'))({ method: 'GET', url: `/api/community-activities/${id}` });
    expect(beta.json().enrolled).toEqual([]);
    expect(beta.json().sessions[0]).toMatchObject({ attendeePtriIds: [], attendees: 1 });
    expect(beta.body).not.toContain('MARKER');
    const budrio = await (await ctx.as('cm.budrio'))({ method: 'GET', url: `/api/community-activities/${id}` });
    expect(budrio.json().enrolled).toEqual([]);
    expect(budrio.json().sessions[0].attendeePtriIds).toEqual([]);
    const navile = await cm({ method: 'GET', url: `/api/community-activities/${id}` });
    expect(navile.json().enrolled.map((e: { ptriId: number }) => e.ptriId)).toEqual([project.id]);
    expect(navile.body).not.toContain('MARKER');
    const manager = await (await ctx.as('manager'))({ method: 'GET', url: `/api/community-activities/${id}` });
    expect(manager.body).toContain('MARKER-SESSION-NOTE');
  });

  it("shows on the project's page the activities the person attends, within the caller's scope", async () => {
    const { id, project } = await world();
    const res = await cm({ method: 'GET', url: `/api/ptris/${project.id}/community-activities` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([
      {
        activityId: id,
        title: 'Laboratorio di cucina',
        axis: 'sociality',
        districtId: ctx.world.districts.bologna,
        place: 'Casa di quartiere Navile',
        enrolledOn: TODAY,
        endedOn: null,
        attendances: 1,
        lastAttended: '2025-03-05',
      },
    ]);
    expect((await (await ctx.as('uvm.bologna'))({ method: 'GET', url: `/api/ptris/${project.id}/community-activities` })).statusCode).toBe(
      200,
    );
    expect((await (await ctx.as('cm.budrio'))({ method: 'GET', url: `/api/ptris/${project.id}/community-activities` })).statusCode).toBe(
      404,
    );
    expect((await coop({ method: 'GET', url: `/api/ptris/${project.id}/community-activities` })).statusCode).toBe(403);
  });
});

describe('the yearly report of community activities', () => {
  it('gives per activity, district and axis the figures recomputed from the raw sessions, persons never as users', async () => {
    const kitchen = await createActivity(ctx);
    const garden = await createActivity(ctx, { title: 'Orto condiviso', axis: 'work', districtId: ctx.world.districts.pianura });
    const a = await activeProject(ctx);
    const b = await activeProject(ctx);
    for (const activity of [kitchen, garden]) for (const p of [a, b]) await enrol(cm, activity, p.id);
    const post = (activity: number, body: Record<string, unknown>) =>
      coop({ method: 'POST', url: `/api/community-activities/${activity}/sessions`, payload: sessionBody(body) });
    await post(kitchen, { date: '2025-02-03', hours: 2, operators: 2, attendeePtriIds: [a.id, b.id], otherParticipants: 5, volunteers: 1 });
    await post(kitchen, { date: '2025-02-10', hours: 2, operators: 1, attendeePtriIds: [a.id], otherParticipants: 3, volunteers: 0 });
    await post(garden, { date: '2025-04-01', hours: 3, operators: 2, attendeePtriIds: [a.id], otherParticipants: 0, volunteers: 2 });
    const manager = await ctx.as('manager');
    const res = await manager({ method: 'GET', url: '/api/reports/community-activities?year=2025' });
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report).not.toHaveProperty('users');
    expect(report.throughDate).toBe(TODAY);
    expect(report.rows).toEqual([
      expect.objectContaining({
        activityId: kitchen,
        sessions: 2,
        hours: 6,
        amount: 159,
        persons: 2,
        attendances: 3,
        otherParticipants: 8,
        volunteers: 1,
      }),
      expect.objectContaining({
        activityId: garden,
        sessions: 1,
        hours: 6,
        amount: 159,
        persons: 1,
        attendances: 1,
        otherParticipants: 0,
        volunteers: 2,
      }),
    ]);
    expect(report.byAxis.map((x: { axis: string; persons: number }) => [x.axis, x.persons])).toEqual([
      ['sociality', 2],
      ['work', 1],
    ]);
    // Person a attended both activities: once in the total.
    expect(report.total).toMatchObject({
      activities: 2,
      sessions: 3,
      hours: 12,
      amount: 318,
      persons: 2,
      attendances: 4,
      otherParticipants: 8,
    });
    const defined = communityActivitiesInYear(ctx.db, 2025, TODAY);
    expect(defined.personsOverall).toBe(report.total.persons);
    for (const row of report.rows) {
      const raw = defined.perActivity.find((d) => d.activityId === row.activityId)!;
      expect(row).toMatchObject({
        sessions: raw.sessions,
        hours: raw.billedMinutes / 60,
        amount: raw.amountCents / 100,
        persons: raw.persons,
        attendances: raw.attendances,
        otherParticipants: raw.otherParticipants,
      });
    }
    const filtered = await manager({
      method: 'GET',
      url: `/api/reports/community-activities?year=2025&districtId=${ctx.world.districts.pianura}`,
    });
    expect(filtered.json().rows.map((r: { activityId: number }) => r.activityId)).toEqual([garden]);
    expect((await manager({ method: 'GET', url: '/api/reports/community-activities?year=2026' })).json()).toMatchObject({
      rows: [],
      throughDate: null,
    });
  });

  it('gives the same rows as CSV, the way Italian spreadsheets open it', async () => {
    const id = await createActivity(ctx);
    await coop({ method: 'POST', url: `/api/community-activities/${id}/sessions`, payload: sessionBody({ hours: 1.5, operators: 1 }) });
    const res = await (await ctx.as('manager'))({ method: 'GET', url: '/api/reports/community-activities?year=2025&format=csv' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Attività;Asse;Distretto;Incontri;Ore fatturate;Importo;Persone con progetto;Presenze;Altri partecipanti;Volontari',
    );
    expect(lines[1]).toBe('Laboratorio di cucina;Affettività/Socialità;Città di Bologna;1;1,5;39,75;0;0;4;1');
    expect(lines.at(-1)).toBe('Totale;;;1;1,5;39,75;0;0;4;1');
  });

  it('pages its activities by id, every page with the totals of every activity of the filter', async () => {
    const { bologna, pianura } = ctx.world.districts;
    const ids = [
      await createActivity(ctx),
      await createActivity(ctx, { title: 'Orto condiviso', axis: 'work', districtId: pianura }),
      await createActivity(ctx, { title: 'Coro', axis: 'sociality' }),
    ];
    for (const [i, id] of ids.entries())
      for (let n = 0; n <= i; n++)
        await coop({ method: 'POST', url: `/api/community-activities/${id}/sessions`, payload: sessionBody({ otherParticipants: i + n }) });
    const manager = await ctx.as('manager');
    const read = async (query: string) => {
      const res = await manager({ method: 'GET', url: `/api/reports/community-activities?year=2025${query}` });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<CommunityReport>();
    };
    const whole = await read('');
    expect(whole.rows.map((r) => r.activityId)).toEqual(ids);
    expect(whole.nextCursor).toBeNull();
    const pages: CommunityReport[] = [await read('&limit=1')];
    while (pages.at(-1)!.nextCursor) pages.push(await read(`&limit=1&cursor=${pages.at(-1)!.nextCursor}`));
    expect(pages).toHaveLength(3);
    expect(pages.flatMap((p) => p.rows)).toEqual(whole.rows);
    const totalsOf = (r: CommunityReport) => [r.byDistrict, r.byAxis, r.total];
    for (const p of pages) expect(totalsOf(p)).toEqual(totalsOf(whole));
    const sum = (
      rows: CommunityReport['rows'],
      key: 'sessions' | 'hours' | 'amount' | 'attendances' | 'otherParticipants' | 'volunteers',
    ) => rows.reduce((n, r) => n + r[key], 0);
    for (const key of ['sessions', 'hours', 'amount', 'attendances', 'otherParticipants', 'volunteers'] as const) {
      expect(whole.total[key], key).toBe(sum(whole.rows, key));
      for (const d of whole.byDistrict)
        expect(d[key]).toBe(
          sum(
            whole.rows.filter((r) => r.districtId === d.districtId),
            key,
          ),
        );
    }
    expect(whole.total.activities).toBe(3);
    // Moved to another district, an activity takes its year's figures with it.
    const moved = await coop({ method: 'PATCH', url: `/api/community-activities/${ids[2]}`, payload: { districtId: pianura } });
    expect(moved.statusCode, moved.body).toBe(200);
    const after = await read('');
    const districtOf = (r: CommunityReport, id: number) => r.byDistrict.find((d) => d.districtId === id);
    expect(districtOf(after, bologna)).toMatchObject({ activities: 1, sessions: 1, otherParticipants: 0 });
    expect(districtOf(after, pianura)).toMatchObject({ activities: 2, sessions: 5, otherParticipants: 3 + 9 });
    expect((await read(`&districtId=${pianura}&limit=1`)).rows.map((r) => r.activityId)).toEqual([ids[1]]);
    // The CSV holds every activity whatever the page.
    const csv = await manager({ method: 'GET', url: '/api/reports/community-activities?year=2025&format=csv&limit=1' });
    expect(csv.body.split('\r\n').filter((l) => /^(Laboratorio di cucina|Orto condiviso|Coro);/.test(l))).toHaveLength(3);
  });

  it('keeps its summary equal to the recomputation from raw rows after any sequence of sessions', async () => {
    const activities = [await createActivity(ctx), await createActivity(ctx, { title: 'Coro', axis: 'sociality' })];
    const projects = [await activeProject(ctx), await activeProject(ctx), await activeProject(ctx)];
    for (const activity of activities) for (const p of projects.slice(0, 2)) await enrol(cm, activity, p.id);
    await enrol(cm, activities[1]!, projects[2]!.id);
    const manager = await ctx.as('manager');
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            activity: fc.nat(1),
            month: fc.integer({ min: 1, max: 6 }),
            day: fc.integer({ min: 1, max: 28 }),
            quarters: fc.integer({ min: 1, max: 16 }),
            operators: fc.integer({ min: 1, max: 4 }),
            attendees: fc.subarray([0, 1, 2]),
            others: fc.nat(12),
          }),
          { maxLength: 6 },
        ),
        async (sessions) => {
          for (const s of sessions) {
            const date = `2025-${String(s.month).padStart(2, '0')}-${String(s.day).padStart(2, '0')}`;
            await coop({
              method: 'POST',
              url: `/api/community-activities/${activities[s.activity]}/sessions`,
              payload: sessionBody({
                date,
                hours: s.quarters / 4,
                operators: s.operators,
                attendeePtriIds: s.attendees.map((i) => projects[i]!.id),
                otherParticipants: s.others,
              }),
            });
          }
          const report = (await manager({ method: 'GET', url: '/api/reports/community-activities?year=2025' })).json();
          const defined = communityActivitiesInYear(ctx.db, 2025, TODAY);
          expect(report.total.persons).toBe(defined.personsOverall);
          const byId = (a: number[], b: number[]) => a[0]! - b[0]!;
          expect(
            report.rows
              .map((r: Record<string, number>) => [
                r.activityId,
                r.sessions,
                r.hours,
                r.amount,
                r.persons,
                r.attendances,
                r.otherParticipants,
              ])
              .sort(byId),
          ).toEqual(
            defined.perActivity.map((d) => [
              d.activityId,
              d.sessions,
              d.billedMinutes / 60,
              d.amountCents / 100,
              d.persons,
              d.attendances,
              d.otherParticipants,
            ]),
          );
        },
      ),
      { numRuns: 15 },
    );
  });
});

describe("sessions in the cooperative's month and the lot totals", () => {
  it('form the month’s community part, reviewed by a manager, and count in Lot 4’s totals with persons, never users', async () => {
    const id = await createActivity(ctx);
    const project = await activeProject(ctx);
    await enrol(cm, id, project.id);
    const url = `/api/community-activities/${id}/sessions`;
    // 2 h × 2 operators and 1,5 h × 1 operator: 5,5 billed hours at 26,50 €/h.
    await coop({ method: 'POST', url, payload: sessionBody({ date: '2025-03-05', attendeePtriIds: [project.id], otherParticipants: 4 }) });
    await coop({ method: 'POST', url, payload: sessionBody({ date: '2025-03-12', hours: 1.5, operators: 1, otherParticipants: 6 }) });
    const reports = `/api/cooperatives/${ctx.world.coops.alfa}/reports`;
    const march = async () =>
      (await coop({ method: 'GET', url: `${reports}?year=2025` })).json().months.find((m: { month: string }) => m.month === '2025-03');
    expect((await march()).parts).toContainEqual(
      expect.objectContaining({
        kind: 'community_activities',
        serviceId: null,
        status: 'open',
        totals: { interventions: 2, hours: 5.5, amount: 145.75 },
      }),
    );
    const manager = await ctx.as('manager');
    const totals = async () => {
      const res = await manager({ method: 'GET', url: '/api/reports/lot-totals?year=2025' });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().lots.find((lot: { lotNumber: number }) => lot.lotNumber === 4);
    };
    const pending = await totals();
    expect(pending).toMatchObject({ pending: { hours: 5.5, amount: 145.75 }, validated: { hours: 0 }, persons: 1, otherParticipants: 10 });
    expect(pending).not.toHaveProperty('users');
    expect(pending.cooperatives).toEqual([
      expect.objectContaining({ cooperativeId: ctx.world.coops.alfa, persons: 1, otherParticipants: 10 }),
    ]);

    expect((await coop({ method: 'POST', url: `${reports}/2025-03/submit` })).statusCode).toBe(200);
    const locked = await coop({ method: 'POST', url, payload: sessionBody({ date: '2025-03-19' }) });
    expect(locked.statusCode).toBe(409);
    const review = await manager({
      method: 'POST',
      url: `${reports}/2025-03/parts/community_activities/review`,
      payload: { decision: 'validated' },
    });
    expect(review.statusCode, review.body).toBe(200);
    expect(await totals()).toMatchObject({ validated: { hours: 5.5, amount: 145.75 }, pending: { hours: 0 } });
    // A case manager's share of the lot totals is their service's: the department-wide sessions are not in it.
    const navile = (await cm({ method: 'GET', url: '/api/reports/lot-totals?year=2025' })).json();
    expect(navile.lots.find((lot: { lotNumber: number }) => lot.lotNumber === 4)).toBeUndefined();
  });
});
