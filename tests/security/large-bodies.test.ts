// Issue 21: the routes that take large bodies (a month's CSV, a caseload spreadsheet) read them as
// they arrive and stop at their limit: a body sent without a length and past it is answered 413
// while the client is still sending, the server keeps answering others, and nothing is written.
import { connect } from 'node:net';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../api/helpers.ts';

let ctx: TestContext | undefined;
afterEach(() => ctx?.close());

const MiB = 2 ** 20;

async function listening(c: TestContext): Promise<number> {
  await c.app.listen({ port: 0, host: '127.0.0.1' });
  const address = c.app.server.address();
  return typeof address === 'object' && address ? address.port : 0;
}

/**
 * Sends a chunked body of up to `maxBytes` a chunk at a time, stopping as soon as the server
 * answers; resolves with the answer's status and how many bytes had been sent by then.
 */
async function sendUntilAnswered(port: number, head: string, maxBytes: number, whileSending: () => Promise<void>) {
  const socket = connect(port, '127.0.0.1');
  await once(socket, 'connect');
  let answer = '';
  const answered = new Promise<void>((resolve) => socket.on('data', (chunk: Buffer) => ((answer += chunk.toString()), resolve())));
  socket.on('error', () => undefined);
  socket.write(`${head}Transfer-Encoding: chunked\r\n\r\n`);
  const chunk = Buffer.alloc(256 * 1024, 'a');
  const framed = Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]);
  let sent = 0;
  let checked = false;
  let done = false;
  void answered.then(() => (done = true));
  while (!done && sent < maxBytes) {
    if (!socket.write(framed)) await Promise.race([once(socket, 'drain'), answered, new Promise((r) => setTimeout(r, 2_000))]);
    sent += chunk.length;
    if (!checked && sent >= 2 * MiB) {
      checked = true;
      await whileSending();
    }
  }
  await Promise.race([answered, new Promise((r) => setTimeout(r, 10_000))]);
  socket.destroy();
  return { status: Number(answer.slice(9, 12)), sent, answer };
}

describe('a large body past its limit, sent without a length', () => {
  it.each([
    ['the caseload import (10 MiB)', 'admin', () => '/api/imports/caseload?dryRun=false', 10 * MiB],
    [
      'the CSV month upload (6 MiB)',
      'coop.alfa',
      (c: TestContext) => `/api/cooperatives/${c.world.coops.alfa}/reports/2025-03/upload`,
      6 * MiB,
    ],
  ])('is refused 413 by %s as soon as it is past, while health answers', async (_name, user, path, limit) => {
    ctx = await createTestContext();
    const c = ctx;
    const port = await listening(c);
    await c.as(user);
    const head = `POST ${path(c)} HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${c.tokens.get(user)}\r\nContent-Type: text/csv\r\n`;
    let health = 0;
    const result = await sendUntilAnswered(port, head, 8 * limit, async () => {
      health = (await fetch(`http://127.0.0.1:${port}/api/health`)).status;
    });
    expect(result.status, result.answer.slice(0, 300)).toBe(413);
    expect(result.answer).toMatch(/content-type: application\/problem\+json/i);
    expect(health).toBe(200);
    // Answered once past the limit (plus what the sockets buffer), long before the body's end.
    expect(result.sent).toBeLessThan(limit + 16 * MiB);
    expect(result.sent).toBeLessThan(8 * limit);
    const rows = c.db.$client.prepare('SELECT (SELECT COUNT(*) FROM interventions) + (SELECT COUNT(*) FROM ptris) AS n').get() as {
      n: number;
    };
    expect(rows.n).toBe(0);
  });

  it('is refused 413 at once when its declared length is past the limit, before any of it is read', async () => {
    ctx = await createTestContext();
    const c = ctx;
    const port = await listening(c);
    await c.as('admin');
    const socket = connect(port, '127.0.0.1');
    await once(socket, 'connect');
    let answer = '';
    const answered = new Promise<void>((resolve) => socket.on('data', (chunk: Buffer) => ((answer += chunk.toString()), resolve())));
    socket.write(
      `POST /api/imports/caseload?dryRun=true HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${c.tokens.get('admin')}\r\n` +
        `Content-Type: text/csv\r\nContent-Length: ${1024 * MiB}\r\n\r\n`,
    );
    await answered;
    socket.destroy();
    expect(Number(answer.slice(9, 12))).toBe(413);
  });
});
