import { randomUUID } from 'node:crypto';
import type { Store } from '../src/app/ports';
import type { Measure } from '../src/domain/measures';
import type { Milestone, Project } from '../src/domain/project';
import type { RiskEntry } from '../src/domain/risks';
import type { Solution } from '../src/domain/solutions';
import type { ProjectRequest } from '../src/domain/request';
import { termsOf } from '../src/domain/similarity';

/**
 * The benchmarks' large programme, generated through the repositories: `projects` approved projects with
 * `milestonesEach` milestones each, a mix of what is missing, late and done, as of `now`; with `measuresEach`,
 * that many quarterly outcome measures per project with four figures each, some off track, some with the last
 * quarter's figure missing. `status` is every request's (approved by default; in delivery for health statuses).
 */
export async function seedProgramme(store: Store, projects: number, milestonesEach: number, now: Date, measuresEach = 0, status: 'approved' | 'in-delivery' = 'approved'): Promise<void> {
  const PROJECTS = projects;
  const MILESTONES_EACH = milestonesEach;
  const day = (offset: number) => new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const person = (i: number) => ({ aadObjectId: `aad-${i % 300}`, name: `Project Lead ${i % 300}` });
  await store.transaction(async (tx) => {
    for (let i = 0; i < PROJECTS; i++) {
      const reference = `DP-2026-${String(i + 1).padStart(5, '0')}`;
      const request: ProjectRequest = {
        id: randomUUID(), reference, status, version: 2, requesterId: `29:user-${i % 500}`, requesterName: `Officer ${i % 500}`, formId: randomUUID(),
        createdAt: now.toISOString(), updatedAt: now.toISOString(), title: `Project ${i}`, problem: 'Generated for the benchmark', outcome: 'Faster service',
        beneficiaries: ['citizens'], strand: 'customers', principles: ['customer-focused'], principlesHow: 'x', reuseSolution: null, reuseChecked: 'x', route: 'reuse', routeJustification: null,
        personalData: i % 3 === 0, oneOffCost: 1000, annualBenefit: 500, desiredStart: null,
      };
      await tx.requests.insert(request, []);
      const milestones: Milestone[] = Array.from({ length: MILESTONES_EACH }, (_, m) => ({
        id: randomUUID(), title: `Milestone ${m}`, due: day(((i + m * 7) % 120) - 40), status: m % 4 === 0 ? 'done' : 'planned', completedOn: null, revisions: [],
      }));
      const project: Project = {
        reference, priority: 'medium', isPriority: i % 2 === 0, digitalLeader: person(i + 1), projectLead: i % 10 === 0 ? null : person(i), projectManager: person(i + 2),
        businessCase: { status: i % 4 === 0 ? 'approved' : 'drafting', link: i % 5 === 0 ? null : 'https://sp/bc', date: null }, planLink: i % 6 === 0 ? null : 'https://sp/plan',
        resourcing: { confirmed: i % 3 === 0, note: null }, dpia: i % 3 === 0 ? 'in-progress' : null, plannedBenefits: { annualCash: 500, nonCash: null }, realisedBenefits: [],
        milestones, measures: Array.from({ length: measuresEach }, (_, k) => measure(i, k)), approvedAt: new Date(now.getTime() - (i % 90) * 86_400_000).toISOString(), version: 1, updatedAt: now.toISOString(),
      };
      await tx.projects.insert(project);
    }
  });
}

// Financial-year quarters (Q1 is April to June): the four closed by the benchmark's date, 27 Nov 2026.
const QUARTERS = ['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2'];

/** A quarterly measure from a 2025 baseline towards a 2027 target; every fifth lacks its latest quarter's figure. */
function measure(project: number, k: number): Measure {
  const higher = (project + k) % 2 === 0;
  const figures = QUARTERS.slice(0, (project + k) % 5 === 0 ? 3 : 4).map((period, q) => ({
    period,
    value: higher ? 40 + q * ((project % 3) + 1) : 12 - q * ((project % 3) * 0.5),
    recordedAt: '2026-10-05T09:00:00.000Z',
    recordedBy: `Project Lead ${project % 300}`,
  }));
  return {
    id: randomUUID(), name: k === 0 ? 'Customer satisfaction' : 'Cost per transaction', kind: k === 0 ? 'customer-satisfaction' : 'cost-per-transaction', unit: k === 0 ? '%' : '£',
    baseline: { value: higher ? 40 : 12, date: '2025-10-01' }, target: { value: higher ? 60 : 6, date: '2027-09-30' }, direction: higher ? 'higher' : 'lower', frequency: 'quarterly', figures,
  };
}

/**
 * `riskEach` risks and issues on each of the first `projects` projects seedProgramme made: scores from 1 to 25, one in
 * four past its review date (its owner, the project's lead, is reminded), one in five scoring 15 or more, one in ten closed.
 */
