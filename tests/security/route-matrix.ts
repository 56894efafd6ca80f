// Who may call each API route, written down independently of the route code: the access
// test checks the app against this table, and fails on any registered route missing here.
// Adding a route = adding one line.
import type { Role } from '@bds/shared';
import type { Fixtures } from './fixtures.ts';

const ALL: Role[] = ['admin', 'manager', 'case_manager', 'uvm', 'cooperative', 'social_worker'];
const A: Role[] = ['admin'];

export interface Probe {
  url: (f: Fixtures) => string;
  body?: (f: Fixtures) => unknown;
}

export interface MatrixEntry {
  allowed: Role[] | 'public';
  /** The request an allowed role makes on an in-scope record (default: the path with ids of in-scope records, body `{}`). */
  probe?: Probe;
  /** Changes state even when allowed: run after every other check, on a throwaway session if `ownSession`. */
  mutates?: boolean;
  ownSession?: boolean;
  /** The same request on a record outside the caller's scope: 404 for each scoped role listed. */
  outOfScope?: { roles: Role[]; probe: Probe };
}

const MONTH = '2025-02';
const ptri =
  (side: 'mine' | 'other', tail = '') =>
  (f: Fixtures) =>
    `/api/ptris/${f[side].ptriId}${tail}`;
const intervention = (side: 'mine' | 'other') => (f: Fixtures) => `/api/interventions/${f[side].interventionId}`;
const coopMonth = (side: 'mine' | 'other', action: string) => (f: Fixtures) =>
  `/api/cooperatives/${f[side].cooperativeId}/reports/${MONTH}/${action}`;
const flat =
  (side: 'mine' | 'other', tail = '') =>
  (f: Fixtures) =>
    `/api/flats/${f.flats[side].flatId}${tail}`;
const stay = (side: 'mine' | 'other') => (f: Fixtures) => `/api/stays/${f.flats[side].stayId}`;
const flatWork = (side: 'mine' | 'other') => (f: Fixtures) => `/api/flat-interventions/${f.flats[side].workId}`;
/** A stay of its own (January 2024) beside the in-scope one, for each caller that cancels one. */
const spareStay = (f: Fixtures) => {
  const copy = f.ctx.db.$client
    .prepare(
      `INSERT INTO flat_stays (flat_id, ptri_id, person_id, service_id, from_date, to_date)
       SELECT flat_id, ptri_id, person_id, service_id, '2024-01-01', '2024-01-31' FROM flat_stays WHERE id = ?`,
    )
    .run(f.flats.mine.stayId);
  return `/api/stays/${copy.lastInsertRowid}`;
};
/** A valid flat-level intervention. */
export const FLAT_WORK = { date: '2025-02-12', activity: 'Supporto alla gestione della casa', hours: 2, operatorRole: 'educatore' };
const activity =
  (side: 'mine' | 'other', tail = '') =>
  (f: Fixtures) =>
    `/api/community-activities/${f[side].activityId}${tail}`;
/** A session any activity's cooperative could record. */
export const COMMUNITY_SESSION = { date: '2025-03-04', hours: 2, operators: 1, attendeePtriIds: [], otherParticipants: 2, volunteers: 0 };
/** The social-services budget line of a side's project (the fixtures' projects each have one). */
export const socialLineUrl = (side: 'mine' | 'other') => (f: Fixtures) => {
  const line = f.ctx.db.$client
    .prepare("SELECT id FROM budget_lines WHERE ptri_id = ? AND source = 'social_services' ORDER BY id LIMIT 1")
    .get(f[side].ptriId) as { id: number };
  return `/api/ptris/${f[side].ptriId}/budget-lines/${line.id}/confirmation`;
};
const versionOf = (f: Fixtures, side: 'mine' | 'other') =>
  (f.ctx.db.$client.prepare('SELECT version FROM ptris WHERE id = ?').get(f[side].ptriId) as { version: number }).version;

