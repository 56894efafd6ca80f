// The endpoints the benchmark measures, who calls each one and what it reads.
import type { Fixtures } from './fixtures.ts';
import { quarterHours, rotation } from './fixtures.ts';

/** `coop.paco` runs Lot 4 community activities. */
export type Caller = 'casemanager' | 'manager' | 'coop' | 'coop.paco';
export type EndpointKind = 'read' | 'report' | 'write';

export interface Endpoint {
  name: string;
  kind: EndpointKind;
  caller: Caller;
  method: 'GET' | 'POST';
  /** Called before `body` for each request. */
  path: () => string;
  body?: () => string;
  /** The most requests the endpoint may be sent (each write uses up room in the data); unlimited when absent. */
  capacity?: number;
  /** Report endpoints: the year or month their own SQL is timed for. */
  report?: ReportCall;
}

export type ReportCall =
  | { report: 'yearly-counts'; year: number; lot: number }
  | { report: 'lot-totals'; year?: number; month?: string }
  | { report: 'caseload' }
  | { report: 'reviews-due'; within: number }
  | { report: 'flats'; year: number }
  | { report: 'community-activities'; year: number }
  | { report: 'outcomes'; year: number }
  | { report: 'budget-composition'; year: number };

export const REPORT_YEAR = 2025;
/** Word prefixes of the bench catalogue's names (db/src/bench/resources.ts) and one that matches nothing. */
const RESOURCE_WORDS = ['orto', 'teat', 'cucina', 'sport', 'giard', 'nessuna'];
/** Several words: a kind's and a provider's with a name word, each found by an intersection (`resourcesWithAllWords`). */
const RESOURCE_PHRASES = ['orto%20gruppo', 'teat%20cors', 'cucina%20assoc%201', 'sport%20tiroc', 'giard%20volont%202'];
export const REPORT_MONTH = '2025-06';

export function endpoints(f: Fixtures): Endpoint[] {
  const project = rotation(f.projectIds);
  const name = rotation(f.namePrefixes);
  const fiscalCode = rotation(f.fiscalCodes);
  const work = quarterHours(f.workRoom);
  let workSlot = { ptriId: 0, date: f.today };
  const workFlat = rotation(f.workFlatIds);
  const communityActivity = rotation(f.communityActivityIds);
  const resourceWord = rotation(RESOURCE_WORDS);
  const resourcePhrase = rotation(RESOURCE_PHRASES);
  return [
    { name: 'project list, first page', kind: 'read', caller: 'casemanager', method: 'GET', path: () => '/api/ptris?limit=50' },
    {
      name: 'project list, filtered',
      kind: 'read',
      caller: 'casemanager',
      method: 'GET',
      path: () => `/api/ptris?status=active&lotId=${f.lot1Id}&limit=50`,
    },
    { name: 'one project', kind: 'read', caller: 'casemanager', method: 'GET', path: () => `/api/ptris/${project()}` },
    {
      name: 'person search, name',
      kind: 'read',
      caller: 'casemanager',
      method: 'GET',
      path: () => `/api/persons?q=${encodeURIComponent(name())}`,
    },
    {
      name: 'person search, codice fiscale',
      kind: 'read',
      caller: 'casemanager',
      method: 'GET',
      path: () => `/api/persons?q=${fiscalCode()}`,
    },
    {
      name: 'caseload',
      kind: 'report',
      caller: 'manager',
      method: 'GET',
      path: () => '/api/reports/caseload',
      report: { report: 'caseload' },
    },
    {
      name: 'yearly counts',
      kind: 'report',
      caller: 'manager',
      method: 'GET',
      path: () => `/api/reports/yearly-counts?year=${REPORT_YEAR}&lot=1`,
      report: { report: 'yearly-counts', year: REPORT_YEAR, lot: 1 },
    },
    {
      name: 'lot totals, year',
      kind: 'report',
      caller: 'manager',
      method: 'GET',
      path: () => `/api/reports/lot-totals?year=${REPORT_YEAR}`,
      report: { report: 'lot-totals', year: REPORT_YEAR },
    },
    {
      name: 'lot totals, month',
      kind: 'report',
      caller: 'manager',
      method: 'GET',
      path: () => `/api/reports/lot-totals?month=${REPORT_MONTH}`,
      report: { report: 'lot-totals', month: REPORT_MONTH },
    },
    {
      name: 'reviews due',
      kind: 'report',
      caller: 'manager',
      method: 'GET',
      path: () => '/api/reports/reviews-due?within=30',
      report: { report: 'reviews-due', within: 30 },
    },
    {
      name: 'flats report',
      kind: 'report',
      caller: 'manager',
      method: 'GET',
      path: () => `/api/reports/flats?year=${REPORT_YEAR}`,
      report: { report: 'flats', year: REPORT_YEAR },
    },
    {
      name: 'record a flat intervention',
      kind: 'write',
      caller: 'coop',
      method: 'POST',
      path: () => `/api/flats/${workFlat()}/interventions`,
      body: () => JSON.stringify({ date: f.today, activity: f.habitatActivity, hours: 1, operatorRole: 'educatore' }),
    },
    {
      name: 'community activities, year',
      kind: 'report',
      caller: 'manager',
      method: 'GET',
      path: () => `/api/reports/community-activities?year=${REPORT_YEAR}`,
      report: { report: 'community-activities', year: REPORT_YEAR },
    },
    {
      name: 'record a community session',
      kind: 'write',
      caller: 'coop.paco',
      method: 'POST',
      path: () => `/api/community-activities/${communityActivity()}/sessions`,
      body: () => JSON.stringify({ date: f.today, hours: 2, operators: 1, attendeePtriIds: [], otherParticipants: 5, volunteers: 1 }),
    },
    {
      name: 'resources search',
      kind: 'read',
      caller: 'casemanager',
      method: 'GET',
      path: () => `/api/resources?q=${resourceWord()}&limit=50`,
    },
    {
      name: 'resources search, several words',
      kind: 'read',
      caller: 'casemanager',
      method: 'GET',
      path: () => `/api/resources?q=${resourcePhrase()}&limit=50`,
    },
    {
      name: 'outcomes, year',
      kind: 'report',
      caller: 'manager',
      method: 'GET',
      path: () => `/api/reports/outcomes?year=${REPORT_YEAR}`,
      report: { report: 'outcomes', year: REPORT_YEAR },
    },
    {
      name: 'budget composition, year',
      kind: 'report',
      caller: 'manager',
      method: 'GET',
      path: () => `/api/reports/budget-composition?year=${REPORT_YEAR}`,
      report: { report: 'budget-composition', year: REPORT_YEAR },
    },
    {
      name: 'record an intervention',
      kind: 'write',
      caller: 'coop',
      method: 'POST',
      // A quarter hour on a day of this month so far where the person has room: a person may have
      // 24 hours a day, and a run records thousands of interventions on a few hundred projects.
      path: () => `/api/ptris/${(workSlot = work.next()).ptriId}/interventions`,
      body: () =>
        JSON.stringify({ date: workSlot.date, axis: 'habitat', activity: f.habitatActivity, hours: 0.25, operatorRole: 'educatore' }),
      capacity: work.total,
    },
  ];
}
