import { close, createHttpServer, listen } from '../../src/http/server';
import { createLogger } from '../../src/log';

describe('HTTP server', () => {
  it('reports 503 when the database does not answer', async () => {
    let healthy = false;
    const server = createHttpServer({ messages: async () => undefined, databaseHealthy: async () => healthy }, createLogger('silent'));
    const url = await listen(server, 0, '127.0.0.1');
    try {
      const down = await fetch(`${url}/healthz`);
      expect(down.status).toBe(503);
      expect(await down.json()).toMatchObject({ status: 'unhealthy', database: 'unreachable' });
      healthy = true;
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
    } finally {
      await close(server);
    }
  });

  it('lets a request in flight finish when it closes', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const server = createHttpServer(
      {
        messages: async (_req, res) => {
          await gate;
          res.send(200, { done: true });
        },
        databaseHealthy: async () => true,
      },
      createLogger('silent'),
    );
    const url = await listen(server, 0, '127.0.0.1');
    const inFlight = fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":"message"}' });
    await new Promise((r) => setTimeout(r, 100));
    const closed = close(server);
    release();
    const res = await inFlight;
    expect(res.status).toBe(200);
    await closed;
    await expect(fetch(`${url}/healthz`)).rejects.toBeDefined();
  });
});
