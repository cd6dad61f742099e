/**
 * The assurance report for the CMT at scale: the 10,000-project programme in delivery, each with 12 health
 * settings (a year, about monthly) and 5 risks, read from SQLite and built as `report assurance` does, then made
 * into its Word document. Each timed in this process.
 */
import { randomUUID } from 'node:crypto';
import type { Deps } from '../src/app/deps';
import { buildAssuranceReport } from '../src/app/reports/assurance-report';
import { WorkingCalendar } from '../src/domain/calendar';
import { parseQuarter } from '../src/domain/assurance';
import { RAGS, type HealthUpdate } from '../src/domain/health';
import type { RiskEntry } from '../src/domain/risks';
import { DEFAULT_BANK_HOLIDAYS_FILE } from '../src/config';
import { assuranceDocx } from '../src/documents/assurance-docx';
import { loadBankHolidays } from '../src/scheduler/bank-holidays';
import { seedProgramme } from './seed-programme';
import { runBench, timed, withBenchStore } from './support';

const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 10_000);
const HEALTH_EACH = 12;
const RISKS_EACH = 5;

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

/** The project's `k`th risk: scores spread from 1 to 25, one in five closed. */
function risk(project: number, k: number, reference: string, at: string): RiskEntry {
  const likelihood = 1 + ((project + k) % 5);
  const impact = 1 + ((project * 3 + k) % 5);
  const by = `Project Lead ${project % 300}`;
  return {
    id: randomUUID(), reference, kind: 'risk', description: `Supplier ${project % 40} may not deliver part ${k}`, likelihood, impact, owner: { aadObjectId: `aad-${project % 300}`, name: by },
    mitigation: 'Weekly supplier review', reviewDate: '2027-01-15', status: (project + k) % 5 === 0 ? 'closed' : 'open', version: 1, createdAt: at, createdBy: by, updatedAt: at, lastChange: null,
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
        for (let k = 0; k < RISKS_EACH; k++) await tx.risks.insert(risk(i, k, reference, now.toISOString()));
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
    console.log(`assurance report: ${PROJECTS} projects with ${HEALTH_EACH} health settings and ${RISKS_EACH} risks each, read and built in ${report.ms.toFixed(0)} ms (target <= 1000 ms): ${health.words}`);
    await assuranceDocx(report.value); // load docx's code once, as the running bot has
    const docx = await timed(() => assuranceDocx(report.value));
    console.log(`assurance report as a ${(docx.value.length / 1024).toFixed(0)} KB Word document in ${docx.ms.toFixed(0)} ms (target <= 2000 ms)`);
  });
}

runBench(main);
