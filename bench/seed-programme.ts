import { randomUUID } from 'node:crypto';
import type { Store } from '../src/app/ports';
import type { Milestone, Project } from '../src/domain/project';
import type { ProjectRequest } from '../src/domain/request';

/**
 * The benchmarks' large programme, generated through the repositories: `projects` approved projects with
 * `milestonesEach` milestones each, a mix of what is missing, late and done, as of `now`.
 */
export async function seedProgramme(store: Store, projects: number, milestonesEach: number, now: Date): Promise<void> {
  const PROJECTS = projects;
  const MILESTONES_EACH = milestonesEach;
  const day = (offset: number) => new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const person = (i: number) => ({ aadObjectId: `aad-${i % 300}`, name: `Project Lead ${i % 300}` });
  await store.transaction(async (tx) => {
    for (let i = 0; i < PROJECTS; i++) {
      const reference = `DP-2026-${String(i + 1).padStart(5, '0')}`;
      const request: ProjectRequest = {
        id: randomUUID(), reference, status: 'approved', version: 2, requesterId: `29:user-${i % 500}`, requesterName: `Officer ${i % 500}`, formId: randomUUID(),
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
        milestones, measures: [], approvedAt: new Date(now.getTime() - (i % 90) * 86_400_000).toISOString(), version: 1, updatedAt: now.toISOString(),
      };
      await tx.projects.insert(project);
    }
  });
}
