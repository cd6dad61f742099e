/**
 * npm run bench: request submissions through POST /api/messages at concurrency 16 for ~10 s,
 * next to a baseline (the same server answering a trivial `help.show` card action) in the same run, in turns.
 * The bot runs as its own process (built code, embedded SQLite in a temp folder) so its RSS is its own.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';

const CONCURRENCY = 16;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PORT = 39_000 + Math.floor(Math.random() * 1000);
const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
const WORDS = 'uplift booking school payment housing library licence portal garden tenancy repairs council tax benefit parking permit waste recycling planning'.split(' ');

function invoke(verb: string, data: Record<string, unknown>, user: number): object {
  const id = randomUUID();
  return {
    type: 'invoke',
    name: 'adaptiveCard/action',
    id,
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:9/',
    timestamp: new Date().toISOString(),
    from: { id: `29:bench-user-${user}`, aadObjectId: `00000000-0000-4000-8000-${String(user).padStart(12, '0')}`, name: `Bench User ${user}` },
    recipient: { id: '28:dsg-bot', name: 'DSG Bot' },
    conversation: { id: `a:bench-${user}`, conversationType: 'personal', tenantId: 'bench-tenant' },
    channelData: { tenant: { id: 'bench-tenant' } },
    value: { action: { type: 'Action.Execute', id: 'submit', verb, data }, trigger: 'manual' },
  };
}

function submission(user: number): object {
  const pick = () => `${WORDS[Math.floor(Math.random() * WORDS.length)]}${Math.floor(Math.random() * 1e6)}`;
  return invoke(
    'request.submit',
    {
      formId: randomUUID(),
      title: `Improve ${pick()} ${pick()} service`,
      problem: `Residents wait for ${pick()} and ${pick()}; staff re-key ${pick()} records by hand.`,
      outcome: 'Residents are served online first time.',
      beneficiaries: 'citizens,employees',
      strand: 'customers',
      principles: 'customer-focused',
      principlesHow: 'Self-service online.',
      reuseChecked: 'The national forms platform.',
      route: 'reuse',
      personalData: 'false',
      oneOffCost: '25000',
      annualBenefit: '12000',
    },
    user,
  );
}

function post(body: object): Promise<number> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = http.request(
      { host: '127.0.0.1', port: PORT, path: '/api/messages', method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          if (res.statusCode !== 200 || !text.includes('"statusCode":200')) reject(new Error(`HTTP ${res.statusCode}: ${text.slice(0, 200)}`));
          else resolve(Number(process.hrtime.bigint() - started) / 1e6);
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** Requests from 16 users at once for `seconds`: each one's latency, and how long until the last one was answered. */
async function drive(seconds: number, make: (user: number) => object): Promise<{ latencies: number[]; elapsed: number }> {
  const latencies: number[] = [];
  const started = Date.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, user) => {
      while (Date.now() < deadline) latencies.push(await post(make(user)));
    }),
  );
  return { latencies, elapsed: (Date.now() - started) / 1000 };
}

interface Measured {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  count: number;
}

/**
 * The baseline and the submissions in turns of a second each, SECONDS of each in all: the machine's speed drifts
 * (whatever else it runs), and in turns both see the same drift, which one window after the other does not.
 */
async function driveInTurns(kinds: readonly { name: string; make: (user: number) => object }[]): Promise<Measured[]> {
  const runs = kinds.map(() => ({ latencies: [] as number[], elapsed: 0 }));
  for (let turn = 0; turn < SECONDS; turn++) {
    for (const [i, kind] of kinds.entries()) {
      const { latencies, elapsed } = await drive(1, kind.make);
      runs[i].latencies.push(...latencies);
      runs[i].elapsed += elapsed;
    }
  }
  return kinds.map(({ name }, i) => {
    const latencies = runs[i].latencies.sort((a, b) => a - b);
    const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
    return { name, count: latencies.length, rps: latencies.length / runs[i].elapsed, p50: at(0.5), p99: at(0.99) };
  });
}

async function waitForHealth(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const ok = await new Promise<boolean>((resolve) => {
      http.get({ host: '127.0.0.1', port: PORT, path: '/healthz' }, (res) => resolve(res.statusCode === 200)).on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the bot did not become healthy');
}

/** The node flags `npm start` runs the bot with (heap cap included), so the bench measures the same process. */
function startFlags(): string[] {
  const scripts = JSON.parse(readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')).scripts as Record<string, string>;
  return (/node (.*?)dist\/main\.js/.exec(scripts.start)?.[1] ?? '').split(' ').filter(Boolean);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dsg-bench-'));
  const bot: ChildProcess = spawn(process.execPath, [...startFlags(), ...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean), path.join(__dirname, '..', 'dist', 'main.js')], {
    env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', PLAYGROUND: 'off', LOG_LEVEL: 'warn', SQLITE_PATH: path.join(dir, 'bench.sqlite'), DATABASE_URL: '', MicrosoftAppId: '',
      // 16 scripted users press far past a person's limit: lift it, so the bench measures the work, not the refusals.
      PRESS_LIMIT_BURST: '100000', PRESS_LIMIT_PER_SECOND: '100000' },
    stdio: ['ignore', 'ignore', 'inherit'],
    cwd: process.env.BENCH_CWD ?? process.cwd(),
  });
  try {
    await waitForHealth();
    await drive(SECONDS, () => invoke('help.show', {}, 0)).catch(() => undefined);
    const [baseline, submit] = await driveInTurns([
      { name: 'baseline: help.show card action', make: (u) => invoke('help.show', {}, u) },
      { name: 'request.submit (validate, similarity, store, audit)', make: submission },
    ]);
    const rss = peakRssMb(bot.pid!);
    console.log(`\nconcurrency ${CONCURRENCY}, ${SECONDS} s each in turns of 1 s, SQLite, bot in its own process\n`);
    for (const r of [baseline, submit]) {
      console.log(`${r.name.padEnd(52)} ${r.rps.toFixed(0).padStart(6)} req/s   p50 ${r.p50.toFixed(1).padStart(6)} ms   p99 ${r.p99.toFixed(1).padStart(6)} ms   (${r.count} requests)`);
    }
    const ratio = submit.rps / baseline.rps;
    console.log(`\nsubmissions at ${(ratio * 100).toFixed(0)}% of baseline throughput (target >= 70%)`);
    console.log(`submission p99 ${submit.p99.toFixed(1)} ms, ${(submit.p99 / baseline.p99).toFixed(2)} x the baseline's p99 (target <= 1.3 x)`);
    console.log(`bot peak RSS ${rss.toFixed(0)} MB (target <= 250 MB)`);
  } finally {
    bot.kill('SIGTERM');
    await new Promise((r) => bot.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
    agent.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
