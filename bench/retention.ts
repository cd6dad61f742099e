/**
 * A retention run over 50,000 audit rows: 10,000 requests (four in ten declined, withdrawn or merged more than
 * two years ago, two in ten projects completed more than six years ago, the rest live), five audit rows each
 * naming their people, triage decisions, project owners, 2,000 old drafts and 5,000 old delivery log rows,
 * generated into a temp SQLite database. Times one run (plan, pseudonymise, delete, audit: one transaction).
 */
import { randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { runRetention } from '../src/app/data-protection/retention';
import { DEFAULT_RETENTION } from '../src/domain/data-protection';
import type { ProjectRequest, RequestStatus } from '../src/domain/request';
import { runBench, withBenchStore } from './support';

const REQUESTS = 10_000;
const AUDIT_EACH = 5;
const NOW = new Date('2026-12-04T02:15:00Z');
const LONG_AGO = '2019-06-01T10:00:00.000Z';
const RECENT = '2026-10-01T10:00:00.000Z';

async function main(): Promise<void> {
  await withBenchStore('retention', async (store) => {
    const t0 = Date.now();
    await store.transaction(async (tx) => {
      for (let i = 0; i < REQUESTS; i++) {
        const kind = i % 10 < 4 ? 'closed' : i % 10 < 6 ? 'completed' : 'live';
        const status: RequestStatus = kind === 'closed' ? (['declined', 'withdrawn', 'merged'] as const)[i % 3] : kind === 'completed' ? 'completed' : 'approved';
        const at = kind === 'live' ? RECENT : LONG_AGO;
        const reference = `DP-2019-${String(i + 1).padStart(5, '0')}`;
        const requester = `Officer ${i % 700}`;
        const chair = `Chair ${i % 7}`;
        const request: ProjectRequest = {
          id: randomUUID(), reference, status, version: 3, requesterId: `29:user-${i % 700}`, requesterName: requester, formId: randomUUID(),
          createdAt: at, updatedAt: at, title: `Request ${i}`, problem: 'Generated for the benchmark', outcome: 'Faster service',
          beneficiaries: ['citizens'], strand: 'customers', principles: ['customer-focused'], principlesHow: 'x', reuseSolution: null, reuseChecked: 'x', route: 'reuse', routeJustification: null,
          personalData: false, oneOffCost: 1000, annualBenefit: 500, desiredStart: null,
        };
        await tx.requests.insert(request, []);
        await tx.triage.save({ reference, post: null, duplicateOf: null, lastDecision: { action: kind === 'closed' ? 'decline' : 'approve', by: chair, at, note: `${chair} asked ${requester} to re-use` }, questions: [] });
        if (kind !== 'closed') {
          await tx.projects.insert({
            reference, priority: 'medium', isPriority: false, digitalLeader: { aadObjectId: `aad-dl-${i % 7}`, name: `Leader ${i % 7}` }, projectLead: { aadObjectId: `aad-pl-${i % 300}`, name: `Lead ${i % 300}` },
            projectManager: null, businessCase: { status: 'approved', link: null, date: null }, planLink: null, resourcing: { confirmed: true, note: null }, dpia: null,
            plannedBenefits: { annualCash: null, nonCash: null }, realisedBenefits: [], milestones: [], measures: [], approvedAt: at, version: 2, updatedAt: at,
          });
        }
        for (let a = 0; a < AUDIT_EACH; a++) {
          const action = ['request.submit', 'request.approve', 'project.plan', 'project.status', 'reminder.snooze'][a];
          await tx.audit.record({ at, actorId: a === 0 ? request.requesterId : '29:chair', actorName: a === 0 ? requester : chair, action, subjectType: 'request', subjectId: reference, outcome: 'done', before: { status: 'submitted' }, after: { status }, detail: a === 1 ? `Decided by ${chair}` : null });
        }
      }
      for (let d = 0; d < 2_000; d++) await tx.drafts.save({ formId: randomUUID(), personId: `29:user-${d}`, values: {}, createdAt: LONG_AGO, updatedAt: LONG_AGO });
      for (let o = 0; o < 5_000; o++) {
        const id = randomUUID();
        await tx.outbox.enqueue({ id, key: `notice:${id}`, target: { kind: 'person', userId: `aad-${o}`, tenantId: null }, intent: { kind: 'text', text: 'x' }, nextAttemptAt: LONG_AGO, createdAt: LONG_AGO });
        await tx.outbox.markSent(id, LONG_AGO, `a-${o}`);
      }
    });
    console.log(`generated ${REQUESTS} requests with ${REQUESTS * AUDIT_EACH} audit rows, 2000 drafts and 5000 delivery log rows in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    const t1 = Date.now();
    const cpu = process.cpuUsage();
    const { plan, counts } = await runRetention({ store, clock: { now: () => NOW }, retention: DEFAULT_RETENTION });
    const seconds = (Date.now() - t1) / 1000;
    const { user, system } = process.cpuUsage(cpu);
    console.log(
      `retention run over ${REQUESTS * AUDIT_EACH} audit rows: ${plan.closedRequests.length} closed requests and ${plan.completedProjects.length} completed projects pseudonymised (${counts.auditEntries} audit rows), ${counts.drafts} drafts and ${counts.deliveryLogs} delivery log rows deleted in ${seconds.toFixed(2)} s (target <= 2 s; ${((user + system) / 1e6).toFixed(2)} s of CPU, load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores)`,
    );
    const t2 = Date.now();
    const again = await runRetention({ store, clock: { now: () => NOW }, retention: DEFAULT_RETENTION });
    console.log(`the next run: ${again.plan.closedRequests.length + again.plan.completedProjects.length} records, in ${((Date.now() - t2) / 1000).toFixed(2)} s`);
  });
}

runBench(main);
