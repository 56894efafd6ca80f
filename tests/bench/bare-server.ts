// The ceiling of the benchmark: Fastify with one route returning a JSON reply of the size asked
// for, no database, no auth, no validation. Started as a child process by the benchmark.
import Fastify from 'fastify';

const replies = new Map<number, { items: string[] }>();

/** A JSON body of about `bytes` bytes, built once per size. */
function replyOf(bytes: number): { items: string[] } {
  let reply = replies.get(bytes);
  if (!reply) {
    const items: string[] = [];
    let size = 12;
    while (size < bytes) {
      const item = 'x'.repeat(Math.min(90, Math.max(1, bytes - size - 3)));
      items.push(item);
      size += item.length + 3;
    }
    replies.set(bytes, (reply = { items }));
  }
  return reply;
}

const app = Fastify({ logger: false });
app.get<{ Querystring: { bytes?: string } }>('/bare', async (request) => replyOf(Number(request.query.bytes ?? '100')));
await app.listen({ port: Number(process.env.PORT ?? 3999), host: '127.0.0.1' });
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