export async function seedRisks(store: Store, projects: number, riskEach: number, now: Date): Promise<void> {
  const day = (offset: number) => new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  await store.transaction(async (tx) => {
    for (let i = 0; i < projects; i++) {
      const reference = `DP-2026-${String(i + 1).padStart(5, '0')}`;
      for (let k = 0; k < riskEach; k++) {
        const n = i * riskEach + k;
        const issue = n % 7 === 0;
        const risk: RiskEntry = {
          id: randomUUID(), reference, kind: issue ? 'issue' : 'risk', description: `Risk ${k} of project ${i}`, likelihood: issue ? null : (n % 5) + 1, impact: ((n >> 1) % 5) + 1,
          owner: { aadObjectId: `aad-${i % 300}`, name: `Project Lead ${i % 300}` }, mitigation: 'Generated for the benchmark', reviewDate: day(n % 4 === 0 ? -((n % 30) + 1) : (n % 60) + 1),
          status: n % 10 === 9 ? 'closed' : 'open', version: 1, createdAt: now.toISOString(), createdBy: `Project Lead ${i % 300}`, updatedAt: now.toISOString(), lastChange: null,
        };
        await tx.risks.insert(risk);
      }
    }
  });
}

const SERVICES = ['Customer Services', 'Estates', 'Education', 'Finance', 'Human Resources', 'Legal and Democratic Services', 'Waste Services', 'Housing'];
const THINGS = 'booking payments permits repairs licensing recruitment payroll timesheets library parking planning tenancy allotments rents burials events grants'.split(' ');

/** `count` re-use catalogue entries through the repository; one in ten has a contract ending within six months of `now`. */
export async function seedCatalogue(store: Store, count: number, now: Date): Promise<void> {
  const day = (offset: number) => new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  for (let i = 0; i < count; i++) {
    const thing = THINGS[i % THINGS.length];
    const other = THINGS[(i * 7 + 3) % THINGS.length];
    const entry: Solution = {
      id: randomUUID(), name: `${thing[0].toUpperCase()}${thing.slice(1)} system ${i}`, whatItDoes: `Handles ${thing} and ${other} for residents and staff, online and by phone.`,
      owningService: SERVICES[i % SERVICES.length], strands: [i % 2 === 0 ? 'customers' : 'business-services'], keywords: [thing, other, `k${i}`], sharedWithPartners: i % 4 === 0,
      sharedWith: i % 4 === 0 ? 'Neighbouring councils' : null, contractEnds: i % 10 === 0 ? day(30 + (i % 150)) : i % 3 === 0 ? null : day(400 + i), link: `https://intranet.council.example/solutions/${i}`,
      retired: false, version: 1, createdAt: now.toISOString(), updatedAt: now.toISOString(),
    };
    await store.solutions.insert(entry);
  }
}

const WORDS = 'online booking halls rooms payments permits repairs housing licensing recruitment payroll timesheets library parking planning tenancy allotments rents burials events grants school transport waste recycling garden bins council tax benefits portal forms residents staff appointments'.split(' ');

/** `n` words of the benches' vocabulary, the same for the same seed. */
export const pickWords = (seed: number, n: number): string[] => Array.from({ length: n }, (_, k) => WORDS[(seed * 31 + k * 17) % WORDS.length]);

/** `count` requests awaiting a decision (`DP-<year>-00001` on), indexed for the similarity search and the compose box's search. */
export async function seedOpenRequests(store: Store, count: number, year: number, now: Date): Promise<void> {
  await store.transaction(async (tx) => {
    for (let i = 0; i < count; i++) {
      const title = `Improve ${pickWords(i, 3).join(' ')} ${i}`;
      const problem = `Residents wait for ${pickWords(i + 7, 4).join(' and ')}; staff re-key records by hand.`;
      const request: ProjectRequest = {
        id: randomUUID(), reference: `DP-${year}-${String(i + 1).padStart(5, '0')}`, status: i % 3 === 0 ? 'under-review' : 'submitted', version: 1, requesterId: `29:user-${i % 500}`,
        requesterName: `Officer ${i % 500}`, formId: randomUUID(), createdAt: new Date(now.getTime() + i * 60_000).toISOString(), updatedAt: now.toISOString(), title, problem,
        outcome: 'Faster service', beneficiaries: ['citizens'], strand: 'customers', principles: ['customer-focused'], principlesHow: 'x', reuseSolution: null, reuseChecked: 'x', route: 'reuse',
        routeJustification: null, personalData: false, oneOffCost: null, annualBenefit: null, desiredStart: null,
      };
      await tx.requests.insert(request, termsOf(title, problem));
    }
  });
}
