// Sign-in limits. Only failed attempts count, per account (a distributed guess at one password)
// and per address (one address trying many accounts). Past a few free failures, each one makes
// the next attempt wait twice as long, up to a minute: never a lock, so whatever others send,
// the real user's password is taken again within a minute. A successful sign-in never counts.
import { TooManyRequests } from '../errors.ts';
import { waitInItalian } from './security.ts';

const FIRST_DELAY_MS = 1_000;
export const MAX_DELAY_MS = 60_000;
/** Failures older than this are forgotten. */
const FORGET_AFTER_MS = 15 * 60_000;
/** Keys kept at most: usernames are chosen by the caller, so the table must not grow without end. */
const MAX_KEYS = 50_000;

interface Failures {
  count: number;
  last: number;
}

export interface LoginLimits {
  /** Failures per address before the delays start. */
  perAddress: number;
  /** Failures per account before the delays start. */
  perAccount: number;
}

export function accountKey(username: string): string {
  return username.trim().toLocaleLowerCase('it');
}

export class LoginThrottle {
  private readonly failures = new Map<string, Failures>();

  constructor(
    private readonly limits: LoginLimits,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Refuses the attempt, before its password is checked, while a delay is running for its account or its address. */
  check(username: string, address: string): void {
    const account = this.remaining(`account:${accountKey(username)}`, this.limits.perAccount);
    if (account > 0) throw refusal('Troppi tentativi di accesso non riusciti per questo utente', account);
    const fromAddress = this.remaining(`address:${address}`, this.limits.perAddress);
    if (fromAddress > 0) throw refusal('Troppi tentativi da questo indirizzo', fromAddress);
  }

  failed(username: string, address: string): void {
    const now = this.now();
    for (const key of [`account:${accountKey(username)}`, `address:${address}`]) {
      const previous = this.current(key, now);
      // Re-inserted so that the map's order is the order of the last failure, oldest first.
      this.failures.delete(key);
      this.failures.set(key, { count: (previous?.count ?? 0) + 1, last: now });
    }
    this.forgetOldest(now);
  }

  /** The account's own failures are forgiven by its password; the address's are not (it may be trying others). */
  succeeded(username: string): void {
    this.failures.delete(`account:${accountKey(username)}`);
  }

  private current(key: string, now: number): Failures | undefined {
    const entry = this.failures.get(key);
    return entry && now - entry.last < FORGET_AFTER_MS ? entry : undefined;
  }

  /** Milliseconds until the next attempt may be checked. */
  private remaining(key: string, free: number): number {
    const now = this.now();
    const entry = this.current(key, now);
    if (!entry || entry.count < free) return 0;
    const delay = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (entry.count - free));
    return Math.max(0, entry.last + delay - now);
  }

  private forgetOldest(now: number): void {
    for (const [key, entry] of this.failures) {
      if (this.failures.size <= MAX_KEYS && now - entry.last < FORGET_AFTER_MS) return;
      this.failures.delete(key);
    }
  }
}

function refusal(reason: string, ms: number): TooManyRequests {
  return new TooManyRequests(`${reason}: riprova tra ${waitInItalian(ms)}`, Math.max(1, Math.ceil(ms / 1000)));
}
