// Node accepts one new connection per turn of the event loop, so a turn that answers every waiting
// request (64 at the bench's load) left a new connection unaccepted for 64 such turns, 0.8–3.9 s.
// Requests therefore go on at once while this turn has spent less than its budget on them, and
// otherwise wait, in arrival order, for a later turn.
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';

/**
 * How long one turn may spend on requests before it yields to the loop (and so to one accept).
 * One millisecond is one or two answers of the heaviest reads: measured on the bench it cut the
 * slowest first answer from seconds to under 0.4 s without costing throughput.
 */
export const TURN_BUDGET_MS = 1;

export default fp(async function turnCapPlugin(app: FastifyInstance) {
  const waiting: (() => void)[] = [];
  /** When this turn let its first request go; null until one is, after the turn's end. */
  let turnBegan: number | null = null;

  const endTurn = () => {
    turnBegan = null;
  };
  const budgetLeft = () => {
    if (turnBegan === null) {
      turnBegan = performance.now();
      setImmediate(endTurn);
      return true;
    }
    return performance.now() - turnBegan < TURN_BUDGET_MS;
  };
  // One step per waiting request, each its own immediate: the microtasks of the request let go
  // by one step run before the next step, so the time each step reads includes them.
  const step = () => {
    if (budgetLeft()) waiting.shift()?.();
    else setImmediate(step);
  };

  // Health is answered beside everything (the stall rule times it), so it never waits here.
  app.addHook('onRequest', (request, _reply, done) => {
    if (request.routeOptions.config.besideBulkWrites) return done();
    if (waiting.length === 0 && budgetLeft()) return done();
    waiting.push(done);
    setImmediate(step);
  });
});
