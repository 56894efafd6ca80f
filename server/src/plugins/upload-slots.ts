// Large bodies are held in memory while they arrive: how many may arrive at once is capped per
// user and for the whole server, so that a few tokens cannot fill the server's memory. A request
// over the cap is refused before its body is read.
import type { FastifyRequest } from 'fastify';
import { TooManyRequests } from '../errors.ts';

const RETRY_AFTER_SECONDS = 5;

export interface UploadLimits {
  perUser: number;
  overall: number;
}

export class UploadSlots {
  private readonly byUser = new Map<number, number>();
  private overall = 0;
  private readonly holders = new WeakSet<FastifyRequest>();

  constructor(private readonly limits: UploadLimits) {}

  /** A preParsing hook: takes a slot for the request or refuses it with 429. */
  readonly acquire = async (request: FastifyRequest) => {
    const userId = request.principal?.id ?? 0;
    const mine = this.byUser.get(userId) ?? 0;
    if (mine >= this.limits.perUser) {
      throw new TooManyRequests(
        `Hai già ${mine === 1 ? 'un caricamento' : `${mine} caricamenti`} in corso: attendi che finisca e riprova`,
        RETRY_AFTER_SECONDS,
      );
    }
    if (this.overall >= this.limits.overall) {
      throw new TooManyRequests('Troppi caricamenti in corso sul server: riprova tra qualche secondo', RETRY_AFTER_SECONDS);
    }
    this.byUser.set(userId, mine + 1);
    this.overall += 1;
    this.holders.add(request);
  };

  /** Gives the slot back once the request is answered or abandoned (an onResponse and onRequestAbort hook). */
  readonly release = async (request: FastifyRequest) => {
    if (!this.holders.has(request)) return;
    this.holders.delete(request);
    const userId = request.principal?.id ?? 0;
    const left = (this.byUser.get(userId) ?? 1) - 1;
    if (left === 0) this.byUser.delete(userId);
    else this.byUser.set(userId, left);
    this.overall -= 1;
  };
}
