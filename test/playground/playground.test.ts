import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { MOCK_TENANT } from '../../src/playground/mock-tenant';
import { PLAYGROUND_CONFIG_FILE, startPlayground, type PlaygroundLogger } from '../../src/playground/playground';
import { freePort } from '../support/free-port';

const ROOT = path.join(__dirname, '..', '..');

interface Activity {
  type: string;
  id: string;
  text?: string;
  serviceUrl: string;
  from: { id: string; aadObjectId?: string; name?: string };
  recipient: { id: string; name?: string };
  conversation: { id: string; tenantId?: string; conversationType?: string };
  channelData?: { tenant?: { id: string } };
}

/** A bot that answers 200 and echoes each message back through the connector, as botbuilder would. */
async function startEchoBot() {
  const received: Activity[] = [];
  const replyStatuses: number[] = [];
  const server = http.createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    // Two statements: restify (loaded by other test files in the same worker) patches writeHead to return nothing.
    res.writeHead(200);
    res.end();
    if (!body) return;
    const activity = JSON.parse(body) as Activity;
    received.push(activity);
    if (activity.type !== 'message') return;
    const { serviceUrl, conversation, id } = activity;
    const reply = await fetch(
      `${serviceUrl}/v3/conversations/${encodeURIComponent(conversation.id)}/activities/${encodeURIComponent(id)}`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'message', text: `echo: ${activity.text}`, from: activity.recipient, recipient: activity.from, conversation, replyToId: id }),
      },
    );
    replyStatuses.push(reply.status);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;
  return { endpoint, received, replyStatuses, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const isFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const probe = net.createServer().once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });

async function eventually<T>(read: () => T | undefined, what: string, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Local addresses of the TCP sockets a process listens on, from `ss`. */
function listeningAddresses(pid: number): string[] {
  return execFileSync('ss', ['-ltnpH'], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(`pid=${pid},`))
    .map((line) => line.trim().split(/\s+/)[3]);
}

function recordingLogger() {
  const lines: string[] = [];
  const record = (obj: object | string, msg?: string) => lines.push(typeof obj === 'string' ? obj : `${msg ?? ''} ${JSON.stringify(obj)}`);
  const logger: PlaygroundLogger = { debug: record, info: record, warn: record, error: record };
  return { lines, logger };
}

describe('startPlayground', () => {
  jest.setTimeout(60_000);
  let workDir: string;
  beforeEach(() => (workDir = mkdtempSync(path.join(os.tmpdir(), 'playground-workdir-'))));
  afterEach(() => rmSync(workDir, { recursive: true, force: true }));

  it('runs the Playground on loopback against the bot, as the mock tenant, and stops it', async () => {
    // A copy of the project's config in a temp dir, so the Playground's devTools/ log of a running dev instance is left alone.
    copyFileSync(path.join(ROOT, PLAYGROUND_CONFIG_FILE), path.join(workDir, PLAYGROUND_CONFIG_FILE));
    const bot = await startEchoBot();
    const port = await freePort();
    const { lines, logger } = recordingLogger();
    const playground = await startPlayground({ botEndpoint: bot.endpoint, port, workDir, logger });
    try {
      expect(playground.url).toBe(`http://127.0.0.1:${port}`);
      expect(lines).toContain(`[playground] Listening on ${port}`);

      const { config } = (await (await fetch(`${playground.url}/_internal/v1/config`)).json()) as {
        config: { tenantId: string; currentUser: { id: string }; personalChat: { id: string }; teams: Array<{ id: string; channels: Array<{ id: string; name: string }> }> };
      };
      expect(config.tenantId).toBe(MOCK_TENANT.tenantId);
      expect(config.currentUser.id).toBe(MOCK_TENANT.currentUser.id);
      expect(config.teams[0].channels).toEqual([
        { ...MOCK_TENANT.team.general, channelType: 'standard' },
        { ...MOCK_TENANT.team.decisions, channelType: 'standard' },
      ]);

      const chat = encodeURIComponent(MOCK_TENANT.personalChat.id);
      const sent = await fetch(`${playground.url}/_conversation/v1/conversations/${chat}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ from: { id: MOCK_TENANT.currentUser.id }, text: 'hi', textFormat: 'plain' }),
      });
      expect(sent.status).toBe(200);

      const hi = await eventually(() => bot.received.find((a) => a.type === 'message' && a.text === 'hi'), "the bot to get 'hi'");
      expect(hi).toMatchObject({
        channelId: 'msteams',
        serviceUrl: `${playground.url}/_connector`,
        from: { id: MOCK_TENANT.currentUser.id, aadObjectId: MOCK_TENANT.currentUser.aadObjectId, name: 'Council Officer' },
        recipient: { id: MOCK_TENANT.bot.id, name: 'DSG Bot' },
        conversation: { id: MOCK_TENANT.personalChat.id, conversationType: 'personal', tenantId: MOCK_TENANT.tenantId },
        channelData: { tenant: { id: MOCK_TENANT.tenantId } },
      });
      expect(await eventually(() => bot.replyStatuses[0], 'the echo to be posted')).toBe(201);

      const addresses = listeningAddresses(playground.pid);
      expect(addresses).toContain(`127.0.0.1:${port}`);
      expect(addresses.every((address) => address.startsWith('127.0.0.1:'))).toBe(true);
    } finally {
      await playground.stop();
      await bot.close();
    }
    expect(await isFree(port)).toBe(true);
    expect(() => process.kill(playground.pid, 0)).toThrow(/ESRCH/);
  });

  it('refuses a port that is taken instead of letting the Playground move', async () => {
    const holder = net.createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const { port } = holder.address() as AddressInfo;
    try {
      await expect(
        startPlayground({ botEndpoint: 'http://127.0.0.1:1/api/messages', port, workDir: ROOT, logger: recordingLogger().logger }),
      ).rejects.toThrow(`Port ${port} is not free`);
    } finally {
      holder.close();
    }
  });

  describe('with a bad work dir', () => {
    it('refuses to start without a config file', async () => {
      await expect(
        startPlayground({ botEndpoint: 'http://127.0.0.1:1/api/messages', port: await freePort(), workDir, logger: recordingLogger().logger }),
      ).rejects.toThrow('No .m365agentsplayground.yml');
    });

    it('reports an invalid config file with the tail of the Playground log', async () => {
      writeFileSync(path.join(workDir, '.m365agentsplayground.yml'), 'version: "0.1.1"\ntenantId: t\n');
      const start = startPlayground({ botEndpoint: 'http://127.0.0.1:1/api/messages', port: await freePort(), workDir, logger: recordingLogger().logger });
      await expect(start).rejects.toThrow(/exited \(code 1\) before it was ready\. Look at .*m365agentsplayground\.log; its last lines:\n[\s\S]*ConfigFileParseError/);
    });
  });
});
