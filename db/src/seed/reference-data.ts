// The department's reference data: districts, services (with the spellings used in the
// published reports), the demo cooperatives and the lots of the 2024 framework agreement.
import type { ServiceKind } from '@bds/shared';

export interface DistrictSeed {
  code: string;
  name: string;
}
export interface ServiceSeed {
  code: string;
  kind: ServiceKind;
  name: string;
  district: string;
  aliases: string[];
}
export interface CooperativeSeed {
  name: string;
  vatNumber: string;
}
export interface LotSeed {
  number: number;
  title: string;
  serviceKinds: ServiceKind[];
  contractor: string;
  /** Names of the member cooperatives, as in COOPERATIVES. */
  cooperatives: string[];
  hourlyRateCents: number;
  ceilingCents: number;
}

export const TENDER_YEAR = 2024;

/** A tender's framework agreement: four years from January of its year. */
export interface TenderSeed {
  year: number;
  start: string;
  end: string;
}
export const CURRENT_TENDER: TenderSeed = { year: TENDER_YEAR, start: '2024-01-01', end: '2027-12-31' };
/** The previous tender, under which the demo's projects begun before 2024 were started. */
export const PREVIOUS_TENDER: TenderSeed = { year: 2020, start: '2020-01-01', end: '2023-12-31' };

export const DISTRICTS: DistrictSeed[] = [
  { code: 'BOLOGNA', name: 'Città di Bologna' },
  { code: 'RENO-LAVINO-SAMOGGIA', name: 'Reno Lavino Samoggia' },
  { code: 'APPENNINO', name: 'Appennino Bolognese' },
  { code: 'PIANURA-EST', name: 'Pianura Est' },
  { code: 'PIANURA-OVEST', name: 'Pianura Ovest' },
  { code: 'SAVENA-IDICE', name: 'Savena Idice' },
];

export const SERVICES: ServiceSeed[] = [
  { code: 'CSM-BORGO-RENO', kind: 'CSM', name: 'CSM Borgo Reno', district: 'BOLOGNA', aliases: ['CSM BORGIO RENO'] },
  { code: 'CSM-BUDRIO', kind: 'CSM', name: 'CSM Budrio', district: 'PIANURA-EST', aliases: ['CSM BUDRIO'] },
  {
    code: 'CSM-APPENNINO',
    kind: 'CSM',
    name: "CSM dell'Appennino Bolognese",
    district: 'APPENNINO',
    aliases: ['CSM DELL APPENNINO BOLOGNESE'],
  },
  { code: 'CSM-NAVILE', kind: 'CSM', name: 'CSM Navile', district: 'BOLOGNA', aliases: ['CSM NAVILE'] },
  { code: 'CSM-PIANURA-OVEST', kind: 'CSM', name: 'CSM Pianura Ovest', district: 'PIANURA-OVEST', aliases: ['CSM PIANURA OVEST'] },
  {
    code: 'CSM-RENO-LAVINO-SAMOGGIA',
    kind: 'CSM',
    name: 'CSM Reno Lavino e Samoggia',
    district: 'RENO-LAVINO-SAMOGGIA',
    aliases: ['CSM RENO LAVINO E SAMOGGIA'],
  },
  {
    code: 'CSM-SAN-PIETRO',
    kind: 'CSM',
    name: 'CSM San Pietro in Casale (ex San Giorgio di Piano)',
    district: 'PIANURA-EST',
    aliases: ['CSM S.PIETRO - EX S.GIORGIO DI P.'],
  },
  {
    code: 'CSM-SAN-DONATO-SAN-VITALE',
    kind: 'CSM',
    name: 'CSM San Donato-San Vitale',
    district: 'BOLOGNA',
    aliases: ['CSM SAN DONATO - SAN VITALE'],
  },
  { code: 'CSM-SARAGOZZA', kind: 'CSM', name: 'CSM Saragozza', district: 'BOLOGNA', aliases: ['CSM SARAGOZZA'] },
  {
    code: 'CSM-SAVENA-SANTO-STEFANO',
    kind: 'CSM',
    name: 'CSM Savena-Santo Stefano',
    district: 'BOLOGNA',
    aliases: ['CSM SAVENA - S. STEFANO'],
  },
  {
    code: 'CSM-SAVENA-IDICE',
    kind: 'CSM',
    name: 'CSM Savena Idice (ex San Lazzaro)',
    district: 'SAVENA-IDICE',
    aliases: ['CSM SAVENA IDICE - EX. S. LAZZARO', 'CSM SAVENA IDICE - EX SAN LAZZARO'],
  },
  { code: 'NPIA-BOLOGNA-EST', kind: 'NPIA', name: 'NPIA Bologna Est', district: 'BOLOGNA', aliases: ['NPIA - BOLOGNA EST'] },
  { code: 'NPIA-BOLOGNA-OVEST', kind: 'NPIA', name: 'NPIA Bologna Ovest', district: 'BOLOGNA', aliases: ['NPIA - BOLOGNA OVEST'] },
  { code: 'NPIA-PIANURA', kind: 'NPIA', name: 'NPIA Pianura', district: 'PIANURA-EST', aliases: ['NPIA - PIANURA'] },
  {
    code: 'NPIA-PPEE',
    kind: 'NPIA',
    name: "NPIA PPEE (Psichiatria e Psicoterapia dell'Età Evolutiva)",
    district: 'BOLOGNA',
    aliases: ['NPIA - PPEE'],
  },
  { code: 'NPIA-SUD', kind: 'NPIA', name: 'NPIA Sud', district: 'SAVENA-IDICE', aliases: ['NPIA - SUD'] },
  { code: 'SERDP-BOLOGNA', kind: 'SerDP', name: 'SerDP Città di Bologna', district: 'BOLOGNA', aliases: [] },
  { code: 'SERDP-RENO-LAVINO-SAMOGGIA', kind: 'SerDP', name: 'SerDP Reno Lavino Samoggia', district: 'RENO-LAVINO-SAMOGGIA', aliases: [] },
  { code: 'SERDP-APPENNINO', kind: 'SerDP', name: 'SerDP Appennino Bolognese', district: 'APPENNINO', aliases: [] },
  { code: 'SERDP-PIANURA-EST', kind: 'SerDP', name: 'SerDP Pianura Est', district: 'PIANURA-EST', aliases: [] },
  { code: 'SERDP-PIANURA-OVEST', kind: 'SerDP', name: 'SerDP Pianura Ovest', district: 'PIANURA-OVEST', aliases: [] },
  { code: 'SERDP-SAVENA-IDICE', kind: 'SerDP', name: 'SerDP Savena Idice', district: 'SAVENA-IDICE', aliases: [] },
];

