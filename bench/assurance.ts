/**
 * The assurance report for the CMT at scale: the 10,000-project programme in delivery, each with 12 health
 * settings (a year, about monthly), read from SQLite and built as `report assurance` does, then made into its
 * Word document. Each timed in this process.
 */
import type { Deps } from '../src/app/deps';
import { buildAssuranceReport } from '../src/app/reports/assurance-report';
import { WorkingCalendar } from '../src/domain/calendar';
import { parseQuarter } from '../src/domain/assurance';
import { RAGS, type HealthUpdate } from '../src/domain/health';
import { DEFAULT_BANK_HOLIDAYS_FILE } from '../src/config';
import { assuranceDocx } from '../src/documents/assurance-docx';
import { loadBankHolidays } from '../src/scheduler/bank-holidays';
import { seedProgramme } from './seed-programme';
import { runBench, timed, withBenchStore } from './support';

const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 10_000);
const HEALTH_EACH = 12;

/** The project's `n`th setting (1 is a year ago): mostly green, every seventh project amber or red of late. */
function setting(project: number, n: number): HealthUpdate {
  const rag = n > 9 && project % 7 === 0 ? RAGS[1 + (project % 2)] : 'green';
  const reason = rag === 'green' ? null : `Supplier ${project % 40} is late: go-live moves by ${n} weeks`;
  const month = new Date(Date.UTC(2025, 11 + n, 3, 9));
  return {
    version: n,
    ratings: { overall: { rag, reason }, time: { rag, reason }, cost: { rag: 'green', reason: null }, scope: { rag: 'green', reason: null } },
    setAt: month.toISOString(),
    setBy: `Project Lead ${project % 300}`,
    confirmed: false,
  };
}

async function main(): Promise<void> {
  const now = new Date('2026-12-04T09:30:00Z');
  await withBenchStore('assurance', async (store) => {
    await seedProgramme(store, PROJECTS, 5, now, 0, 'in-delivery');
    await store.transaction(async (tx) => {
      for (let i = 0; i < PROJECTS; i++) {
        const reference = `DP-2026-${String(i + 1).padStart(5, '0')}`;
        for (let n = 1; n <= HEALTH_EACH; n++) await tx.projects.recordHealth(reference, setting(i, n));
      }
    });
    const deps = {
      store,
      clock: { now: () => now },
      calendar: new WorkingCalendar(loadBankHolidays(DEFAULT_BANK_HOLIDAYS_FILE).dates),
      reminders: { healthRhythm: 'monthly' },
    } as unknown as Deps;
    const quarter = parseQuarter('2026 Q4')!;
    await buildAssuranceReport(deps, quarter); // warm the statement cache, as a running bot has
    const report = await timed(() => buildAssuranceReport(deps, quarter));
    const health = report.value.sections.find((s) => s.key === 'health')!;
    console.log(`assurance report: ${PROJECTS} projects with ${HEALTH_EACH} health settings each, read and built in ${report.ms.toFixed(0)} ms (target <= 1000 ms): ${health.words}`);
    await assuranceDocx(report.value); // load docx's code once, as the running bot has
    const docx = await timed(() => assuranceDocx(report.value));
    console.log(`assurance report as a ${(docx.value.length / 1024).toFixed(0)} KB Word document in ${docx.ms.toFixed(0)} ms (target <= 2000 ms)`);
  });
}

runBench(main);
