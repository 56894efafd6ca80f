// Each role gets only what its work needs: a cooperative never receives clinical content or
// identifying details, and a case manager never receives another service's data, even inside
// an aggregate.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIELD_ACCESS, FREE_TEXT_FIELDS, type AccessObject, type Role } from '@bds/shared';
import { createFixtures, ROLES, sharedDraft, type Fixtures } from './fixtures.ts';
import { ROUTE_MATRIX } from './route-matrix.ts';
import { splitRoute } from './request.ts';

let f: Fixtures;
beforeAll(async () => {
  f = await createFixtures();
});
afterAll(() => f.ctx.close());

/** Every GET the matrix allows to the role, on in-scope records, plus filtered and CSV variants and every listed record. */
async function repliesFor(role: Role, extra: string[]): Promise<Map<string, string>> {
  const urls = new Set<string>(extra);
  for (const [key, entry] of Object.entries(ROUTE_MATRIX)) {
    const { method, path } = splitRoute(key);
    if (method !== 'GET' || entry.allowed === 'public' || !entry.allowed.includes(role)) continue;
    urls.add(entry.probe?.url(f) ?? path);
  }
  const replies = new Map<string, string>();
  const call = f.callers[role];
  for (const url of urls) {
    const res = await call({ method: 'GET', url });
    if (res.statusCode === 200) replies.set(url, res.body);
    for (const kind of ['persons', 'ptris'] as const) {
      if (res.statusCode !== 200 || url.split('?')[0] !== `/api/${kind}`) continue;
      for (const item of (res.json() as { items: { id: number }[] }).items) {
        const detail = await call({ method: 'GET', url: `/api/${kind}/${item.id}` });
        replies.set(`/api/${kind}/${item.id}`, detail.body);
      }
    }
  }
  return replies;
}

function walk(value: unknown, visit: (key: string, value: unknown) => void, key = ''): void {
  if (Array.isArray(value)) value.forEach((item) => walk(item, visit, key));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, visit, k);
  else visit(key, value);
  if (value && typeof value === 'object' && !Array.isArray(value)) for (const k of Object.keys(value)) visit(`${k}:present`, true);
}

