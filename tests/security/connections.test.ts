// Connections and memory: a client that opens connections and sends nothing, or half a request,
// is cut off; large bodies arriving at once are capped per user and for the server, and the
// server keeps answering meanwhile.
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../api/helpers.ts';

let ctx: TestContext | undefined;
afterEach(() => ctx?.close());

/** Resolves with what the server sent once it closes the socket; rejects past the deadline. */
function closedByServer(socket: Socket, deadlineMs = 15_000): Promise<string> {
  let received = '';
  socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
  return new Promise((resolve, reject) => {
    const deadline = setTimeout(() => reject(new Error(`still open after ${deadlineMs} ms`)), deadlineMs);
    socket.once('close', () => {
      clearTimeout(deadline);
      resolve(received);
    });
  });
}

async function listening(c: TestContext): Promise<number> {
  await c.app.listen({ port: 0, host: '127.0.0.1' });
  const address = c.app.server.address();
  return typeof address === 'object' && address ? address.port : 0;
}

describe('a connection', () => {
  it('holding partial headers is closed by the server, which keeps answering others', async () => {
    ctx = await createTestContext({ config: { timeouts: { headersMs: 300, requestMs: 2_000, keepAliveMs: 2_000 } } });
    const port = await listening(ctx);
    const sockets = Array.from({ length: 5 }, () => connect(port, '127.0.0.1'));
    const closed = sockets.map((socket) => closedByServer(socket));
    for (const socket of sockets) socket.write('GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Slow: ');
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
    for (const sent of await Promise.all(closed)) expect(sent).toMatch(/^HTTP\/1\.1 408/);
  });

  it('left idle after its answer (keep-alive) is closed by the server', async () => {
    ctx = await createTestContext({ config: { timeouts: { headersMs: 2_000, requestMs: 2_000, keepAliveMs: 300 } } });
    const port = await listening(ctx);
    const socket = connect(port, '127.0.0.1');
    const closed = closedByServer(socket);
    socket.write('GET /api/health HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n');
    expect(await closed).toMatch(/^HTTP\/1\.1 200/);
  });
});

/** An upload whose body arrives slowly: its headers and first line now, the rest on `finish`. */
function slowUpload(port: number, token: string, cooperativeId: number) {
  const socket = connect(port, '127.0.0.1');
  const first = 'ptriId;date;axis;activity;hours;operatorRole;notes\n';
  const rest = `${'x'.repeat(998 - first.length)}\n`;
  let received = Buffer.alloc(0);
  const answered = new Promise<{ status: number; headers: string; body: string }>((resolve, reject) => {
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const end = received.indexOf('\r\n\r\n');
      const headers = received.subarray(0, Math.max(0, end)).toString();
      const length = Number(/content-length: (\d+)/i.exec(headers)?.[1] ?? NaN);
      if (end >= 0 && received.length >= end + 4 + length) {
        resolve({ status: Number(headers.slice(9, 12)), headers, body: received.subarray(end + 4).toString() });
      }
    });
    socket.once('error', reject);
  });
  socket.write(
    `POST /api/cooperatives/${cooperativeId}/reports/2025-02/upload HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${token}\r\n` +
      `Content-Type: text/csv\r\nContent-Length: ${first.length + rest.length}\r\n\r\n${first}`,
  );
  return { answered, finish: () => socket.write(rest), close: () => socket.destroy() };
}

describe('uploads arriving at once', () => {
  it('past the cap per user and for the server are refused with 429 and Retry-After, while health answers', async () => {
    ctx = await createTestContext({ config: { uploads: { perUser: 2, overall: 3 } } });
    const c = ctx;
    const port = await listening(c);
    await c.as('coop.alfa');
    await c.as('coop.beta');
    const alfa = c.tokens.get('coop.alfa') ?? '';
    const beta = c.tokens.get('coop.beta') ?? '';
    const started: ReturnType<typeof slowUpload>[] = [];
    const start = (token: string, cooperativeId: number) => {
      const upload = slowUpload(port, token, cooperativeId);
      started.push(upload);
      return upload;
    };
    const held = [start(alfa, c.world.coops.alfa), start(alfa, c.world.coops.alfa), start(beta, c.world.coops.beta)];
    try {
      const third = await start(alfa, c.world.coops.alfa).answered;
      expect(third.status).toBe(429);
      expect(third.headers).toMatch(/retry-after: 5/i);
      expect(third.headers).toMatch(/content-type: application\/problem\+json/i);
      expect(JSON.parse(third.body).detail).toMatch(/caricamenti in corso/);
      const overServer = await start(beta, c.world.coops.beta).answered;
      expect(overServer.status).toBe(429);
      expect(JSON.parse(overServer.body).detail).toMatch(/sul server/);
      expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);

      for (const upload of held) upload.finish();
      for (const { status } of await Promise.all(held.map((upload) => upload.answered))) expect(status).toBeLessThan(429);
      // The slots are given back: the next upload is read.
      const again = start(alfa, c.world.coops.alfa);
      again.finish();
      expect((await again.answered).status).toBeLessThan(429);
    } finally {
      for (const upload of started) upload.close();
    }
  });
});
