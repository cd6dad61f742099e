/**
 * Load at tenant scale: one reminder run reaching 5,000 people and a weekly digest to 50 channels, sent by the
 * real outbox worker (startOutboxWorker) and the real Teams messenger (CloudAdapter) to a fake Bot Connector on
 * loopback that enforces Teams's limits: 7 messages per second in a conversation, and a tenant-wide limit equal
 * to the sender's configured global rate; over either it answers 429 with Retry-After.
 *
 * The messages are queued by the use cases themselves (sendDueReminders, postDigests) over a generated
 * programme in a temp SQLite database. Checks: every message delivered exactly once (one per person, one per
 * channel), the sender's rate within 5% of the configured rate, no 429 the sender caused. Prints the time to
 * drain and the peak RSS. BENCH_PEOPLE (5,000), BENCH_CHANNELS (50), BENCH_GLOBAL_RATE (20/s, the sender's default).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { type ChildProcess, fork } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Deps } from '../src/app/deps';
import { postDigests } from '../src/app/digests/post-digests';
import { startOutboxWorker } from '../src/app/outbox/outbox-worker';
import { sendDueReminders } from '../src/app/reminders/send-due-reminders';
import { reportLinks } from '../src/app/reports/report-links';
import { DEFAULT_BANK_HOLIDAYS_FILE } from '../src/config';
import { WorkingCalendar } from '../src/domain/calendar';
import type { Project } from '../src/domain/project';
import { DEFAULT_THRESHOLDS } from '../src/domain/reminders';
import type { ProjectRequest } from '../src/domain/request';
import { createLogger } from '../src/log';
import { loadBankHolidays } from '../src/scheduler/bank-holidays';
import { openStore } from '../src/storage/open-store';
import type { ConnectorReport } from './limiting-connector';
import { createAdapter } from '../src/teams/endpoint';
import { createOutboxRenderer } from '../src/teams/outbox-renderer';
import { ALERT_KINDS } from '../src/domain/notices';
import { createMessenger } from '../src/teams/messenger';
import { peakRssMb } from './support';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 5_000);
const CHANNELS = Number(process.env.BENCH_CHANNELS ?? 50);
const RATE = Number(process.env.BENCH_GLOBAL_RATE ?? 20);
const PER_CONVERSATION = 7;
const TENANT = 'bench-tenant';
const NOW = new Date('2026-11-25T09:30:00.000Z'); // a Wednesday


/** The limiting connector, in its own process (bench/limiting-connector.ts). */
class RemoteConnector {
  url = '';
  private child: ChildProcess | undefined;

  async start(): Promise<void> {
    this.child = fork(path.join(__dirname, 'limiting-connector.ts'), { execArgv: ['--import', 'tsx'], env: { ...process.env, BENCH_GLOBAL_RATE: String(RATE) } });
    this.url = await new Promise<string>((resolve) => this.child?.once('message', (m) => resolve((m as { url: string }).url)));
  }

  report(): Promise<ConnectorReport> {
    return new Promise((resolve) => {
      const onMessage = (m: unknown) => {
        if (m && typeof m === 'object' && 'report' in m) {
          this.child?.off('message', onMessage);
          resolve((m as { report: ConnectorReport }).report);
        }
      };
      this.child?.on('message', onMessage);
      this.child?.send('report');
    });
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      if (!this.child || this.child.exitCode !== null) return resolve();
      this.child.once('exit', () => resolve());
      this.child.send('stop');
    });
  }
}