function parse(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

function fiscalCodes(): string[] {
  return (f.ctx.db.$client.prepare('SELECT fiscal_code AS code FROM persons').all() as { code: string }[]).map((row) => row.code);
}

describe('a cooperative account', () => {
  it('never receives evaluation scores or notes, a codice fiscale or a birth date, on any route it can read', async () => {
    const replies = await repliesFor('cooperative', [
      '/api/ptris?status=active',
      `/api/interventions?ptriId=${f.mine.ptriId}`,
      '/api/persons?q=Cognome',
      '/api/reports/lot-totals?year=2025&month=2025-02',
      '/api/reports/lot-totals?year=2025&format=csv',
      '/api/monthly-reports?year=2025',
      `/api/cooperatives/${f.mine.cooperativeId}/reports/2025-02/template.csv`,
      `/api/flats/${f.flats.mine.flatId}`,
      `/api/community-activities/${f.other.activityId}`,
    ]);
    expect(replies.size).toBeGreaterThanOrEqual(12);
    const forbiddenKeys = ['fiscalCode', 'birthDate', 'sex', 'scores', 'honos', 'honosTotal', 'members', 'evaluationNotes'];
    const forbiddenText = [...fiscalCodes(), '1980-01-01', 'Nota clinica riservata', 'Dott.ssa Bianchi'];
    for (const [url, body] of replies) {
      for (const text of forbiddenText) expect(body, `${url} contains "${text}"`).not.toContain(text);
      walk(parse(body), (key) => {
        const name = key.replace(/:present$/, '');
        expect(forbiddenKeys, `${url} has the field ${name}`).not.toContain(name);
      });
    }
  });
});

describe('a draft shared with a cooperative', () => {
  it('reaches it with goals, budget and proposals, never the notes, a codice fiscale or a birth date', async () => {
    const draft = await sharedDraft(f);
    const replies = await repliesFor('cooperative', [
      '/api/ptris?status=draft',
      `/api/ptris/${draft.ptriId}/proposals`,
      `/api/ptris/${draft.ptriId}/share`,
      `/api/persons/${f.mine.personId}`,
    ]);
    const page = replies.get(`/api/ptris/${draft.ptriId}`);
    expect(page, 'the shared draft is listed and read').toContain('Ricerca di un alloggio in coabitazione');
    expect(replies.get(`/api/ptris/${draft.ptriId}/proposals`)).toContain('Proposta della cooperativa');
    for (const [url, body] of replies) {
      for (const text of [...fiscalCodes(), '1980-01-01', 'Nota clinica riservata'])
        expect(body, `${url} contains "${text}"`).not.toContain(text);
      walk(parse(body), (key) => expect(['fiscalCode', 'birthDate', 'benefits'], `${url}`).not.toContain(key.replace(/:present$/, '')));
    }
    const project = JSON.parse(page!) as Record<string, unknown>;
    expect(project).not.toHaveProperty('notes');
  });
});

describe("a person's benefits and income", () => {
  it('reach the case manager and the manager, never a cooperative nor the UVM, on any route they can read', async () => {
    const recorded = await f.callers.case_manager({
      method: 'PUT',
      url: `/api/persons/${f.mine.personId}/benefits`,
      payload: [{ kind: 'disability_allowance', monthlyAmount: 336.43, from: '2023-05-01' }],
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
    for (const role of ['case_manager', 'manager'] as const) {
      const page = (await f.callers[role]({ method: 'GET', url: `/api/ptris/${f.mine.ptriId}` })).json() as { benefits?: unknown[] };
      expect(page.benefits, role).toEqual([{ kind: 'disability_allowance', monthlyAmount: 336.43, from: '2023-05-01', to: null }]);
    }
    for (const role of ['cooperative', 'uvm'] as const) {
      const replies = await repliesFor(role, ['/api/ptris?status=active', `/api/ptris/${f.mine.ptriId}`]);
      expect(replies.size).toBeGreaterThanOrEqual(8);
      for (const [url, body] of replies) {
        expect(body, `${url} carries the amount`).not.toContain('336.43');
        walk(parse(body), (key) => expect(key.replace(/:present$/, ''), `${role} ${url}`).not.toBe('benefits'));
      }
      const direct = await f.callers[role]({ method: 'GET', url: `/api/persons/${f.mine.personId}/benefits` });
      expect(direct.statusCode).toBe(403);
    }
  });
});

describe('a case manager', () => {
  it('receives no person, project, intervention or figure of another service, even inside reports', async () => {
    const replies = await repliesFor('case_manager', [
      '/api/ptris?status=active',
      `/api/ptris?serviceId=${f.ctx.world.services.budrio}`,
      '/api/persons?q=Cognome',
      `/api/interventions?cooperativeId=${f.other.cooperativeId}`,
      `/api/interventions?ptriId=${f.other.ptriId}`,
      `/api/cooperatives/${f.other.cooperativeId}/reports?year=2025`,
      '/api/monthly-reports',
      '/api/reports/yearly-counts?year=2025&lot=1&format=csv',
      '/api/reports/lot-totals?year=2025&month=2025-02',
      '/api/reports/caseload?date=2025-03-01',
      `/api/reports/caseload?date=2025-03-01&serviceId=${f.ctx.world.services.budrio}`,
      '/api/reports/reviews-due?within=365',
      `/api/flats/${f.flats.other.flatId}`,
      '/api/reports/flats?year=2025&format=csv',
      `/api/community-activities/${f.mine.activityId}`,
      `/api/community-activities/${f.other.activityId}`,
      '/api/reports/budget-composition?year=2025',
    ]);
    const navile = f.ctx.world.services.navile;
    const otherCode = (
      f.ctx.db.$client.prepare('SELECT fiscal_code AS code FROM persons WHERE id = ?').get(f.other.personId) as { code: string }
    ).code;
    const reference = ['/api/districts', '/api/services', '/api/cooperatives', '/api/lots', '/api/activities', '/api/scales', '/api/me'];
    let checked = 0;
    for (const [url, body] of replies) {
      if (reference.includes(url)) continue;
      checked += 1;
      for (const text of ['CognomeBud', 'CognomeFlatBud', otherCode, 'CSM Budrio', 'CSM-BUDRIO', 'Coop Beta'])
        expect(body, `${url} contains "${text}"`).not.toContain(text);
      walk(parse(body), (key, value) => {
        if (key === 'serviceId') expect(value, `${url}: serviceId`).toBe(navile);
        if (key === 'ptriId' && value !== null) expect([f.mine.ptriId, f.flats.mine.ptriId], `${url}: ptriId`).toContain(value);
        if (key === 'personId') expect([f.mine.personId, f.flats.mine.personId], `${url}: personId`).toContain(value);
      });
    }
    expect(checked).toBeGreaterThanOrEqual(12);
  });
});

describe('a social worker', () => {
  it('never receives HoNOS or other scores, clinical notes, or anyone living outside the district, on any route it can read', async () => {
    const replies = await repliesFor('social_worker', [
      '/api/ptris?status=active',
      `/api/ptris?serviceId=${f.ctx.world.services.budrio}`,
      '/api/persons?q=Cognome',
      `/api/ptris/${f.mine.ptriId}/evaluations`,
      `/api/ptris/${f.mine.ptriId}/history`,
      `/api/resources/${f.resourceId}`,
      '/api/reports/resources?format=csv',
    ]);
    expect(replies.size).toBeGreaterThanOrEqual(12);
    // It does see the in-scope project and the outcome the UVM gave it.
    expect(replies.get(`/api/ptris/${f.mine.ptriId}/evaluations`)).toContain('"outcome":"approved"');
    const otherCode = (
      f.ctx.db.$client.prepare('SELECT fiscal_code AS code FROM persons WHERE id = ?').get(f.other.personId) as { code: string }
    ).code;
    const forbiddenKeys = ['scores', 'honos', 'honosTotal', 'scaleResults', 'notes', 'reason', 'changes'];
    for (const [url, body] of replies) {
      for (const text of ['Nota clinica riservata', 'CognomeBud', 'CognomeFlatBud', otherCode])
        expect(body, `${url} contains "${text}"`).not.toContain(text);
      walk(parse(body), (key, value) => {
        const name = key.replace(/:present$/, '');
        expect(forbiddenKeys, `${url} has the field ${name}`).not.toContain(name);
        // The flat's resident of this side lives in the same district.
        if (key === 'personId') expect([f.mine.personId, f.flats.mine.personId], `${url}: personId`).toContain(value);
        if (key === 'ptriId' && value !== null) expect([f.mine.ptriId, f.flats.mine.ptriId], `${url}: ptriId`).toContain(value);
      });
    }
  });
});

/** Each free-text field as `object.field`, with the roles the access table withholds it from. */
const WITHHELD_TEXT = (Object.keys(FREE_TEXT_FIELDS) as AccessObject[])
  .flatMap((object) =>
    FREE_TEXT_FIELDS[object].map((field) => ({
      name: `${object}.${field}`,
      from: ROLES.filter((role) => !(FIELD_ACCESS[role][object] as Record<string, boolean>)[field]),
    })),
  )
  .filter((entry) => entry.from.length > 0);

const marker = (name: string) => `MARCATORE-${name.replace('.', '-')}-RISERVATO`;

/**
 * How a marker gets into each free-text field of the in-scope project, by the account whose work
 * writes it. A field the table withholds from some role and that is missing here fails the test.
 */
const PLANT: Record<string, (text: string) => Promise<void>> = {
  'project.notes': async (text) => {
    const res = await f.callers.case_manager({
      method: 'PATCH',
      url: `/api/ptris/${f.mine.ptriId}`,
      payload: { version: versionOf(f.mine.ptriId), notes: text },
    });
    expect(res.statusCode, res.body).toBe(200);
  },
  'evaluation.notes': async (text) => {
    const res = await f.callers.uvm({
      method: 'POST',
      url: `/api/ptris/${f.mine.ptriId}/evaluations`,
      payload: {
        date: '2025-03-01',
        kind: 'review',
        members: [{ name: 'Equipe UVM', role: 'psichiatra', organisation: 'health_service' }],
        outcome: 'approved',
        notes: text,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
  },
  'evaluation.members': async (text) => {
    const res = await f.callers.uvm({
      method: 'POST',
      url: `/api/ptris/${f.mine.ptriId}/evaluations`,
      payload: {
        date: '2025-03-01',
        kind: 'extraordinary',
        members: [{ name: text, role: 'psichiatra', organisation: 'health_service' }],
        outcome: 'approved',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
  },
  'signature.name': async (text) => {
    const revision = (f.ctx.db.$client.prepare('SELECT revision FROM ptris WHERE id = ?').get(f.mine.ptriId) as { revision: number })
      .revision;
    const res = await f.callers.case_manager({
      method: 'POST',
      url: `/api/ptris/${f.mine.ptriId}/signatures`,
      payload: { revision, signer: 'family', name: text, date: '2025-03-01', method: 'paper' },
    });
    expect(res.statusCode, res.body).toBe(201);
  },
  // Both kinds of history entry carry a reason: a revision's and a lifecycle move's.
  'history.reason': async (text) => {
    const cm = f.callers.case_manager;
    const url = `/api/ptris/${f.mine.ptriId}`;
    const revised = await cm({
      method: 'PATCH',
      url,
      payload: { version: versionOf(f.mine.ptriId), intensity: 'low', reason: `${text} revisione` },
    });
    expect(revised.statusCode, revised.body).toBe(200);
    const suspended = await cm({
      method: 'POST',
      url: `${url}/transitions`,
      payload: { to: 'suspended', reason: `${text} sospensione`, date: '2025-03-02' },
    });
    expect(suspended.statusCode, suspended.body).toBe(200);
    const resumed = await cm({ method: 'POST', url: `${url}/transitions`, payload: { to: 'active', date: '2025-03-03' } });
    expect(resumed.statusCode, resumed.body).toBe(200);
  },
  'stay.note': async (text) => {
    const res = await f.callers.case_manager({
      method: 'POST',
      url: `/api/stays/${f.flats.mine.stayId}/end`,
      payload: { date: '2025-06-30', destination: 'supported_housing', note: text },
    });
    expect(res.statusCode, res.body).toBe(200);
  },
  'communitySession.note': async (text) => {
    const res = await f.callers.cooperative({
      method: 'POST',
      url: `/api/community-activities/${f.mine.activityId}/sessions`,
      payload: {
        date: '2025-03-11',
        hours: 1,
        operators: 1,
        attendeePtriIds: [f.mine.ptriId],
        otherParticipants: 0,
        volunteers: 0,
        note: text,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
  },
};

function versionOf(ptriId: number): number {
  return (f.ctx.db.$client.prepare('SELECT version FROM ptris WHERE id = ?').get(ptriId) as { version: number }).version;
}

/** The reads of every role beyond the matrix's probes: filtered lists and every CSV. */
const EXTRA_READS = (fx: Fixtures) => [
  '/api/ptris?status=active',
  `/api/ptris?personId=${fx.mine.personId}`,
  `/api/interventions?ptriId=${fx.mine.ptriId}`,
  '/api/persons?q=Cognome',
  '/api/reports/lot-totals?year=2025&month=2025-02',
  '/api/reports/lot-totals?year=2025&format=csv',
  '/api/reports/yearly-counts?year=2025&lot=1&format=csv',
  '/api/reports/caseload?date=2025-03-01&format=csv',
  '/api/reports/reviews-due?within=365&format=csv',
  '/api/monthly-reports?year=2025',
  `/api/ptris/${fx.mine.ptriId}/history`,
  `/api/ptris/${fx.mine.ptriId}/evaluations`,
  `/api/ptris/${fx.mine.ptriId}/signatures`,
  '/api/audit?format=csv',
  `/api/community-activities/${fx.other.activityId}`,
  '/api/reports/community-activities?year=2025&format=csv',
];

describe('free text the access table withholds', () => {
  beforeAll(async () => {
    for (const { name } of WITHHELD_TEXT) {
      const plant = PLANT[name];
      if (!plant) throw new Error(`no way to plant a marker in ${name}: add one to PLANT`);
      await plant(marker(name));
    }
  });

  it('is planted where the roles that receive it read it', async () => {
    const seen = [...(await repliesFor('admin', EXTRA_READS(f))).values()].join('\n');
    for (const { name } of WITHHELD_TEXT) expect(seen, `${name} planted`).toContain(marker(name));
  });

  it.each(ROLES.filter((role) => WITHHELD_TEXT.some((entry) => entry.from.includes(role))))(
    'never reaches %s, in JSON or CSV, on any route it can read',
    async (role) => {
      const replies = await repliesFor(role, EXTRA_READS(f));
      expect(replies.size).toBeGreaterThanOrEqual(12);
      for (const { name, from } of WITHHELD_TEXT) {
        if (!from.includes(role)) continue;
        for (const [url, body] of replies) expect(body, `${url} carries ${name}`).not.toContain(marker(name));
      }
    },
  );
});
