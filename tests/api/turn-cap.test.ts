// The cap on each turn's requests (server/src/plugins/turn-cap.ts): under a burst the event loop
// still gets turns (and so accepts connections) before the burst is answered, requests start in
// the order they arrived, and health does not wait behind the burst.
import { afterEach, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import turnCapPlugin from '@bds/server/plugins/turn-cap.ts';
import { createTestContext, type TestContext } from './helpers.ts';

const BURST = 200;

/** Resolves with how many of `replies` had settled when a macrotask scheduled now got to run. */
function settledWhenLoopTurns(replies: Promise<unknown>[]): Promise<{ immediate: number; timeout: number }> {
  let settled = 0;
  for (const reply of replies) void reply.then(() => settled++);
  const immediate = new Promise<number>((resolve) => setImmediate(() => resolve(settled)));
  const timeout = new Promise<number>((resolve) => setTimeout(() => resolve(settled), 0));
  return Promise.all([immediate, timeout]).then(([i, t]) => ({ immediate: i, timeout: t }));
}

describe('a burst on a bare app with a handler that takes CPU', () => {
  let app: FastifyInstance;
  afterEach(() => app.close());

  async function burst(withCap: boolean) {
    app = Fastify();
    if (withCap) await app.register(turnCapPlugin);
    const started: number[] = [];
    app.get<{ Querystring: { n: string } }>('/work', (request) => {
      started.push(Number(request.query.n));
      // Some synchronous work, as a report's statements are; how long does not matter.
      let x = 0;
      for (let i = 0; i < 50_000; i++) x += i % 7;
      return { x };
    });
    await app.ready();
    const replies = Array.from({ length: BURST }, (_, n) => app.inject({ method: 'GET', url: `/work?n=${n}` }));
    const turned = settledWhenLoopTurns(replies);
    const statuses = (await Promise.all(replies)).map((r) => r.statusCode);
    return { started, statuses, turned: await turned };
  }

  it('without the cap the whole burst runs before any other macrotask (the stall it removes)', async () => {
    const { turned, statuses } = await burst(false);
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(turned.immediate).toBe(BURST);
  });

  it('with the cap other macrotasks run before the burst is answered, and requests start in arrival order', async () => {
    const { started, turned, statuses } = await burst(true);
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(turned.immediate).toBeLessThan(BURST);
    expect(turned.timeout).toBeLessThan(BURST);
    expect(started).toEqual(Array.from({ length: BURST }, (_, n) => n));
  });
});

describe('a burst on the application', () => {
  let ctx: TestContext;
  afterEach(() => ctx.close());

  it('searches of the resources leave turns to the loop, each answered as alone, and health goes first', async () => {
    ctx = await createTestContext();
    const admin = await ctx.as('admin');
    const alone = await admin({ method: 'GET', url: '/api/resources?q=orto&limit=5' });
    expect(alone.statusCode, alone.body).toBe(200);

    const replies = Array.from({ length: BURST }, () => admin({ method: 'GET', url: '/api/resources?q=orto&limit=5' }));
    let settled = 0;
    for (const reply of replies) void reply.then(() => settled++);
    const health = ctx.app.inject({ method: 'GET', url: '/api/health' });
    const turned = settledWhenLoopTurns(replies);
    const healthAnsweredAfter = health.then((res) => ({ status: res.statusCode, settled }));

    const answers = await Promise.all(replies);
    expect((await turned).immediate).toBeLessThan(BURST);
    expect(await healthAnsweredAfter).toEqual({ status: 200, settled: expect.any(Number) });
    expect((await healthAnsweredAfter).settled).toBeLessThan(BURST);
    for (const answer of answers) {
      expect(answer.statusCode).toBe(200);
      expect(answer.json()).toEqual(alone.json());
    }
  });
});
