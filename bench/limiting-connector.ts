/**
 * The fake Bot Connector of `bench/tenant.ts`, in a process of its own as Teams is: how fast messages arrive is
 * measured by its own clock, never slowed by the bot's work. It enforces Teams's limits (PER_CONVERSATION messages
 * a second in one conversation, RATE a second in all) and answers 429 with Retry-After over either. Started with
 * `fork`; it sends `{ url }` when it listens, and answers `'report'` with what arrived.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

const RATE = Number(process.env.BENCH_GLOBAL_RATE ?? 20);
const PER_CONVERSATION = 7;

/** Arrivals in the last second, per key; `allow` records one unless that would exceed `limit`. */
class SlidingSecond {
  private readonly arrivals = new Map<string, number[]>();
  allow(key: string, limit: number, at: number): boolean {
    const list = (this.arrivals.get(key) ?? []).filter((t) => t > at - 1000);
    this.arrivals.set(key, list);
    if (list.length >= limit) return false;
    list.push(at);
    return true;
  }
}

/** The Bot Connector as Teams limits it: messages to conversations and new threads in channels, counted. */
class LimitingConnector {
  readonly delivered = new Map<string, number>();
  readonly arrivals: number[] = [];
  throttled = 0;
  private readonly limits = new SlidingSecond();
  private server: http.Server | undefined;
  url = '';

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => this.answer(req, body, res));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    this.server?.closeAllConnections();
    return new Promise((resolve) => this.server?.close(() => resolve()));
  }

  private answer(req: http.IncomingMessage, body: string, res: http.ServerResponse): void {
    const parts = new URL(req.url ?? '/', 'http://x').pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const send = (status: number, json: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(json));
    };
    // POST /v3/conversations (a new thread: channelData.channel.id) or POST /v3/conversations/:id/activities.
    let conversation: string | undefined;
    if (req.method === 'POST' && parts.length === 2) conversation = (JSON.parse(body) as { channelData?: { channel?: { id?: string } } }).channelData?.channel?.id;
    if (req.method === 'POST' && parts.length === 4 && parts[3] === 'activities') conversation = parts[2];
    if (!conversation) return send(404, { error: { code: 'NotFound', message: `no route for ${req.method} ${req.url}` } });
    const at = Date.now();
    if (!this.limits.allow(`conversation:${conversation}`, PER_CONVERSATION, at) || !this.limits.allow('tenant', RATE, at)) {
      this.throttled++;
      return send(429, { error: { code: 'Throttled', message: 'Too many requests' } }, { 'retry-after': '1' });
    }
    this.arrivals.push(at);
    this.delivered.set(conversation, (this.delivered.get(conversation) ?? 0) + 1);
    const id = randomUUID();
    send(201, parts.length === 2 ? { id: `${conversation};messageid=${id}`, activityId: id } : { id });
  }
}

export interface ConnectorReport {
  delivered: [string, number][];
  arrivals: number[];
  throttled: number;
}

if (process.send) {
  const connector = new LimitingConnector();
  void connector.start().then(() => process.send?.({ url: connector.url }));
  process.on('message', (message) => {
    if (message === 'report') process.send?.({ report: { delivered: [...connector.delivered], arrivals: connector.arrivals, throttled: connector.throttled } satisfies ConnectorReport });
    if (message === 'stop') void connector.stop().then(() => process.exit(0));
  });
}
