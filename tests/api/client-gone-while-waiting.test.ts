// A request holds a pass of the write gate (server/src/plugins/db.ts) while it uses the connection.
// A client that leaves while its request waits, or with replies still queued, must not leave a pass
// behind: the next bulk write would wait for it forever, and every request after that bulk write.
import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeGateOf } from '@bds/server/write-gate.ts';
import { createTestContext, type TestContext } from './helpers.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(() => ctx.close());

/** Sends a request on a raw connection and leaves without reading the answer. */
async function sendAndLeave(port: number, request: string): Promise<void> {
  const socket: Socket = connect(port, '127.0.0.1');
  await new Promise((resolve) => socket.once('connect', resolve));
  socket.write(request);
  // Time for the server to read it and start waiting, then the client goes.
  await sleep(100);
  socket.destroy();
  await sleep(50);
}

/** The app listening on a free port, and a manager's token for raw requests. */
async function listeningAsManager(): Promise<{ port: number; token: string | undefined }> {
  await ctx.as('manager');
  await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  return { port: (ctx.app.server.address() as AddressInfo).port, token: ctx.tokens.get('manager') };
}

/** Resolves with true when the gate gives a bulk write the connection within `ms`. */
function bulkWriteStarts(ctx: TestContext, ms: number): Promise<boolean> {
  return Promise.race([writeGateOf(ctx.db).transaction(ctx.db, async () => true), sleep(ms).then(() => false)]);
}

describe('a request whose client leaves while it waits', () => {
  it('holds no pass of the write gate, so the next bulk write still gets the connection', async () => {
    const { port, token } = await listeningAsManager();
    let release!: () => void;
    const held = writeGateOf(ctx.db).transaction(ctx.db, () => new Promise<void>((resolve) => (release = resolve)));
    await sleep(10);
    await sendAndLeave(port, `GET /api/me HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${token}\r\n\r\n`);
    release();
    await held;
    expect(await bulkWriteStarts(ctx, 2_000)).toBe(true);
  });

  it('holds no pass when many clients leave with requests still queued, as a bench round ends', async () => {
    const { port, token } = await listeningAsManager();
    const request = `GET /api/resources?q=orto&limit=50 HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${token}\r\n\r\n`;
    const sockets = await Promise.all(
      Array.from({ length: 64 }, () => {
        const socket = connect(port, '127.0.0.1');
        return new Promise<Socket>((resolve) => socket.once('connect', () => resolve(socket)));
      }),
    );
    for (const socket of sockets) socket.write(request.repeat(4));
    await sleep(5);
    for (const socket of sockets) socket.destroy();
    await sleep(200);
    expect(await bulkWriteStarts(ctx, 2_000)).toBe(true);
  });

  it('answers many requests pipelined on one connection without piling listeners on it', async () => {
    const { port, token } = await listeningAsManager();
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    try {
      const socket = connect(port, '127.0.0.1');
      await new Promise((resolve) => socket.once('connect', resolve));
      let received = '';
      socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
      socket.write(`GET /api/me HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${token}\r\n\r\n`.repeat(16));
      const answered = () => received.match(/HTTP\/1\.1 200 /g)?.length ?? 0;
      for (let waited = 0; answered() < 16 && waited < 5_000; waited += 20) await sleep(20);
      socket.destroy();
      expect(answered()).toBe(16);
      await sleep(20);
      expect(warnings).not.toContain('MaxListenersExceededWarning');
    } finally {
      process.off('warning', onWarning);
    }
    expect(await bulkWriteStarts(ctx, 2_000)).toBe(true);
  });

  it('is answered normally when it stays', async () => {
    const caller = await ctx.as('manager');
    let release!: () => void;
    const held = writeGateOf(ctx.db).transaction(ctx.db, () => new Promise<void>((resolve) => (release = resolve)));
    await sleep(10);
    const answer = caller({ method: 'GET', url: '/api/me' });
    await sleep(50);
    release();
    await held;
    expect((await answer).statusCode).toBe(200);
    expect(await bulkWriteStarts(ctx, 2_000)).toBe(true);
  });
});
