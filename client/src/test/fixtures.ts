// Small reference data and a project, shaped like the API's replies.
import type { Cooperative, Lot, PtriDetail, Service } from '@bds/shared';

export const services: Service[] = [
  { id: 4, code: 'CSM-NAVILE', kind: 'CSM', name: 'CSM Navile', districtId: 1, aliases: [], active: true },
];
export const lots: Lot[] = [
  {
    id: 1,
    number: 1,
    title: 'Progetti individualizzati',
    tenderYear: 2024,
    tenderStart: '2024-01-01',
    tenderEnd: '2027-12-31',
    serviceKinds: ['CSM', 'NPIA'],
    contractor: 'RTI',
    cooperativeIds: [1],
    executingCooperativeIds: [],
    hourlyRate: 26.5,
    ceiling: 4_200_000,
  },
];
export const cooperatives: Cooperative[] = [{ id: 1, name: 'Coop. Soc. Il Faro (demo)', vatNumber: null, active: true }];

export const ptri: PtriDetail = {
  id: 12,
  personId: 3,
  personName: 'Rossi Mario',
  serviceId: 4,
  lotId: 1,
  caseManagerId: 7,
  status: 'draft',
  expired: false,
  intensity: 'medium',
  startDate: '2025-01-01',
  endDate: '2025-12-31',
  nextReviewDate: null,
  version: 3,
  revision: 2,
  personSigned: true,
  signaturePending: false,
  updatedAt: '2025-01-02T10:00:00Z',
  cooperativeIds: [1],
  goals: [{ id: 1, axis: 'habitat', description: 'Vivere in autonomia', targetDate: null, status: 'open' }],
  budgetLines: [],
  budget: { habitat: 0, sociality: 0, work: 0 },
  notes: null,
  activatedOn: null,
  endedOn: null,
  createdAt: '2025-01-01T10:00:00Z',
  evaluations: [],
};
