/**
 * A large programme: 10,000 projects and 50,000 milestones, generated into a temp SQLite database through
 * the repositories. Then, each timed in this process: one reminder run (planReminders: read everything,
 * apply the rules and the rhythm), one digest (read what it needs, build it, render the card; and the build
 * and card alone), and the open-data CSV export (read, select the published fields, write CSV). Prints
 * seconds and peak RSS. Then the reminder run again with two outcome measures per project and a 2,000-entry
 * re-use catalogue, and with five risks and issues per project.
 */
import { loadavg } from 'node:os';
import type { Deps } from '../src/app/deps';
import { planReminders } from '../src/app/reminders/plan-reminders';
import { gatherDigest } from '../src/app/digests/gather-digest';
import { openProgrammeCsv } from '../src/app/publish-open-data';
import { cardBytes } from '../src/presenters/render';
import { digestCard } from '../src/presenters/digest';
import { buildDigest } from '../src/domain/digest';
import { DECIDABLE_STATUSES } from '../src/domain/request';
import { WorkingCalendar } from '../src/domain/calendar';
import { healthRules } from '../src/app/projects/view-project';
import { DEFAULT_THRESHOLDS, type ReminderItem } from '../src/domain/reminders';
import { STRAND_IDS } from '../src/domain/catalogue';
import { loadBankHolidays } from '../src/scheduler/bank-holidays';
import { DEFAULT_BANK_HOLIDAYS_FILE } from '../src/config';
import { seedCatalogue, seedProgramme, seedRisks } from './seed-programme';
import { peakRssMb, runBench, timed, withBenchStore } from './support';

const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 10_000);
const MILESTONES_EACH = 5;


async function main(): Promise<void> {
  const now = new Date('2026-11-27T09:30:00Z');
  await withBenchStore('programme', async (store) => {
    const t0 = Date.now();
    await seedProgramme(store, PROJECTS, MILESTONES_EACH, now);
    console.log(`generated ${PROJECTS} projects and ${PROJECTS * MILESTONES_EACH} milestones in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const deps = {
      store,
      clock: { now: () => now },
      calendar: new WorkingCalendar(loadBankHolidays(DEFAULT_BANK_HOLIDAYS_FILE).dates),
      reminders: DEFAULT_THRESHOLDS,
    } as unknown as Deps;
    const plan = await timed(() => planReminders(deps, DEFAULT_THRESHOLDS));
    const items = [...plan.value.send.values()].reduce((n, list) => n + list.length, 0);
    console.log(`reminder run: ${items} items for ${plan.value.send.size} people computed in ${(plan.ms / 1000).toFixed(2)} s (target <= 0.6 s); peak RSS so far ${peakRssMb().toFixed(0)} MB (target <= 300 MB)`);

    const digest = await timed(async () => digestCard(await gatherDigest(deps, store, { kind: 'weekly', audience: 'dsg', strands: null, since: null })));
    const programme = await store.projects.listWithRequests();
    const pending = (await store.requests.listByStatus(DECIDABLE_STATUSES, 0, 100_000)).items;
    const source = { kind: 'weekly' as const, audience: 'dsg' as const, today: '2026-11-27', since: '2026-11-20T09:00:00Z', strands: null, meetings: [], programme, pending, newRequests: [], decisions: [], reminderStates: [], unreachable: [], health: healthRules(deps) };
    const built = await timed(() => digestCard(buildDigest(source)));
    console.log(
      `digest: built and rendered in ${built.ms.toFixed(0)} ms (target <= 300 ms), ${(cardBytes(built.value) / 1024).toFixed(1)} KB card; with reading the programme from SQLite ${digest.ms.toFixed(0)} ms (target <= 600 ms)`,
    );
    const csv = await timed(() => openProgrammeCsv(deps));
    console.log(`open data CSV: ${PROJECTS} projects, ${(csv.value.length / 1_048_576).toFixed(1)} MB, exported in ${(csv.ms / 1000).toFixed(2)} s (target <= 1 s)`);
    console.log(`peak RSS of the whole benchmark, several programme copies held at once: ${peakRssMb().toFixed(0)} MB`);
  });
  await withMeasuresAndCatalogue(now);
  await withRiskReviews(now);
}

/**
 * The reminder run again over a programme whose projects have two quarterly measures of four figures each, with a
 * 2,000-entry catalogue (one in ten contracts ending within six months) and a DSG set up with a chair and a Digital
 * Leader for each strand, so the contracts' reminders are planned too. Prints how many items of each it planned, the
 * wall-clock and CPU time of the run, and the machine's load (the bench machine is shared).
 */
async function withMeasuresAndCatalogue(now: Date): Promise<void> {
  await withBenchStore('programme', async (store) => {
    await seedProgramme(store, PROJECTS, MILESTONES_EACH, now, 2);
    await seedCatalogue(store, 2_000, now);
    const settings = await store.settings.get();
    const leaders = Object.fromEntries(STRAND_IDS.map((id, i) => [id, { aadObjectId: `aad-leader-${i}`, name: `Digital Leader ${i}` }]));
    if (!(await store.settings.save({ ...settings, chair: { aadObjectId: 'aad-chair', name: 'DSG Chair' }, leaders }, settings.version))) throw new Error('the DSG settings were not saved');
    const deps = { store, clock: { now: () => now }, calendar: new WorkingCalendar(loadBankHolidays(DEFAULT_BANK_HOLIDAYS_FILE).dates) } as unknown as Deps;
    const cpu = process.cpuUsage();
    const { value: plan, ms } = await timed(() => planReminders(deps, DEFAULT_THRESHOLDS));
    const { user, system } = process.cpuUsage(cpu);
    const items = [...plan.send.values()].flat();
    const count = (kind: ReminderItem['kind']) => items.filter((i) => i.kind === kind).length;
    console.log(
      `reminder run with ${PROJECTS * 2} measures (${PROJECTS * 8} figures) and a 2,000-entry catalogue: ${items.length} items for ${plan.send.size} people, ` +
        `${count('measure-figure')} figure requests and ${count('contract-ending')} contracts ending, in ${(ms / 1000).toFixed(2)} s ` +
        `(${((user + system) / 1e6).toFixed(2)} s CPU; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}) (target <= 1 s)`,
    );
  });
}

/** The reminder run again with five risks and issues per project, a quarter of them past their review date. */
async function withRiskReviews(now: Date): Promise<void> {
  await withBenchStore('programme', async (store) => {
    await seedProgramme(store, PROJECTS, MILESTONES_EACH, now);
    await seedRisks(store, PROJECTS, 5, now);
    const deps = { store, clock: { now: () => now }, calendar: new WorkingCalendar(loadBankHolidays(DEFAULT_BANK_HOLIDAYS_FILE).dates) } as unknown as Deps;
    const { value: plan, ms } = await timed(() => planReminders(deps, DEFAULT_THRESHOLDS));
    const reviews = [...plan.send.values()].flat().filter((i) => i.kind === 'risk-review').length;
    console.log(`reminder run with ${PROJECTS * 5} risks and issues: ${reviews} review reminders among the items for ${plan.send.size} people in ${(ms / 1000).toFixed(2)} s (target <= 1 s)`);
  });
}

runBench(main);
