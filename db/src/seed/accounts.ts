// The demo accounts: one per role, plus a case manager per service, a UVM per district, the Lot 3
// executing member and a Lot 4 cooperative, and a social worker of Città di Bologna.
import type { Role } from '@bds/shared';
import { DEMO_COOPERATIVE, DISTRICTS, EXECUTING_MEMBER, LOT4_DEMO_COOPERATIVE, SERVICES } from './reference-data.ts';

export const DEMO_PASSWORD = 'demo1234';

export interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  serviceCode?: string;
  districtCode?: string;
  cooperativeName?: string;
}

const FIRST_NAMES = [
  'Alessandra',
  'Roberto',
  'Chiara',
  'Stefano',
  'Elena',
  'Marco',
  'Federica',
  'Paolo',
  'Silvia',
  'Andrea',
  'Laura',
  'Davide',
];

/** Case manager of a service; CSM Navile's is the `casemanager` account. */
export const caseManagerUsername = (serviceCode: string): string =>
  serviceCode === 'CSM-NAVILE' ? 'casemanager' : `cm.${serviceCode.toLowerCase()}`;

/** UVM of a district; Città di Bologna's is the `uvm` account. */
export const uvmUsername = (districtCode: string): string => (districtCode === 'BOLOGNA' ? 'uvm' : `uvm.${districtCode.toLowerCase()}`);

export function demoAccounts(): DemoAccount[] {
  const accounts: DemoAccount[] = [
    { username: 'admin', displayName: 'Amministratore Demo – DSM-DP', role: 'admin' },
    { username: 'manager', displayName: 'Marco Demo – Direzione DSM-DP', role: 'manager' },
    { username: 'coop', displayName: `Luca Demo – ${DEMO_COOPERATIVE}`, role: 'cooperative', cooperativeName: DEMO_COOPERATIVE },
  ];
  SERVICES.forEach((service, index) => {
    const given = service.code === 'CSM-NAVILE' ? 'Giulia' : (FIRST_NAMES[index % FIRST_NAMES.length] ?? 'Anna');
    accounts.push({
      username: caseManagerUsername(service.code),
      displayName: `${given} Demo – Case manager ${service.name}`,
      role: 'case_manager',
      serviceCode: service.code,
    });
  });
  DISTRICTS.forEach((district, index) => {
    const given = district.code === 'BOLOGNA' ? 'Paola' : (FIRST_NAMES[(index + 5) % FIRST_NAMES.length] ?? 'Anna');
    accounts.push({
      username: uvmUsername(district.code),
      displayName: `${given} Demo – UVM ${district.name}`,
      role: 'uvm',
      districtCode: district.code,
    });
  });
  accounts.push({
    username: 'coop.paco',
    displayName: `Sara Demo – ${LOT4_DEMO_COOPERATIVE}`,
    role: 'cooperative',
    cooperativeName: LOT4_DEMO_COOPERATIVE,
  });
  accounts.push({
    username: 'coop.tetto',
    displayName: `Davide Demo – ${EXECUTING_MEMBER}`,
    role: 'cooperative',
    cooperativeName: EXECUTING_MEMBER,
  });
  accounts.push({
    username: 'sociale',
    displayName: 'Franca Demo – Servizio sociale territoriale Città di Bologna',
    role: 'social_worker',
    districtCode: 'BOLOGNA',
  });
  return accounts;
}
