import type { Role } from '@bds/shared';

/** The signed-in user as every service sees it: identity, role and scope. */
export interface Principal {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  serviceId: number | null;
  districtId: number | null;
  cooperativeId: number | null;
  mustChangePassword: boolean;
  sessionId: string;
}

/** Who acts and from where: passed to every service call so each write and read is attributable. */
export interface Actor {
  user: Principal;
  ip: string;
  /** The department's date when the request arrived, from the app's clock: every rule about "today" reads it. */
  today: string;
  /** The same clock's instant (ISO 8601 UTC): when the records the request writes were written. */
  now: string;
}
