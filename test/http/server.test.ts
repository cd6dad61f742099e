import { close, createHttpServer, listen } from '../../src/http/server';
import { createLogger } from '../../src/log';

const LOCAL = { loopbackHostsOnly: true };

describe('HTTP server', () => {
  it('is not ready (503, Retry-After) while the database does not answer, yet stays alive', async () => {
    let healthy = false;
    const server = createHttpServer({ messages: async () => ({ status: 200 }), databaseHealthy: async () => healthy }, createLogger('silent'), LOCAL);
    const url = await listen(server, 0, '127.0.0.1');
    try {
      const down = await fetch(`${url}/readyz`);
      expect(down.status).toBe(503);
      expect(down.headers.get('retry-after')).toBe('10');
      expect(await down.json()).toEqual({ status: 'unavailable', database: 'unreachable' });
      const alive = await fetch(`${url}/healthz`);
      expect(alive.status).toBe(200);
      expect(await alive.json()).toMatchObject({ status: 'ok' });
      healthy = true;
      const ready = await fetch(`${url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready', database: 'ok' });
    } finally {
      await close(server);
    }
  });

  it('lets a request in flight finish when it closes', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const server = createHttpServer(
      {
        messages: async () => {
          await gate;
          return { status: 200, body: { done: true } };
        },
        databaseHealthy: async () => true,
      },
      createLogger('silent'),
      LOCAL,
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

describe('the Programme tab API routes', () => {
  const base = { messages: async () => ({ status: 200 }), databaseHealthy: async () => true };

  it('answer 404 when the server has no Programme API', async () => {
    const server = createHttpServer(base, createLogger('silent'), LOCAL);
    const url = await listen(server, 0, '127.0.0.1');
    try {
      const res = await fetch(`${url}/api/programme`);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: 'The Programme API is not enabled on this server.' });
    } finally {
      await close(server);
    }
  });

  it('answer an unexpected failure with 500 and a plain message, and log it', async () => {
    const lines: string[] = [];
    const fail = async (): Promise<never> => {
      throw new Error('disk on fire');
    };
    const server = createHttpServer({ ...base, programmeApi: { session: () => ({ mode: 'anonymous' }), programme: fail, project: fail, meetings: fail, catalogue: fail, people: fail, addRisk: fail, editRisk: fail } }, createLogger('info', { write: (l: string) => void lines.push(l) }), LOCAL);
    const url = await listen(server, 0, '127.0.0.1');
    try {
      const res = await fetch(`${url}/api/projects/DP-2026-0001`);
      expect(res.status).toBe(500);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(await res.json()).toEqual({ error: 'The programme could not be read; try again later.' });
      expect(lines.some((l) => l.includes('programme API failed') && l.includes('disk on fire'))).toBe(true);
      expect(await (await fetch(`${url}/api/session`)).json()).toEqual({ mode: 'anonymous' });
      const post = await fetch(`${url}/api/projects/DP-2026-0001/risks`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(post.status).toBe(500);
      expect(await post.json()).toEqual({ error: 'Something went wrong on our side and nothing was saved; try again later.' });
    } finally {
      await close(server);
    }
  });
});