export const ROUTE_MATRIX: Record<string, MatrixEntry> = {
  'GET /api/health': { allowed: 'public' },
  'POST /api/auth/login': { allowed: 'public' },
  'POST /api/auth/refresh': { allowed: 'public' },
  'POST /api/auth/logout': { allowed: ALL, mutates: true, ownSession: true },
  'POST /api/auth/password': { allowed: ALL },
  'GET /api/me': { allowed: ALL },
  'GET /api/auth/accounts-under-attack': { allowed: A },
  'GET /api/users': { allowed: A },
  'POST /api/users': { allowed: A },
  'PATCH /api/users/:id': { allowed: A, probe: { url: () => '/api/users/1' } },
  'POST /api/users/:id/password-reset': { allowed: A, probe: { url: () => '/api/users/1/password-reset' } },
  'GET /api/districts': { allowed: ALL },
  'POST /api/districts': { allowed: A },
  'PATCH /api/districts/:id': { allowed: A, probe: { url: () => '/api/districts/1' } },
  'GET /api/services': { allowed: ALL },
  'POST /api/services': { allowed: A },
  'PATCH /api/services/:id': { allowed: A, probe: { url: () => '/api/services/1' } },
  'GET /api/cooperatives': { allowed: ALL },
  'POST /api/cooperatives': { allowed: A },
  'PATCH /api/cooperatives/:id': { allowed: A, probe: { url: () => '/api/cooperatives/1' } },
  'GET /api/lots': { allowed: ALL },
  'POST /api/lots': { allowed: A },
  'PATCH /api/lots/:id': { allowed: A, probe: { url: () => '/api/lots/1' } },
  'GET /api/activities': { allowed: ALL },
  'POST /api/activities': { allowed: A },
  'PATCH /api/activities/:id': { allowed: A, probe: { url: () => '/api/activities/1' } },
  'GET /api/scales': { allowed: ['admin', 'manager', 'case_manager', 'uvm'] },
  'POST /api/scales': { allowed: A },
  'PATCH /api/scales/:id': { allowed: A, probe: { url: () => '/api/scales/1' } },

  'POST /api/persons': { allowed: ['admin', 'case_manager'] },
  'GET /api/persons': { allowed: ALL },
  'GET /api/persons/:id': {
    allowed: ALL,
    probe: { url: (f) => `/api/persons/${f.mine.personId}` },
    outOfScope: {
      roles: ['case_manager', 'uvm', 'cooperative', 'social_worker'],
      probe: { url: (f) => `/api/persons/${f.other.personId}` },
    },
  },
  'GET /api/persons/:id/benefits': {
    allowed: ['manager', 'case_manager', 'social_worker'],
    probe: { url: (f) => `/api/persons/${f.mine.personId}/benefits` },
    outOfScope: { roles: ['case_manager', 'social_worker'], probe: { url: (f) => `/api/persons/${f.other.personId}/benefits` } },
  },
  'PUT /api/persons/:id/benefits': {
    allowed: ['case_manager', 'social_worker'],
    probe: { url: (f) => `/api/persons/${f.mine.personId}/benefits` },
    outOfScope: {
      roles: ['case_manager', 'social_worker'],
      probe: { url: (f) => `/api/persons/${f.other.personId}/benefits`, body: () => [] },
    },
  },
  'GET /api/persons/:id/record': { allowed: A, probe: { url: (f) => `/api/persons/${f.mine.personId}/record` } },
  'POST /api/persons/:id/take-in-care': {
    allowed: ['case_manager'],
    probe: { url: (f) => `/api/persons/${f.other.personId}/take-in-care`, body: () => ({ reason: 'Trasferimento di residenza' }) },
    mutates: true,
  },

  'POST /api/ptris': { allowed: ['admin', 'case_manager'] },
  'GET /api/ptris': { allowed: ALL },
  'GET /api/ptris/count': { allowed: ALL },
  'GET /api/ptris/:id': {
    allowed: ALL,
    probe: { url: ptri('mine') },
    outOfScope: { roles: ['case_manager', 'uvm', 'cooperative', 'social_worker'], probe: { url: ptri('other') } },
  },
  'PATCH /api/ptris/:id': {
    allowed: ['admin', 'case_manager'],
    probe: { url: ptri('mine') },
    outOfScope: {
      roles: ['case_manager'],
      probe: { url: ptri('other'), body: (f) => ({ version: versionOf(f, 'other'), intensity: 'low' }) },
    },
  },
  'POST /api/ptris/:id/transitions': {
    allowed: ['admin', 'case_manager', 'uvm'],
    probe: { url: ptri('mine', '/transitions') },
    outOfScope: {
      roles: ['case_manager', 'uvm'],
      probe: { url: ptri('other', '/transitions'), body: () => ({ to: 'suspended', reason: 'prova' }) },
    },
  },
  'GET /api/ptris/:id/history': {
    allowed: ['admin', 'manager', 'case_manager', 'uvm', 'social_worker'],
    probe: { url: ptri('mine', '/history') },
    outOfScope: { roles: ['case_manager', 'uvm', 'social_worker'], probe: { url: ptri('other', '/history') } },
  },
  'POST /api/ptris/:id/evaluations': {
    allowed: ['admin', 'uvm'],
    probe: { url: ptri('mine', '/evaluations') },
    outOfScope: {
      roles: ['uvm'],
      probe: {
        url: ptri('other', '/evaluations'),
        body: () => ({
          date: '2025-06-01',
          kind: 'review',
          members: [{ name: 'X', role: 'psichiatra', organisation: 'health_service' }],
          outcome: 'approved',
        }),
      },
    },
  },
  'GET /api/me/evaluations': { allowed: ['social_worker'] },
  'GET /api/ptris/:id/evaluations': {
    allowed: ['admin', 'manager', 'case_manager', 'uvm', 'social_worker'],
    probe: { url: ptri('mine', '/evaluations') },
    outOfScope: { roles: ['case_manager', 'uvm', 'social_worker'], probe: { url: ptri('other', '/evaluations') } },
  },
  'POST /api/ptris/:id/follow-ups': {
    allowed: ['admin', 'case_manager'],
    probe: { url: ptri('mine', '/follow-ups') },
    outOfScope: {
      roles: ['case_manager'],
      probe: { url: ptri('other', '/follow-ups'), body: () => ({ date: '2025-06-01', living: 'family', work: 'none' }) },
    },
  },
  'POST /api/ptris/:id/signatures': {
    allowed: ['case_manager', 'social_worker'],
    probe: { url: ptri('mine', '/signatures') },
    outOfScope: {
      roles: ['case_manager', 'social_worker'],
      probe: {
        url: ptri('other', '/signatures'),
        body: () => ({ revision: 1, signer: 'person', name: 'Persona', date: '2025-01-02', method: 'paper' }),
      },
    },
  },
  'POST /api/ptris/:id/budget-lines/:lineId/confirmation': {
    allowed: ['social_worker'],
    probe: { url: socialLineUrl('mine') },
    outOfScope: { roles: ['social_worker'], probe: { url: socialLineUrl('other'), body: () => ({ decision: 'confirmed' }) } },
  },
  'GET /api/ptris/:id/signatures': {
    allowed: ALL,
    probe: { url: ptri('mine', '/signatures') },
    outOfScope: { roles: ['case_manager', 'uvm', 'cooperative'], probe: { url: ptri('other', '/signatures') } },
  },
  'POST /api/ptris/:id/share': {
    allowed: ['admin', 'case_manager'],
    probe: { url: ptri('mine', '/share') },
    outOfScope: { roles: ['case_manager'], probe: { url: ptri('other', '/share') } },
  },
  'GET /api/ptris/:id/share': {
    allowed: ['admin', 'manager', 'case_manager', 'cooperative'],
    probe: { url: ptri('mine', '/share') },
    outOfScope: { roles: ['case_manager', 'cooperative'], probe: { url: ptri('other', '/share') } },
  },
  'GET /api/shared-drafts': { allowed: ['cooperative'] },
  'POST /api/ptris/:id/proposals': {
    allowed: ['cooperative'],
    probe: { url: ptri('mine', '/proposals') },
    outOfScope: {
      roles: ['cooperative'],
      probe: {
        url: ptri('other', '/proposals'),
        body: () => ({ budgetLines: [{ axis: 'work', source: 'ausl', description: 'Tutor', hours: 10 }], note: 'prova' }),
      },
    },
  },
  'GET /api/ptris/:id/proposals': {
    allowed: ['admin', 'manager', 'case_manager', 'cooperative'],
    probe: { url: ptri('mine', '/proposals') },
    outOfScope: { roles: ['case_manager', 'cooperative'], probe: { url: ptri('other', '/proposals') } },
  },
  'POST /api/ptris/:id/proposals/:proposalId/decision': {
    allowed: ['admin', 'case_manager'],
    probe: { url: ptri('mine', '/proposals/1/decision') },
    outOfScope: { roles: ['case_manager'], probe: { url: ptri('other', '/proposals/1/decision'), body: () => ({ decision: 'accepted' }) } },
  },
  'GET /api/ptris/:id/follow-ups': {
    allowed: ['admin', 'manager', 'case_manager', 'uvm'],
    probe: { url: ptri('mine', '/follow-ups') },
    outOfScope: { roles: ['case_manager', 'uvm'], probe: { url: ptri('other', '/follow-ups') } },
  },

  'POST /api/ptris/:id/interventions': {
    allowed: ['cooperative'],
    probe: { url: ptri('mine', '/interventions') },
    outOfScope: {
      roles: ['cooperative'],
      probe: {
        url: ptri('other', '/interventions'),
        body: () => ({ date: '2025-03-03', axis: 'habitat', activity: "Accompagnamento all'abitare", hours: 1, operatorRole: 'educatore' }),
      },
    },
  },
  'GET /api/interventions': { allowed: ['admin', 'manager', 'case_manager', 'uvm', 'cooperative'] },
  'PATCH /api/interventions/:id': {
    allowed: ['cooperative'],
    probe: { url: intervention('mine') },
    outOfScope: { roles: ['cooperative'], probe: { url: intervention('other'), body: () => ({ hours: 3 }) } },
  },
  'DELETE /api/interventions/:id': {
    allowed: ['cooperative'],
    mutates: true,
    probe: { url: intervention('mine'), body: () => undefined },
    outOfScope: { roles: ['cooperative'], probe: { url: intervention('other'), body: () => undefined } },
  },
  'POST /api/cooperatives/:id/reports/:month/upload': {
    allowed: ['cooperative'],
    probe: { url: coopMonth('mine', 'upload') },
    outOfScope: {
      roles: ['cooperative'],
      probe: { url: coopMonth('other', 'upload'), body: () => 'ptriId;date;axis;activity;hours;operatorRole;notes\n' },
    },
  },
  'GET /api/cooperatives/:id/reports/:month/template.csv': {
    allowed: ['cooperative'],
    probe: { url: coopMonth('mine', 'template.csv') },
    outOfScope: { roles: ['cooperative'], probe: { url: coopMonth('other', 'template.csv') } },
  },
  'POST /api/cooperatives/:id/reports/:month/submit': {
    allowed: ['cooperative'],
    mutates: true,
    probe: { url: coopMonth('mine', 'submit'), body: () => undefined },
    outOfScope: { roles: ['cooperative'], probe: { url: coopMonth('other', 'submit'), body: () => undefined } },
  },
  'POST /api/cooperatives/:id/reports/:month/review': {
    allowed: ['case_manager'],
    probe: { url: coopMonth('mine', 'review') },
    outOfScope: { roles: ['case_manager'], probe: { url: coopMonth('other', 'review'), body: () => ({ decision: 'validated' }) } },
  },
  'POST /api/cooperatives/:id/reports/:month/parts/:kind/review': {
    allowed: ['manager'],
    probe: { url: coopMonth('mine', 'parts/flats/review') },
  },
  'GET /api/cooperatives/:id/reports': {
    allowed: ['admin', 'manager', 'case_manager', 'cooperative'],
    probe: { url: (f) => `/api/cooperatives/${f.mine.cooperativeId}/reports?year=2025` },
    outOfScope: { roles: ['cooperative'], probe: { url: (f) => `/api/cooperatives/${f.other.cooperativeId}/reports?year=2025` } },
  },

  'GET /api/monthly-reports': {
    allowed: ['admin', 'manager', 'case_manager', 'cooperative'],
    probe: { url: () => '/api/monthly-reports?status=submitted&year=2025' },
  },

  'GET /api/reports/budget-composition': {
    allowed: ['admin', 'manager', 'case_manager'],
    probe: { url: () => '/api/reports/budget-composition?year=2025' },
  },
  'GET /api/reports/yearly-counts': {
    allowed: ['admin', 'manager', 'case_manager'],
    probe: { url: () => '/api/reports/yearly-counts?year=2025&lot=1' },
  },
  'GET /api/reports/lot-totals': {
    allowed: ['admin', 'manager', 'case_manager', 'cooperative'],
    probe: { url: () => '/api/reports/lot-totals?year=2025' },
  },
  'GET /api/reports/caseload': {
    allowed: ['admin', 'manager', 'case_manager', 'uvm'],
    probe: { url: () => '/api/reports/caseload?date=2025-03-01' },
  },
  'GET /api/reports/reviews-due': { allowed: ['admin', 'manager', 'case_manager', 'uvm'] },
  'GET /api/reports/outcomes': { allowed: ['admin', 'manager', 'case_manager'], probe: { url: () => '/api/reports/outcomes?year=2025' } },
  'GET /api/audit': { allowed: ['admin', 'manager'] },

  'GET /api/community-activities': { allowed: ALL },
  'POST /api/community-activities': { allowed: ['cooperative', 'admin'] },
  'PATCH /api/community-activities/:id': {
    allowed: ['cooperative', 'admin'],
    probe: { url: activity('mine') },
    outOfScope: { roles: ['cooperative'], probe: { url: activity('other'), body: () => ({ place: 'Altrove' }) } },
  },
  'GET /api/community-activities/:id': { allowed: ALL, probe: { url: activity('mine') } },
  'POST /api/community-activities/:id/enrolments': { allowed: ['case_manager'], probe: { url: activity('mine', '/enrolments') } },
  'DELETE /api/community-activities/:id/enrolments/:ptriId': {
    allowed: ['case_manager'],
    mutates: true,
    probe: { url: (f) => `/api/community-activities/${f.mine.activityId}/enrolments/${f.mine.ptriId}`, body: () => undefined },
    outOfScope: {
      roles: ['case_manager'],
      probe: { url: (f) => `/api/community-activities/${f.mine.activityId}/enrolments/${f.other.ptriId}`, body: () => undefined },
    },
  },
  'POST /api/community-activities/:id/sessions': {
    allowed: ['cooperative'],
    probe: { url: activity('mine', '/sessions') },
    outOfScope: { roles: ['cooperative'], probe: { url: activity('other', '/sessions'), body: () => COMMUNITY_SESSION } },
  },
  'GET /api/community-activities/:id/sessions': { allowed: ALL, probe: { url: activity('mine', '/sessions') } },
  'GET /api/ptris/:id/community-activities': {
    allowed: ['admin', 'manager', 'case_manager', 'uvm'],
    probe: { url: ptri('mine', '/community-activities') },
    outOfScope: { roles: ['case_manager', 'uvm'], probe: { url: ptri('other', '/community-activities') } },
  },
  'GET /api/reports/community-activities': {
    allowed: ['admin', 'manager'],
    probe: { url: () => '/api/reports/community-activities?year=2025' },
  },
  'GET /api/resources': { allowed: ALL },
  'GET /api/social-workers': {
    allowed: ['admin', 'manager', 'case_manager', 'uvm'],
    probe: { url: (f) => `/api/social-workers?districtId=${f.ctx.world.districts.bologna}` },
  },
  'GET /api/resources/count': { allowed: ALL },
  'GET /api/resources/:id': { allowed: ALL, probe: { url: (f) => `/api/resources/${f.resourceId}` } },
  'POST /api/resources': { allowed: ['admin', 'manager', 'social_worker'] },
  'PATCH /api/resources/:id': {
    allowed: ['admin', 'manager', 'social_worker'],
    probe: { url: (f) => `/api/resources/${f.resourceId}` },
  },
  'GET /api/reports/resources': { allowed: ['admin', 'manager', 'case_manager', 'uvm', 'social_worker'] },

  'POST /api/imports/caseload': { allowed: A },
  'GET /api/exports/caseload': { allowed: ['admin', 'manager', 'case_manager'] },

  'GET /api/flats': { allowed: ALL },
  'POST /api/flats': { allowed: A },
  'PATCH /api/flats/:id': { allowed: A, probe: { url: flat('mine') } },
  'GET /api/flats/:id': {
    allowed: ALL,
    probe: { url: flat('mine') },
    outOfScope: { roles: ['cooperative'], probe: { url: flat('other') } },
  },
  'POST /api/flats/:id/stays': {
    allowed: ['admin', 'case_manager'],
    probe: { url: flat('mine', '/stays') },
    outOfScope: {
      roles: ['case_manager'],
      probe: { url: flat('mine', '/stays'), body: (f) => ({ ptriId: f.flats.other.ptriId, from: '2025-09-01' }) },
    },
  },
  'POST /api/stays/:id/end': {
    allowed: ['admin', 'case_manager'],
    probe: { url: (f) => `/api/stays/${f.flats.mine.stayId}/end` },
    outOfScope: {
      roles: ['case_manager'],
      probe: { url: (f) => `/api/stays/${f.flats.other.stayId}/end`, body: () => ({ date: '2025-03-01', destination: 'family' }) },
    },
  },
  'POST /api/flats/:id/interventions': {
    allowed: ['cooperative'],
    probe: { url: flat('mine', '/interventions') },
    outOfScope: { roles: ['cooperative'], probe: { url: flat('other', '/interventions'), body: () => FLAT_WORK } },
  },
  'GET /api/flats/:id/interventions': {
    allowed: ['admin', 'manager', 'cooperative'],
    probe: { url: flat('mine', '/interventions?month=2025-02') },
    outOfScope: { roles: ['cooperative'], probe: { url: flat('other', '/interventions?month=2025-02') } },
  },
  'GET /api/ptris/:id/stays': {
    allowed: ['admin', 'manager', 'case_manager', 'uvm'],
    probe: { url: (f) => `/api/ptris/${f.flats.mine.ptriId}/stays` },
    outOfScope: { roles: ['case_manager', 'uvm'], probe: { url: (f) => `/api/ptris/${f.flats.other.ptriId}/stays` } },
  },
  'GET /api/reports/flats': {
    allowed: ['admin', 'manager', 'case_manager'],
    probe: { url: () => '/api/reports/flats?year=2025' },
  },
  'PATCH /api/stays/:id': {
    allowed: ['admin', 'case_manager'],
    probe: { url: stay('mine'), body: () => ({ from: '2025-02-01' }) },
    outOfScope: { roles: ['case_manager'], probe: { url: stay('other'), body: () => ({ from: '2025-02-01' }) } },
  },
  'PATCH /api/flat-interventions/:id': {
    allowed: ['cooperative'],
    probe: { url: flatWork('mine'), body: () => ({ hours: 2.5 }) },
    outOfScope: { roles: ['cooperative'], probe: { url: flatWork('other'), body: () => ({ hours: 2.5 }) } },
  },
  // Deletes last: the fuzzer follows this order, and the routes above need the stay and the work.
  'DELETE /api/flat-interventions/:id': {
    allowed: ['cooperative'],
    mutates: true,
    probe: { url: flatWork('mine'), body: () => undefined },
    outOfScope: { roles: ['cooperative'], probe: { url: flatWork('other'), body: () => undefined } },
  },
  'DELETE /api/stays/:id': {
    allowed: ['admin', 'case_manager'],
    mutates: true,
    probe: { url: spareStay, body: () => undefined },
    outOfScope: { roles: ['case_manager'], probe: { url: stay('other'), body: () => undefined } },
  },
};