async function main(): Promise<void> {
  const connector = new RemoteConnector();
  await connector.start();
  const dir = mkdtempSync(path.join(tmpdir(), 'dsg-bench-tenant-'));
  const log = createLogger(process.env.LOG_LEVEL ?? 'warn');
  const store = await openStore({ sqlitePath: path.join(dir, 'bench.sqlite') });
  const ref = (conversationId: string) => ({ serviceUrl: connector.url, channelId: 'msteams', conversation: { id: conversationId }, bot: { id: '28:dsg-bot' } });
  const iso = NOW.toISOString();
  try {
    // 5,000 approved projects, each led by a different person who has not added a business case or a plan.
    const approvedAt = new Date(NOW.getTime() - 40 * 86_400_000).toISOString();
    await store.transaction(async (tx) => {
      for (let i = 0; i < PEOPLE; i++) {
        const reference = `DP-2026-${String(i + 1).padStart(5, '0')}`;
        const lead = { aadObjectId: `lead-${i}`, name: `Project Lead ${i}` };
        await tx.people.upsert({ id: `29:lead-${i}`, ...lead, tenantId: TENANT, conversationRef: ref(`a:lead-${i}`), reachable: true, updatedAt: iso });
        const request: ProjectRequest = {
          id: randomUUID(), reference, status: 'approved', version: 2, requesterId: `29:officer-${i}`, requesterName: `Officer ${i}`, formId: randomUUID(),
          createdAt: approvedAt, updatedAt: approvedAt, title: `Project ${i}`, problem: 'Generated for the benchmark', outcome: 'Faster service',
          beneficiaries: ['citizens'], strand: 'customers', principles: ['customer-focused'], principlesHow: 'x', reuseSolution: null, reuseChecked: 'x', route: 'reuse', routeJustification: null,
          personalData: false, oneOffCost: 1000, annualBenefit: 500, desiredStart: null,
        };
        await tx.requests.insert(request, []);
        const project: Project = {
          reference, priority: 'medium', isPriority: false, digitalLeader: { aadObjectId: 'leader', name: 'Digital Leader' }, projectLead: lead, projectManager: { aadObjectId: `pm-${i}`, name: `PM ${i}` },
          businessCase: { status: 'drafting', link: null, date: null }, planLink: null, resourcing: { confirmed: true, note: null }, dpia: null,
          plannedBenefits: { annualCash: 500, nonCash: null }, realisedBenefits: [], milestones: [], measures: [], approvedAt, version: 1, updatedAt: approvedAt,
        };
        await tx.projects.insert(project);
      }
      // The DSG channel, and 49 more channels subscribed to the weekly digest.
      const settings = await tx.settings.get();
      await tx.settings.save({ ...settings, channel: { conversationId: '19:channel-0@thread.tacv2', teamId: 'team', name: 'DSG', reference: ref('19:channel-0@thread.tacv2') } }, settings.version);
      for (let c = 1; c < CHANNELS; c++) {
        const id = `19:channel-${c}@thread.tacv2`;
        await tx.digests.subscribe({ conversationId: id, teamId: 'team', channelName: `Channel ${c}`, reference: ref(id), strands: [], subscribedBy: 'bench', subscribedAt: iso });
      }
    });

    const calendar = new WorkingCalendar(loadBankHolidays(DEFAULT_BANK_HOLIDAYS_FILE).dates);
    const adapter = createAdapter({ bot: null }, log);
    const messenger = createMessenger(adapter, '', { defaultServiceUrl: connector.url, botId: '28:dsg-bot' });
    const offset = NOW.getTime() - Date.now();
    const clock = { now: () => new Date(Date.now() + offset) };
    let kick = () => undefined as void;
    const deps: Deps = {
      store, clock, calendar, newId: randomUUID, roles: { adminAadIds: [] }, roster: { teamMembers: async () => [] },
      reminders: DEFAULT_THRESHOLDS, reportLinks: reportLinks('bench', 'http://127.0.0.1'), kickOutbox: () => kick(), log,
    };

    const queuedAt = Date.now();
    const reminders = await sendDueReminders(deps, iso, DEFAULT_THRESHOLDS);
    const reminderSeconds = (Date.now() - queuedAt) / 1000;
    const digestAt = Date.now();
    await postDigests(deps, { weekly: true, daysBeforeMeeting: 3 });
    const digestSeconds = (Date.now() - digestAt) / 1000;
    const expected = PEOPLE + CHANNELS;

    const started = Date.now();
    const worker = startOutboxWorker({ store, clock, renderer: createOutboxRenderer(deps, { alerts: ALERT_KINDS, userSpecificViews: true }), messenger, log }, { worker: 'bench', globalPerSecond: RATE, perConversationPerSecond: PER_CONVERSATION });
    kick = () => worker.kick();
    // Drained when every message has arrived (or, if something is lost, after twice the time it should take).
    const deadline = started + (expected / RATE) * 2_000 + 60_000;
    let report = await connector.report();
    while (report.arrivals.length < expected && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      report = await connector.report();
    }
    const drainSeconds = (Date.now() - started) / 1000;
    await worker.stop();
    // Anything sent twice would arrive after the last expected one: wait a moment for it.
    await new Promise((r) => setTimeout(r, 2_000));
    report = await connector.report();
    const delivered = new Map(report.delivered);

    const people = [...delivered].filter(([c]) => c.startsWith('a:lead-'));
    const channels = [...delivered].filter(([c]) => c.startsWith('19:channel-'));
    const twice = [...delivered.values()].filter((n) => n > 1).length;
    const first = report.arrivals[0];
    const last = report.arrivals[report.arrivals.length - 1];
    const rate = (report.arrivals.length - 1) / ((last - first) / 1000);
    const pending = await store.outbox.failed(10);

    console.log(`Tenant scale (${PEOPLE.toLocaleString('en-GB')} people, ${CHANNELS} channels; sender at ${RATE}/s in all, ${PER_CONVERSATION}/s per conversation):`);
    console.log(`  reminder run: ${reminders.people.toLocaleString('en-GB')} people queued in ${reminderSeconds.toFixed(2)} s; weekly digest: ${CHANNELS} channels queued in ${digestSeconds.toFixed(2)} s`);
    console.log(`  delivered ${report.arrivals.length.toLocaleString('en-GB')} of ${expected.toLocaleString('en-GB')} (people ${people.length}, channels ${channels.length}); sent twice: ${twice}; failed: ${pending.length}`);
    console.log(`  time to drain: ${drainSeconds.toFixed(1)} s; sender's rate ${rate.toFixed(2)}/s (${(((rate - RATE) / RATE) * 100).toFixed(1)}% from ${RATE}/s); 429s the sender caused: ${report.throttled}`);
    console.log(`  peak RSS: ${peakRssMb().toFixed(0)} MB`);

    const problems = [
      report.arrivals.length !== expected && `delivered ${report.arrivals.length}, expected ${expected}`,
      (people.length !== PEOPLE || channels.length !== CHANNELS) && 'not every person and channel got its message',
      twice > 0 && `${twice} conversations got a message twice`,
      Math.abs(rate - RATE) / RATE > 0.05 && `the rate is not within 5% of ${RATE}/s`,
      report.throttled > 0 && `${report.throttled} sends were throttled (429)`,
    ].filter(Boolean);
    if (problems.length) {
      console.error(`FAILED: ${problems.join('; ')}`);
      process.exitCode = 1;
    }
  } finally {
    await store.close();
    await connector.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