/** Every spelling of a service in the published Lot 1 tables, mapped to the service code. */
export const PUBLISHED_SERVICE_ALIASES: Readonly<Record<string, string>> = Object.fromEntries(
  SERVICES.flatMap((service) => service.aliases.map((alias) => [alias, service.code] as const)),
);

const COOPERATIVE_NAMES = [
  // Lot 1: the six members of the consortium, then eight cooperatives of the RTI.
  'Coop. Soc. Il Ponte (demo)',
  'Coop. Soc. La Bussola (demo)',
  'Coop. Soc. Il Girasole (demo)',
  'Coop. Soc. Quadrifoglio (demo)',
  'Coop. Soc. La Lanterna (demo)',
  'Coop. Soc. Orizzonti Comuni (demo)',
  'Coop. Soc. Il Melograno (demo)',
  'Coop. Soc. La Rondine (demo)',
  'Coop. Soc. Filo di Seta (demo)',
  'Coop. Soc. Passo dopo Passo (demo)',
  'Coop. Soc. Il Faro (demo)',
  'Coop. Soc. La Tela (demo)',
  'Coop. Soc. Terra Buona (demo)',
  'Coop. Soc. Il Cortile (demo)',
  // Further cooperatives of lots 2, 3 and 4.
  'Coop. Soc. Approdo (demo)',
  'Coop. Soc. Nuovi Sentieri (demo)',
  'Coop. Soc. La Strada Maestra (demo)',
  'Coop. Soc. Il Mosaico (demo)',
  'Coop. Soc. Casa Aperta (demo)',
  'Coop. Soc. Il Tetto (demo)',
  'Coop. Soc. Abitare Insieme (demo)',
  'Coop. Soc. La Piazza (demo)',
  'Coop. Soc. Il Cerchio (demo)',
  'Coop. Soc. Fare Comunità (demo)',
] as const;

/** Eleven digits with office code 000, which no real partita IVA has. */
const demoVatNumber = (index: number): string => `9900000${String(index + 1).padStart(4, '0')}`;

export const COOPERATIVES: CooperativeSeed[] = COOPERATIVE_NAMES.map((name, index) => ({
  name,
  vatNumber: demoVatNumber(index),
}));

const names = (from: number, to: number): string[] => COOPERATIVE_NAMES.slice(from, to);

/** The cooperative of the `coop` demo account: a member of Lot 1. */
export const DEMO_COOPERATIVE = COOPERATIVE_NAMES[0];

/** The cooperative of the `coop.paco` demo account: a member of Lot 4, running community activities. */
export const LOT4_DEMO_COOPERATIVE = COOPERATIVE_NAMES[21];

/** The member of Lot 3's consortium that runs its flats, and the cooperative of the `coop.tetto` demo account. */
export const EXECUTING_MEMBER = COOPERATIVE_NAMES[19];

export const LOTS: LotSeed[] = [
  {
    number: 1,
    title: 'Progetti individualizzati abilitativi educativi e/o socio-riabilitativi con Budget di Salute (CSM, NPIA)',
    serviceKinds: ['CSM', 'NPIA'],
    contractor: 'RTI Consorzio Arcipelago (demo), 6 cooperative consorziate, con 8 cooperative sociali: 14 cooperative sociali',
    cooperatives: names(0, 14),
    hourlyRateCents: 2650,
    ceilingCents: 420_000_000,
  },
  {
    number: 2,
    title: 'Progetti individualizzati abilitativi educativi e/o socio-riabilitativi con Budget di Salute (SerDP)',
    serviceKinds: ['SerDP'],
    contractor: 'RTI di 9 cooperative sociali, capofila Coop. Soc. Approdo (demo)',
    cooperatives: [...names(14, 18), ...names(6, 11)],
    hourlyRateCents: 2600,
    ceilingCents: 95_000_000,
  },
  {
    number: 3,
    title: "Progetti di convivenza sull'abitare di transizione (CSM)",
    serviceKinds: ['CSM'],
    contractor: 'Consorzio Casa Comune (demo), 6 cooperative sociali, con la consorziata esecutrice Coop. Soc. Il Tetto (demo)',
    cooperatives: [...names(18, 21), ...names(1, 4)],
    hourlyRateCents: 2450,
    ceilingCents: 120_000_000,
  },
  {
    number: 4,
    title: 'Progetti di Attività di Comunità (PACo) del DSM-DP',
    serviceKinds: ['CSM', 'NPIA', 'SerDP'],
    contractor: 'Consorzio Trame di Comunità (demo), 6 cooperative sociali',
    cooperatives: [...names(21, 24), ...names(11, 14)],
    hourlyRateCents: 2300,
    ceilingCents: 40_000_000,
  },
];
